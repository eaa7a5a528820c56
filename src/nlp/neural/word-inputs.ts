// What the neural parser sees of a word: its lower-cased form (digits as 0), its word cluster
// (models/clusters, learned from ../shared/data/corpora, so rare words share something with frequent
// ones), its last three letters and its shape. Each becomes an id into a table learned in training;
// id 0 is "unknown", 1 the artificial root word.
import type { ClusterLookup } from '../clusters.js';

export const UNKNOWN = 0;
export const ROOT = 1;

export interface InputVocabulary {
  words: string[];
  clusters: string[];
  suffixes: string[];
  shapes: string[];
}

export function normalForm(form: string): string {
  return form.toLowerCase().replace(/[0-9]/g, '0').replace(/[’ʼ‘`]/g, "'");
}

export function suffixOf(form: string): string {
  const lower = normalForm(form);
  return lower.length <= 3 ? lower : lower.slice(-3);
}

/** Capitals, digits, hyphens, letters or none: "Cl" (Baghdad), "A" (NATO), "d" (1999), "p" (","). */
export function shapeOf(form: string): string {
  const upper = /\p{Lu}/u.test(form);
  const lower = /\p{Ll}/u.test(form);
  const digit = /\d/.test(form);
  let shape = upper && !lower ? 'A' : upper ? (/^\p{Lu}/u.test(form) ? 'C' : 'm') : lower ? 'l' : '';
  if (digit) shape += 'd';
  if (form.includes('-')) shape += '-';
  if (!upper && !lower && !digit) shape += /^[\p{P}\p{S}]+$/u.test(form) ? 'p' : 'o';
  if (form.length === 1) shape += '1';
  return shape;
}

export interface EncodedSentence {
  /** T = n + 1 ids each, the root first. */
  words: Int32Array;
  clusters: Int32Array;
  suffixes: Int32Array;
  shapes: Int32Array;
}

export class InputEncoder {
  private word: Map<string, number>;
  private cluster: Map<string, number>;
  private suffix: Map<string, number>;
  private shape: Map<string, number>;

  constructor(readonly vocabulary: InputVocabulary, private clusters: ClusterLookup | null) {
    const index = (list: string[]) => new Map(list.map((s, i) => [s, i + 2]));
    this.word = index(vocabulary.words);
    this.cluster = index(vocabulary.clusters);
    this.suffix = index(vocabulary.suffixes);
    this.shape = index(vocabulary.shapes);
  }

  get sizes() {
    const v = this.vocabulary;
    return { words: v.words.length + 2, clusters: v.clusters.length + 2, suffixes: v.suffixes.length + 2, shapes: v.shapes.length + 2 };
  }

  clusterOf(form: string): string | null {
    return this.clusters ? this.clusters(form) : null;
  }

  encode(forms: readonly string[]): EncodedSentence {
    const T = forms.length + 1;
    const out: EncodedSentence = { words: new Int32Array(T), clusters: new Int32Array(T), suffixes: new Int32Array(T), shapes: new Int32Array(T) };
    out.words[0] = out.clusters[0] = out.suffixes[0] = out.shapes[0] = ROOT;
    forms.forEach((form, k) => {
      const t = k + 1;
      out.words[t] = this.word.get(normalForm(form)) ?? UNKNOWN;
      const bits = this.clusterOf(form);
      out.clusters[t] = bits === null ? UNKNOWN : this.cluster.get(bits) ?? UNKNOWN;
      out.suffixes[t] = this.suffix.get(suffixOf(form)) ?? UNKNOWN;
      out.shapes[t] = this.shape.get(shapeOf(form)) ?? UNKNOWN;
    });
    return out;
  }
}

/** The vocabularies of a training set: words and suffixes seen at least `minCount` times. */
export function buildVocabulary(sentences: readonly (readonly string[])[], clusters: ClusterLookup | null, minCount = 2): InputVocabulary {
  const words = new Map<string, number>();
  const suffixes = new Map<string, number>();
  const shapes = new Set<string>();
  const bits = new Set<string>();
  for (const forms of sentences) {
    for (const form of forms) {
      const w = normalForm(form);
      words.set(w, (words.get(w) ?? 0) + 1);
      const s = suffixOf(form);
      suffixes.set(s, (suffixes.get(s) ?? 0) + 1);
      shapes.add(shapeOf(form));
      const b = clusters?.(form);
      if (b) bits.add(b);
    }
  }
  const frequent = (m: Map<string, number>) => [...m].filter(([, n]) => n >= minCount).map(([k]) => k).sort();
  return { words: frequent(words), clusters: [...bits].sort(), suffixes: frequent(suffixes), shapes: [...shapes].sort() };
}
