// A sentence outside any Doc (a PLV pair, a synthetic story's lead, a line given to `orbit code
// --pairs`) as a coder candidate: parsed by the pipeline's own analyser. With marked actors, the
// predicate is the one whose roles the tree gives both of them (src/extract/coder/candidates.ts),
// else the word that joins them in the tree; with none marked, the main predicate and its arguments.
import type { Span } from '../../model/types.js';
import { parseText } from '../../nlp/parser-component.js';
import { producedBy } from '../producers.js';
import { coreArguments, subtreeSpan } from './arguments.js';
import { predicateCandidates } from './candidates.js';
import type { Candidate } from './features.js';
import { isEventNoun } from './event-nouns.js';

/** A candidate whose predicate and roles are already known (a labelled pipeline candidate). */
export interface KnownRoles {
  /** Offset of the predicate word in the text. */
  predicateAt: number;
  sourceRole?: string;
  targetRole?: string;
}

export function candidateOfText(text: string, source?: Span, target?: Span, known?: KnownRoles): Candidate {
  const tokens = parseText(text);
  if (tokens.length === 0) return { tokens, text, source, target };
  if (known) {
    const predicate = tokens.findIndex((t) => t.start <= known.predicateAt && known.predicateAt < t.end);
    return { tokens, text, source, target, predicate: predicate >= 0 ? predicate : undefined, sourceRole: known.sourceRole, targetRole: known.targetRole };
  }
  if (source || target) {
    const given = (span: Span | undefined, id: string) =>
      span ? [{ actorId: id, text: text.slice(span.start, span.end), start: span.start, end: span.end, method: 'given', producer: producedBy('pairs', 'given') }] : [];
    const mentions = [...given(source, 'source'), ...given(target, 'target')];
    const found = predicateCandidates(tokens, mentions, isEventNoun);
    const roleIn = (c: (typeof found)[0], id: string) => c.args.find((a) => a.mention.actorId === id);
    const both = found.find((c) => (!source || roleIn(c, 'source')) && (!target || roleIn(c, 'target'))) ?? found.find((c) => roleIn(c, 'source')) ?? found[0];
    if (!both) return { tokens, text, source, target };
    const sr = roleIn(both, 'source'), tr = roleIn(both, 'target');
    return { tokens, text, source, target, predicate: both.predicate, sourceRole: sr && `${sr.role}:${sr.via}`, targetRole: tr && `${tr.role}:${tr.via}` };
  }
  const root = tokens.findIndex((t) => t.head === -1);
  const { agent, patient } = coreArguments(tokens, root);
  return {
    tokens,
    text,
    predicate: root,
    source: agent >= 0 ? subtreeSpan(tokens, agent) : undefined,
    target: patient >= 0 ? subtreeSpan(tokens, patient) : undefined,
    sourceRole: agent >= 0 ? `agent:${tokens[agent].deprel}` : undefined,
    targetRole: patient >= 0 ? `patient:${tokens[patient].deprel}` : undefined,
  };
}
