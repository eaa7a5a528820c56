// The tokenizer and sentence splitter as a document component: sentences from the learned splitter
// (src/nlp/sentence-splitter.ts, a line break always ends one), and their words as the UD English
// treebanks cut them (src/nlp/ud-tokenize.ts), each sentence knowing its range of tokens. Lemma, UPOS,
// XPOS, head and relation stay null until the parser component fills them.
import type { Component } from '../pipeline/component.js';
import type { DocToken, Sentence } from '../core/doc.js';
import { VERSIONS } from '../extract/producers.js';
import { sharedAnalyzer } from './parser-component.js';

export const tokenizer: Component = {
  name: 'tokenizer',
  requires: ['text'],
  assigns: ['tokens', 'sentences'],
  version: VERSIONS.tokenizer,
  description: 'sentences (averaged perceptron over word gaps) and UD-style words (src/nlp/ud-tokenize.ts)',
  run(doc) {
    const tokens: DocToken[] = [];
    const sentences: Sentence[] = [];
    for (const s of sharedAnalyzer().sentences(doc.text)) {
      const tokenStart = tokens.length;
      for (const w of s.words) tokens.push({ start: w.start, end: w.end, form: w.form, lemma: null, upos: null, xpos: null, head: null, deprel: null });
      sentences.push({ start: s.start, end: s.end, tokenStart, tokenEnd: tokens.length });
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
  },
};
