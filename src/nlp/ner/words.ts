// The words the NER reads: the UD tokenizer's words with hyphenated compounds joined again
// ("al-Sudani", "Iran-backed"), as CoNLL-2003, which the NER learned from, writes them.
export interface NerWord {
  start: number;
  end: number;
  form: string;
  /** The range of tokenizer words it covers. */
  from: number;
  to: number;
}

export function nerWords(words: readonly { start: number; end: number; form: string }[], text: string): NerWord[] {
  const out: NerWord[] = [];
  for (let i = 0; i < words.length; i++) {
    let j = i;
    // word "-" word, with nothing between them
    while (j + 2 < words.length && words[j + 1].form === '-' && words[j].end === words[j + 1].start && words[j + 1].end === words[j + 2].start) j += 2;
    out.push({ start: words[i].start, end: words[j].end, form: text.slice(words[i].start, words[j].end), from: i, to: j + 1 });
    i = j;
  }
  return out;
}
