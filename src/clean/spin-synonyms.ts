// The spinner's dictionary, seen from the other side: for a word (or a phrase of two or three words)
// found in a text, the single words a synonym spinner could have replaced with it. A spinner takes
// its synonyms from a thesaurus regardless of sense ("influence" -> "affect", "force" -> "drive",
// "visit" -> "go to"); thesaurus synonymy is symmetric, so the word the spinner removed is among the
// alternatives of the word it left, and in the text's context that removed word reads far better.
//
// Built by bench/train/train-spin.ts from WordNet 3.0 (all senses of every synset, as spinners use it),
// keeping as alternatives only words real news uses; stored as models/spin/synonyms.tsv.gz
// (one "key<TAB>alt alt alt" line per key).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Longest key, in words: WordNet's collocations that spinners use ("go to", "head of state"). */
export const MAX_KEY_WORDS = 3;

export class SynonymDictionary {
  constructor(readonly entries: ReadonlyMap<string, readonly string[]>) {}

  /**
   * Alternatives of a span of lower-cased word forms. A plural -s is carried over as the spinner does
   * ("forces" -> "drives": the alternatives of "drives" include "forces").
   */
  alternatives(forms: readonly string[]): readonly string[] | undefined {
    const key = forms.join(' ');
    const direct = this.entries.get(key);
    if (forms.length !== 1) return direct;
    const w = forms[0];
    if (w.length <= 3 || !w.endsWith('s') || w.endsWith('ss')) return direct;
    const singular = this.entries.get(w.slice(0, -1));
    if (!singular) return direct;
    const plural = singular.map((s) => `${s}s`);
    return direct ? [...new Set([...direct, ...plural])] : plural;
  }

  /** Number of keys. */
  get size(): number {
    return this.entries.size;
  }

  serialize(): string {
    return [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}\t${v.join(' ')}`).join('\n') + '\n';
  }

  static parse(text: string): SynonymDictionary {
    const entries = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      if (tab < 0) throw new Error(`synonym dictionary: no tab in line "${line.slice(0, 60)}"`);
      entries.set(line.slice(0, tab), line.slice(tab + 1).split(' ').filter(Boolean));
    }
    return new SynonymDictionary(entries);
  }
}

export function writeSynonyms(path: string, dict: SynonymDictionary): void {
  writeFileSync(path, gzipSync(Buffer.from(dict.serialize(), 'utf8'), { level: 9 }));
}

export function readSynonyms(path: string): SynonymDictionary {
  if (!existsSync(path)) throw new Error(`${path}: the spin detector's synonym dictionary is missing; rebuild it with npm run train:spin`);
  return SynonymDictionary.parse(gunzipSync(readFileSync(path)).toString('utf8'));
}
