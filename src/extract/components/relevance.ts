// How much the article is about the loaded theater (src/extract/relevance.ts).
import type { Component } from '../../pipeline/component.js';
import { relevance as score } from '../relevance.js';
import { VERSIONS } from '../producers.js';

export const relevance: Component = {
  name: 'relevance',
  requires: ['sentences', 'mentions', 'coreference'],
  assigns: ['relevance'],
  version: VERSIONS.relevance,
  description: "share of the article about the knowledge base's theater (0 to 1)",
  run(doc, { kb }) {
    doc.relevance = score(doc.sentences, doc.mentions, kb);
  },
};
