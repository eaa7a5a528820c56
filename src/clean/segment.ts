// Split a text dump that holds several unrelated stories (a digest, a wire dump, several pages pasted
// into one file) into one segment per story, and find each story's headline. Learned from real pages
// (segment-model.ts): the line model labels every unit of the whole dump; a story is a run of body
// lines, so boundaries stand in the gaps between body lines (segment-gaps.ts): one perceptron decides
// whether a gap opens a new story, a second picks the unit it starts at (headline, doubled caption,
// outlet line and headline again all belong to the opening block), and a third picks the headline
// among the lines that open the story.
// Two rules stand beside the model, as data with ids and tests (segment-features.ts):
// segment.wire-opening (wire digests: headline, date line, dateline paragraph; rare in the pages the
// model learns from) and segment.headline-above-meta (a dated masthead line is not the headline).
import { findDate } from './dates.js';
import { lineModel, type LabelledLines, type LineModel } from './line-model.js';
import { dumpFacts, headlineAboveMeta, wireOpening, mayBeTitle, noTitleFeatures, openingOf, startFeatures, titleFeatures, type DumpFacts } from './segment-features.js';
import { gapFeatures, gapsOf, positionsOf } from './segment-gaps.js';
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
  const titles = starts.map((start, k) => headlineOf(facts, model, start, k + 1 < starts.length ? starts[k + 1] : units.length, k > 0 ? starts[k - 1] : 0));
  // A headline found just above its story's start moves the start up to it.
  const moved = starts.map((start, k) => (k > 0 && titles[k] !== null && titles[k]! < start ? titles[k]! : start));
  return moved.map((start, k) => {
    const end = k + 1 < moved.length ? moved[k + 1] : units.length;
    const at = titles[k];
    return { start, end, units: units.slice(start, end), title: at === null ? null : units[at] };
  });
}

/**
 * Where stories start: unit 0, and in each gap between body lines that the gap model says opens a new
 * story, the unit the start ranker puts first. Every story so holds a body line.
 */
export function storyStarts(facts: DumpFacts, model: SegmentModel, threshold = 0): number[] {
  const starts = [0];
  for (const gap of gapsOf(facts)) {
    const positions = positionsOf(gap);
    // Rule segment.wire-opening: a wire digest's opening starts a story wherever the model stands.
    const rule = positions.find((i) => wireOpening(facts, i));
    if (rule === undefined && model.gapScore(gapFeatures(facts, gap)) <= threshold) continue;
    const at = rule ?? bestStart(facts, model, positions);
    if (at > starts[starts.length - 1]) starts.push(at);
  }
  return starts;
}

/** The position the start ranker scores highest. */
export function bestStart(facts: DumpFacts, model: SegmentModel, positions: number[]): number {
  let best = positions[0];
  let bestScore = -Infinity;
  for (const i of positions) {
    const s = model.startScore(startFeatures(facts, i));
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** The unit that is the headline of the story in [start, end), or null when it shows none. */
export function headlineOf(facts: DumpFacts, model: SegmentModel, start: number, end: number, floor = 0): number | null {
  const opening = openingOf(facts, start, end, undefined, start === 0 ? 0 : floor);
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
  // Rule segment.headline-above-meta: a headline right above the story's byline or date line wins over
  // a dated line that is not (a digest's masthead: "Iraq and the region, 16 June 2023").
  if (best !== null && !headlineAboveMeta(facts, best) && findDate(facts.units[best]) !== null) {
    const above = opening.find((j) => j >= start && mayBeTitle(facts, j) && headlineAboveMeta(facts, j));
    if (above !== undefined) return above;
  }
  return best;
}
