// npm run train:parser:neural: trains the BiLSTM + biaffine parser and UPOS tagger (src/nlp/neural) on
// UD English EWT train + GUM train (../shared/data), reports UAS / LAS / UPOS on both dev sets and the
// seconds taken after every epoch, keeps the best epoch (mean of the two dev LAS) in --out, and writes a
// checkpoint after every epoch so that `--resume` carries on a run that was stopped. Deterministic: fixed
// seeds, fixed order. One core.
//
//   npm run train:parser:neural -- [--epochs 15 --hidden 64 --layers 1 --limit 500 --out FILE --resume]
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readTreebank, treebankPath, type TreebankName, type TreebankSentence } from '../../src/nlp/learn/treebank.js';
import { loadClusters } from '../../src/nlp/clusters.js';
import { uposOf } from '../../src/nlp/tagger.js';
import { BiaffineNetwork, type Gold, type NetworkConfig } from '../../src/nlp/neural/biaffine-parser.js';
import { adamStep, newAdam, Rng, type AdamState } from '../../src/nlp/neural/params.js';
import { buildVocabulary, InputEncoder, UNKNOWN, type EncodedSentence } from '../../src/nlp/neural/word-inputs.js';
import { writeNeuralParser, type NeuralParserMeta } from '../../src/nlp/neural/model-io.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    hidden: { type: 'string', default: '64' },
    layers: { type: 'string', default: '1' },
    'word-dim': { type: 'string', default: '48' },
    'arc-dim': { type: 'string', default: '64' },
    'label-dim': { type: 'string', default: '48' },
    dropout: { type: 'string', default: '0.3' },
    lr: { type: 'string', default: '0.002' },
    batch: { type: 'string', default: '32' },
    limit: { type: 'string' },
    'dev-limit': { type: 'string' },
    out: { type: 'string', default: '/tmp/nparser-best.onn.gz' },
    checkpoint: { type: 'string', default: '/tmp/nparser-checkpoint' },
    resume: { type: 'boolean' },
  },
});

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s] ${line}`);

function load(name: TreebankName): TreebankSentence[] {
  const path = treebankPath(name);
  if (!path) throw new Error(`train:parser:neural: ${name} is not in ../shared/data; the treebanks live there, beside the checkout`);
  return readTreebank(path);
}

let train = [...load('ewt-train'), ...load('gum-train')];
if (values.limit) train = train.slice(0, Number(values.limit));
const devLimit = values['dev-limit'] ? Number(values['dev-limit']) : Infinity;
const dev = { ewt: load('ewt-dev').slice(0, devLimit), gum: load('gum-dev').slice(0, devLimit) };
const clusters = loadClusters();
const vocabulary = buildVocabulary(train.map((s) => s.forms), clusters);
const encoder = new InputEncoder(vocabulary, clusters);
const labels = [...new Set(train.flatMap((s) => s.deprels))].sort();
const uposList = [...new Set(train.flatMap((s) => s.tags.map(uposOf)))].sort();
const labelId = new Map(labels.map((l, i) => [l, i]));
const uposId = new Map(uposList.map((l, i) => [l, i]));
const config: NetworkConfig = {
  wordDim: Number(values['word-dim']), clusterDim: 24, suffixDim: 24, shapeDim: 8,
  hidden: Number(values.hidden), layers: Number(values.layers), arcDim: Number(values['arc-dim']), labelDim: Number(values['label-dim']),
  dropout: Number(values.dropout),
};
const sizes = { ...encoder.sizes, labels: labels.length, upos: uposList.length };

function goldOf(s: TreebankSentence): Gold {
  const T = s.forms.length + 1;
  const g: Gold = { heads: new Int32Array(T), labels: new Int32Array(T), upos: new Int32Array(T) };
  s.forms.forEach((_, k) => {
    g.heads[k + 1] = s.heads[k] + 1;
    g.labels[k + 1] = labelId.get(s.deprels[k]) ?? 0;
    g.upos[k + 1] = uposId.get(uposOf(s.tags[k])) ?? 0;
  });
  return g;
}

const examples = train.map((s) => ({ input: encoder.encode(s.forms), gold: goldOf(s) }));
const tokens = train.reduce((n, s) => n + s.forms.length, 0);
// word dropout (Kiperwasser & Goldberg): a word seen c times is read as unknown with probability 0.25 / (0.25 + c)
const counts = new Float64Array(sizes.words);
for (const e of examples) for (let t = 1; t < e.input.words.length; t++) counts[e.input.words[t]]++;
log(`${train.length} training sentences, ${tokens} words; vocabulary ${vocabulary.words.length} words, ${vocabulary.clusters.length} clusters, ${vocabulary.suffixes.length} suffixes, ${vocabulary.shapes.length} shapes; ${labels.length} labels, ${uposList.length} UPOS`);

let net = new BiaffineNetwork(config, sizes, undefined, 1);
let adam: AdamState = newAdam(net.params.data.length);
let rng = new Rng(2);
let firstEpoch = 1;
let best = -Infinity;
const history: string[] = [];
const ckpt = values.checkpoint!;

interface CheckpointHeader { epoch: number; rng: number; step: number; best: number; config: NetworkConfig; sizes: typeof sizes; history: string[] }

function saveCheckpoint(epoch: number): void {
  const header: CheckpointHeader = { epoch, rng: rng.state, step: adam.step, best, config, sizes, history };
  const n = net.params.data.length;
  const all = new Float32Array(3 * n);
  all.set(net.params.data, 0);
  all.set(adam.m, n);
  all.set(adam.v, 2 * n);
  writeFileSync(`${ckpt}.bin.tmp`, Buffer.from(all.buffer));
  writeFileSync(`${ckpt}.json.tmp`, JSON.stringify(header));
  renameSync(`${ckpt}.bin.tmp`, `${ckpt}.bin`);
  renameSync(`${ckpt}.json.tmp`, `${ckpt}.json`);
}

if (values.resume) {
  if (!existsSync(`${ckpt}.json`)) throw new Error(`--resume: no checkpoint at ${ckpt}.json`);
  const header = JSON.parse(readFileSync(`${ckpt}.json`, 'utf8')) as CheckpointHeader;
  if (JSON.stringify(header.config) !== JSON.stringify(config) || JSON.stringify(header.sizes) !== JSON.stringify(sizes)) {
    throw new Error(`--resume: the checkpoint at ${ckpt} was made with other options or data (${JSON.stringify(header.config)})`);
  }
  const buf = readFileSync(`${ckpt}.bin`);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const n = all.length / 3;
  net = new BiaffineNetwork(config, sizes, all.slice(0, n));
  adam = { m: all.slice(n, 2 * n), v: all.slice(2 * n), step: header.step };
  rng = new Rng(header.rng);
  firstEpoch = header.epoch + 1;
  best = header.best;
  history.push(...header.history);
  log(`resumed after epoch ${header.epoch} (best mean dev LAS ${best.toFixed(2)})`);
}

function evaluate(sentences: TreebankSentence[]): { uas: number; las: number; upos: number; perSecond: number } {
  let total = 0, heads = 0, both = 0, tags = 0;
  const t0 = performance.now();
  for (const s of sentences) {
    const p = net.predict(encoder.encode(s.forms));
    s.forms.forEach((_, i) => {
      total++;
      if (uposList[p.upos[i]] === uposOf(s.tags[i])) tags++;
      if (p.heads[i] === s.heads[i]) {
        heads++;
        if (labels[p.labels[i]] === s.deprels[i]) both++;
      }
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { uas: (100 * heads) / total, las: (100 * both) / total, upos: (100 * tags) / total, perSecond: total / seconds };
}

function meta(figures: Record<string, string>, epoch: number): NeuralParserMeta {
  return {
    config, sizes, vocabulary, labels, upos: uposList, clusters: true,
    provenance: {
      data: ['UD English EWT v2.15 train (CC BY-SA 4.0)', 'UD English GUM train, news/bio/interview/speech (CC BY / CC BY-NC-SA)'],
      command: `npm run train:parser:neural -- ${process.argv.slice(2).join(' ')}`.trim(),
      seeds: { init: 1, shuffleAndDropout: 2 },
      epoch, devFigures: figures,
    },
  };
}

const epochs = Number(values.epochs);
const batch = Number(values.batch);
const lr = Number(values.lr);
const order = examples.map((_, i) => i);
for (let epoch = firstEpoch; epoch <= epochs; epoch++) {
  const t0 = Date.now();
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  let loss = 0;
  let inBatch: number[] = [];
  const flush = () => {
    const words = inBatch.reduce((n, k) => n + examples[k].input.words.length - 1, 0);
    for (const k of inBatch) {
      const e = examples[k];
      const dropped: EncodedSentence = { ...e.input, words: e.input.words.map((w, t) => (t > 0 && rng.next() < 0.25 / (0.25 + counts[w]) ? UNKNOWN : w)) };
      loss += net.train(dropped, e.gold, rng, 1 / words);
    }
    net.params.clip(5);
    adamStep(net.params, adam, lr);
    inBatch = [];
  };
  for (const k of order) {
    inBatch.push(k);
    if (inBatch.length === batch) flush();
  }
  if (inBatch.length) flush();
  const trainSeconds = (Date.now() - t0) / 1000;
  const ewt = evaluate(dev.ewt);
  const gum = evaluate(dev.gum);
  const line = `epoch ${epoch}: loss/word ${(loss / tokens).toFixed(3)}; EWT dev UAS ${ewt.uas.toFixed(2)} LAS ${ewt.las.toFixed(2)} UPOS ${ewt.upos.toFixed(2)}; GUM dev UAS ${gum.uas.toFixed(2)} LAS ${gum.las.toFixed(2)} UPOS ${gum.upos.toFixed(2)}; train ${trainSeconds.toFixed(0)} s, dev ${Math.round(ewt.perSecond)} words/s`;
  history.push(line);
  log(line);
  const score = (ewt.las + gum.las) / 2;
  if (score > best) {
    best = score;
    const figures = { 'ewt-dev UAS': ewt.uas.toFixed(2), 'ewt-dev LAS': ewt.las.toFixed(2), 'ewt-dev UPOS': ewt.upos.toFixed(2), 'gum-dev UAS': gum.uas.toFixed(2), 'gum-dev LAS': gum.las.toFixed(2), 'gum-dev UPOS': gum.upos.toFixed(2) };
    const bytes = writeNeuralParser(values.out!, meta(figures, epoch), net);
    log(`best so far: wrote ${values.out} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
  saveCheckpoint(epoch);
}
