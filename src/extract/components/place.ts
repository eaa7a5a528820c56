// Where the story was filed: its dateline ("TEHRAN –", "BAGHDAD (Reuters) -", "ERBIL, Iraq, March 3
// (AP) —", src/nlp/dateline.ts) becomes the Doc's place, with the knowledge base's name and country
// when it knows the place. Mentions leave the dateline alone (a dateline is not Iran acting), and
// events fall back on this place when their sentence names none.
import type { Component } from '../../pipeline/component.js';
import type { Doc, DocPlace } from '../../core/doc.js';
import type { KnowledgeBase } from '../../kb/index.js';
import { datelineAt } from '../../nlp/dateline.js';
import { placeIn } from '../doc-helpers.js';
import { producedBy, VERSIONS } from '../producers.js';

export const place: Component = {
  name: 'place',
  requires: ['tokens'],
  assigns: ['place'],
  version: VERSIONS.place,
  description: "the article's place from its dateline (TEHRAN –, BAGHDAD (Reuters) -), named as the knowledge base names it",
  run(doc, { kb }) {
    doc.place = datelinePlaceOf(doc, kb);
  },
};

export function datelinePlaceOf(doc: Doc, kb: KnowledgeBase): DocPlace | null {
  const head = datelineAt(doc.text);
  if (!head) return null;
  const span = { start: head.start, end: head.placeEnd };
  const known = placeIn(doc, span, kb);
  return {
    name: known?.name ?? titleCase(doc.text.slice(span.start, span.end)),
    country: known?.country ?? null,
    start: span.start,
    end: span.end,
    dateline: { start: head.start, end: head.end },
    producer: producedBy('place', known ? 'dateline-kb' : 'dateline'),
  };
}

/** "SAN SALVADOR" to "San Salvador": a dateline's capitals are typography, not the name. */
function titleCase(words: string): string {
  return words.trim().toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
