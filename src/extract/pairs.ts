// What a marked source does to a marked target in one sentence: the PLOVER type of the event between
// them (`orbit code --pairs`), decided by the trained event coder (src/extract/coder, models/coder) from
// the parse, with the trigger-lexicon rules' answer (rulePair) as one of its features.
import type { EventType, Span } from '../model/types.js';
import type { DocToken } from '../core/doc.js';
import { codeEvents } from './events.js';
import { slotSentence } from './slots.js';
import { triggerLexicon } from './lexicon.js';
import { producedBy } from './producers.js';
import { syntaxOf } from './syntax.js';
import { parseText } from '../nlp/parser-component.js';
import { EVENT_TYPES } from '../model/types.js';
import { candidateOfText } from './coder/candidate-of-text.js';
import { candidateFeatures } from './coder/features.js';
import { coderContext, NO_EVENT, sharedCoder } from './coder/index.js';

export interface PairCoding {
  type: EventType | null;
  /** The words the type was read from; null when no trigger was found. */
  trigger: Span | null;
}

/** Above this probability of "no event" the answer is null rather than the likeliest type (PLV_train, a dev set: 0.9 gives 60.9%, 0.99 62.1%, never 62.7%). */
export const NO_EVENT_ABOVE = 0.99;
/** How many times more than the lexicon's type another type must weigh to replace it (PLV_train, a dev set: 1x 57.4%, 8x 60.3%, 20x 62.5%, never 59.8%). */
export const RULE_TRUST = 20;

export function codePair(text: string, source: Span, target: Span): PairCoding {
  const candidate = candidateOfText(text, source, target);
  const rule = rulePair(text, source, target, candidate.tokens);
  candidate.ruleType = rule.type ?? undefined;
  // No verb or event noun gives both a role and no trigger word stands between them: no event.
  if (candidate.predicate === undefined && !rule.type) return { type: null, trigger: null };
  const coder = sharedCoder();
  const p = coder.probabilities(candidateFeatures(candidate, coderContext()));
  const none = coder.index.get(NO_EVENT)!;
  if (p[none] > NO_EVENT_ABOVE) return { type: null, trigger: null };
  let best = EVENT_TYPES.reduce((a, b) => (p[coder.index.get(b)!] > p[coder.index.get(a)!] ? b : a));
  // The lexicon's type stands unless the coder puts clearly more weight elsewhere.
  const ruleP = rule.type ? p[coder.index.get(rule.type)!] : 0;
  if (rule.type && ruleP * RULE_TRUST >= p[coder.index.get(best)!]) best = rule.type;
  const predicate = candidate.predicate !== undefined ? candidate.tokens[candidate.predicate] : undefined;
  return { type: best, trigger: rule.type === best ? rule.trigger : predicate ? { start: predicate.start, end: predicate.end } : null };
}

/** The trigger-lexicon rules' reading of a pair: the full extraction's slot rules with the two actors given. */
export function rulePair(text: string, source: Span, target: Span, tokens: readonly DocToken[] = parseText(text)): PairCoding {
  const mentions = [
    { actorId: 'source', text: text.slice(source.start, source.end), start: source.start, end: source.end, method: 'given', producer: producedBy('pairs', 'given') },
    { actorId: 'target', text: text.slice(target.start, target.end), start: target.start, end: target.end, method: 'given', producer: producedBy('pairs', 'given') },
  ].sort((a, b) => a.start - b.start);
  const slotted = slotSentence(text, { start: 0, end: text.length }, mentions);
  const events = codeEvents(slotted, { articleId: 'pair', publishedAt: null, locate: () => null, syntax: syntaxOf(tokens), tokens });
  const best =
    events.find((e) => e.sources.includes('source') && e.targets.includes('target')) ??
    events.find((e) => e.sources.includes('source') || e.targets.includes('target')) ??
    events[0];
  if (best) return { type: best.type, trigger: best.trigger ?? null };

  // No actor-linked event: the trigger closest to the stretch between the two actors decides.
  const { find, entries } = triggerLexicon();
  const from = Math.min(source.end, target.end);
  const to = Math.max(source.start, target.start);
  let chosen: PairCoding = { type: null, trigger: null };
  let distance = Infinity;
  for (const m of find(text)) {
    const entry = entries.get(m.form)!;
    const start = m.index;
    const d = start >= from && start <= to ? 0 : Math.min(Math.abs(start - from), Math.abs(start - to));
    if (d < distance) {
      distance = d;
      chosen = { type: entry.type, trigger: { start, end: start + m.text.length } };
    }
  }
  return chosen;
}

/**
 * A sentence with its actors marked the PLOVER/PLV way, "<s>Iran</s> urged <t>Iraq</t> to act.", as plain
 * text and the two spans; null when either mark is missing.
 */
export function parseMarkedPair(marked: string): { text: string; source: Span; target: Span } | null {
  let text = '';
  const spans: Record<string, Span> = {};
  const open: Record<string, number> = {};
  for (const part of marked.split(/(<\/?[st]>)/)) {
    const tag = /^<(\/?)([st])>$/.exec(part);
    if (!tag) text += part;
    else if (tag[1]) spans[tag[2]] = { start: open[tag[2]], end: text.length };
    else open[tag[2]] = text.length;
  }
  return spans.s && spans.t ? { text, source: spans.s, target: spans.t } : null;
}
