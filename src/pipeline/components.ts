// The pipeline, in order. Stages over many Docs run before and after; the document components run on
// one Doc at a time, each reading the layers it requires and adding those it assigns. `orbit pipeline`
// prints this list; the runner checks the order at start-up (src/pipeline/component.ts).
import type { Layer } from '../core/doc.js';
import type { Component } from './component.js';
import { spin } from '../clean/spin-component.js';
import { tokenizer } from '../nlp/tokenizer-component.js';
import { parser } from '../nlp/parser-component.js';
import { ner } from '../nlp/ner-component.js';
import { tagger } from '../nlp/tagger-component.js';
import { mentions } from '../extract/components/mentions.js';
import { place } from '../extract/components/place.js';
import { coreference } from '../extract/components/coreference.js';
import { events } from '../extract/components/events.js';
import { relations } from '../extract/components/relations.js';
import { relevance } from '../extract/components/relevance.js';
import { actors } from '../extract/components/actors.js';

/** A stage over many Docs (dedupe compares each with all before it; incidents merge across articles). */
export interface Stage {
  name: string;
  when: 'before' | 'after';
  assigns: Layer[];
  description: string;
}

export const STAGES_BEFORE: readonly Stage[] = [
  { name: 'ingest', when: 'before', assigns: [], description: 'files, folders, JSONL, RSS/Atom, URLs to raw pages (src/ingest)' },
  { name: 'clean', when: 'before', assigns: ['text', 'sourceMap'], description: 'page to Docs: body text, source map, title, date, outlet, stories split (src/clean)' },
  { name: 'dedupe', when: 'before', assigns: ['duplicates'], description: 'duplicateOf and spun against every earlier Doc and the store (src/clean/dedupe.ts); the spin check of a Doc with no original is the spin component' },
];

export const STAGES_AFTER: readonly Stage[] = [
  { name: 'incidents', when: 'after', assigns: [], description: "events of different articles about one happening, merged (src/analyze/incidents.ts)" },
];

/** What the stages before the document components have put on every Doc. */
export const GIVEN_LAYERS: readonly Layer[] = STAGES_BEFORE.flatMap((s) => s.assigns);

/**
 * In order. A new component (a tagger assigning 'lemmas' and 'upos', a parser assigning 'deps', NER
 * assigning 'entities') goes where what it requires is already assigned; the runner refuses any other
 * place at start-up, and `orbit pipeline` shows where it stands.
 */
export const DOCUMENT_COMPONENTS: readonly Component[] = [spin, tokenizer, tagger, ner, place, mentions, coreference, parser, events, relations, relevance, actors];
