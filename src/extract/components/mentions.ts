// Who the article names: knowledge-base aliases, offices resolved on the sentence's date, actors found
// by the shape of their names, and the titles that stand next to names (src/extract/mentions.ts).
import type { Component } from '../../pipeline/component.js';
import { findMentions } from '../mentions.js';
import { dateAt, datelinePlace } from '../doc-helpers.js';
import { VERSIONS } from '../producers.js';

export const mentions: Component = {
  name: 'mentions',
  requires: ['tokens', 'sentences', 'entities'],
  assigns: ['mentions', 'appositions', 'discovered'],
  version: VERSIONS.mentions,
  description: 'actor mentions: KB aliases and demonyms, dated offices, names found by pattern or NER, titles by names',
  run(doc, { kb }) {
    const dateline = datelinePlace(doc, kb);
    const found = findMentions(doc.text, doc.tokens, kb, dateAt(doc), dateline?.country ?? null, doc.entities);
    doc.mentions = found.mentions;
    doc.appositions = found.appositions;
    doc.discovered = found.discovered;
  },
};
