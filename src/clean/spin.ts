// Spin without the original: is this text a synonym-spun rewrite, judged from the text alone?
// A logistic regression over document features (spin-features.ts) against the counts of real news
// (spin-lm.ts), trained by bench/train/train-spin.ts (npm run train:spin) and committed in
// models/spin/spin.bin.gz with its provenance.
//
// The file: gzip of [u32 header length][JSON header][pad to 4][word keys u32][word counts u32]
// [pair keys u32][pair counts u16][pad to 4][skip keys u32][skip counts u16][pad to 4]
// [word classes u16][pad to 4][class-pair keys u32][class-pair counts u16][pad to 4][slot weights f32];
// beside it, synonyms.tsv.gz: the dictionary of alternatives (spin-synonyms.ts).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { modelsDir } from '../core/paths.js';
import { HashedCounts, type NewsLm } from './spin-lm.js';
import { SPIN_FEATURES, spinFeatures } from './spin-features.js';
import { SLOT_BITS } from './spin-slots.js';
import { readSynonyms, writeSynonyms } from './spin-synonyms.js';

export const SPIN_MODEL_FILE = 'spin/spin.bin.gz';
/** The dictionary of alternatives (spin-synonyms.ts), in the model file's folder. */
export const SPIN_SYNONYMS_FILE = 'synonyms.tsv.gz';

/** Below this many words there is too little text to call it spun (the same floor as dedupe's). */
export const MIN_SPIN_WORDS = 80;

export interface SpinClassifier {
  features: string[];
  /** Standardisation: (x - mean) / scale before the weights. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability at or above which a text is called spun (chosen in training, see the README). */
  threshold: number;
  /**
   * Texts under this many words are held to `shortThreshold` instead, set for the same false alarms
   * on short real bodies alone: short wire items (company notices full of names) read oddest.
   */
  shortWords?: number;
  shortThreshold?: number;
}

/** The threshold a text of `words` words is held to. */
export function thresholdOf(c: SpinClassifier, words: number): number {
  return c.shortWords !== undefined && c.shortThreshold !== undefined && words < c.shortWords ? c.shortThreshold : c.threshold;
}

export interface SpinModelHeader extends SpinClassifier {
  provenance: string;
  lmTokens: number;
  minPairCount: number;
  wordCount: number;
  pairCount: number;
  skipCount: number;
  classPairCount: number;
  slotBits: number;
}

export interface SpinVerdict {
  spun: boolean;
  /** The classifier's probability that the text is spun (0 when too short to judge). */
  probability: number;
  words: number;
}

export class SpinModel {
  constructor(readonly lm: NewsLm, readonly classifier: SpinClassifier, readonly provenance = '') {
    if (classifier.features.join() !== SPIN_FEATURES.join()) {
      throw new Error(`spin model: features ${classifier.features.join(',')} do not match this code's ${SPIN_FEATURES.join(',')}; retrain with npm run train:spin`);
    }
  }

  probability(features: Float64Array): number {
    const c = this.classifier;
    let z = c.bias;
    for (let k = 0; k < features.length; k++) z += c.weights[k] * ((features[k] - c.mean[k]) / c.scale[k]);
    return 1 / (1 + Math.exp(-z));
  }

  judge(text: string): SpinVerdict {
    const features = spinFeatures(text, this.lm);
    const words = Math.round(Math.exp(features[features.length - 1]) - 1);
    if (words < MIN_SPIN_WORDS) return { spun: false, probability: 0, words };
    const probability = this.probability(features);
    return { spun: probability >= thresholdOf(this.classifier, words), probability, words };
  }
}

export function writeSpinModel(path: string, model: SpinModel): void {
  const { lm, classifier } = model;
  const header: SpinModelHeader = {
    ...classifier,
    provenance: model.provenance,
    lmTokens: lm.tokens,
    minPairCount: lm.minPairCount,
    wordCount: lm.words.keys.length,
    pairCount: lm.pairs.keys.length,
    skipCount: lm.skips.keys.length,
    classPairCount: lm.classPairs.keys.length,
    slotBits: SLOT_BITS,
  };
  if (!lm.slots || lm.slots.length !== 1 << SLOT_BITS) throw new Error(`${path}: the spin model has no slot weights to write`);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const u16 = (counts: Uint32Array) => Buffer.from(Uint16Array.from(counts, (c) => Math.min(c, 0xffff)).buffer);
  const u32 = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const pairCounts = u16(lm.pairs.counts);
  const parts = [
    Buffer.from(Uint32Array.of(json.length).buffer),
    json,
    Buffer.alloc(pad(json.length)),
    u32(lm.words.keys),
    u32(lm.words.counts),
    u32(lm.pairs.keys),
    pairCounts,
    Buffer.alloc(pad(pairCounts.length)),
    u32(lm.skips.keys),
    u16(lm.skips.counts),
  ];
  const padded = (b: Buffer) => [b, Buffer.alloc(pad(b.length))];
  const skipCounts = parts.pop()!;
  parts.push(...padded(skipCounts), ...padded(Buffer.from(lm.classes.buffer, lm.classes.byteOffset, lm.classes.byteLength)));
  parts.push(u32(lm.classPairs.keys), ...padded(u16(lm.classPairs.counts)));
  parts.push(Buffer.from(lm.slots.buffer, lm.slots.byteOffset, lm.slots.byteLength));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(Buffer.concat(parts), { level: 9 }));
  if (lm.synonyms) writeSynonyms(join(dirname(path), SPIN_SYNONYMS_FILE), lm.synonyms);
}

export function readSpinModel(path: string): SpinModel {
  const { lm, header } = readSpinParts(path);
  return new SpinModel(lm, header, header.provenance);
}

/**
 * The counts, dictionary and slot weights of a model file with its header, the classifier unchecked
 * (training reuses the counts of a file whose classifier this code no longer reads).
 */
export function readSpinParts(path: string): { lm: NewsLm; header: SpinModelHeader } {
  if (!existsSync(path)) throw new Error(`${path}: the spin model is missing; rebuild it with npm run train:spin`);
  const bytes = gunzipSync(readFileSync(path));
  // Copy into an aligned buffer so the typed arrays can view it directly.
  const buffer = new ArrayBuffer(bytes.length + 4);
  new Uint8Array(buffer).set(bytes);
  const headerLength = new Uint32Array(buffer, 0, 1)[0];
  let header: SpinModelHeader;
  try {
    header = JSON.parse(Buffer.from(buffer, 4, headerLength).toString('utf8')) as SpinModelHeader;
  } catch (error) {
    throw new Error(`${path}: not a spin model (bad header: ${(error as Error).message})`);
  }
  let at = 4 + headerLength;
  at += (4 - (at % 4)) % 4;
  const take32 = (n: number) => {
    const view = new Uint32Array(buffer, at, n);
    at += n * 4;
    return view;
  };
  const pairEnd = at + header.wordCount * 8 + header.pairCount * 6;
  const up4 = (n: number) => n + ((4 - (n % 4)) % 4);
  const skipEnd = up4(up4(pairEnd) + header.skipCount * 6);
  const classEnd = up4(skipEnd + header.wordCount * 2);
  const expected = up4(classEnd + header.classPairCount * 6) + (1 << header.slotBits) * 4;
  if (header.slotBits !== SLOT_BITS) throw new Error(`${path}: slot weights of ${header.slotBits} bits, this code reads ${SLOT_BITS}; retrain with npm run train:spin`);
  if (bytes.length < expected) throw new Error(`${path}: truncated spin model (${bytes.length} bytes, expected ${expected})`);
  const wordKeys = take32(header.wordCount);
  const wordCounts = take32(header.wordCount);
  const pairKeys = take32(header.pairCount);
  const take16 = (n: number) => {
    const counts = Uint32Array.from(new Uint16Array(buffer, at, n));
    at += n * 2;
    at += (4 - (at % 4)) % 4;
    return counts;
  };
  const pairCounts = take16(header.pairCount);
  const skipKeys = take32(header.skipCount);
  const skipCounts = take16(header.skipCount);
  const classes = Uint16Array.from(new Uint16Array(buffer, at, header.wordCount));
  at = up4(at + header.wordCount * 2);
  const classPairKeys = take32(header.classPairCount);
  const classPairCounts = take16(header.classPairCount);
  const slots = Float32Array.from(new Float32Array(buffer, at, 1 << header.slotBits));
  const lm: NewsLm = {
    words: new HashedCounts(wordKeys, wordCounts),
    pairs: new HashedCounts(pairKeys, pairCounts),
    skips: new HashedCounts(skipKeys, skipCounts),
    classes,
    classPairs: new HashedCounts(classPairKeys, classPairCounts),
    slots,
    synonyms: readSynonyms(join(dirname(path), SPIN_SYNONYMS_FILE)),
    tokens: header.lmTokens,
    minPairCount: header.minPairCount,
  };
  return { lm, header };
}

let committed: SpinModel | undefined;

/** The committed spin model, read once per process (or thread). */
export function spinModel(): SpinModel {
  return (committed ??= readSpinModel(join(modelsDir(), SPIN_MODEL_FILE)));
}
