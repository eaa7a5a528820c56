// The rule segmenter as it stood on main before the learned one (src/clean/segment.ts at 3d85bcd),
// kept only as the benchmark's baseline (bench/clean-segment.ts). Not used by cleaning.
// Split a page that holds several unrelated stories (a digest, a wire dump, several articles pasted
// into one file) into one segment per story. A story starts at a headline-like line that is followed by
// a byline or date line, or by a paragraph opening with a dateline ("BAGHDAD, March 3 (Wire) —",
// "ERBIL —"). Conservative on purpose: a segment needs a real body, else it joins the one before, so
// a normal article with subheads stays one story.
import { dateLine, datelineOf, isByline, isHeadlineLike, isProse, wordCount } from '../../src/clean/lines.js';

export interface RuleSegment {
  units: string[];
  /** The story's headline when the page held several stories; null when it is the whole page. */
  title: string | null;
}

/** Prose words a story must have to stand on its own. */
const MIN_STORY_WORDS = 60;
/** Byline and date lines that may stand between a headline and the story's first paragraph. */
const MAX_META_LINES = 3;

export function ruleSegmentUnits(units: string[]): RuleSegment[] {
  const starts: number[] = [];
  for (let i = 0; i < units.length; i++) {
    if (isHeadlineLike(units[i]) && opensStory(units, i + 1)) starts.push(i);
  }
  // Each start opens a segment that runs to the next; the page header before the first start joins it.
  const bounds = starts.filter((s) => s > 0);
  const cuts = [0, ...bounds];
  let segments = cuts.map((start, k) => ({ start, end: k + 1 < cuts.length ? cuts[k + 1] : units.length }));
  // A segment too thin to be a story (a stray headline-like line) joins the one before.
  segments = segments.reduce<typeof segments>((acc, seg) => {
    if (acc.length > 0 && proseWords(units.slice(seg.start, seg.end)) < MIN_STORY_WORDS) acc[acc.length - 1].end = seg.end;
    else if (acc.length > 0 && proseWords(units.slice(acc[acc.length - 1].start, acc[acc.length - 1].end)) < MIN_STORY_WORDS) acc[acc.length - 1].end = seg.end;
    else acc.push({ ...seg });
    return acc;
  }, []);
  if (segments.length <= 1) return [{ units, title: null }];
  return segments.map(({ start, end }) => {
    const slice = units.slice(start, end);
    const headline = starts.find((s) => s >= start && s < end);
    return { units: slice, title: headline === undefined ? null : units[headline] };
  });
}

function opensStory(units: string[], from: number): boolean {
  let sawMeta = false;
  for (let k = from; k < units.length && k < from + MAX_META_LINES + 1; k++) {
    if (isByline(units[k]) || dateLine(units[k]) !== null) {
      sawMeta = true;
      continue;
    }
    return sawMeta || datelineOf(units[k]) !== null;
  }
  return sawMeta;
}

function proseWords(units: string[]): number {
  return units.filter(isProse).reduce((n, u) => n + wordCount(u), 0);
}
