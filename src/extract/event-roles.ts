// Who does a lexicon event and to whom, read from the parse when it says (issue 6, item 1): the
// trigger's agent (subject, passive "by" agent, lent subject) is the source; its patient (object,
// passive subject) or else its first oblique ("met with", "attack on") the target. Where the parse
// names neither, the lexicon's slot rules keep their answer.
import type { DocToken } from '../core/doc.js';
import type { Event, Mention } from '../model/types.js';
import { predicateCandidates, type Argument, type PredicateCandidate } from './coder/candidates.js';
import { isEventNoun } from './coder/event-nouns.js';

function side(c: PredicateCandidate, role: (a: Argument) => boolean): string[] {
  return [...new Set(c.args.filter(role).map((a) => a.mention.actorId))];
}

export function rolesFromParse(events: Event[], tokens: readonly DocToken[], mentions: readonly Mention[]): Event[] {
  if (!events.length || tokens.every((t) => t.head === null)) return events;
  const byStart = new Map(predicateCandidates(tokens, mentions, isEventNoun).map((c) => [tokens[c.predicate].start, c]));
  return events.map((e) => {
    const c = e.trigger ? byStart.get(e.trigger.start) : undefined;
    if (!c) return e;
    // "came under attack": the subject is on the receiving end, as the rules read it.
    if (tokens.some((t) => t.head === c.predicate && t.deprel === 'case' && t.form.toLowerCase() === 'under')) return e;
    const agents = side(c, (a) => a.role === 'agent' || (tokens[c.predicate].upos === 'NOUN' && a.role === 'possessor'));
    let patients = side(c, (a) => a.role === 'patient');
    if (!patients.length) patients = side(c, (a) => a.role === 'oblique');
    if (!agents.length && !patients.length) return e;
    // A meeting's visitor stays its source whatever the voice (PLOVER CONSULT), as the rules have it.
    const [sources, targets] = e.type === 'CONSULT' && !agents.length
      ? [e.sources, e.targets.length ? e.targets : patients]
      : [agents.length ? agents : e.sources, patients.length ? patients : e.targets];
    return { ...e, sources, targets: targets.filter((t) => !sources.includes(t)) };
  });
}
