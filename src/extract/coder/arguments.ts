// A predicate's arguments read from the dependency tree: who does it (subject, or the passive's "by"
// agent) and to whom (object, passive subject, or the first oblique). Token indexes into one
// sentence's parsed tokens; spans cover the argument's whole subtree.
import type { DocToken } from '../../core/doc.js';
import type { Span } from '../../model/types.js';

export function dependentsOf(tokens: readonly DocToken[], head: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i].head === head) out.push(i);
  return out;
}

/** The character span of a token's subtree (punctuation at its edges left out). */
export function subtreeSpan(tokens: readonly DocToken[], root: number): Span {
  let lo = root, hi = root;
  const stack = [root];
  while (stack.length) {
    const k = stack.pop()!;
    lo = Math.min(lo, k);
    hi = Math.max(hi, k);
    stack.push(...dependentsOf(tokens, k));
  }
  while (lo < root && tokens[lo].upos === 'PUNCT') lo++;
  while (hi > root && tokens[hi].upos === 'PUNCT') hi--;
  return { start: tokens[lo].start, end: tokens[hi].end };
}

/** The agent and the patient of a predicate, when the tree gives them. */
export function coreArguments(tokens: readonly DocToken[], predicate: number): { agent: number; patient: number } {
  let agent = -1, patient = -1, oblique = -1;
  for (const d of dependentsOf(tokens, predicate)) {
    const rel = tokens[d].deprel ?? '';
    if (rel === 'nsubj' && agent < 0) agent = d;
    else if (rel === 'nsubj:pass' && patient < 0) patient = d;
    else if (rel === 'obj' && patient < 0) patient = d;
    else if (rel === 'obl:agent' && agent < 0) agent = d;
    else if (rel.startsWith('obl') && oblique < 0) oblique = d;
  }
  return { agent, patient: patient >= 0 ? patient : oblique };
}
