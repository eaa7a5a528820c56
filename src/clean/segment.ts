// Split a text dump that holds several unrelated stories (a digest, a wire dump, several pages pasted
// into one file) into one segment per story, and find each story's headline. Learned from real pages
// (segment-model.ts): the line model labels every unit of the whole dump, a perceptron scores each unit
// as a story's first line, and a second one picks the headline among the lines that open the story.
// One structural constraint stays: a story needs a body line, so of two starts with no body between
// them (a headline printed twice around its caption) the chain of starts with the higher total wins.
// Two rules stand beside the model, as data with ids and tests (segment-features.ts):
// segment.wire-opening (wire digests: headline, date line, dateline paragraph; rare in the pages the
// model learns from) and segment.headline-above-meta (a dated masthead line is not the headline).
import { findDate } from './dates.js';
import { lineModel, type LabelledLines, type LineModel } from './line-model.js';
import { dumpFacts, headlineAboveMeta, wireOpening, mayBeTitle, noTitleFeatures, openingOf, startFeatures, titleFeatures, type DumpFacts } from './segment-features.js';
import { segmentModel, type SegmentModel } from './segment-model.js';
import { repeatedUnits, ruleBody } from './text.js';

/** What rule segment.wire-opening (segment-features.ts) adds to a start's score: a start the chain keeps unless a stronger one competes. */
const WIRE_OPENING_SCORE = 1;

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

/** Per unit, the score that a story starts there: the model's, raised by rule segment.wire-opening (unit 0 scores 0: it always starts one). */
export function startScores(facts: DumpFacts, model: SegmentModel): number[] {
  const out = [0];
  for (let i = 1; i < facts.units.length; i++) out.push(Math.max(model.startScore(startFeatures(facts, i)), wireOpening(facts, i) ? WIRE_OPENING_SCORE : -Infinity));
  return out;
}

/**
 * Where stories start: of the units the model says open one, the set with the highest total score in
 * which every story has a body line (so of two starts with no body between them, one goes).
 */
export function storyStarts(facts: DumpFacts, model: SegmentModel, threshold = 0): number[] {
  return decodeStarts(startScores(facts, model), facts.bodyLine, threshold);
}

/** The decoder of storyStarts over given scores (also run while training, so the model learns what the decoder keeps). */
export function decodeStarts(scores: number[], bodyLine: boolean[], threshold = 0): number[] {
  const n = scores.length;
  const candidates = [0];
  const score = [0];
  for (let i = 1; i < n; i++) {
    if (scores[i] > threshold) {
      candidates.push(i);
      score.push(scores[i] - threshold);
    }
  }
  // bodyBefore[i]: body lines in [0, i).
  const bodyBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) bodyBefore[i + 1] = bodyBefore[i] + (bodyLine[i] ? 1 : 0);
  const hasBody = (a: number, b: number) => bodyBefore[b] - bodyBefore[a] > 0;
  // best[k]: the highest total of a chain of starts from 0 to candidate k, each story with a body.
  const best = candidates.map(() => -Infinity);
  const back = candidates.map(() => -1);
  best[0] = 0;
  for (let k = 1; k < candidates.length; k++) {
    for (let j = 0; j < k; j++) {
      if (best[j] === -Infinity || !hasBody(candidates[j], candidates[k])) continue;
      if (best[j] + score[k] > best[k]) {
        best[k] = best[j] + score[k];
        back[k] = j;
      }
    }
  }
  let last = 0;
  for (let k = 1; k < candidates.length; k++) if (best[k] > -Infinity && hasBody(candidates[k], n) && best[k] > best[last]) last = k;
  const starts: number[] = [];
  for (let k = last; k >= 0; k = back[k]) starts.push(candidates[k]);
  return starts.reverse();
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
