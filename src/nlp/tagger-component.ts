// The trained tagger and lemmatizer as a document component: every word gets its UPOS, Penn tag and
// lemma (what the NER and the mentions read everywhere); the parse waits for the parser component,
// which only parses the sentences extraction reads and reuses these tags.
import type { Component } from '../pipeline/component.js';
import { VERSIONS } from '../extract/producers.js';
import { DEFAULT_MODEL } from './analyzer.js';
import { sharedAnalyzer } from './parser-component.js';

/** Sentences longer than this are tagged in pieces, as the parser parses them. */
export const LONGEST_SENTENCE = 300;

export const tagger: Component = {
  name: 'tagger',
  requires: ['tokens', 'sentences'],
  assigns: ['lemmas', 'upos'],
  version: VERSIONS.tagger,
  description: 'UPOS, Penn tag and lemma of every word (averaged perceptron tagger, learned lemmatizer; models/parser)',
  models: () => [DEFAULT_MODEL()],
  run(doc) {
    const model = sharedAnalyzer();
    for (const sentence of doc.sentences) {
      for (let from = sentence.tokenStart; from < sentence.tokenEnd; from += LONGEST_SENTENCE) {
        const tokens = doc.tokens.slice(from, Math.min(sentence.tokenEnd, from + LONGEST_SENTENCE));
        const t = model.tag(tokens.map((x) => x.form));
        tokens.forEach((x, i) => {
          x.lemma = t.lemma[i];
          x.upos = t.upos[i];
          x.xpos = t.xpos[i];
        });
      }
    }
  },
};
