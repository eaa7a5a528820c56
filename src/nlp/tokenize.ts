// Word tokens with offsets. Hyphens and dots stand as tokens of their own so that "al-Muhandis",
// "al Muhandis" and "U.S." line up with the aliases, which go through the same tokenizer.
import type { Token } from '../model/types.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’ʼʿ`][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const POSSESSIVE = /['’]s$/i;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = offset + m.index!;
    const word = m[0];
    const possessive = POSSESSIVE.exec(word);
    if (possessive && word.length > 2) {
      const cut = word.length - 2;
      tokens.push({ form: word.slice(0, cut), start, end: start + cut });
      tokens.push({ form: word.slice(cut), start: start + cut, end: start + word.length });
    } else {
      tokens.push({ form: word, start, end: start + word.length });
    }
  }
  return tokens;
}

/** A token's form for matching: no diacritics, no apostrophes, lower case. */
export function foldToken(token: string): string {
  return token.normalize('NFKD').replace(/[\u0300-\u036f'’ʼʿ`]/g, '').toLowerCase();
}

/** The same, keeping case, for aliases that only match as written (KH, PMF, US). */
export function foldTokenKeepCase(token: string): string {
  return token.normalize('NFKD').replace(/[\u0300-\u036f'’ʼʿ`]/g, '');
}
