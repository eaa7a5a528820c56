// Training the NER: epochs over shuffled documents (the document memory needs their order within),
// greedy labelling with the model's own history, an averaged-perceptron update at every mistake.
// Inputs come from NerInputBuilder, as the recognizer's do.
import { PerceptronTrainer, type CompactPerceptron } from '../perceptron/perceptron.js';
import type { ClusterLookup } from '../clusters.js';
import { seededRandom, shuffle } from '../learn/random.js';
import { decoder, labelDocument } from './ner.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { jackknifedNames } from './names.js';
import { NerInputBuilder } from './inputs.js';

/** One training sentence: its words, their UPOS and the BILOU tags. */
export interface NerSentence {
  forms: string[];
  upos: string[];
  /** BILOU tags. */
  tags: string[];
}

export interface NerTrainingOptions {
  epochs: number;
  seed: number;
  clusters: ClusterLookup | null;
  gazetteer: Gazetteer;
  /** Features whose largest averaged weight is below this are dropped. */
  keep?: number;
  /** Per document, its domain ("conll", "re3d") for the domain-specific feature copies; absent: none. */
  domains?: readonly (string | null)[];
  /** Read the training data's own names as a gazetteer, jackknifed over this many folds (names.ts); 0: no. */
  nameFolds?: number;
  log?: (line: string) => void;
}

export function nerLabels(types: readonly string[]): string[] {
  return ['O', ...types.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
}

export interface TrainedNer {
  scorer: CompactPerceptron;
  /** The training data's names the model reads at run time (null when it reads none). */
  names: GazetteerEntry[] | null;
}

export function trainNerModel(documents: readonly NerSentence[][], labels: string[], options: NerTrainingOptions): TrainedNer {
  const trainer = new PerceptronTrainer(labels.length);
  const d = decoder({ labels, scorer: trainer });
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const builder = new NerInputBuilder(options.clusters, options.gazetteer);
  const names = options.nameFolds ? jackknifedNames(documents, options.nameFolds) : null;
  const prepared = documents.map((doc, i) => ({
    inputs: builder.document(doc, { names: names ? names.perDocument[i] : null, domain: options.domains?.[i] ?? null }),
    golds: doc.map((s) => Int32Array.from(s.tags, (t) => {
      const id = labelId.get(t);
      if (id === undefined) throw new Error(`NER training: tag "${t}" is not one of the labels (${labels.join(' ')})`);
      return id;
    })),
  }));
  const random = seededRandom(options.seed);
  const update = (f: Uint32Array, n: number, truth: number, guess: number) => trainer.update(f, n, truth, guess);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let right = 0, total = 0;
    for (const doc of shuffle([...prepared], random)) {
      const out = labelDocument(d, doc.inputs, { golds: doc.golds, update, tick: () => trainer.tick() });
      out.forEach((o, k) => o.forEach((g, i) => (total++, g === doc.golds[k][i] && right++)));
    }
    options.log?.(`ner epoch ${epoch}: train token accuracy ${((100 * right) / total).toFixed(2)}%, ${trainer.featureCount} features`);
  }
  return { scorer: trainer.averaged(options.keep ?? 1.0), names: names ? names.all : null };
}
