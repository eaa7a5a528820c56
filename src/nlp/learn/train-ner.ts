// Training the NER: epochs over shuffled documents (the document memory needs their order within),
// greedy labelling with the model's own history, an averaged-perceptron update at every mistake.
import { PerceptronTrainer, type CompactPerceptron } from '../perceptron/perceptron.js';
import { hashString } from '../perceptron/hash.js';
import { WordAtomizer } from '../word-features.js';
import type { ClusterLookup } from '../clusters.js';
import { decoder, labelDocument, namedElsewhere } from '../ner/ner.js';
import type { Gazetteer } from '../ner/gazetteer.js';
import { seededRandom, shuffle } from './random.js';

export interface NerSentence {
  forms: string[];
  upos: string[];
  /** BILOU tags. */
  tags: string[];
}

export interface NerTraining {
  epochs: number;
  seed: number;
  clusters: ClusterLookup | null;
  gazetteer: Gazetteer;
  /** Features whose largest averaged weight is below this are dropped. */
  keep?: number;
  log?: (line: string) => void;
}

export function nerLabels(types: readonly string[]): string[] {
  return ['O', ...types.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
}

export function trainNer(documents: NerSentence[][], labels: string[], options: NerTraining): CompactPerceptron {
  const trainer = new PerceptronTrainer(labels.length);
  const d = decoder({ labels, scorer: trainer });
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const atomizer = new WordAtomizer(options.clusters);
  const prepared = documents.map((doc) => {
    const named = namedElsewhere(doc.map((s) => s.forms));
    return doc.map((s, k) => ({
      namedElsewhere: named[k],
      atoms: atomizer.atomize(s.forms),
      upos: Int32Array.from(s.upos, (u) => hashString('upos:' + u)),
      gazetteer: options.gazetteer.tags(s.forms),
      gold: Int32Array.from(s.tags, (t) => labelId.get(t) ?? 0),
    }));
  });
  const random = seededRandom(options.seed);
  const update = (f: Uint32Array, n: number, truth: number, guess: number) => trainer.update(f, n, truth, guess);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let right = 0, total = 0;
    for (const doc of shuffle([...prepared], random)) {
      const golds = doc.map((s) => s.gold);
      const out = labelDocument(d, doc, { golds, update, tick: () => trainer.tick() });
      out.forEach((o, k) => o.forEach((g, i) => (total++, g === golds[k][i] && right++)));
    }
    options.log?.(`ner epoch ${epoch}: train token accuracy ${((100 * right) / total).toFixed(2)}%, ${trainer.featureCount} features`);
  }
  return trainer.averaged(options.keep ?? 1.0);
}
