// The tokenizer and sentence splitter as a document component: sentences from the learned splitter
// (src/nlp/sentence-splitter.ts, a line break always ends one; a wire dateline stands apart), and their words as the UD English
// treebanks cut them (src/nlp/ud-tokenize.ts), each sentence knowing its range of tokens. Lemma, UPOS,
// XPOS, head and relation stay null until the parser component fills them.
import type { Component } from '../pipeline/component.js';
import type { DocToken, Sentence } from '../core/doc.js';
import { VERSIONS } from '../extract/producers.js';
import { DEFAULT_MODEL } from './analyzer.js';
import { sharedAnalyzer } from './parser-component.js';
import { datelineAt, type Dateline } from './dateline.js';
import type { SentenceSpan } from './sentence-splitter.js';

export const tokenizer: Component = {
  name: 'tokenizer',
  requires: ['text'],
  assigns: ['tokens', 'sentences'],
  version: VERSIONS.tokenizer,
  description: 'sentences (averaged perceptron over word gaps) and UD-style words (src/nlp/ud-tokenize.ts)',
  models: () => [DEFAULT_MODEL()],
  run(doc) {
    const tokens: DocToken[] = [];
    const sentences: Sentence[] = [];
    for (const s of withDatelineApart(sharedAnalyzer().sentences(doc.text), datelineAt(doc.text))) {
      const tokenStart = tokens.length;
      for (const w of s.words) tokens.push({ start: w.start, end: w.end, form: w.form, lemma: null, upos: null, xpos: null, head: null, deprel: null });
      sentences.push({ start: s.start, end: s.end, tokenStart, tokenEnd: tokens.length });
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
  },
};

/** The story's first sentence without its dateline, and the dateline as a sentence of its own. */
function withDatelineApart(sentences: SentenceSpan[], dateline: Dateline | null): SentenceSpan[] {
  const first = sentences[0];
  if (!dateline || !first || first.start !== dateline.start) return sentences;
  const cut = first.words.findIndex((w) => w.start >= dateline.end);
  if (cut <= 0) return sentences;
  const head = first.words.slice(0, cut);
  const rest = first.words.slice(cut);
  return [
    { start: head[0].start, end: head.at(-1)!.end, words: head },
    { start: rest[0].start, end: rest.at(-1)!.end, words: rest },
    ...sentences.slice(1),
  ];
}
