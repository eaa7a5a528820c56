// Event coding measured on real annotated data, in one command (`npm run eval:events`):
// - PLV: macro-F1 and accuracy of the trained coder by 5-fold cross-validation on PLV_train (each fold
//   also trained on the GSR and the synthetic leads), beside the trigger-lexicon rules it replaces;
// - GSR: accuracy of a coder trained without it (PLV + synthetic);
// - the real gold (corpus/real-gold): events, relations, dates and modality by half;
// - place and modality of real Tehran Times events (corpus/real-gold/event-sites.jsonl);
// Data is read from ../shared/data/plover; without it the command says so and stops.
// Options: --epochs N --l2 X --synthetic-weight W --verbose
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDataDir } from '../src/core/paths.js';
import { EVENT_TYPES } from '../src/model/types.js';
import { sharedAnalyzer } from '../src/nlp/parser-component.js';
import { codePair, rulePair } from '../src/extract/pairs.js';
import { coderContext, NO_EVENT } from '../src/extract/coder/index.js';
import { trainSoftmax } from '../src/extract/coder/softmax.js';
import { plvLabel } from '../src/extract/learn/plover-data.js';
import { evaluateRealGold } from './gold/real-gold.js';
import { evaluateEventSites } from './gold/event-sites.js';
import { Score, pct } from './scoring.js';
import { coderExamples, CODER_OPTIONS, crossValidate, predictLabel, score, type Featurized, type Scores } from '../src/extract/learn/train-coder.js';

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};
const verbose = process.argv.includes('--verbose');
const options = { epochs: arg('--epochs', CODER_OPTIONS.epochs), l2: arg('--l2', CODER_OPTIONS.l2), rate: arg('--rate', CODER_OPTIONS.rate) };
const syntheticWeight = arg('--synthetic-weight', 0.3);

function printScores(name: string, s: Scores): void {
  console.log(`  ${name.padEnd(34)} macro-F1 ${s.macroF1.toFixed(3)}  accuracy ${pct(s.accuracy)}  (n ${s.n})`);
}

async function main(): Promise<void> {
  const shared = sharedDataDir();
  if (!shared || !existsSync(join(shared, 'plover', 'PLV_train.tsv'))) {
    console.log(`eval:events: skipped, ../shared/data/plover is absent (PLOVER data lives in ../shared/data/plover)`);
    return;
  }
  const t0 = performance.now();
  const { plv, gsr, synthetic, pairs, candidates } = coderExamples(shared, repoRoot(), sharedAnalyzer(), coderContext(), syntheticWeight);
  const seconds = (performance.now() - t0) / 1000;
  const types = [...EVENT_TYPES];
  const classes = [...EVENT_TYPES, NO_EVENT];
  console.log(`Event coding; ${plv.length} PLV, ${gsr.length} GSR, ${synthetic.length} synthetic, ${pairs.length} labelled pair orders, ${candidates.length} labelled candidate assignments parsed and featurized in ${seconds.toFixed(1)} s`);

  console.log(`PLV_train (1,050 sentences, source and target marked; PLV's terms allow evaluation only):`);
  const rules = score(plv.map((x) => ({ gold: x.example.label, predicted: plvLabel(rulePair(x.example.text, x.example.source!, x.example.target!).type ?? 'none') })));
  printScores('trigger lexicon + slot rules', rules);
  const licensed = [...gsr, ...synthetic, ...pairs, ...candidates];
  const shipped = trainSoftmax(classes, licensed, options);
  const shippedOnPlv = score(plv.map((x) => ({ gold: x.example.label, predicted: predictLabel(shipped, x.features, types) })));
  printScores('coder as shipped (never saw PLV)', shippedOnPlv);
  const pairsCli = score(plv.map((x) => ({ gold: x.example.label, predicted: plvLabel(codePair(x.example.text, x.example.source!, x.example.target!).type ?? 'none') })));
  printScores('orbit code --pairs (coder + lexicon)', pairsCli);
  const cv = crossValidate(classes, plv, licensed, 5, options, types);
  printScores('coder + PLV folds, 5-fold CV', cv.scores);
  console.log('  by type (5-fold CV): ' + cv.scores.byClass.map((c) => `${c.label} ${c.f1.toFixed(2)}`).join(', '));
  console.log('  by type (as shipped): ' + shippedOnPlv.byClass.map((c) => `${c.label} ${c.f1.toFixed(2)}`).join(', '));

  const gsrModel = trainSoftmax(classes, [...synthetic, ...pairs, ...candidates], options);
  const gsrScores = score(gsr.map((x) => ({ gold: x.example.label, predicted: predictLabel(gsrModel, x.features, types) })));
  const gsrRules = score(gsr.map((x) => ({ gold: x.example.label, predicted: x.example.source && x.example.target ? plvLabel(rulePair(x.example.text, x.example.source, x.example.target).type ?? 'none') : 'none' })));
  console.log(`GSR (322 CAMEO-manual sentences), coder trained without them (synthetic + pairs + candidates):`);
  printScores('trigger lexicon + slot rules', gsrRules);
  printScores('coder', gsrScores);

  // The labelled Tehran Times pairs, folds by story: does the coder tell an event from none, and its type?
  const story = (x: Featurized) => x.example.id.split('#')[0];
  const byStory = crossValidate(classes, pairs, [...gsr, ...synthetic, ...candidates], 5, options, classes, story).predictions;
  const detect = new Score();
  let typedRight = 0, goldEvents = 0;
  for (const p of byStory) {
    const gold = p.example.label, predicted = p.predicted;
    if (gold !== NO_EVENT) goldEvents++;
    if (gold !== NO_EVENT && predicted === gold) typedRight++;
    if (predicted !== NO_EVENT && gold !== NO_EVENT) detect.tp++;
    else if (predicted !== NO_EVENT) detect.fp++;
    else if (gold !== NO_EVENT) detect.fn++;
  }
  console.log(`Real Tehran Times pairs (corpus/real-pairs, ${pairs.length / 2} pairs x 2 orders), 5-fold CV by story:`);
  console.log('  ' + detect.line('event (any type, direction)'));
  console.log(`  type and direction right on ${typedRight}/${goldEvents} labelled events (${pct(typedRight / Math.max(1, goldEvents))})`);
  if (verbose) {
    for (const p of cv.predictions.filter((p) => p.predicted !== p.example.label).slice(0, 60)) {
      console.log(`  ${p.example.label} -> ${p.predicted}: ${p.example.text.slice(0, 160)}`);
    }
  }
  const t1 = performance.now();
  for (const line of await evaluateRealGold(verbose)) console.log(line);
  console.log(`  (extraction of the 60 documents: ${((performance.now() - t1) / 1000).toFixed(1)} s)`);
  for (const line of await evaluateEventSites()) console.log(line);
}

await main();
