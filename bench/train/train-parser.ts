// npm run train:parser: trains the tagger, lemmatizer and dependency parser on the train splits of UD
// English EWT and GUM (../shared/data), reports the dev figures, and writes models/parser/*.bin.gz with a
// provenance note. Deterministic: fixed seeds, fixed order.
//
//   npm run train:parser [-- --epochs-tagger N --epochs-parser N --folds K --no-clusters --only tagger|parser]
//   npm run train:parser -- --tags-cache /tmp/tags.json --no-write   (parser experiments: the first run
//   saves the jackknifed train tags and the dev tags, later runs skip the taggers, ~14 -> ~5 minutes)
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../src/core/paths.js';
import { readTreebank, treebankPath, type TreebankName, type TreebankSentence } from '../../src/nlp/learn/treebank.js';
import { trainTagger } from '../../src/nlp/learn/train-tagger.js';
import { tagIds, uposOf, type TaggerModel } from '../../src/nlp/tagger.js';
import { WordAtomizer } from '../../src/nlp/word-features.js';
import { loadClusters, type ClusterLookup } from '../../src/nlp/clusters.js';
import { Analyzer, type AnalyzerMeta } from '../../src/nlp/analyzer.js';
import { trainLemmatizer } from '../../src/nlp/learn/train-lemmatizer.js';
import { paragraphsOf, trainSentenceSplitter } from '../../src/nlp/learn/train-sentences.js';
import type { CompactPerceptron } from '../../src/nlp/perceptron/perceptron.js';
import { sentenceF1 } from '../../src/nlp/learn/evaluate.js';
import { splitIntoSentences } from '../../src/nlp/sentence-splitter.js';
import { readModelFile, writeModelFile } from '../../src/nlp/perceptron/model-file.js';
import { hashString } from '../../src/nlp/perceptron/hash.js';
import { parse, parserInput } from '../../src/nlp/parser.js';
import { trainParser, type ParserExample } from '../../src/nlp/learn/train-parser.js';

const { values } = parseArgs({
  options: {
    'epochs-tagger': { type: 'string', default: '10' },
    'epochs-parser': { type: 'string', default: '15' },
    folds: { type: 'string', default: '5' },
    'no-clusters': { type: 'boolean' },
    'forward-only': { type: 'boolean' },
    only: { type: 'string' },
    'drop-stops': { type: 'string' },
    // experiments: keep the jackknifed and dev tags in a file (the tagger is deterministic), skip writing
    'tags-cache': { type: 'string' },
    'no-write': { type: 'boolean' },
  },
});

const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
const started = Date.now();

function load(name: TreebankName): TreebankSentence[] {
  const path = treebankPath(name);
  if (!path) {
    console.log(`train:parser: ${name} is not in ../shared/data; the treebanks live there, beside the checkout`);
    process.exit(1);
  }
  return readTreebank(path);
}

function clusterLookup(): ClusterLookup | null {
  return values['no-clusters'] ? null : loadClusters();
}

/** The left-to-right tagger and, unless --forward-only, its right-to-left twin (on reversed sentences). */
function trainBothTaggers(sentences: TreebankSentence[], say?: (line: string) => void): TaggerModel {
  const options = { epochs: Number(values['epochs-tagger']), seed: 1, clusters, log: say };
  const model = trainTagger(sentences, options);
  if (values['forward-only']) return model;
  const reversed = sentences.map((s) => ({ forms: [...s.forms].reverse(), tags: [...s.tags].reverse() }));
  return { ...model, backward: trainTagger(reversed, options).scorer };
}

function taggerAccuracy(model: TaggerModel, sentences: TreebankSentence[], clusters: ClusterLookup | null): { upos: number; xpos: number } {
  const atomizer = new WordAtomizer(clusters);
  let upos = 0;
  let full = 0;
  let total = 0;
  for (const s of sentences) {
    const ids = tagIds(model, s.forms, atomizer.atomize(s.forms));
    ids.forEach((id, i) => {
      const tag = model.tags[id];
      if (tag === s.tags[i]) full++;
      if (uposOf(tag) === uposOf(s.tags[i])) upos++;
      total++;
    });
  }
  return { upos: (100 * upos) / total, xpos: (100 * full) / total };
}

const train = [...load('ewt-train'), ...load('gum-train')];

// --only sentences: retrain the sentence splitter alone into the existing model file
if (values.only === 'sentences') {
  const path = join(modelsDir(), 'parser', 'en-ud.bin.gz');
  const { meta, perceptrons } = readModelFile<AnalyzerMeta>(path);
  perceptrons.sentences = trainSentenceSplitter(paragraphsOf(train), 5, 3, values['drop-stops'] ? Number(values['drop-stops']) : undefined);
  for (const name of ['ewt-dev', 'gum-dev'] as const) {
    const f1 = sentenceF1(load(name), (text) => splitIntoSentences(perceptrons.sentences, text));
    log(`sentences ${name}: F1 ${(100 * f1).toFixed(2)}%`);
  }
  writeModelFile(path, meta, perceptrons);
  log(`retrained the sentence splitter in ${path}`);
  process.exit(0);
}
const dev = { ewt: load('ewt-dev'), gum: load('gum-dev') };
const clusters = clusterLookup();
log(`${train.length} training sentences, ${train.reduce((n, s) => n + s.forms.length, 0)} words; clusters ${clusters ? 'on' : 'off'}`);

interface CachedTags { train: string[][]; dev: Record<string, string[][]> }
const cachePath = values['tags-cache'];
const cached: CachedTags | null = cachePath && existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, 'utf8')) : null;
if (cached) log(`tags from ${cachePath}`);
// with cached tags and nothing to write, the tagger itself is not needed
const tagger = cached && values['no-write'] ? null : trainBothTaggers(train, log);
const figures: Record<string, string> = {};
if (tagger) {
  for (const [name, sentences] of Object.entries(dev)) {
    const acc = taggerAccuracy(tagger, sentences, clusters);
    figures[`${name}-dev UPOS`] = acc.upos.toFixed(2);
    log(`tagger ${name}-dev: UPOS ${acc.upos.toFixed(2)}%  UPOS|XPOS ${acc.xpos.toFixed(2)}%`);
  }
}
if (values.only === 'tagger') process.exit(0);

// ---- parser ----
const labels = [...new Set(train.flatMap((s) => s.deprels))].sort();
const labelId = new Map(labels.map((l, i) => [l, i]));
const atomizer = new WordAtomizer(clusters);
const tagHashes = (tags: string[]) => Int32Array.from(tags, (t) => hashString(t));
const uposHashes = (tags: string[]) => Int32Array.from(tags, (t) => hashString(uposOf(t)));

function predictedTags(model: TaggerModel, s: TreebankSentence): string[] {
  return [...tagIds(model, s.forms, atomizer.atomize(s.forms))].map((id) => model.tags[id]);
}

function example(s: TreebankSentence, tags: string[]): ParserExample {
  const n = s.forms.length;
  return {
    input: parserInput(atomizer.atomize(s.forms), tagHashes(tags), uposHashes(tags)),
    gold: Int32Array.from(s.heads, (h) => (h < 0 ? n : h)),
    goldLabels: Int32Array.from(s.deprels, (d) => labelId.get(d)!),
  };
}

// The parser learns on tags as the tagger will give them: each fold of the training set is tagged by a
// tagger trained on the other folds (jackknifing), or gold tags with --folds 0.
const folds = Number(values.folds);
let trainTags: string[][];
if (cached) trainTags = cached.train;
else if (folds > 1) {
  trainTags = new Array(train.length);
  for (let f = 0; f < folds; f++) {
    const rest = train.filter((_, i) => i % folds !== f);
    const foldTagger = trainBothTaggers(rest);
    train.forEach((s, i) => { if (i % folds === f) trainTags[i] = predictedTags(foldTagger, s); });
    log(`jackknife fold ${f + 1}/${folds} tagged`);
  }
} else trainTags = train.map((s) => s.tags);

const devTags: Record<string, string[][]> = cached ? cached.dev : Object.fromEntries(Object.entries(dev).map(([name, sentences]) => [name, sentences.map((s) => predictedTags(tagger!, s))]));
if (cachePath && !cached) writeFileSync(cachePath, JSON.stringify({ train: trainTags, dev: devTags }));

const examples = train.map((s, i) => example(s, trainTags[i]));
const parser = trainParser(examples, labels, { epochs: Number(values['epochs-parser']), seed: 2, log });

function attachmentScores(name: string, sentences: TreebankSentence[], goldTags = false): { uas: number; las: number } {
  let heads = 0;
  let both = 0;
  let total = 0;
  for (const [k, s] of sentences.entries()) {
    const result = parse(parser, example(s, goldTags ? s.tags : devTags[name][k]).input);
    s.forms.forEach((_, i) => {
      total++;
      if (result.heads[i] === s.heads[i]) {
        heads++;
        if (labels[result.labels[i]] === s.deprels[i]) both++;
      }
    });
  }
  return { uas: (100 * heads) / total, las: (100 * both) / total };
}
for (const [name, sentences] of Object.entries(dev)) {
  const acc = attachmentScores(name, sentences);
  const gold = attachmentScores(name, sentences, true);
  figures[`${name}-dev UAS`] = acc.uas.toFixed(2);
  figures[`${name}-dev LAS`] = acc.las.toFixed(2);
  log(`parser ${name}-dev: predicted tags UAS ${acc.uas.toFixed(2)} LAS ${acc.las.toFixed(2)}; gold tags UAS ${gold.uas.toFixed(2)} LAS ${gold.las.toFixed(2)}`);
}
if (values['no-write'] || !tagger) process.exit(0);

const lemmatizer = trainLemmatizer(train);
const sentenceModel = trainSentenceSplitter(paragraphsOf(train), 5, 3);
const meta: AnalyzerMeta = {
  name: 'en-ud',
  version: '1',
  clusters: clusters !== null,
  tags: tagger.tags,
  dictionary: [...tagger.dictionary],
  ambiguity: [...tagger.ambiguity],
  labels,
  lemmatizer,
  provenance: {
    data: ['UD English EWT v2.15 train (CC BY-SA 4.0)', 'UD English GUM train, news/bio/interview/speech (CC BY / CC BY-NC-SA)'],
    command: `npm run train:parser -- ${process.argv.slice(2).join(' ')}`.trim(),
    seeds: { tagger: 1, parser: 2, sentences: 3 },
    devFigures: figures,
  },
};
const out = join(modelsDir(), 'parser');
mkdirSync(out, { recursive: true });
const analyzer = new Analyzer(meta, tagger, parser, sentenceModel, clusters);
const bytes = analyzer.save(join(out, 'en-ud.bin.gz'));
log(`wrote models/parser/en-ud.bin.gz (${(bytes / 1e6).toFixed(1)} MB): tagger ${(tagger.scorer as CompactPerceptron).featureCount} features, moves ${(parser.moves as CompactPerceptron).featureCount}, labels ${(parser.labeller as CompactPerceptron).featureCount}`);
