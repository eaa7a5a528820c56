// Who the article names: knowledge-base aliases, offices resolved on the sentence's date, actors found
// by the shape of their names, and the titles that stand next to names (src/extract/mentions.ts).
// Nothing in the dateline is a mention: "TEHRAN –" says where the story was filed, not that Iran acted.
import type { Component } from '../../pipeline/component.js';
import type { Span } from '../../model/types.js';
import { findMentions } from '../mentions.js';
import { dateAt } from '../doc-helpers.js';
import { VERSIONS } from '../producers.js';

export const mentions: Component = {
  name: 'mentions',
  requires: ['tokens', 'sentences', 'entities', 'place'],
  assigns: ['mentions', 'appositions', 'discovered'],
  version: VERSIONS.mentions,
  description: 'actor mentions: KB aliases and demonyms, dated offices, names found by pattern or NER, titles by names; none in the dateline',
  run(doc, { kb }) {
    const dateline = doc.place?.dateline ?? null;
    const outside = (s: Span) => !dateline || s.start >= dateline.end || s.end <= dateline.start;
    const found = findMentions(doc.text, doc.tokens.filter(outside), kb, dateAt(doc), doc.place?.country ?? null, doc.entities.filter(outside));
    doc.mentions = found.mentions.filter(outside);
    doc.appositions = found.appositions.filter((a) => outside(a.span));
    const named = new Set(doc.mentions.map((m) => m.actorId));
    doc.discovered = found.discovered.filter((a) => named.has(a.id));
  },
};
