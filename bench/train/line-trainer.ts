// Training the line model: a structured averaged perceptron (Collins 2002) over each page's units,
// decoded with the same Viterbi pass the model runs in use, so it learns from its own mistakes in
// sequence. Emission weights live in the shared perceptron trainer; the label-to-label transitions
// in a small matrix averaged the same way.
import { LINE_LABELS, LineModel, decodePass, viterbi, type LinePass } from '../../src/clean/line-model.js';
import { contextFeatures, lineFeatures } from '../../src/clean/line-features.js';
import { repeatedUnits, ruleBody } from '../../src/clean/text.js';
import { PerceptronTrainer } from '../../src/nlp/perceptron/perceptron.js';
import { seededRandom, shuffle } from '../../src/nlp/learn/random.js';

export interface TrainingPage {
  key: string;
  units: string[];
  labels: number[];
}

export interface PreparedPage extends TrainingPage {
  features: Uint32Array[];
}

/** The rule filter's body decision, as the model sees it in use (text.ts filterUnits). */
export function ruleKeepOf(units: string[]): boolean[] {
  return ruleBody(units, { repeated: repeatedUnits(units) })?.keep ?? units.map(() => false);
}

export function prepare(page: TrainingPage): PreparedPage {
  return { ...page, features: lineFeatures(page.units, ruleKeepOf(page.units)) };
}

/** Inner folds for the second pass's training labels: each page's first-pass labels come from a model that never saw it. */
const INNER_FOLDS = 4;
const innerFold = (key: string) => parseInt(key.slice(6, 12), 16) % INNER_FOLDS;

export function trainLineModel(pages: PreparedPage[], epochs: number, seed: number, provenance = ''): LineModel {
  const first = trainPass(pages.map((p) => ({ features: p.features, labels: p.labels })), epochs, seed);
  const second: { features: Uint32Array[]; labels: number[] }[] = [];
  for (let fold = 0; fold < INNER_FOLDS; fold++) {
    const held = pages.filter((p) => innerFold(p.key) === fold);
    if (held.length === 0) continue;
    const pass = trainPass(pages.filter((p) => innerFold(p.key) !== fold).map((p) => ({ features: p.features, labels: p.labels })), epochs, seed);
    for (const page of held) {
      const { labels, scores } = decodePass(pass, page.features);
      second.push({ features: contextFeatures(page.features, labels, scores, page.units), labels: page.labels });
    }
  }
  return new LineModel([first, trainPass(second, epochs, seed + 1)], provenance);
}

export function trainPass(pages: { features: Uint32Array[]; labels: number[] }[], epochs: number, seed: number): LinePass {
  const L = LINE_LABELS.length;
  const trainer = new PerceptronTrainer(L);
  // transitions[p][y], the last row being the start; `stamped` holds the time-stamped updates for the average.
  const weights = Array.from({ length: L + 1 }, () => new Float64Array(L));
  const stamped = Array.from({ length: L + 1 }, () => new Float64Array(L));
  let clock = 1;
  const current = () => weights.map((row) => Array.from(row));
  const random = seededRandom(seed);
  const order = pages.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const p of order) {
      const { features, labels: gold } = pages[p];
      const emissions = features.map((f) => {
        const s = new Float64Array(L);
        trainer.score(f, f.length, s);
        return s;
      });
      const guess = viterbi(emissions, current());
      for (let i = 0; i < gold.length; i++) {
        if (guess[i] !== gold[i]) trainer.update(features[i], features[i].length, gold[i], guess[i]);
        const goldPrev = i > 0 ? gold[i - 1] : L;
        const guessPrev = i > 0 ? guess[i - 1] : L;
        if (goldPrev !== guessPrev || gold[i] !== guess[i]) {
          weights[goldPrev][gold[i]] += 1;
          stamped[goldPrev][gold[i]] += clock;
          weights[guessPrev][guess[i]] -= 1;
          stamped[guessPrev][guess[i]] -= clock;
        }
        trainer.tick();
        clock++;
      }
    }
  }
  const transitions = weights.map((row, p) => Array.from(row, (w, y) => w - stamped[p][y] / clock));
  return { scorer: trainer.averaged(0.05), transitions };
}
