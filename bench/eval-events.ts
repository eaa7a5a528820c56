// Event coding measured on real annotated data, in one command (`npm run eval:events`):
// - PLV: macro-F1 and accuracy of the trained coder by 5-fold cross-validation on PLV_train (each fold
//   also trained on the GSR and the synthetic leads), beside the trigger-lexicon rules it replaces;
// - GSR: accuracy of a coder trained without it (PLV + synthetic);
// Data is read from ../shared/data/plover; without it the command says so and stops.
// Options: --epochs N --l2 X --synthetic-weight W --verbose
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../src/core/paths.js';
import { EVENT_TYPES } from '../src/model/types.js';
import { loadClusters } from '../src/nlp/clusters.js';
import { sharedAnalyzer } from '../src/nlp/parser-component.js';
import { triggerLexicon } from '../src/extract/lexicon.js';
import { codePair } from '../src/extract/pairs.js';
import { candidateFeatures, type FeatureContext } from '../src/extract/coder/features.js';
import { candidateOfText } from '../src/extract/coder/candidate-of-text.js';
import { trainSoftmax } from '../src/extract/coder/softmax.js';
import { readGsr, readPlv, readSynthetic, plvLabel, type PloverExample } from '../src/extract/learn/plover-data.js';
import { evaluateRealGold } from './gold/real-gold.js';
import { crossValidate, predictLabel, score, type Featurized, type Scores } from '../src/extract/learn/train-coder.js';

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};
const verbose = process.argv.includes('--verbose');
const options = { epochs: arg('--epochs', 20), l2: arg('--l2', 1e-4), rate: arg('--rate', 0.3) };
const syntheticWeight = arg('--synthetic-weight', 0.3);
const pct = (x: number) => (100 * x).toFixed(1) + '%';

function printScores(name: string, s: Scores): void {
  console.log(`  ${name.padEnd(34)} macro-F1 ${s.macroF1.toFixed(3)}  accuracy ${pct(s.accuracy)}  (n ${s.n})`);
}

async function main(): Promise<void> {
  const shared = sharedDataDir();
  const dir = join(shared ?? "../shared/data", "plover");
  if (!shared || !existsSync(join(dir, 'PLV_train.tsv'))) {
    console.log(`eval:events: skipped, ${dir} is absent (PLOVER data lives in ../shared/data/plover)`);
    return;
  }
  const analyzer = sharedAnalyzer();
  const ctx: FeatureContext = { clusters: loadClusters(), lexicon: triggerLexicon() };
  const t0 = performance.now();
  const featurize = (examples: PloverExample[], weight = 1): Featurized[] =>
    examples.map((example) => ({ example, gold: example.gold, weight, features: candidateFeatures(candidateOfText(example.text, example.source, example.target), ctx) }));
  const firstSentence = (text: string) => {
    const [s] = analyzer.sentences(text);
    return s ? text.slice(s.start, s.end) : text;
  };
  const plv = featurize(readPlv(join(dir, 'PLV_train.tsv')));
  const gsr = featurize(readGsr(join(dir, 'PLOVER_GSR_CAMEO.jsonl')));
  const synthetic = featurize(readSynthetic(join(dir, 'ngec-synthetic', 'gpt_synthetic_events_2023-10-19_19.csv.zip'), firstSentence), syntheticWeight);
  const seconds = (performance.now() - t0) / 1000;
  const classes = [...EVENT_TYPES];
  console.log(`Event coding (PLOVER types); ${plv.length} PLV, ${gsr.length} GSR, ${synthetic.length} synthetic examples parsed and featurized in ${seconds.toFixed(1)} s`);
  console.log(`PLV_train, 5-fold cross-validation (dev figures; PLV test is held out elsewhere):`);

  const rules = score(plv.map((x) => ({ gold: x.example.label, predicted: plvLabel(codePair(x.example.text, x.example.source!, x.example.target!).type ?? 'none') })));
  printScores('trigger lexicon + slot rules', rules);
  const plvOnly = crossValidate(classes, plv, [], 5, options);
  printScores('coder, PLV folds only', plvOnly.scores);
  const all = crossValidate(classes, plv, [...gsr, ...synthetic], 5, options);
  printScores('coder, + GSR + synthetic', all.scores);
  console.log('  by type (coder, + GSR + synthetic): ' + all.scores.byClass.map((c) => `${c.label} ${c.f1.toFixed(2)}`).join(', '));

  const gsrModel = trainSoftmax(classes, [...plv, ...synthetic], options);
  const gsrScores = score(gsr.map((x) => ({ gold: x.example.label, predicted: predictLabel(gsrModel, x.features, classes) })));
  const gsrRules = score(gsr.map((x) => ({ gold: x.example.label, predicted: x.example.source && x.example.target ? plvLabel(codePair(x.example.text, x.example.source, x.example.target).type ?? 'none') : 'none' })));
  console.log(`GSR (CAMEO manual examples), coder trained on PLV + synthetic:`);
  printScores('trigger lexicon + slot rules', gsrRules);
  printScores('coder', gsrScores);
  if (verbose) {
    for (const p of all.predictions.filter((p) => p.predicted !== p.example.label).slice(0, 60)) {
      console.log(`  ${p.example.label} -> ${p.predicted}: ${p.example.text.slice(0, 160)}`);
    }
  }
  const t1 = performance.now();
  for (const line of await evaluateRealGold(verbose)) console.log(line);
  console.log(`  (extraction of the 60 documents: ${((performance.now() - t1) / 1000).toFixed(1)} s)`);
}

await main();
