// Events from the parse and the trained coder (issue 6): each predicate of a sentence with the actors
// in its grammatical roles (coder/candidates.ts) is scored by the coder (models/coder) under every
// way of making them source and target; the likeliest assignment becomes an event when the coder
// puts more weight on an event type than on NONE. Coordinated actors in the same role join the side.
// Modality, date and place are read as the rule path reads them (clause-modality.ts, events.ts).
import type { Doc, Sentence } from '../core/doc.js';
import type { Event, Mention } from '../model/types.js';
import { stableId } from '../core/ids.js';
import { producedBy } from './producers.js';
import { attribution } from './modality.js';
import type { SlottedSentence } from './slots.js';
import { codeEvents, eventDate, modalityOf, type EventContext } from './events.js';
import { assignments, predicateCandidates, type Argument, type PredicateCandidate } from './coder/candidates.js';
import { candidateFeatures } from './coder/features.js';
import { coderContext, NO_EVENT, sharedCoder } from './coder/index.js';
import { isEventNoun } from './coder/event-nouns.js';
import { triggerLexicon } from './lexicon.js';
import { sentenceTokens } from './doc-helpers.js';

/** Below this probability of its type a candidate is no event (tuned on real gold half A). */
export const EVENT_THRESHOLD = 0.35;

/** The offset in the slotted sentence's masked text of a text offset (the first at or after it). */
function maskedOffset(s: SlottedSentence, textOffset: number): number {
  let lo = 0, hi = s.masked.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.toText(mid) < textOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Actors coordinated with an argument in the same role ("Amiri and Khazali met"). */
function side(c: PredicateCandidate, arg: Argument): string[] {
  const ids = [arg.mention.actorId];
  for (const other of c.args) {
    if (other === arg || other.role !== arg.role || ids.includes(other.mention.actorId)) continue;
    if (other.via.includes('conj') || arg.via.includes('conj')) ids.push(other.mention.actorId);
  }
  return ids;
}

export function codeSentenceEvents(doc: Doc, sentence: Sentence, s: SlottedSentence, ctx: EventContext): Event[] {
  const tokens = sentenceTokens(doc, sentence);
  if (tokens.length === 0 || tokens.every((t) => t.head === null)) return [];
  const mentions: Mention[] = s.slots.flatMap((slot) => slot.mentions);
  const coder = sharedCoder();
  const features = coderContext();
  const none = coder.index.get(NO_EVENT)!;
  const text = doc.text.slice(sentence.start, sentence.end);
  const attributedTo = attribution(s);
  const lexicon = triggerLexicon();
  const events: Event[] = [];
  // What the trigger-lexicon rules make of each predicate: one of the coder's features.
  const ruleTypes = new Map(codeEvents(s, ctx).map((e) => [e.trigger?.start, e.type]));
  for (const c of predicateCandidates(tokens, mentions, isEventNoun)) {
    let best: { type: string; p: number; source?: Argument; target?: Argument } | null = null;
    for (const a of assignments(c)) {
      const candidate = {
        tokens, text, offset: sentence.start, predicate: c.predicate,
        source: a.source?.mention, target: a.target?.mention,
        sourceRole: a.source && `${a.source.role}:${a.source.via}`, targetRole: a.target && `${a.target.role}:${a.target.via}`,
        ruleType: ruleTypes.get(tokens[c.predicate].start),
      };
      const p = coder.probabilities(candidateFeatures(candidate, features));
      let k = -1;
      for (let i = 0; i < p.length; i++) if (i !== none && (k < 0 || p[i] > p[k])) k = i;
      if (!best || p[k] > best.p) best = { type: coder.classes[k], p: p[k], source: a.source, target: a.target };
    }
    if (!best || best.p < EVENT_THRESHOLD) continue;
    const predicate = tokens[c.predicate];
    const sources = best.source ? side(c, best.source) : [];
    const targets = (best.target ? side(c, best.target) : []).filter((id) => !sources.includes(id));
    const m = maskedOffset(s, predicate.start);
    const reading = modalityOf(s, m, ctx);
    if (reading.modality === 'none') continue;
    const modality = reading.modality;
    const ahead = modality === 'future' || modality === 'hypothetical';
    const type = best.type as Event['type'];
    // The lexicon's entry for the predicate, when it has one, gives the CAMEO code and intensity.
    const entry = lexicon.find(text.slice(predicate.start - sentence.start)).find((x) => x.index === 0);
    const known = entry && lexicon.entries.get(entry.form);
    const fromLexicon = known && known.type === type ? known : null;
    events.push({
      id: stableId('e', ctx.articleId, sentence.start, predicate.start, type, sources.join(','), targets.join(',')),
      type,
      mode: fromLexicon?.mode ?? null,
      cameo: fromLexicon?.cameo ?? null,
      intensity: fromLexicon?.intensity ?? null,
      sources,
      targets,
      date: eventDate(s, predicate.start, m, ctx, ahead),
      location: ctx.locate(s.sentence, { predicate: ctx.syntax.indexAt(predicate.start), actors: [...sources, ...targets] }),
      modality,
      evidence: { sentence: s.text, start: s.sentence.start, end: s.sentence.end, attributedTo },
      confidence: Math.round(best.p * 100) / 100,
      trigger: { start: predicate.start, end: predicate.end },
      producer: producedBy('events', `coder:${type}:${(predicate.lemma ?? predicate.form).toLowerCase()}`),
    });
  }
  return events;
}
