// The language of real news as counts: how often each word and each pair of adjacent tokens occurs in
// the news corpora (Reuters-21578 and the Tehran Times crawl, the documents of the LM split). Kept as
// sorted 32-bit hashes with their counts, looked up by binary search: a few MB, no strings, and a
// false "seen" only when two different pairs share a 32-bit hash (about 1 in 2,000 at 2M pairs).
//
// A synonym spinner swaps content words for dictionary synonyms regardless of sense ("the affect
// Iran wields", "Quds Drive"), so the pairs around a swapped word are ones real news never writes,
// although each word on its own is common: that gap is what the spin features measure.
import { finish as mix32 } from '../nlp/perceptron/hash.js';
import type { SynonymDictionary } from './spin-synonyms.js';

/** Tokens for the counts: lower-cased words, numbers as one token, sentence punctuation kept. */
export interface LmToken {
  /** Hash of the lower-cased form (NUMBER_HASH for numbers). */
  hash: number;
  /** A word of letters (not a number, not punctuation). */
  word: boolean;
  /** Written with a capital, not first in its sentence: part of a name. */
  capital: boolean;
  /** The lower-cased form, for the stop-word test. */
  form: string;
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
}

const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+)*|[.,;:!?()"“”]/gu;
const OPENING_PUNCTUATION = /^[.!?]$/;

export function lmTokens(text: string): LmToken[] {
  const out: LmToken[] = [];
  let sentenceStart = true;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index!;
    const end = start + raw.length;
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      out.push({ hash: NUMBER_HASH, word: false, capital: false, form: '0', start, end });
      sentenceStart = false;
      continue;
    }
    if (raw.length === 1 && /[.,;:!?()"“”]/.test(raw)) {
      const form = raw === '“' || raw === '”' ? '"' : raw;
      out.push({ hash: hashString(form), word: false, capital: false, form, start, end });
      if (OPENING_PUNCTUATION.test(form)) sentenceStart = true;
      continue;
    }
    const form = raw.toLowerCase().replace(/’/g, "'");
    out.push({ hash: hashString(form), word: true, capital: !sentenceStart && raw !== form, form, start, end });
    sentenceStart = false;
  }
  return out;
}

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const NUMBER_HASH = hashString('<number>');


/** The key of an ordered pair of tokens. */
export function pairHash(a: number, b: number): number {
  return mix32(mix32(a) ^ Math.imul(b, 0x9e3779b1)) >>> 0;
}

/** The key of a context: the tokens either side of a slot ("the _ Iran"). */
export function skipHash(a: number, b: number): number {
  return pairHash(a ^ 0x5bd1e995, b ^ 0x27d4eb2f);
}

/** The key of a word beside a word class (Brown cluster): left side `a` is the class. */
export function classPairHash(classId: number, word: number, classOnLeft: boolean): number {
  return classOnLeft ? pairHash(0x1234567 + classId, word ^ 0x7f4a7c15) : pairHash(word ^ 0x7f4a7c15, 0x7654321 + classId);
}

/** Sorted hashes with a count each. */
export class HashedCounts {
  constructor(readonly keys: Uint32Array, readonly counts: Uint32Array) {
    if (keys.length !== counts.length) throw new Error(`hashed counts: ${keys.length} keys but ${counts.length} counts`);
  }

  /** The entry's position, or -1. */
  indexOf(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(key: number): number {
    const at = this.indexOf(key);
    return at < 0 ? 0 : this.counts[at];
  }

  /** Counts from a list of (possibly repeated) keys, keeping those seen at least `minCount` times. */
  static fromOccurrences(occurrences: Uint32Array, minCount: number): HashedCounts {
    const sorted = occurrences.slice().sort();
    const keys: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      if (j - i >= minCount) keys.push(sorted[i]), counts.push(j - i);
      i = j;
    }
    return new HashedCounts(Uint32Array.from(keys), Uint32Array.from(counts));
  }
}

/** Word counts, pair counts and the number of tokens they came from. */
/** The class of a word (0 when none). */
export function classOf(lm: NewsLm, hash: number): number {
  const at = lm.words.indexOf(hash);
  return at < 0 ? 0 : lm.classes[at];
}

export interface NewsLm {
  words: HashedCounts;
  pairs: HashedCounts;
  /** Contexts: words two apart with any word between, kept when seen at least twice. */
  skips: HashedCounts;
  /** Word class (Brown cluster id + 1, 0 for none) of each entry of `words`, in the same order. */
  classes: Uint16Array;
  /** A word beside a class ("the" class + "affect"; "affect" + the class of "Iran"), both sides in one table. */
  classPairs: HashedCounts;
  /** Weights of the slot model (spin-slots.ts); absent while that model itself is trained. */
  slots?: Float32Array;
  /** The spinner's dictionary seen backwards (spin-synonyms.ts); absent, the alternative features are 0. */
  synonyms?: SynonymDictionary;
  /** Tokens counted (for the expected count of a pair under independence). */
  tokens: number;
  /** Pairs seen fewer times than this were dropped from `pairs` (so a count of 0 means "below it"). */
  minPairCount: number;
}
