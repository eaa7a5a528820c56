// The tokenizer and sentencizer as a document component: word tokens (src/nlp/tokenize.ts) and
// sentence spans (src/nlp/sentences.ts), each sentence knowing its range of tokens. Lemma, UPOS, XPOS,
// head and relation stay null until a tagger and parser component fill them.
import type { Component } from '../pipeline/component.js';
import type { DocToken, Sentence } from '../core/doc.js';
import { VERSIONS } from '../extract/producers.js';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';

export const tokenizer: Component = {
  name: 'tokenizer',
  requires: ['text'],
  assigns: ['tokens', 'sentences'],
  version: VERSIONS.tokenizer,
  description: 'word tokens and sentence spans (rules: src/nlp/tokenize.ts, sentences.ts)',
  run(doc) {
    doc.tokens = tokenize(doc.text).map((t): DocToken => ({ ...t, lemma: null, upos: null, xpos: null, head: null, deprel: null }));
    doc.sentences = withTokenRanges(splitSentences(doc.text), doc.tokens);
  },
};

/** Each sentence's tokens: those that start at or after it starts and end by its end. */
function withTokenRanges(spans: { start: number; end: number }[], tokens: DocToken[]): Sentence[] {
  let k = 0;
  return spans.map((s) => {
    while (k < tokens.length && tokens[k].start < s.start) k++;
    const tokenStart = k;
    while (k < tokens.length && tokens[k].end <= s.end) k++;
    return { start: s.start, end: s.end, tokenStart, tokenEnd: k };
  });
}
