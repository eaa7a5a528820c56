// Training the story segmenter (src/clean/segment-model.ts): an averaged perceptron over every unit of
// each dump ("a story starts here" or not), and a ranking perceptron over the lines that open each gold
// story (which is its headline, or none), both with a fixed seed.
import { repeatKey } from '../../src/clean/lines.js';
import type { LabelledLines } from '../../src/clean/line-model.js';
import { decodeStarts } from '../../src/clean/segment.js';
import { LOOK_BACK, dumpFacts, mayBeTitle, noTitleFeatures, openingOf, startFeatures, titleFeatures, wireOpening, type DumpFacts } from '../../src/clean/segment-features.js';
import { SegmentModel } from '../../src/clean/segment-model.js';
import { PerceptronTrainer } from '../../src/nlp/perceptron/perceptron.js';
import { seededRandom, shuffle } from '../../src/nlp/learn/random.js';
import type { SegmentDump } from '../segment-dumps.js';

export interface LabelledDump {
  dump: SegmentDump;
  lines: LabelledLines;
}

interface StartExample {
  /** Features of every unit but the first (index i - 1 for unit i). */
  features: Uint32Array[];
  /** Per unit, whether rule segment.wire-opening makes it a candidate. */
  rule: boolean[];
  bodyLine: boolean[];
  /** Per later story, the units where a start counts as finding it: its first unit up to LOOK_BACK lines into its opening block. */
  blocks: [from: number, to: number][];
}

/** What segment.ts adds to a start's score for rule segment.wire-opening (kept in step with WIRE_OPENING_SCORE). */
const WIRE_OPENING_SCORE = 1;

interface TitleExample {
  candidates: Uint32Array[];
  /** Index of the gold candidate (the last one is "no headline"). */
  gold: number;
}

function titleExamples(facts: DumpFacts, dump: SegmentDump): TitleExample[] {
  const out: TitleExample[] = [];
  dump.stories.forEach((story, k) => {
    const opening = openingOf(facts, story.start, story.end, undefined, k > 0 ? dump.stories[k - 1].start : 0);
    const lines = opening.filter((j) => mayBeTitle(facts, j));
    const key = story.title === null ? null : repeatKey(story.title);
    const goldAt = key === null ? -1 : lines.findIndex((j) => facts.keys[j] === key);
    if (key !== null && goldAt < 0) return; // the headline is not among the lines the model may pick: nothing to learn
    const candidates = [...lines.map((j) => titleFeatures(facts, j, story.start, opening)), noTitleFeatures(facts, story.start, opening)];
    out.push({ candidates, gold: goldAt < 0 ? lines.length : goldAt });
    // The same story as the segmenter may find it: its start a line or two late (on the headline's second copy, the byline).
    const late = story.start + 1 + (k % 2);
    if (key === null || late > story.openEnd) return;
    const shifted = openingOf(facts, late, story.end, undefined, k > 0 ? dump.stories[k - 1].start : 0);
    const shiftedLines = shifted.filter((j) => mayBeTitle(facts, j));
    const shiftedGold = shiftedLines.findIndex((j) => facts.keys[j] === key);
    if (shiftedGold < 0) return;
    out.push({ candidates: [...shiftedLines.map((j) => titleFeatures(facts, j, late, shifted)), noTitleFeatures(facts, late, shifted)], gold: shiftedGold });
  });
  return out;
}

const score = (t: PerceptronTrainer, f: Uint32Array, s = new Float64Array(2)) => {
  s.fill(0);
  t.score(f, f.length, s);
  return s[1] - s[0];
};

export function trainSegmenter(dumps: LabelledDump[], epochs: number, seed: number, provenance = ''): SegmentModel {
  const starts: StartExample[] = [];
  const titles: TitleExample[] = [];
  for (const { dump, lines } of dumps) {
    const facts = dumpFacts(dump.units, lines);
    starts.push({
      features: dump.units.map((_, i) => startFeatures(facts, i)).slice(1),
      rule: dump.units.map((_, i) => wireOpening(facts, i)),
      bodyLine: facts.bodyLine,
      blocks: dump.stories.slice(1).map((s) => [s.start, Math.min(Math.max(s.start, s.openEnd), s.start + LOOK_BACK)]),
    });
    titles.push(...titleExamples(facts, dump));
  }
  const random = seededRandom(seed);
  const start = new PerceptronTrainer(2);
  const order = starts.map((_, i) => i);
  // A structured perceptron (Collins 2002) with the decoder of segment.ts in the loop: each dump is
  // decoded with the current weights; a story it misses moves its best-scoring unit of the block that
  // opens it up (which of headline, caption, outlet line or headline again is left latent), and a start
  // it finds where none is moves that unit down. Units the decoder drops anyway cost nothing.
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const k of order) {
      const { features, rule, bodyLine, blocks } = starts[k];
      const scores = [0];
      for (let i = 1; i <= features.length; i++) scores.push(Math.max(score(start, features[i - 1]), rule[i] ? WIRE_OPENING_SCORE : -Infinity));
      if (process.env.PER_UNIT) {
        for (let i = 1; i <= features.length; i++) {
          const gold = blocks.some(([from]) => from === i);
          if ((scores[i] > 0) !== gold) start.update(features[i - 1], features[i - 1].length, gold ? 1 : 0, gold ? 0 : 1);
        }
        start.tick();
        continue;
      }
      const predicted = decodeStarts(scores, bodyLine).filter((p) => p > 0);
      const used = new Set<number>();
      for (const [from, to] of blocks) {
        const hit = predicted.find((p) => !used.has(p) && p >= from && p <= to);
        if (hit !== undefined) {
          used.add(hit);
          continue;
        }
        let oracle = from;
        for (let i = from + 1; i <= to; i++) if (scores[i] > scores[oracle]) oracle = i;
        start.update(features[oracle - 1], features[oracle - 1].length, 1, 0);
      }
      for (const p of predicted) if (!used.has(p)) start.update(features[p - 1], features[p - 1].length, 0, 1);
      start.tick();
    }
  }
  const title = new PerceptronTrainer(2);
  const titleOrder = titles.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(titleOrder, random);
    for (const k of titleOrder) {
      const { candidates, gold } = titles[k];
      let best = 0;
      for (let c = 1; c < candidates.length; c++) if (score(title, candidates[c]) > score(title, candidates[best])) best = c;
      if (best !== gold) {
        title.update(candidates[gold], candidates[gold].length, 1, 0);
        title.update(candidates[best], candidates[best].length, 0, 1);
      }
      title.tick();
    }
  }
  return new SegmentModel(start.averaged(0.05), title.averaged(0.05), provenance);
}
