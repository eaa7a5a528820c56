// A sentence outside any Doc (a PLV pair, a synthetic story's lead, a line given to `orbit code
// --pairs`) as a coder candidate: parsed by the pipeline's own analyser, with the marked source and
// target, or, when none is marked, the main predicate and its arguments from the tree.
import type { Span } from '../../model/types.js';
import { parseText } from '../../nlp/parser-component.js';
import { coreArguments, subtreeSpan } from './arguments.js';
import type { Candidate } from './features.js';

export function candidateOfText(text: string, source?: Span, target?: Span): Candidate {
  const tokens = parseText(text);
  if (source || target || tokens.length === 0) return { tokens, text, source, target };
  const root = tokens.findIndex((t) => t.head === -1);
  const { agent, patient } = coreArguments(tokens, root);
  return {
    tokens,
    text,
    predicate: root,
    source: agent >= 0 ? subtreeSpan(tokens, agent) : undefined,
    target: patient >= 0 ? subtreeSpan(tokens, patient) : undefined,
  };
}
