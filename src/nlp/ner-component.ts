// The trained NER as a document component: PER, ORG, LOC and MISC spans over every sentence
// (models/ner; features in src/nlp/ner/ner.ts), the knowledge base's names as its gazetteer. Mentions
// read the PER and ORG spans to find the actors nobody listed.
import type { Component } from '../pipeline/component.js';
import type { KnowledgeBase } from '../kb/index.js';
import { gazetteerEntries } from '../kb/gazetteer.js';
import { VERSIONS, producedBy } from '../extract/producers.js';
import { Gazetteer } from './ner/gazetteer.js';
import { DEFAULT_NER, EntityRecognizer } from './ner/recognizer.js';
import { nerWords } from './ner/words.js';

const recognizers = new WeakMap<KnowledgeBase, EntityRecognizer>();

/** The process's recognizer for a knowledge base (its names are the gazetteer), loaded on first call. */
export function sharedRecognizer(kb: KnowledgeBase): EntityRecognizer {
  let r = recognizers.get(kb);
  if (!r) recognizers.set(kb, (r = EntityRecognizer.load(new Gazetteer(gazetteerEntries(kb)))));
  return r;
}

export const ner: Component = {
  name: 'ner',
  requires: ['tokens', 'sentences', 'upos'],
  assigns: ['entities'],
  version: VERSIONS.ner,
  description: 'named entities PER/ORG/LOC/MISC (averaged perceptron over BILOU tags, KB gazetteer; models/ner)',
  models: () => [DEFAULT_NER()],
  run(doc, { kb }) {
    const words = doc.sentences.map((s) => nerWords(doc.tokens.slice(s.tokenStart, s.tokenEnd), doc.text));
    // A joined compound ("al-Sudani") reads as its last word's tag.
    const sentences = words.map((w, k) => {
      const from = doc.sentences[k].tokenStart;
      return { forms: w.map((x) => x.form), upos: w.map((x) => doc.tokens[from + x.to - 1].upos ?? 'X') };
    });
    const spans = sharedRecognizer(kb).recognize(sentences);
    doc.entities = spans.flatMap((found, k) => found.map((s) => ({ start: words[k][s.start].start, end: words[k][s.end - 1].end, label: s.type, producer: producedBy('ner', 'model') })));
  },
};
