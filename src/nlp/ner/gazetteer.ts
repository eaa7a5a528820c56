// Gazetteer features for the NER: names the knowledge base lists (actors, places, demonyms), matched
// longest-first over a sentence's words and given as BILOU tags of their entity type. The model learns
// how far to trust a match; the list itself comes from whatever knowledge-base packs are loaded.
import { hashString } from '../perceptron/hash.js';
import { tokenizeWords } from '../ud-tokenize.js';
import { nerWords } from './words.js';

export interface GazetteerEntry {
  name: string;
  /** PER, ORG, LOC or MISC. */
  type: string;
}

const LONGEST = 8;

export class Gazetteer {
  private names = new Map<string, string>();
  private firstWords = new Set<string>();

  /** `channel` names the feature family ("gaz" for the knowledge base, "names" for training-data names), so each gets its own weights. */
  constructor(entries: readonly GazetteerEntry[], private channel = 'gaz') {
    for (const e of entries) {
      const words = nerWords(tokenizeWords(e.name), e.name).map((w) => w.form.toLowerCase());
      if (words.length === 0 || words.length > LONGEST) continue;
      const key = words.join(' ');
      if (!this.names.has(key)) this.names.set(key, e.type);
      this.firstWords.add(words[0]);
    }
  }

  get size(): number {
    return this.names.size;
  }

  /** Hashed BILOU gazetteer tag per word (0 where no listed name covers it). */
  tags(forms: readonly string[]): Int32Array {
    const n = forms.length;
    const out = new Int32Array(n);
    const lower = forms.map((f) => f.toLowerCase());
    for (let i = 0; i < n; ) {
      let matched = 0;
      let type = '';
      if (this.firstWords.has(lower[i])) {
        let key = '';
        for (let j = i; j < Math.min(n, i + LONGEST); j++) {
          key = j === i ? lower[i] : `${key} ${lower[j]}`;
          const t = this.names.get(key);
          if (t) (matched = j - i + 1), (type = t);
        }
      }
      if (!matched) {
        i++;
        continue;
      }
      for (let j = 0; j < matched; j++) {
        const p = matched === 1 ? 'U' : j === 0 ? 'B' : j === matched - 1 ? 'L' : 'I';
        out[i + j] = hashString(`${this.channel}:${p}-${type}`);
      }
      i += matched;
    }
    return out;
  }
}
