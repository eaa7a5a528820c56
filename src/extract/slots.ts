// A sentence with each actor mention replaced by a numbered slot, "⟦0⟧ fired rockets at ⟦1⟧", so that
// triggers and relation templates are plain regular expressions. Coordinated mentions ("KH, AAH and
// Nujaba") share one slot: whatever is said of the list is said of each member.
import type { Mention, Span } from '../model/types.js';

export interface Slot extends Span {
  /** Distinct actor ids in the slot, in order. */
  actorIds: string[];
  mentions: Mention[];
}

export interface SlottedSentence {
  sentence: Span;
  text: string;
  masked: string;
  slots: Slot[];
  /** Maps an offset in `masked` back to the article text. */
  toText(maskedOffset: number): number;
  /** Where slot k stands in `masked`. */
  slotAt: Span[];
}

const COORDINATION = /^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+|\s*&\s*|\s+as well as\s+)$/;
const LIST_SEPARATOR = /^\s*,\s*$/;

/** "in western Iraq", "across Syria": a country named as a place is where something happened, not who did it. */
const PLACE_BEFORE = /\b(?:in|inside|across|throughout|into|within|near|around|outside|over)\s+(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$/iu;

export function slotSentence(text: string, sentence: Span, mentions: Mention[], isState: (actorId: string) => boolean = () => false): SlottedSentence {
  const inside: Mention[] = [];
  let lastPlace: Mention | null = null;
  for (const m of mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const before = text.slice(Math.max(sentence.start, m.start - 30), m.start);
    const asPlace = isState(m.actorId) && m.method !== 'demonym' && (PLACE_BEFORE.test(before) || (lastPlace !== null && /^\s*(?:,|and|or|, and)\s*$/.test(text.slice(lastPlace.end, m.start))));
    if (asPlace) lastPlace = m;
    else inside.push(m);
  }
  const slots: Slot[] = [];
  for (let i = 0; i < inside.length; ) {
    // A run m1 (, m2)* (, and|and|or) mk joins into one slot; commas alone are appositions, not lists.
    let j = i;
    let lastJoin = '';
    while (j + 1 < inside.length && COORDINATION.test(text.slice(inside[j].end, inside[j + 1].start))) {
      lastJoin = text.slice(inside[j].end, inside[j + 1].start);
      j++;
    }
    if (j > i && LIST_SEPARATOR.test(lastJoin)) {
      // the run ended on a bare comma: keep only the part up to the last real conjunction
      while (j > i && LIST_SEPARATOR.test(text.slice(inside[j - 1].end, inside[j].start))) j--;
    }
    const group = inside.slice(i, j + 1);
    const actorIds = [...new Set(group.map((m) => m.actorId))];
    slots.push({ start: group[0].start, end: group.at(-1)!.end, actorIds, mentions: group });
    i = j + 1;
  }

  let masked = '';
  const pieces: { maskedStart: number; textStart: number; length: number }[] = [];
  const slotAt: Span[] = [];
  let cursor = sentence.start;
  for (const [k, slot] of slots.entries()) {
    pieces.push({ maskedStart: masked.length, textStart: cursor, length: slot.start - cursor });
    masked += text.slice(cursor, slot.start);
    const token = `⟦${k}⟧`;
    slotAt.push({ start: masked.length, end: masked.length + token.length });
    masked += token;
    cursor = slot.end;
  }
  pieces.push({ maskedStart: masked.length, textStart: cursor, length: sentence.end - cursor });
  masked += text.slice(cursor, sentence.end);

  const toText = (offset: number): number => {
    for (const [k, at] of slotAt.entries()) if (offset >= at.start && offset < at.end) return slots[k].start;
    const piece = [...pieces].reverse().find((p) => p.maskedStart <= offset) ?? pieces[0];
    return piece.textStart + Math.min(offset - piece.maskedStart, piece.length);
  };
  return { sentence, text: text.slice(sentence.start, sentence.end), masked, slots, toText, slotAt };
}
