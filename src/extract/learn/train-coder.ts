// Training and cross-validating the event coder (src/extract/coder) on the PLOVER data: features are
// computed once per example, folds are made by example (PLV sentences are independent), and the
// extra sources (GSR, synthetic leads) join every training fold at their own weight.
import { existsSync } from 'node:fs';
import { seededRandom, shuffle } from '../../nlp/learn/random.js';
import { trainSoftmax, type SoftmaxExample, type SoftmaxModel, type TrainOptions } from '../coder/softmax.js';
import { plvLabel, ploverFiles, readCandidateLabels, readGsr, readPairLabels, readPlv, readSynthetic, readTehranTimes, type PloverExample } from './plover-data.js';
import type { Analyzer } from '../../nlp/analyzer.js';
import { candidateFeatures, type FeatureContext } from '../coder/features.js';
import { candidateOfText } from '../coder/candidate-of-text.js';
import { rulePair } from '../pairs.js';

/** The settings the shipped model is trained with (tuned by cross-validation, see eval:events). */
export const CODER_OPTIONS = { epochs: 20, l2: 1e-5, rate: 0.3 };

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

/**
 * k-fold cross-validation over `data`, each fold trained with `extra` added; predictions among
 * `allowed`. With `group`, examples of one group (a story) stay in one fold.
 */
export function crossValidate(
  classes: string[],
  data: Featurized[],
  extra: Featurized[],
  folds: number,
  options: TrainOptions,
  allowed: string[] = classes,
  group: (x: Featurized) => string = (x) => x.example.id,
  seed = 5,
): { scores: Scores; predictions: { example: PloverExample; predicted: string }[] } {
  const groups = shuffle([...new Set(data.map(group))].sort(), seededRandom(seed));
  const foldOf = new Map(groups.map((g, k) => [g, k % folds]));
  const predictions: { example: PloverExample; predicted: string }[] = [];
  for (let f = 0; f < folds; f++) {
    const test = data.filter((x) => foldOf.get(group(x)) === f);
    const train = [...data.filter((x) => foldOf.get(group(x)) !== f), ...extra];
    const model = trainSoftmax(classes, train, options);
    for (const x of test) predictions.push({ example: x.example, predicted: predictLabel(model, x.features, allowed) });
  }
  return { scores: score(predictions.map((p) => ({ gold: p.example.label, predicted: p.predicted }))), predictions };
}

/** Every example source, parsed and featurized once. PLV is read for evaluation only. */
export function coderExamples(shared: string, repo: string, analyzer: Analyzer, ctx: FeatureContext, syntheticWeight = 0.3) {
  const files = ploverFiles(shared, repo);
  const featurize = (examples: PloverExample[], weight = 1): Featurized[] =>
    examples.map((example) => {
      const candidate = candidateOfText(example.text, example.source, example.target, example.known);
      if (example.source && example.target) candidate.ruleType = rulePair(example.text, example.source, example.target).type ?? undefined;
      return { example, gold: example.gold, weight, features: candidateFeatures(candidate, ctx) };
    });
  const firstSentence = (text: string) => {
    const [s] = analyzer.sentences(text);
    return s ? text.slice(s.start, s.end) : text;
  };
  const tehran = readTehranTimes(files.tehranTimes);
  return {
    plv: featurize(readPlv(files.plv)),
    gsr: featurize(readGsr(files.gsr)),
    synthetic: featurize(readSynthetic(files.synthetic, firstSentence), syntheticWeight),
    pairs: featurize(readPairLabels(files.pairs, (doc) => tehran.get(doc))),
    candidates: existsSync(files.candidates) ? featurize(readCandidateLabels(files.candidates, (doc) => tehran.get(doc))) : [],
  };
}
