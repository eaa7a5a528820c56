// Trains the event coder (src/extract/coder) and writes models/coder/plover.json.gz.
// Data, all with terms that allow training: the PLOVER GSR (CC BY-SA 4.0), NGEC's synthetic stories
// (MIT), and Orbit's own hand-labelled Tehran Times pairs (corpus/real-pairs). PLV has no licence and
// is used by `npm run eval:events` to evaluate only.
// Run: npm run train:coder [-- --epochs N --l2 X --synthetic-weight W]
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { repoRoot, sharedDataDir } from '../../src/core/paths.js';
import { EVENT_TYPES } from '../../src/model/types.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import { coderContext, DEFAULT_CODER, NO_EVENT } from '../../src/extract/coder/index.js';
import { SoftmaxModel, trainSoftmax } from '../../src/extract/coder/softmax.js';
import { coderExamples, CODER_OPTIONS } from '../../src/extract/learn/train-coder.js';

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};

function main(): void {
  const shared = sharedDataDir();
  if (!shared || !existsSync(join(shared, 'plover'))) {
    console.log('train:coder: skipped, ../shared/data/plover is absent');
    return;
  }
  const options = { ...CODER_OPTIONS, epochs: arg('--epochs', CODER_OPTIONS.epochs), l2: arg('--l2', CODER_OPTIONS.l2) };
  const syntheticWeight = arg('--synthetic-weight', 0.3);
  const t0 = performance.now();
  const data = coderExamples(shared, repoRoot(), sharedAnalyzer(), coderContext(), syntheticWeight);
  const train = [...data.gsr, ...data.synthetic, ...data.pairs, ...data.candidates];
  const classes = [...EVENT_TYPES, NO_EVENT];
  const model = trainSoftmax(classes, train, options);
  const out = new SoftmaxModel(model.classes, model.weights, {
    data: {
      gsr: `${data.gsr.length} PLOVER_GSR_CAMEO sentences (CC BY-SA 4.0)`,
      synthetic: `${data.synthetic.length} NGEC synthetic story leads (MIT), weight ${syntheticWeight}`,
      pairs: `${data.pairs.length} ordered pairs from corpus/real-pairs (Orbit's own labels of Tehran Times sentences, CC BY 4.0 text)`,
      candidates: `${data.candidates.length} assignments of the pipeline candidates labelled in corpus/real-candidates`,
    },
    options,
    command: 'npm run train:coder',
    trained: new Date().toISOString().slice(0, 10),
  });
  const file = DEFAULT_CODER();
  out.save(file);
  console.log(`coder: ${train.length} examples, ${out.weights.size} features, ${classes.length} classes, ${((performance.now() - t0) / 1000).toFixed(1)} s; ${file} (${(statSync(file).size / 2 ** 20).toFixed(2)} MB)`);
}

main();
