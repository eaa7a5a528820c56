// Training the story segmenter (src/clean/segment-model.ts): an averaged perceptron over every gap
// between body lines of each dump ("a new story begins here" or not), a ranking perceptron over the
// units of each gap that opens a gold story (which one it starts at: any unit of the story's opening
// block counts, the best-scoring of them is the one learned), and a ranking perceptron over the lines
// that open each gold story (which is its headline, or none). Fixed seed.
import { repeatKey } from '../../src/clean/lines.js';
import type { LabelledLines } from '../../src/clean/line-model.js';
import { LOOK_BACK, dumpFacts, mayBeTitle, noTitleFeatures, openingOf, startFeatures, titleFeatures, type DumpFacts } from '../../src/clean/segment-features.js';
import { gapFeatures, gapsOf, positionsOf } from '../../src/clean/segment-gaps.js';
import { SegmentModel } from '../../src/clean/segment-model.js';
import { PerceptronTrainer } from '../../src/nlp/perceptron/perceptron.js';
import { seededRandom, shuffle } from '../../src/nlp/learn/random.js';
import type { SegmentDump } from '../segment-dumps.js';

export interface LabelledDump {
  dump: SegmentDump;
  lines: LabelledLines;
}

interface GapExample {
  features: Uint32Array;
  gold: boolean;
}

interface StartExample {
  /** Features of each unit of a gold gap. */
  candidates: Uint32Array[];
  /** Which candidates stand in the story's opening block (any of them is a right start). */
  right: boolean[];
}

/** The gaps of a dump, each gold when a later story's opening block (its first unit to the line before its body) meets it. */
function gapExamples(facts: DumpFacts, dump: SegmentDump): { gaps: GapExample[]; starts: StartExample[] } {
  const gaps: GapExample[] = [];
  const starts: StartExample[] = [];
  for (const gap of gapsOf(facts)) {
    const story = dump.stories.slice(1).find((s) => s.start <= gap.to && Math.max(s.start, s.openEnd) >= gap.from);
    gaps.push({ features: gapFeatures(facts, gap), gold: story !== undefined });
    if (!story) continue;
    const positions = positionsOf(gap);
    // A start near the story's first unit, so its headline stays within the title's look-back.
    const last = Math.min(Math.max(story.start, story.openEnd), story.start + LOOK_BACK);
    let right = positions.map((i) => i >= story.start && i <= last);
    if (!right.some(Boolean)) right = positions.map((i) => i >= story.start && i <= Math.max(story.start, story.openEnd));
    if (!right.some(Boolean)) continue;
    starts.push({ candidates: positions.map((i) => startFeatures(facts, i)), right });
  }
  return { gaps, starts };
}

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
  const gaps: GapExample[] = [];
  const starts: StartExample[] = [];
  const titles: TitleExample[] = [];
  for (const { dump, lines } of dumps) {
    const facts = dumpFacts(dump.units, lines);
    const found = gapExamples(facts, dump);
    gaps.push(...found.gaps);
    starts.push(...found.starts);
    titles.push(...titleExamples(facts, dump));
  }
  const random = seededRandom(seed);
  const gap = new PerceptronTrainer(2);
  const gapOrder = gaps.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(gapOrder, random);
    for (const k of gapOrder) {
      const { features, gold } = gaps[k];
      if ((score(gap, features) > 0) !== gold) gap.update(features, features.length, gold ? 1 : 0, gold ? 0 : 1);
      gap.tick();
    }
  }
  // The start ranker, with the right start left latent: when the best-scoring unit is not a right one,
  // the best-scoring right one moves up and the guess down.
  const start = new PerceptronTrainer(2);
  const startOrder = starts.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(startOrder, random);
    for (const k of startOrder) {
      const { candidates, right } = starts[k];
      const scores = candidates.map((c) => score(start, c));
      let guess = 0, truth = -1;
      for (let c = 0; c < candidates.length; c++) {
        if (scores[c] > scores[guess]) guess = c;
        if (right[c] && (truth < 0 || scores[c] > scores[truth])) truth = c;
      }
      if (!right[guess]) {
        start.update(candidates[truth], candidates[truth].length, 1, 0);
        start.update(candidates[guess], candidates[guess].length, 0, 1);
      }
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
  return new SegmentModel(gap.averaged(0.05), start.averaged(0.05), title.averaged(0.05), provenance);
}
