// Training and cross-validating the event coder (src/extract/coder) on the PLOVER data: features are
// computed once per example, folds are made by example (PLV sentences are independent), and the
// extra sources (GSR, synthetic leads) join every training fold at their own weight.
import { seededRandom, shuffle } from '../../nlp/learn/random.js';
import { trainSoftmax, type SoftmaxExample, type SoftmaxModel, type TrainOptions } from '../coder/softmax.js';
import { plvLabel, type PloverExample } from './plover-data.js';

export interface Featurized extends SoftmaxExample {
  example: PloverExample;
}

export interface ClassScore { label: string; tp: number; fp: number; fn: number; f1: number }

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  byClass: ClassScore[];
}

/** Scores in PLV's classes (CONCEDE and RETREAT as YIELD). */
export function score(pairs: { gold: string; predicted: string }[]): Scores {
  const labels = [...new Set(pairs.map((p) => p.gold))].sort();
  const byClass = labels.map((label) => {
    let tp = 0, fp = 0, fn = 0;
    for (const p of pairs) {
      if (p.predicted === label && p.gold === label) tp++;
      else if (p.predicted === label) fp++;
      else if (p.gold === label) fn++;
    }
    const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
    return { label, tp, fp, fn, f1 };
  });
  const accuracy = pairs.filter((p) => p.gold === p.predicted).length / Math.max(1, pairs.length);
  return { n: pairs.length, accuracy, macroF1: byClass.reduce((s, c) => s + c.f1, 0) / Math.max(1, byClass.length), byClass };
}

export function predictLabel(model: SoftmaxModel, features: string[], allowed?: string[]): string {
  return plvLabel(model.best(features, allowed).label);
}

/** k-fold cross-validation over `data`, each fold trained with `extra` added. */
export function crossValidate(
  classes: string[],
  data: Featurized[],
  extra: Featurized[],
  folds: number,
  options: TrainOptions,
  seed = 5,
): { scores: Scores; predictions: { example: PloverExample; predicted: string }[] } {
  const order = shuffle(data.map((_, i) => i), seededRandom(seed));
  const predictions: { example: PloverExample; predicted: string }[] = [];
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, k) => k % folds === f).map((i) => data[i]);
    const train = [...order.filter((_, k) => k % folds !== f).map((i) => data[i]), ...extra];
    const model = trainSoftmax(classes, train, options);
    for (const x of test) predictions.push({ example: x.example, predicted: predictLabel(model, x.features, classes) });
  }
  return { scores: score(predictions.map((p) => ({ gold: p.example.label, predicted: p.predicted }))), predictions };
}
