// What extraction asks of the parse: the token a word of the text starts, its dependents, and the
// grammatical facts read from them (a passive verb, a noun), so that no rule guesses them from the
// words around. Built once per Doc from its token layer.
import type { DocToken } from '../core/doc.js';

export interface Syntax {
  /** The token starting at a text offset, if the tokenizer cut one there. */
  tokenAt(offset: number): DocToken | undefined;
  dependents(token: DocToken): DocToken[];
  /** The index of the token starting at a text offset, -1 when none starts there. */
  indexAt(offset: number): number;
  /** The tokens [start, end) that lie inside a span of the text (a sentence). */
  tokenRange(span: { start: number; end: number }): { start: number; end: number };
}

export function syntaxOf(tokens: readonly DocToken[]): Syntax {
  const byStart = new Map<number, number>();
  tokens.forEach((t, i) => byStart.set(t.start, i));
  const children: DocToken[][] = tokens.map(() => []);
  tokens.forEach((t) => {
    if (t.head !== null && t.head >= 0) children[t.head].push(t);
  });
  return {
    tokenAt: (offset) => {
      const i = byStart.get(offset);
      return i === undefined ? undefined : tokens[i];
    },
    dependents: (token) => {
      const i = byStart.get(token.start);
      return i === undefined ? [] : children[i];
    },
    indexAt: (offset) => byStart.get(offset) ?? -1,
    tokenRange: (span) => ({ start: firstAtOrAfter(tokens, span.start), end: firstAtOrAfter(tokens, span.end) }),
  };
}

/** The first token that starts at or after a text offset (tokens are in text order). */
function firstAtOrAfter(tokens: readonly DocToken[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "was attacked", "were killed and wounded": a verb with a passive auxiliary, or conjoined to one. */
export function isPassive(syntax: Syntax, token: DocToken, tokens: readonly DocToken[]): boolean {
  if (syntax.dependents(token).some((d) => d.deprel === 'aux:pass' || d.deprel === 'nsubj:pass')) return true;
  const head = token.deprel === 'conj' && token.head !== null && token.head >= 0 ? tokens[token.head] : null;
  return !!head && token.xpos === 'VBN' && syntax.dependents(head).some((d) => d.deprel === 'aux:pass');
}

/** "fighters killed in US air strikes", "demonstrators shot by security forces": a participle modifying a noun. */
export function isReducedRelative(token: DocToken): boolean {
  return token.deprel === 'acl' && token.xpos === 'VBN';
}

/** "Iran armed the group in 2014", "the group was armed by Iran": a past act, not a present state or a modifier. */
export function isPastAct(syntax: Syntax, token: DocToken): boolean {
  if (token.upos !== 'VERB') return false;
  if (token.xpos === 'VBD') return true;
  return token.xpos === 'VBN' && syntax.dependents(token).some((d) => (d.deprel === 'aux' || d.deprel === 'aux:pass') && d.xpos === 'VBD');
}
