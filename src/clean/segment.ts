// Split a text dump that holds several unrelated stories (a digest, a wire dump, several pages pasted
// into one file) into one segment per story, and find each story's headline. Learned from real pages
// (segment-model.ts): the line model labels every unit of the whole dump, a perceptron scores each unit
// as a story's first line, and a second one picks the headline among the lines that open the story.
// One structural constraint stays: a story needs a body line, so of two starts with no body between
// them (a headline printed twice around its caption) the weaker goes.
import { lineModel, type LabelledLines, type LineModel } from './line-model.js';
import { dumpFacts, mayBeTitle, noTitleFeatures, openingOf, startFeatures, titleFeatures, type DumpFacts } from './segment-features.js';
import { segmentModel, type SegmentModel } from './segment-model.js';
import { repeatedUnits, ruleBody } from './text.js';

export interface Segment {
  /** Units [start, end) of the page. */
  start: number;
  end: number;
  units: string[];
  /** The story's headline line; null when it shows none. */
  title: string | null;
}

export interface SegmentOptions {
  /** The segmenter; the committed one when absent. */
  model?: SegmentModel;
  /** The line model whose labels the segmenter reads; the committed one when absent. */
  lineModel?: LineModel;
  /** The line model's labels of these units, when already known. */
  lines?: LabelledLines;
}

/** The line model's reading of a whole dump, as the segmenter sees it. */
export function labelDump(units: string[], model: LineModel = lineModel()): LabelledLines {
  const keep = ruleBody(units, { repeated: repeatedUnits(units) })?.keep ?? units.map(() => false);
  return model.label(units, keep);
}

export function segmentUnits(units: string[], options: SegmentOptions = {}): Segment[] {
  if (units.length === 0) return [];
  const model = options.model ?? segmentModel();
  const facts = dumpFacts(units, options.lines ?? labelDump(units, options.lineModel));
  const starts = storyStarts(facts, model);
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : units.length;
    const at = headlineOf(facts, model, start, end);
    return { start, end, units: units.slice(start, end), title: at === null ? null : units[at] };
  });
}

/** Where stories start: every unit the model says opens one, then at most one start per body. */
export function storyStarts(facts: DumpFacts, model: SegmentModel): number[] {
  const scores = facts.units.map((_, i) => (i === 0 ? Infinity : model.startScore(startFeatures(facts, i))));
  let starts = scores.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0);
  const hasBody = (a: number, b: number) => facts.bodyLine.slice(a, b).includes(true);
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 0; k < starts.length; k++) {
      const end = k + 1 < starts.length ? starts[k + 1] : facts.units.length;
      if (hasBody(starts[k], end) || starts.length === 1) continue;
      // A story with no body: of its start and the next, the weaker start goes (the last story joins the one before).
      const drop = k + 1 < starts.length ? (scores[starts[k]] < scores[starts[k + 1]] ? k : k + 1) : k;
      starts = starts.filter((_, j) => j !== drop);
      changed = true;
      break;
    }
  }
  if (starts[0] !== 0) starts.unshift(0);
  return starts;
}

/** The unit that is the headline of the story in [start, end), or null when it shows none. */
export function headlineOf(facts: DumpFacts, model: SegmentModel, start: number, end: number): number | null {
  const opening = openingOf(facts, start, end);
  let best: number | null = null;
  let bestScore = model.titleScore(noTitleFeatures(facts, start, opening));
  for (const j of opening) {
    if (!mayBeTitle(facts, j)) continue;
    const score = model.titleScore(titleFeatures(facts, j, start, opening));
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  }
  return best;
}
