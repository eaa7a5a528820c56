// CoNLL-2003 columns (word, POS, chunk, entity tag; -DOCSTART- lines between documents, blank lines
// between sentences), read into documents of sentences, and written back with a column appended.
export interface ConllToken {
  /** The line's columns as read. */
  columns: string[];
}

export interface ConllSentence {
  tokens: ConllToken[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

export interface ConllFile {
  documents: ConllDocument[];
  /** Every line in order, for writing back: a sentence token, a blank line or a -DOCSTART- line. */
  lines: ({ kind: 'token'; doc: number; sentence: number; token: number } | { kind: 'text'; text: string })[];
}

export class ConllError extends Error {}

export function parseConll(text: string, name: string): ConllFile {
  const documents: ConllDocument[] = [{ sentences: [] }];
  const lines: ConllFile['lines'] = [];
  let sentence: ConllSentence | null = null;
  const raw = text.split(/\r?\n/);
  if (raw.at(-1) === '') raw.pop();
  raw.forEach((line, n) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) {
      sentence = null;
      if (documents.at(-1)!.sentences.length) documents.push({ sentences: [] });
      lines.push({ kind: 'text', text: line });
      return;
    }
    if (!trimmed) {
      sentence = null;
      lines.push({ kind: 'text', text: line });
      return;
    }
    const columns = trimmed.split(/\s+/);
    if (columns.some((c) => c.includes('\u0000'))) throw new ConllError(`${name}:${n + 1}: not a CoNLL text line`);
    const doc = documents.at(-1)!;
    if (!sentence) doc.sentences.push((sentence = { tokens: [] }));
    sentence.tokens.push({ columns });
    lines.push({ kind: 'token', doc: documents.length - 1, sentence: doc.sentences.length - 1, token: sentence.tokens.length - 1 });
  });
  if (!documents.at(-1)!.sentences.length && documents.length > 1) documents.pop();
  return { documents, lines };
}

/** The file's lines with one column appended to every token line (`value` per token). */
export function writeConll(file: ConllFile, value: (doc: number, sentence: number, token: number) => string): string {
  return file.lines.map((l) => (l.kind === 'text' ? l.text : `${file.documents[l.doc].sentences[l.sentence].tokens[l.token].columns.join(' ')} ${value(l.doc, l.sentence, l.token)}`)).join('\n') + '\n';
}
