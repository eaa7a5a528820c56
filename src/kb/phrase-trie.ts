// Finds known phrases (aliases, role titles, place names) in a token stream: longest match first,
// left to right. Hyphens are skipped on both sides, so "Abdul-Mahdi" matches "Abdul Mahdi".
import type { Token } from '../model/types.js';
import { foldToken, foldTokenKeepCase } from '../nlp/fold.js';
import { tokenizeWords } from '../nlp/ud-tokenize.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  values: { value: T; caseForms: string[] | null }[];
}

export interface PhraseMatch<T> {
  /** The first value registered for the phrase; `values` has them all (a description may fit several actors). */
  value: T;
  values: T[];
  /** Token indexes: [first, last + 1). */
  from: number;
  to: number;
  start: number;
  end: number;
}

const SKIPPED = new Set(['-', '‐', '–']);

/** An alias in capitals or of three letters or fewer (KH, PMF, US, Badr is not) only matches as written. */
function isCaseSensitive(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  return letters.length <= 3 || letters === letters.toUpperCase();
}

export class PhraseTrie<T> {
  private root: Node<T> = { next: new Map(), values: [] };

  add(phrase: string, value: T): void {
    const tokens = tokenizeWords(phrase).map((t) => t.form).filter((t) => !SKIPPED.has(t));
    if (!tokens.length) return;
    let node = this.root;
    for (const t of tokens) {
      const key = foldToken(t);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), values: [] }));
      node = child;
    }
    node.values.push({ value, caseForms: isCaseSensitive(phrase) ? tokens.map(foldTokenKeepCase) : null });
  }

  /** Non-overlapping matches, each the longest starting at its token. */
  findAll(tokens: Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.longestAt(tokens, i);
      if (m) {
        matches.push(m);
        i = m.to;
      } else i++;
    }
    return matches;
  }

  longestAt(tokens: Token[], from: number): PhraseMatch<T> | null {
    if (SKIPPED.has(tokens[from].form)) return null;
    let node: Node<T> | undefined = this.root;
    let best: PhraseMatch<T> | null = null;
    const used: number[] = [];
    for (let i = from; i < tokens.length && node; i++) {
      if (SKIPPED.has(tokens[i].form)) continue;
      node = node.next.get(foldToken(tokens[i].form));
      if (!node) break;
      used.push(i);
      const hits = node.values.filter((v) => !v.caseForms || v.caseForms.every((form, k) => form === foldTokenKeepCase(tokens[used[k]].form)));
      if (hits.length) best = { value: hits[0].value, values: hits.map((h) => h.value), from, to: i + 1, start: tokens[from].start, end: tokens[i].end };
    }
    return best;
  }
}
