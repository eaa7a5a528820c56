// Tagger experiments on the dev splits (not part of any npm script): trains the forward and backward
// taggers once and prints EWT and GUM dev UPOS at several epochs and backward-pass margins.
//
//   node dist/bench/train/tagger-experiments.js --epochs 8,10,12 --margins 20 [--knobs JSON] [--confusions]
import { parseArgs } from 'node:util';
import { readTreebank, treebankPath, type TreebankName, type TreebankSentence } from '../../src/nlp/learn/treebank.js';
import { trainTagger, type TaggerTraining } from '../../src/nlp/learn/train-tagger.js';
import { tagIds, uposOf, type TaggerModel } from '../../src/nlp/tagger.js';
import { WordAtomizer } from '../../src/nlp/word-features.js';
import { loadClusters } from '../../src/nlp/clusters.js';
import type { Scorer } from '../../src/nlp/perceptron/perceptron.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    margins: { type: 'string', default: '20' },
    knobs: { type: 'string', default: '{}' },
    confusions: { type: 'boolean' },
    'forward-only': { type: 'boolean' },
  },
});
const knobs = JSON.parse(values.knobs) as Record<string, number>;
const epochs = values.epochs.split(',').map(Number);
const margins = values.margins.split(',').map(Number);

const load = (name: TreebankName) => readTreebank(treebankPath(name)!);
const train = [...load('ewt-train'), ...load('gum-train')];
const dev = { ewt: load('ewt-dev'), gum: load('gum-dev') };
const clusters = loadClusters();
const atomizer = new WordAtomizer(clusters);

function options(snapshots: Map<number, TaggerModel>): TaggerTraining {
  return {
    epochs: Math.max(...epochs),
    seed: 1,
    clusters,
    dictionaryMinCount: knobs.dictMin,
    dictionaryMinShare: knobs.dictShare,
    ambiguityMinCount: knobs.ambMin,
    keep: knobs.keep,
    ambiguityFolds: knobs.ambFolds,
    onEpoch: (e, m) => { if (epochs.includes(e)) snapshots.set(e, m); },
  };
}

const forward = new Map<number, TaggerModel>();
trainTagger(train, options(forward));
const backward = new Map<number, TaggerModel>();
if (!values['forward-only']) {
  const reversed = train.map((s) => ({ forms: [...s.forms].reverse(), tags: [...s.tags].reverse() }));
  trainTagger(reversed, options(backward));
}

function accuracy(model: TaggerModel, sentences: TreebankSentence[], margin: number, confusions?: Map<string, number>): number {
  let right = 0;
  let total = 0;
  for (const s of sentences) {
    const ids = tagIds(model, s.forms, atomizer.atomize(s.forms), undefined, margin);
    ids.forEach((id, i) => {
      const guess = uposOf(model.tags[id]);
      const gold = uposOf(s.tags[i]);
      if (guess === gold) right++;
      else if (confusions) confusions.set(`${gold}->${guess}`, (confusions.get(`${gold}->${guess}`) ?? 0) + 1);
      total++;
    });
  }
  return (100 * right) / total;
}

const label = values.knobs;
for (const e of epochs) {
  for (const m of values['forward-only'] ? [0] : margins) {
    const model: TaggerModel = { ...forward.get(e)!, backward: backward.get(e)?.scorer as Scorer | undefined };
    const conf = values.confusions ? new Map<string, number>() : undefined;
    const ewt = accuracy(model, dev.ewt, m, conf);
    const gum = accuracy(model, dev.gum, m);
    console.log(`RESULT ${label} epochs ${e} margin ${m}: EWT ${ewt.toFixed(2)} GUM ${gum.toFixed(2)} mean ${((ewt + gum) / 2).toFixed(3)}`);
    if (conf) console.log([...conf].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${v}`).join(', '));
  }
}
