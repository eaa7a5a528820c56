// CoNLL-U reading and writing (https://universaldependencies.org/format.html). The treebanks train the
// tagger and parser, and `orbit parse --conllu` fills the columns of a user's file, so a sentence keeps
// every line it came with: comments, multiword-token ranges ("3-4 don't") and empty nodes ("8.1") are
// carried through untouched; only the syntactic words (integer ids) are tagged and parsed.

export interface ConlluWord {
  /** The original line's ten columns (missing trailing ones filled with '_'). */
  columns: string[];
  form: string;
  lemma: string | null;
  upos: string | null;
  xpos: string | null;
  /** 0-based index of the head among the sentence's words, -1 for the root, null when not given. */
  head: number | null;
  deprel: string | null;
  /** False when MISC says SpaceAfter=No. */
  spaceAfter: boolean;
}

export interface ConlluSentence {
  comments: string[];
  words: ConlluWord[];
  /** Every line in order; a word line is a number (its index in `words`), other lines are kept as text. */
  lines: (string | number)[];
  /** Line number (1-based) of the sentence's first line, for messages. */
  lineNumber: number;
}

const blank = (v: string | undefined) => v === undefined || v === '' || v === '_';

/**
 * Sentences of a CoNLL-U text. Only ID and FORM are required; a malformed line throws an error naming
 * its line number and why, so a user's file is never silently misread.
 */
export function parseConllu(text: string, name = 'input'): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence | null = null;
  let ids: string[] = [];
  let rawHeads: (string | undefined)[] = [];
  const finish = () => {
    if (!current) return;
    if (current.words.length) {
      const position = new Map(ids.map((id, i) => [id, i]));
      current.words.forEach((w, i) => {
        const h = rawHeads[i];
        if (blank(h)) return;
        if (h === '0') w.head = -1;
        else if (position.has(h!)) w.head = position.get(h!)!;
        else throw new Error(`${name}:${current!.lineNumber}: word ${ids[i]} has head ${h}, which is not a word of its sentence`);
      });
      sentences.push(current);
    }
    current = null;
    ids = [];
    rawHeads = [];
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === '') {
      finish();
      continue;
    }
    current ??= { comments: [], words: [], lines: [], lineNumber: n + 1 };
    if (line.startsWith('#')) {
      current.comments.push(line);
      current.lines.push(line);
      continue;
    }
    const columns = line.split('\t');
    const id = columns[0];
    if (/^\d+-\d+$/.test(id) || /^\d+\.\d+$/.test(id)) {
      current.lines.push(line);
      continue;
    }
    if (!/^\d+$/.test(id)) throw new Error(`${name}:${n + 1}: the ID column is '${id}', not a word number`);
    if (columns.length < 2 || columns[1] === '') throw new Error(`${name}:${n + 1}: no FORM column (columns are separated by tabs)`);
    while (columns.length < 10) columns.push('_');
    const misc = columns[9];
    current.lines.push(current.words.length);
    ids.push(id);
    rawHeads.push(columns[6]);
    current.words.push({
      columns,
      form: columns[1],
      lemma: blank(columns[2]) && columns[1] !== '_' ? null : columns[2],
      upos: blank(columns[3]) ? null : columns[3],
      xpos: blank(columns[4]) ? null : columns[4],
      head: null,
      deprel: blank(columns[7]) ? null : columns[7],
      spaceAfter: !/(?:^|\|)SpaceAfter=No(?:\||$)/.test(misc),
    });
  }
  finish();
  return sentences;
}

export interface WordAnalysis {
  lemma: string;
  upos: string;
  xpos: string;
  /** 0-based head index, -1 for the root. */
  head: number;
  deprel: string;
}

/** The sentence's lines with LEMMA, UPOS, XPOS, HEAD and DEPREL replaced by the analysis. */
export function formatConllu(sentence: ConlluSentence, analysis: WordAnalysis[]): string {
  const out: string[] = [];
  for (const line of sentence.lines) {
    if (typeof line === 'string') {
      out.push(line);
      continue;
    }
    const w = sentence.words[line];
    const a = analysis[line];
    const columns = [...w.columns];
    columns[2] = a.lemma;
    columns[3] = a.upos;
    columns[4] = a.xpos;
    columns[6] = String(a.head + 1);
    columns[7] = a.deprel;
    out.push(columns.join('\t'));
  }
  return out.join('\n') + '\n\n';
}
