// The trained tagger, lemmatizer and parser as a document component: each sentence's tokens get their
// lemma, UPOS and Penn tag, head (a Doc-level token index, -1 for the sentence's root) and relation.
// The model is loaded on first use, once per process (or worker thread).
import type { Component } from '../pipeline/component.js';
import { Analyzer } from './analyzer.js';
import { loadClusters } from './clusters.js';

let analyzer: Analyzer | undefined;

/** The process's analyser, loaded from models/parser on first call. */
export function sharedAnalyzer(): Analyzer {
  return (analyzer ??= Analyzer.load(undefined, () => loadClusters()));
}

/** Sentences longer than this are parsed in pieces: a run-on "sentence" is usually a list or a table. */
const LONGEST_SENTENCE = 300;

export const parser: Component = {
  name: 'parser',
  requires: ['tokens', 'sentences'],
  assigns: ['lemmas', 'upos', 'deps'],
  version: '1',
  description: 'lemma, UPOS/XPOS, head and relation per token (averaged perceptron, arc-hybrid; models/parser)',
  run(doc) {
    const model = sharedAnalyzer();
    for (const sentence of doc.sentences) {
      for (let from = sentence.tokenStart; from < sentence.tokenEnd; from += LONGEST_SENTENCE) {
        const to = Math.min(sentence.tokenEnd, from + LONGEST_SENTENCE);
        const tokens = doc.tokens.slice(from, to);
        const a = model.analyze(tokens.map((t) => t.form));
        tokens.forEach((t, i) => {
          t.lemma = a.lemma[i];
          t.upos = a.upos[i];
          t.xpos = a.xpos[i];
          t.head = a.head[i] < 0 ? -1 : from + a.head[i];
          t.deprel = a.deprel[i];
        });
      }
    }
  },
};
