// What the tagger, lemmatizer and parser know of a word by itself, computed once per token as integers:
// its forms, affixes, shape and word-cluster path. Every feature is then a mix of these integers.
import { hashString } from './perceptron/hash.js';
import type { ClusterLookup } from './clusters.js';
import { detached } from '../core/strings.js';

export interface WordAtoms {
  form: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  prefix1: Int32Array;
  prefix2: Int32Array;
  prefix3: Int32Array;
  suffix1: Int32Array;
  suffix2: Int32Array;
  suffix3: Int32Array;
  suffix4: Int32Array;
  /** Cluster path prefixes of 4, 6 and 10 bits and the whole path (0 when the word has no cluster). */
  cluster4: Int32Array;
  cluster6: Int32Array;
  cluster10: Int32Array;
  cluster: Int32Array;
  /** Bit flags: FLAG_* below. */
  flags: Int32Array;
}

export const FLAG_UPPER_INITIAL = 1;
export const FLAG_ALL_UPPER = 2;
export const FLAG_DIGIT = 4;
export const FLAG_HYPHEN = 8;
export const FLAG_PUNCT = 16;

const clusterPrefix = (path: string | null, bits: number) =>
  path === null ? 0 : parseInt('1' + path.slice(0, bits), 2) | 0;

/** "Baghdad" -> "Xx", "U.S." -> "X.X.", "1,500" -> "d,d": character classes with runs collapsed. */
export function wordShape(form: string): string {
  let shape = '';
  let last = '';
  for (const ch of form) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Atoms of one form, memoised: news repeats its words, and shapes and affixes cost string work. */
export class WordAtomizer {
  private cache = new Map<string, number[]>();

  constructor(private clusters: ClusterLookup | null) {}

  atomize(forms: readonly string[]): WordAtoms {
    const n = forms.length;
    const a: WordAtoms = {
      form: new Int32Array(n), lower: new Int32Array(n), shape: new Int32Array(n),
      prefix1: new Int32Array(n), prefix2: new Int32Array(n), prefix3: new Int32Array(n),
      suffix1: new Int32Array(n), suffix2: new Int32Array(n), suffix3: new Int32Array(n), suffix4: new Int32Array(n),
      cluster4: new Int32Array(n), cluster6: new Int32Array(n), cluster10: new Int32Array(n), cluster: new Int32Array(n),
      flags: new Int32Array(n),
    };
    for (let i = 0; i < n; i++) {
      const v = this.of(forms[i]);
      a.form[i] = v[0]; a.lower[i] = v[1]; a.shape[i] = v[2];
      a.prefix1[i] = v[3]; a.prefix2[i] = v[4]; a.prefix3[i] = v[5];
      a.suffix1[i] = v[6]; a.suffix2[i] = v[7]; a.suffix3[i] = v[8]; a.suffix4[i] = v[9];
      a.cluster4[i] = v[10]; a.cluster6[i] = v[11]; a.cluster10[i] = v[12]; a.cluster[i] = v[13];
      a.flags[i] = v[14];
    }
    return a;
  }

  private of(form: string): number[] {
    let v = this.cache.get(form);
    if (v) return v;
    // bounded: a stream of a million articles must not grow the cache with every new name and typo
    if (this.cache.size >= 50_000) this.cache.clear();
    const lower = form.toLowerCase();
    const path = this.clusters ? this.clusters(form) : null;
    let flags = 0;
    if (/^\p{Lu}/u.test(form)) flags |= FLAG_UPPER_INITIAL;
    if (/\p{L}/u.test(form) && form === form.toUpperCase()) flags |= FLAG_ALL_UPPER;
    if (/\p{N}/u.test(form)) flags |= FLAG_DIGIT;
    if (form.includes('-')) flags |= FLAG_HYPHEN;
    if (!/[\p{L}\p{N}]/u.test(form)) flags |= FLAG_PUNCT;
    const h = (s: string, tag: string) => hashString(tag + s);
    v = [
      hashString(form), hashString(lower), h(wordShape(form), 's'),
      h(lower.slice(0, 1), 'p'), h(lower.slice(0, 2), 'p'), h(lower.slice(0, 3), 'p'),
      h(lower.slice(-1), 'x'), h(lower.slice(-2), 'x'), h(lower.slice(-3), 'x'), h(lower.slice(-4), 'x'),
      clusterPrefix(path, 4), clusterPrefix(path, 6), clusterPrefix(path, 10), clusterPrefix(path, 32),
      flags,
    ];
    this.cache.set(detached(form), v);
    return v;
  }
}
