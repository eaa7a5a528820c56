// Trains the spin detector (src/clean/spin.ts) and writes models/spin/spin.bin.gz.
//  1. Counts of real news: words and adjacent word pairs of the LM split (80% of the documents of
//     Reuters-21578 and the Tehran Times crawl); pairs seen once are dropped to keep the file small.
//  2. A logistic regression over the document features, on the classifier split (10%, never counted
//     in step 1): each real body (>= MIN_SPIN_WORDS words) is a negative, and a spin of it made with
//     the Brown-cluster table at a rate drawn from 10-40% is a positive. No other table is seen here.
//  3. The threshold: from 5-fold out-of-fold probabilities on the same split, the lowest that keeps
//     real bodies above it at TARGET_FALSE_ALARMS.
// The eval split (10%) is used by bench/clean-spin.ts only. Deterministic: hash split, seeded spins,
// full-batch gradient descent from zero weights.
//
//   npm run train:spin
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../src/core/paths.js';
import { classPairHash, hashString, lmTokens, pairHash, skipHash, HashedCounts, type NewsLm } from '../../src/clean/spin-lm.js';
import { SPIN_FEATURES, spinFeatures } from '../../src/clean/spin-features.js';
import { SLOT_BITS, isSlot, slotFeatures, wordCounts } from '../../src/clean/spin-slots.js';
import { MIN_SPIN_WORDS, SPIN_MODEL_FILE, SpinModel, writeSpinModel, type SpinClassifier } from '../../src/clean/spin.js';
import { clusterTable, corporaDir, frequencyTable, readNews, readUdDocs, rng, spin, type NewsDoc } from './spin-data.js';
import { fileURLToPath } from 'node:url';

export const SEED = 8005;
/** Out-of-fold false alarms allowed on the classifier split's real news bodies (the target is <= 1%). */
// Set over news bodies and out-of-domain real text together: set on news alone (0.7%), the warning
// fired on 55% of the AEB's general web articles, which would bury users in false warnings; at this
// cut-off it fires on few real articles of any kind and catches only heavy spins.
export const TARGET_FALSE_ALARMS = 0.004;
const arg = (name: string, dflt: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : dflt);
const MIN_PAIR_COUNT = Number(arg('min-pair', '1'));
const FOLDS = 5;
const MIN_SKIP_COUNT = 2;

const log = (s: string) => process.stderr.write(`[train-spin] ${s}\n`);

/** Brown cluster ids (1-based) of the words in models/clusters, by word hash. */
function clusterIds(): Map<number, number> {
  const ids = new Map<string, number>();
  const byWord = new Map<number, number>();
  for (const line of readFileSync(join(modelsDir(), 'clusters', 'clusters.tsv'), 'utf8').split('\n')) {
    const [word, bits] = line.split('\t');
    if (!word || !bits) continue;
    if (!ids.has(bits)) ids.set(bits, ids.size + 1);
    byWord.set(hashString(word.toLowerCase()), ids.get(bits)!);
  }
  return byWord;
}

export function buildLm(docs: NewsDoc[]): NewsLm {
  const clusters = clusterIds();
  let classPairs = new Uint32Array(1 << 24);
  let nClassPairs = 0;
  let words = new Uint32Array(1 << 24);
  let pairs = new Uint32Array(1 << 24);
  let skips = new Uint32Array(1 << 24);
  let nSkips = 0;
  let nWords = 0;
  let nPairs = 0;
  let tokens = 0;
  for (const doc of docs) {
    const t = lmTokens(doc.text);
    tokens += t.length;
    if (nWords + t.length > words.length) words = grow(words, nWords + t.length);
    if (nPairs + t.length > pairs.length) pairs = grow(pairs, nPairs + t.length);
    if (nSkips + t.length > skips.length) skips = grow(skips, nSkips + t.length);
    if (nClassPairs + 2 * t.length > classPairs.length) classPairs = grow(classPairs, nClassPairs + 2 * t.length);
    for (let i = 0; i < t.length; i++) {
      if (!t[i].word) continue;
      words[nWords++] = t[i].hash;
      if (i + 1 < t.length && t[i + 1].word) pairs[nPairs++] = pairHash(t[i].hash, t[i + 1].hash);
      if (i + 2 < t.length && t[i + 1].word && t[i + 2].word) skips[nSkips++] = skipHash(t[i].hash, t[i + 2].hash);
      if (i + 1 < t.length && t[i + 1].word) {
        const left = clusters.get(t[i].hash);
        const right = clusters.get(t[i + 1].hash);
        if (left) classPairs[nClassPairs++] = classPairHash(left, t[i + 1].hash, true);
        if (right) classPairs[nClassPairs++] = classPairHash(right, t[i].hash, false);
      }
    }
  }
  const wordCounts = HashedCounts.fromOccurrences(words.subarray(0, nWords), 2);
  return {
    words: wordCounts,
    classes: Uint16Array.from(wordCounts.keys, (k) => clusters.get(k) ?? 0),
    classPairs: HashedCounts.fromOccurrences(classPairs.subarray(0, nClassPairs), MIN_SKIP_COUNT),
    pairs: HashedCounts.fromOccurrences(pairs.subarray(0, nPairs), MIN_PAIR_COUNT),
    skips: HashedCounts.fromOccurrences(skips.subarray(0, nSkips), MIN_SKIP_COUNT),
    tokens,
    minPairCount: MIN_PAIR_COUNT,
  };
}

function grow(a: Uint32Array, need: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export interface Example {
  x: Float64Array;
  y: 0 | 1;
  fold: number;
  /** A news body, not an out-of-domain UD document. */
  news: boolean;
}

/**
 * The slot model: every content word of the real texts (label 0) and of one spin of each (label 1
 * where the spinner put it), logistic regression on the hashed slot features by averaged SGD.
 */
export function trainSlots(texts: string[], lm: NewsLm, seed: number, epochs = 2): Float32Array {
  const tables = [clusterTable(), frequencyTable()];
  const random = rng(seed);
  const features: number[] = [];
  const labels: number[] = [];
  const add = (text: string, replaced: [number, number][]) => {
    const tokens = lmTokens(text);
    const counts = wordCounts(tokens, lm);
    let r = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!isSlot(tokens, counts, i)) continue;
      while (r < replaced.length && replaced[r][1] <= tokens[i].start) r++;
      const inside = r < replaced.length && replaced[r][0] < tokens[i].end;
      features.push(...slotFeatures(tokens, counts, i, lm));
      labels.push(inside ? 1 : 0);
    }
  };
  texts.forEach((text, k) => {
    add(text, []);
    const s = spin(text, tables[k % tables.length], 0.1 + 0.3 * random(), random);
    add(s.text, s.replaced);
  });
  const width = features.length / labels.length;
  const w = new Float64Array(1 << SLOT_BITS);
  const sum = new Float64Array(1 << SLOT_BITS);
  const order = labels.map((_, k) => k);
  let steps = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const rate = 0.05 / (1 + epoch);
    for (const e of order) {
      let z = 0;
      for (let f = 0; f < width; f++) z += w[features[e * width + f]];
      const g = 1 / (1 + Math.exp(-z)) - labels[e];
      for (let f = 0; f < width; f++) w[features[e * width + f]] -= rate * g;
      steps++;
      for (let f = 0; f < width; f++) sum[features[e * width + f]] += w[features[e * width + f]];
    }
  }
  // Averaged weights: the running sum is only updated where features fire, a cheap stand-in for
  // the full average that keeps rarely-seen weights near their last value.
  const counts = new Float64Array(1 << SLOT_BITS);
  for (let e = 0; e < labels.length; e++) for (let f = 0; f < width; f++) counts[features[e * width + f]] += epochs;
  log(`slot model: ${labels.length} slots, ${labels.filter((l) => l === 1).length} spun, ${steps} steps`);
  return Float32Array.from(w, (v, k) => (counts[k] > 0 ? sum[k] / counts[k] : v));
}

/** Real bodies of the split and one spin of each, from the cluster and frequency tables in turn. */
export function examples(texts: string[], lm: NewsLm, seed: number, newsCount = texts.length): Example[] {
  const tables = [clusterTable(), frequencyTable()];
  const random = rng(seed);
  const out: Example[] = [];
  texts.forEach((text, k) => {
    const real = spinFeatures(text, lm);
    if (Math.exp(real[real.length - 1]) - 1 < MIN_SPIN_WORDS) return;
    const fold = k % FOLDS;
    out.push({ x: real, y: 0, fold, news: k < newsCount });
    const rate = 0.1 + 0.3 * random();
    out.push({ x: spinFeatures(spin(text, tables[k % tables.length], rate, random).text, lm), y: 1, fold, news: k < newsCount });
  });
  return out;
}

/**
 * The document features the classifier weighs; the others keep weight 0. The slot model's summaries
 * carry what generalises across synonym tables; the raw pair shares, weighted by a classifier that
 * saw only the training tables, learned those tables' quirks (cross-table recall fell when they were in).
 */
export const CLASSIFIER_FEATURES: readonly string[] = ['slot-mean', 'log-words'];

/** L2-regularised logistic regression by full-batch gradient descent on standardised features. */
export function trainLogistic(data: Example[], iterations = 3000, l2 = 1e-3, rate = 0.5): Omit<SpinClassifier, 'threshold'> {
  const d = SPIN_FEATURES.length;
  const used = SPIN_FEATURES.map((f) => CLASSIFIER_FEATURES.includes(f));
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const e of data) for (let k = 0; k < d; k++) mean[k] += e.x[k] / data.length;
  for (const e of data) for (let k = 0; k < d; k++) scale[k] += (e.x[k] - mean[k]) ** 2 / data.length;
  for (let k = 0; k < d; k++) scale[k] = Math.sqrt(scale[k]) || 1;
  const z = data.map((e) => Float64Array.from(e.x, (v, k) => (v - mean[k]) / scale[k]));
  const w = new Float64Array(d);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Float64Array(d);
    let gb = 0;
    for (let i = 0; i < data.length; i++) {
      let s = b;
      for (let k = 0; k < d; k++) s += w[k] * z[i][k];
      const err = 1 / (1 + Math.exp(-s)) - data[i].y;
      for (let k = 0; k < d; k++) gw[k] += err * z[i][k];
      gb += err;
    }
    for (let k = 0; k < d; k++) if (used[k]) w[k] -= rate * (gw[k] / data.length + l2 * w[k]);
    b -= (rate * gb) / data.length;
  }
  return { features: [...SPIN_FEATURES], mean, scale, weights: [...w], bias: b };
}

export function probabilityOf(c: Omit<SpinClassifier, 'threshold'>, x: Float64Array): number {
  let s = c.bias;
  for (let k = 0; k < x.length; k++) s += c.weights[k] * ((x[k] - c.mean[k]) / c.scale[k]);
  return 1 / (1 + Math.exp(-s));
}

/** The lowest score that leaves at most `share` of the real scores at or above it. */
export function thresholdFor(realScores: number[], share: number): number {
  const sorted = [...realScores].sort((a, b) => b - a);
  const allowed = Math.floor(share * sorted.length);
  // Just above the (allowed+1)-th highest real score.
  return sorted[allowed] + 1e-9;
}

function main(): void {
  const dir = corporaDir();
  if (!dir) throw new Error('train-spin: the news corpora are not at ../shared/data/corpora beside the repo');
  const docs = readNews(dir);
  const lmDocs = docs.filter((d) => d.split === 'lm');
  const classifierDocs = docs.filter((d) => d.split === 'classifier');
  log(`${docs.length} documents: ${lmDocs.length} for the LM, ${classifierDocs.length} for the classifier, ${docs.filter((d) => d.split === 'eval').length} held out`);
  const lm = buildLm(lmDocs);
  log(`LM: ${lm.tokens} tokens, ${lm.words.keys.length} words, ${lm.pairs.keys.length} pairs (count >= ${MIN_PAIR_COUNT}), ${lm.skips.keys.length} contexts (count >= ${MIN_SKIP_COUNT}), ${lm.classPairs.keys.length} word-class pairs`);
  const ud = readUdDocs();
  const texts = [...classifierDocs.map((d) => d.text), ...ud];
  lm.slots = trainSlots(texts, lm, SEED + 1);
  const data = examples(texts, lm, SEED, classifierDocs.length);
  log(`classifier: ${data.length} examples (${ud.length} UD documents among the texts)`);
  const outOfFold: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const c = trainLogistic(data.filter((e) => e.fold !== fold));
    for (const e of data) if (e.fold === fold && e.y === 0) outOfFold.push(probabilityOf(c, e.x));
  }
  const threshold = thresholdFor(outOfFold, TARGET_FALSE_ALARMS);
  const classifier = { ...trainLogistic(data), threshold };
  const recall = data.filter((e) => e.y === 1 && probabilityOf(classifier, e.x) >= threshold).length / data.filter((e) => e.y === 1).length;
  log(`threshold ${threshold.toFixed(4)} (out-of-fold false alarms <= ${TARGET_FALSE_ALARMS} on real news and UD documents); training-split recall on cluster spins ${recall.toFixed(3)}`);
  log(`weights: ${SPIN_FEATURES.map((f, k) => `${f} ${classifier.weights[k].toFixed(2)}`).join(', ')}`);
  const provenance =
    `Spin detector trained by npm run train:spin (bench/train/train-spin.ts, seed ${SEED}). Counts from the LM split ` +
    `(${lmDocs.length} documents, 80% by id hash) of Reuters-21578 (research use only) and the Tehran Times crawl (CC BY 4.0, ` +
    `Tehran Times / Mehr News Agency), stored as 32-bit hashes only; logistic regression on the classifier split ` +
    `(${classifierDocs.length} documents) and UD English EWT + GUM train documents (CC BY-SA 4.0; out-of-domain real text), ` +
    `with spins from Brown-cluster neighbours and same-frequency words (models/clusters) only; threshold for ` +
    `${TARGET_FALSE_ALARMS * 100}% out-of-fold false alarms on that split's real texts (news bodies and UD documents).`;
  const path = arg('out', join(modelsDir(), SPIN_MODEL_FILE));
  writeSpinModel(path, new SpinModel(lm, classifier, provenance));
  log(`wrote ${path}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
