// Sentence boundaries, learned: for every word of a paragraph but the first, an averaged perceptron
// decides whether a sentence starts there, from the words around the gap (their forms, shapes, whether
// one is a stop or a known abbreviation, the case of what follows). Trained on the running text of the
// UD EWT and GUM documents (src/nlp/learn/train-sentences.ts), where many sentences end without a stop,
// so it also cuts a headline from the sentence pasted after it ("... Russia hails it The US and UK are").
// A line break always ends a sentence: cleaning puts one between paragraphs, captions and headlines.
import { feature1, feature2, feature3, feature4, hashString } from './perceptron/hash.js';
import type { Scorer } from './perceptron/perceptron.js';
import { tokenizeWords, type Word } from './ud-tokenize.js';
import { wordShape } from './word-features.js';
import { detached } from '../core/strings.js';

export const SENTENCE_FEATURES = 28;

interface GapWord {
  lower: number;
  shape: number;
  /** 1: ends a sentence when followed by a capital (. ! ?); 2: closing quote or bracket; 0: other. */
  kind: number;
  upper: number;
}

const NONE: GapWord = { lower: -1, shape: -1, kind: -1, upper: -1 };

function gapWord(form: string): GapWord {
  return {
    lower: hashString(form.toLowerCase()),
    shape: hashString(wordShape(form)),
    kind: /^[.!?…]+$/.test(form) ? 1 : /^["'”’)\]]+$/.test(form) ? 2 : /\.$/.test(form) ? 3 : 0,
    upper: /^\p{Lu}/u.test(form) ? 1 : /^\p{Ll}/u.test(form) ? 2 : /^\p{N}/u.test(form) ? 3 : 0,
  };
}

/** Features of the gap before word i (i >= 1). */
export function gapFeatures(words: readonly GapWord[], i: number, out: Uint32Array): number {
  const a3 = words[i - 3] ?? NONE;
  const a2 = words[i - 2] ?? NONE;
  const a1 = words[i - 1];
  const b0 = words[i];
  const b1 = words[i + 1] ?? NONE;
  let k = 0;
  out[k++] = feature1(1, 0);
  out[k++] = feature1(2, a1.lower);
  out[k++] = feature1(3, b0.lower);
  out[k++] = feature2(4, a1.lower, b0.upper);
  out[k++] = feature2(5, a1.kind, b0.upper);
  out[k++] = feature3(6, a2.lower, a1.kind, b0.upper);
  out[k++] = feature2(7, a1.shape, b0.shape);
  out[k++] = feature1(8, a1.shape);
  out[k++] = feature1(9, b0.shape);
  out[k++] = feature2(10, a2.kind, a1.kind);
  out[k++] = feature3(11, a2.kind, a1.kind, b0.upper);
  out[k++] = feature2(12, a1.lower, b0.lower);
  out[k++] = feature2(13, b0.lower, b1.upper);
  out[k++] = feature2(14, a2.lower, a1.lower);
  out[k++] = feature3(15, a1.upper, b0.upper, a1.kind);
  out[k++] = feature2(16, b0.shape, b1.shape);
  out[k++] = feature2(17, a2.shape, a1.lower);
  out[k++] = feature3(18, a1.kind, b0.lower, b1.upper);
  out[k++] = feature1(19, b1.lower);
  out[k++] = feature2(20, a2.lower, b0.upper);
  // "October 1. Iraqi forces" ends a sentence; "1. Open the file" at a line's start is a list marker
  out[k++] = feature4(21, a3.lower, a2.shape, a1.kind, b0.upper);
  out[k++] = feature4(22, i === 2 ? 1 : 0, a2.shape, a1.kind, b0.upper);
  out[k++] = feature3(23, a3.shape, a2.shape, a1.kind);
  return k;
}

const seen = new Map<string, GapWord>();

/** Each word's gap features, memoised by form: news repeats its words, and shapes cost string work. */
export function gapWords(forms: readonly string[]): GapWord[] {
  return forms.map((form) => {
    let g = seen.get(form);
    if (!g) {
      if (seen.size > 200_000) seen.clear();
      seen.set(detached(form), (g = gapWord(form)));
    }
    return g;
  });
}

/** Indices of the words that start a sentence (the first always does). */
export function sentenceStarts(scorer: Scorer, forms: readonly string[]): number[] {
  const words = gapWords(forms);
  const feats = new Uint32Array(SENTENCE_FEATURES);
  const scores = new Float64Array(2);
  const starts = forms.length ? [0] : [];
  for (let i = 1; i < forms.length; i++) {
    const count = gapFeatures(words, i, feats);
    scores.fill(0);
    scorer.score(feats, count, scores);
    if (scores[1] > scores[0]) starts.push(i);
  }
  return starts;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** The sentence's words, as the UD tokenizer cuts them. */
  words: Word[];
}

/** Sentences of a text: each line (paragraph) is tokenized and cut where the model says. */
export function splitIntoSentences(scorer: Scorer, text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const words = tokenizeWords(line[0], line.index!);
    if (!words.length) continue;
    const starts = sentenceStarts(scorer, words.map((w) => w.form));
    starts.forEach((s, k) => {
      const slice = words.slice(s, starts[k + 1] ?? words.length);
      sentences.push({ start: slice[0].start, end: slice.at(-1)!.end, words: slice });
    });
  }
  return sentences;
}
