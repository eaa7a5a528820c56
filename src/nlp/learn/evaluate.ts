// The figures the training script and `npm run bench:nlp` print, computed one way for both.
import type { TreebankSentence } from './treebank.js';

export interface SpanLike {
  start: number;
  end: number;
}

/** Each gold word's span in the sentence text, found left to right; null where the text does not spell it. */
export function goldWordSpans(text: string, forms: string[]): ([number, number] | null)[] {
  let at = 0;
  return forms.map((form) => {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (text.startsWith(form, at)) {
      const span: [number, number] = [at, at + form.length];
      at += form.length;
      return span;
    }
    return null;
  });
}

/** Word-span F1 of a tokenizer on each sentence's own text (`# text`). */
export function tokenF1(sentences: TreebankSentence[], tokenize: (text: string) => SpanLike[]): number {
  let tp = 0, gold = 0, found = 0;
  for (const s of sentences) {
    if (!s.text) continue;
    const spans = goldWordSpans(s.text, s.forms);
    if (spans.some((x) => x === null)) continue; // a multiword token spelled otherwise ("wanna")
    const want = new Set(spans.map((x) => `${x![0]}:${x![1]}`));
    const got = tokenize(s.text);
    gold += want.size;
    found += got.length;
    for (const t of got) if (want.has(`${t.start}:${t.end}`)) tp++;
  }
  return (2 * tp) / (gold + found);
}

/**
 * Exact-span sentence F1 on running text: each document's sentences joined by a space within a
 * paragraph and by a blank line between paragraphs, as CoNLL 2018 scores sentence segmentation.
 */
export function sentenceF1(sentences: TreebankSentence[], split: (text: string) => SpanLike[]): number {
  let tp = 0, gold = 0, found = 0;
  const flush = (doc: { text: string; spans: Set<string> }) => {
    if (!doc.text) return;
    const got = split(doc.text);
    gold += doc.spans.size;
    found += got.length;
    for (const g of got) if (doc.spans.has(`${g.start}:${g.end}`)) tp++;
  };
  let doc = { text: '', spans: new Set<string>() };
  for (const s of sentences) {
    if (!s.text) continue;
    if (s.newDocument) {
      flush(doc);
      doc = { text: '', spans: new Set() };
    }
    if (doc.text) doc.text += s.newParagraph ? '\n\n' : ' ';
    doc.spans.add(`${doc.text.length}:${doc.text.length + s.text.length}`);
    doc.text += s.text;
  }
  flush(doc);
  return (2 * tp) / (gold + found);
}
