// What a marked source does to a marked target in one sentence: the PLOVER type of the event between
// them (`orbit code --pairs`). The same trigger lexicon and slot rules as full extraction, with the two
// actors given instead of found.
import type { EventType, Span } from '../model/types.js';
import { codeEvents } from './events.js';
import { slotSentence } from './slots.js';
import { triggerLexicon } from './lexicon.js';
import { producedBy } from './producers.js';
import { syntaxOf } from './syntax.js';
import { parseText } from '../nlp/parser-component.js';

export interface PairCoding {
  type: EventType | null;
  /** The words the type was read from; null when no trigger was found. */
  trigger: Span | null;
}

export function codePair(text: string, source: Span, target: Span): PairCoding {
  const mentions = [
    { actorId: 'source', text: text.slice(source.start, source.end), start: source.start, end: source.end, method: 'given', producer: producedBy('pairs', 'given') },
    { actorId: 'target', text: text.slice(target.start, target.end), start: target.start, end: target.end, method: 'given', producer: producedBy('pairs', 'given') },
  ].sort((a, b) => a.start - b.start);
  const slotted = slotSentence(text, { start: 0, end: text.length }, mentions);
  const tokens = parseText(text);
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
