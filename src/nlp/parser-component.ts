// The trained parser as a document component: the tokens of each sentence that extraction reads (one
// that names an actor and holds an event trigger or a stance word) get their head (a Doc-level token index, -1 for the
// sentence's root) and relation, parsed over the tagger component's tags; the others keep nulls.
// Parsing is most of the pipeline's cost, and most of a news page's words stand in sentences that
// extraction never reads.
// The model is loaded on first use, once per process (or worker thread).
import type { Component } from '../pipeline/component.js';
import type { Doc, DocToken } from '../core/doc.js';
import { Analyzer, DEFAULT_MODEL } from './analyzer.js';
import { triggerLexicon } from '../extract/lexicon.js';
import { hasStanceWord } from '../extract/stances.js';

let analyzer: Analyzer | undefined;

/** The process's analyser, loaded from models/parser on first call. */
export function sharedAnalyzer(): Analyzer {
  return (analyzer ??= Analyzer.load());
}

/** Sentences longer than this are parsed in pieces: a run-on "sentence" is usually a list or a table. */
import { LONGEST_SENTENCE } from './tagger-component.js';

export const parser: Component = {
  name: 'parser',
  requires: ['tokens', 'sentences', 'upos', 'lemmas', 'mentions', 'coreference'],
  assigns: ['deps'],
  version: '1',
  description: 'head and relation where extraction reads them: an actor and a trigger (arc-hybrid parser over the tagger\'s tags; models/parser)',
  models: () => [DEFAULT_MODEL()],
  run(doc) {
    const model = sharedAnalyzer();
    const named = namingSentences(doc);
    for (const [k, sentence] of doc.sentences.entries()) {
      if (!named[k]) continue;
      for (let from = sentence.tokenStart; from < sentence.tokenEnd; from += LONGEST_SENTENCE) {
        const to = Math.min(sentence.tokenEnd, from + LONGEST_SENTENCE);
        const tokens = doc.tokens.slice(from, to);
        const forms = tokens.map((t) => t.form);
        const ids = Int32Array.from(tokens, (t) => model.tagId(t.upos ?? '', t.xpos ?? ''));
        const a = ids.some((id) => id < 0)
          ? model.analyze(forms)
          : model.parseTagged(forms, { ids, upos: tokens.map((t) => t.upos!), xpos: tokens.map((t) => t.xpos!), lemma: tokens.map((t) => t.lemma!) });
        tokens.forEach((t, i) => {
          t.head = a.head[i] < 0 ? -1 : from + a.head[i];
          t.deprel = a.deprel[i];
        });
      }
    }
  },
};

/**
 * The sentences extraction reads the parse of: those that name an actor and hold an event trigger
 * (models/lexicon/events.yaml). Found in one pass over the sorted mentions and sentences.
 */
function namingSentences(doc: Doc): boolean[] {
  const named = doc.sentences.map(() => false);
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const m of mentions) {
    while (k < doc.sentences.length && doc.sentences[k].end <= m.start) k++;
    if (k < doc.sentences.length && doc.sentences[k].start <= m.start) named[k] = true;
  }
  if (process.env.ORBIT_EVENT_CODER === 'coder') return named;
  const { find } = triggerLexicon();
  return named.map((yes, i) => {
    if (!yes) return false;
    const s = doc.sentences[i];
    return find(doc.text.slice(s.start, s.end)).length > 0 || hasStanceWord(doc.tokens.slice(s.tokenStart, s.tokenEnd));
  });
}

/** A text outside any Doc (a PLV sentence, a user's line) as parsed tokens: the pipeline's own analysis. */
export function parseText(text: string): DocToken[] {
  const model = sharedAnalyzer();
  const tokens: DocToken[] = [];
  for (const sentence of model.sentences(text)) {
    const from = tokens.length;
    const a = model.analyze(sentence.words.map((w) => w.form));
    sentence.words.forEach((w, i) => {
      tokens.push({ ...w, lemma: a.lemma[i], upos: a.upos[i], xpos: a.xpos[i], head: a.head[i] < 0 ? -1 : from + a.head[i], deprel: a.deprel[i] });
    });
  }
  return tokens;
}
