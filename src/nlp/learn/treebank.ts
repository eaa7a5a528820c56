// The treebanks the tagger, lemmatizer and parser learn from and are measured on: UD English EWT and
// the news, biography, interview and speech part of GUM, read from ../shared/data (never copied here).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu } from '../conllu.js';
import { sharedDataDir } from '../../core/paths.js';

export interface TreebankSentence {
  forms: string[];
  lemmas: string[];
  /** "UPOS|XPOS" per word. */
  tags: string[];
  /** 0-based head per word, -1 for the root. */
  heads: number[];
  deprels: string[];
  /** The sentence as written (`# text =`), for tokenizer and sentence-splitting figures. */
  text: string | null;
  /** True when the sentence opens a new document or paragraph. */
  newDocument: boolean;
  newParagraph: boolean;
}

export const TREEBANKS = {
  'ewt-train': 'ud-ewt/en_ewt-ud-train.conllu',
  'ewt-dev': 'ud-ewt/en_ewt-ud-dev.conllu',
  'gum-train': 'ud-gum/en_gum-ud-train.news-bio-interview-speech.conllu',
  'gum-dev': 'ud-gum/en_gum-ud-dev.news-bio-interview-speech.conllu',
} as const;
export type TreebankName = keyof typeof TREEBANKS;

/** The path of a treebank split, or null when ../shared/data is not beside the checkout. */
export function treebankPath(name: TreebankName): string | null {
  const dir = sharedDataDir();
  const path = dir && join(dir, TREEBANKS[name]);
  return path && existsSync(path) ? path : null;
}

export function readTreebank(path: string): TreebankSentence[] {
  return parseConllu(readFileSync(path, 'utf8'), path).map((s) => {
    const text = s.comments.find((c) => c.startsWith('# text = '))?.slice(9) ?? null;
    return {
      forms: s.words.map((w) => w.form),
      lemmas: s.words.map((w) => w.lemma ?? w.form),
      tags: s.words.map((w) => `${w.upos ?? 'X'}|${w.xpos ?? '_'}`),
      heads: s.words.map((w) => w.head ?? -1),
      deprels: s.words.map((w) => w.deprel ?? 'dep'),
      text,
      newDocument: s.comments.some((c) => c.startsWith('# newdoc')),
      newParagraph: s.comments.some((c) => c.startsWith('# newpar')),
    };
  });
}
