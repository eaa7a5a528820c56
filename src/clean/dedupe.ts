// Near-duplicate articles: syndicated copies and synonym-"spun" rewrites.
//
// Syndicated copy: the same words. Compared by word 5-gram shingles, estimated with MinHash (64
// values) and found through LSH (16 bands of 4 rows: pairs at 0.5 Jaccard meet with p = 0.64, at
// 0.7 with p = 0.99), which keeps each look-up near constant time at 100k articles.
//
// Spun copy: same sentences in the same order, same names and numbers, but many single words
// swapped for synonyms, so few 5-grams survive. Two signals must both hold:
//  - the skeleton (capitalised words inside sentences, and numbers) is much the same set (Jaccard
//    >= 0.4: a spinner swaps names' words too); found through its own MinHash/LSH (16 bands of 3
//    rows: p = 0.98 at 0.6, 0.88 at 0.5, 0.36 at 0.3, where articles of one outlet on one country
//    sit and are then rejected by the exact checks), checked exactly;
//  - the sentences align one to one in order (a monotone alignment where a pair counts when their
//    content words overlap, Dice >= 0.4), covering most sentences of both.
// Two outlets writing their own stories on one rocket attack share the skeleton's names but not
// the sentence-by-sentence alignment, so they do not match.
//
// Memory per article: ~0.5 KB of signatures, the skeleton set and the sentences' content-word hashes
// (about a third of the text's size).
import { finish as mix32 } from '../nlp/perceptron/hash.js';

export interface DuplicateMatch {
  id: string;
  /** Shingle Jaccard for a syndicated copy; sentence alignment score for a spun one. */
  similarity: number;
  spun: boolean;
}

const SHINGLE = 5;
const WORD_HASHES = 64;
const WORD_BANDS = 16;
const SKELETON_HASHES = 48;
const SKELETON_BANDS = 16;
/** Shingle Jaccard at or above which a copy is syndicated. */
const SYNDICATED_JACCARD = 0.5;
/** Or: this share of the shorter text's shingles found in the longer, when it is at least half as long. */
const SYNDICATED_CONTAINMENT = 0.8;
// A spinner's thesaurus holds many capitalised words too ("Force" -> "Drive", "Iran" -> "Persia"): a 30%
// WordNet spin keeps a skeleton Jaccard of 0.54-0.88 (10th-90th percentile), so the gate is low and the
// sentence alignment does the precise work.
const SKELETON_JACCARD = 0.4;
const SENTENCE_DICE = 0.4;
/** Aligned sentences this close are copied, not spun. */
const VERBATIM_DICE = 0.85;
const ALIGNED_SHARE = 0.7;
/** A spun copy keeps few 5-grams; a pair that aligns and still shares this many is an edited copy. */
const SPUN_MAX_JACCARD = 0.3;
/** Below this many words, or this many aligned sentences, there is too little to call anything spun. */
const MIN_SPUN_WORDS = 80;
const MIN_ALIGNED_SENTENCES = 3;

interface Entry {
  id: string;
  shingles: number;
  words: number;
  wordSig: Uint32Array;
  skeleton: Uint32Array;
  sentences: Sentences;
}

/**
 * Every sentence's content-word hashes (each sentence sorted) in one flat array, sentence k being
 * `words[starts[k]..starts[k+1])`: two typed arrays per article instead of one per sentence, which is
 * what keeps 100k articles in memory.
 */
interface Sentences {
  words: Uint32Array;
  starts: Uint32Array;
}

export class DuplicateIndex {
  private readonly entries: Entry[] = [];
  private readonly wordBands = Array.from({ length: WORD_BANDS }, () => new Map<number, Bucket>());
  private readonly skeletonBands = Array.from({ length: SKELETON_BANDS }, () => new Map<number, Bucket>());

  get size(): number {
    return this.entries.length;
  }

  add(id: string, text: string): void {
    const entry = { id, ...features(text) };
    const index = this.entries.push(entry) - 1;
    bandKeys(entry.wordSig, WORD_BANDS).forEach((key, b) => push(this.wordBands[b], key, index));
    if (entry.skeleton.length > 0) bandKeys(skeletonSig(entry.skeleton), SKELETON_BANDS).forEach((key, b) => push(this.skeletonBands[b], key, index));
  }

  match(text: string): DuplicateMatch | null {
    const probe = features(text);
    const candidates = new Set<number>();
    const collect = (bucket: Bucket | undefined) => {
      if (typeof bucket === 'number') candidates.add(bucket);
      else bucket?.forEach((i) => candidates.add(i));
    };
    bandKeys(probe.wordSig, WORD_BANDS).forEach((key, b) => collect(this.wordBands[b].get(key)));
    if (probe.skeleton.length > 0) bandKeys(skeletonSig(probe.skeleton), SKELETON_BANDS).forEach((key, b) => collect(this.skeletonBands[b].get(key)));
    let best: DuplicateMatch | null = null;
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const found = compare(probe, this.entries[i]);
      // A syndicated match outranks a spun one; then the higher similarity; then the earlier article.
      if (found && (!best || (best.spun && !found.spun) || (best.spun === found.spun && found.similarity > best.similarity))) best = found;
    }
    return best;
  }
}

function compare(a: Omit<Entry, 'id'>, b: Entry): DuplicateMatch | null {
  const jaccard = estimateJaccard(a.wordSig, b.wordSig);
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  const shorter = Math.min(a.shingles, b.shingles);
  const containment = shorter > 0 ? shared / shorter : 0;
  if (jaccard >= SYNDICATED_JACCARD || (containment >= SYNDICATED_CONTAINMENT && shorter * 2 >= Math.max(a.shingles, b.shingles))) {
    return { id: b.id, similarity: round(jaccard), spun: false };
  }
  if (Math.min(a.words, b.words) < MIN_SPUN_WORDS) return null;
  if (setJaccard(a.skeleton, b.skeleton) < SKELETON_JACCARD) return null;
  const aligned = alignmentScore(a.sentences, b.sentences);
  if (aligned < ALIGNED_SHARE) return null;
  return jaccard >= SPUN_MAX_JACCARD ? { id: b.id, similarity: round(jaccard), spun: false } : { id: b.id, similarity: round(aligned), spun: true };
}

/** The measures behind a match, for two texts side by side (tests and tuning). */
export function similarity(a: string, b: string) {
  const x = features(a);
  const y = features(b);
  const jaccard = estimateJaccard(x.wordSig, y.wordSig);
  return {
    jaccard: round(jaccard),
    skeleton: round(setJaccard(x.skeleton, y.skeleton)),
    aligned: round(alignmentScore(x.sentences, y.sentences)),
    match: compare(x, { id: 'b', ...y }),
  };
}

// ---- features ----

const STOPWORDS = new Set(
  ('a an the and or but if of to in on at by for with from as into onto over under about after before between during ' +
    'against without within through than then that this these those there here it its it\'s is are was were be been being ' +
    'has have had do does did will would shall should can could may might must not no nor so such very also just only ' +
    'he she they we you i him her them us our your his their who whom whose which what when where why how all any both ' +
    'each few more most other some own same too up down out off again further once s t said says say').split(' '),
);

function features(text: string) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordHashes = words.map(hashString);
  const shingles = new Set<number>();
  if (wordHashes.length < SHINGLE) shingles.add(combine(wordHashes));
  for (let i = 0; i + SHINGLE <= wordHashes.length; i++) shingles.add(combine(wordHashes.slice(i, i + SHINGLE)));
  const sentences = roughSentences(text);
  return {
    shingles: shingles.size,
    words: words.length,
    wordSig: minHash(shingles, WORD_HASHES),
    skeleton: skeletonOf(sentences),
    sentences: flatten(sentences.map(contentWords).filter((s) => s.length > 0)),
  };
}

/**
 * Sentences for alignment only: split at . ! ? before a capital and at line breaks. Abbreviations
 * ("U.S. Army") split both copies alike, so this rough cut aligns as well as a careful one, and it is
 * linear in the text's length (no offsets are needed here).
 */
function roughSentences(text: string): string[] {
  return text.split(/\n+|(?<=[.!?]["'”’)]*)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u).map((s) => s.trim()).filter((s) => s !== '');
}

/** Capitalised words that do not open a sentence, and numbers: the names and figures a spinner keeps. */
function skeletonOf(sentences: string[]): Uint32Array {
  const tokens = new Set<number>();
  for (const sentence of sentences) {
    const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    words.forEach((word, i) => {
      if (/^\p{N}/u.test(word) || (i > 0 && /^\p{Lu}/u.test(word))) tokens.add(hashString(word.toLowerCase()));
    });
  }
  return Uint32Array.from([...tokens].sort((x, y) => x - y));
}

function contentWords(sentence: string): number[] {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)).map(hashString))].sort((x, y) => x - y);
}

function flatten(sentences: number[][]): Sentences {
  const starts = new Uint32Array(sentences.length + 1);
  sentences.forEach((s, k) => (starts[k + 1] = starts[k] + s.length));
  return { words: Uint32Array.from(sentences.flat()), starts };
}

// ---- comparison ----

/**
 * Sentences matched in order (a longest-common-subsequence over "similar enough" pairs), weighted by
 * their content words, as a share of both texts' content words: a short sentence a spinner rewrote
 * beyond recognition costs little, a long one unmatched costs much.
 */
function alignmentScore(a: Sentences, b: Sentences): number {
  const n = a.starts.length - 1;
  const m = b.starts.length - 1;
  const total = a.words.length + b.words.length;
  if (n === 0 || m === 0) return 0;
  const size = (s: Sentences, k: number) => s.starts[k + 1] - s.starts[k];
  // Per column: the best weight so far, how many pairs made it, and how many of those were verbatim.
  let previous = new Float64Array(m + 1);
  let previousPairs = new Uint16Array(m + 1);
  let previousVerbatim = new Uint16Array(m + 1);
  for (let i = 1; i <= n; i++) {
    const row = new Float64Array(m + 1);
    const pairs = new Uint16Array(m + 1);
    const verbatim = new Uint16Array(m + 1);
    for (let j = 1; j <= m; j++) {
      const fromUp = previous[j] >= row[j - 1];
      row[j] = fromUp ? previous[j] : row[j - 1];
      pairs[j] = fromUp ? previousPairs[j] : pairs[j - 1];
      verbatim[j] = fromUp ? previousVerbatim[j] : verbatim[j - 1];
      const weight = size(a, i - 1) + size(b, j - 1);
      if (previous[j - 1] + weight <= row[j]) continue;
      const dice = (2 * sharedIn(a, i - 1, b, j - 1)) / weight;
      if (dice < SENTENCE_DICE) continue;
      row[j] = previous[j - 1] + weight;
      pairs[j] = previousPairs[j - 1] + 1;
      verbatim[j] = previousVerbatim[j - 1] + (dice >= VERBATIM_DICE ? 1 : 0);
    }
    previous = row;
    previousPairs = pairs;
    previousVerbatim = verbatim;
  }
  const matched = previousPairs[m];
  // One long shared sentence (a quoted statement, a licence line) does not make a copy.
  if (matched < MIN_ALIGNED_SENTENCES || matched * 2 < Math.min(n, m)) return 0;
  // A spinner rewrites nearly every sentence. Texts that align through sentences copied word for word
  // are two articles sharing background paragraphs (outlets reuse them), which the shingles judge.
  if (previousVerbatim[m] * 2 >= matched) return 0;
  return previous[m] / total;
}

/** Words shared by sentence i of a and sentence j of b (both sorted). */
function sharedIn(a: Sentences, i: number, b: Sentences, j: number): number {
  return overlap(a.words, a.starts[i], a.starts[i + 1], b.words, b.starts[j], b.starts[j + 1]);
}

/** Values shared by two sorted ranges. */
function overlap(a: Uint32Array, i: number, aEnd: number, b: Uint32Array, j: number, bEnd: number): number {
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    if (a[i] === b[j]) shared++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

function setJaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = overlap(a, 0, a.length, b, 0, b.length);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

// ---- hashing ----

/** FNV-1a over UTF-16 code units. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}


function combine(hashes: number[]): number {
  let h = 0x9747b28c;
  for (const x of hashes) h = mix32(Math.imul(h, 31) ^ x);
  return h;
}

const SEEDS = Uint32Array.from({ length: Math.max(WORD_HASHES, SKELETON_HASHES) }, (_, k) => mix32(0x5bd1e995 + k * 0x9e3779b9));

function minHash(values: Iterable<number>, size: number): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const v of values) {
    for (let k = 0; k < size; k++) {
      const h = mix32(v ^ SEEDS[k]);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

function skeletonSig(skeleton: Uint32Array): Uint32Array {
  return minHash(skeleton, SKELETON_HASHES);
}

function bandKeys(sig: Uint32Array, bands: number): number[] {
  const rows = sig.length / bands;
  return Array.from({ length: bands }, (_, b) => combine(Array.from(sig.subarray(b * rows, (b + 1) * rows))));
}

/** The articles in one LSH bucket: most buckets hold one, kept as a bare number to save memory. */
type Bucket = number | number[];

function push(map: Map<number, Bucket>, key: number, value: number): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, value);
  else if (typeof bucket === 'number') map.set(key, [bucket, value]);
  else bucket.push(value);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
