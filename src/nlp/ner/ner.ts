// Named-entity recognition: a greedy left-to-right averaged perceptron over BILOU tags (PER, ORG, LOC,
// MISC), with the features Ratinov & Roth (2009) found to generalise: word forms and shapes in a
// window, affixes, word clusters learned from unlabelled news (models/clusters), the tagger's UPOS,
// gazetteer matches from the knowledge base and from the training data's own names (names.ts), and the
// labels the same word took earlier in the document. Decoding keeps BILOU sequences well formed.
import { feature1, feature2, feature3, hashString } from '../perceptron/hash.js';
import { argmax, type Scorer } from '../perceptron/perceptron.js';
import { FLAG_ALL_UPPER, FLAG_DIGIT, FLAG_UPPER_INITIAL, type WordAtoms } from '../word-features.js';
import type { TagSpan } from './scheme.js';

export const NER_FEATURES = 80;
/**
 * Positions in the feature list (bias, word, form, shape, cluster, UPOS, previous label, previous
 * label with word, gazetteer) that get a copy of their own per domain (Daumé 2007): the shared copy
 * learns what CoNLL and re3d agree on, the domain's copy what is peculiar to it.
 */
const DOMAIN_COPIED = [0, 1, 2, 7, 20, 25, 30, 32, 39];
const START = -7, START2 = -8, END = -9, END2 = -10;

export interface NerModel {
  /** "O" and B-/I-/L-/U- with each type. */
  labels: string[];
  scorer: Scorer;
}

/** Per token: hashed gazetteer tags ("B-PER" ...) from the knowledge base, 0 where none. */
export type GazetteerTags = Int32Array;

/** What the document said so far: per lower-cased word, the type last given to a span holding it. */
export class DocumentMemory {
  private seen = new Map<number, number>();
  recall(lower: number): number {
    return this.seen.get(lower) ?? 0;
  }
  remember(lower: number, typeHash: number): void {
    this.seen.set(lower, typeHash);
  }
}

export interface NerInput {
  atoms: WordAtoms;
  upos: Int32Array;
  gazetteer: GazetteerTags;
  memory: DocumentMemory;
  /** Per word: 1 when the document also writes it capitalised inside a sentence (a name, not a sentence start). */
  namedElsewhere?: Int32Array;
  /** Per token: hashed BILOU tags of the names the training data holds (NerNames), 0 where none. */
  names?: Int32Array;
  /** Hashed domain ("conll", "re3d") for the domain-specific feature copies; 0 or absent: the shared features alone. */
  domain?: number;
  /** 1 for a sentence in capitals ("LEICESTERSHIRE TAKE OVER AT TOP"), where case says nothing; set by labelSentence. */
  shouting?: number;
}

export function nerFeatures(x: NerInput, i: number, prev1: number, prev2: number, out: Uint32Array): number {
  const a = x.atoms;
  const n = a.lower.length;
  const at = (arr: Int32Array, k: number, before: number, after: number) => (k < 0 ? before : k >= n ? after : arr[k]);
  const w = a.lower[i];
  const cap = (k: number) => (k < 0 || k >= n ? 2 : a.flags[k] & FLAG_UPPER_INITIAL ? 1 : 0);
  let k = 0;
  out[k++] = feature1(1, 0);
  out[k++] = feature1(2, w);
  out[k++] = feature1(3, a.form[i]);
  out[k++] = feature1(4, at(a.lower, i - 1, START, END));
  out[k++] = feature1(5, at(a.lower, i + 1, START, END));
  out[k++] = feature1(6, at(a.lower, i - 2, START2, END2));
  out[k++] = feature1(7, at(a.lower, i + 2, START2, END2));
  out[k++] = feature1(8, a.shape[i]);
  out[k++] = feature1(9, at(a.shape, i - 1, START, END));
  out[k++] = feature1(10, at(a.shape, i + 1, START, END));
  out[k++] = feature1(11, a.prefix1[i]);
  out[k++] = feature1(12, a.prefix2[i]);
  out[k++] = feature1(13, a.prefix3[i]);
  out[k++] = feature1(14, a.suffix1[i]);
  out[k++] = feature1(15, a.suffix2[i]);
  out[k++] = feature1(16, a.suffix3[i]);
  out[k++] = feature1(17, a.suffix4[i]);
  out[k++] = feature1(18, a.cluster4[i]);
  out[k++] = feature1(19, a.cluster6[i]);
  out[k++] = feature1(20, a.cluster10[i]);
  out[k++] = feature1(21, a.cluster[i]);
  out[k++] = feature1(22, at(a.cluster6, i - 1, START, END));
  out[k++] = feature1(23, at(a.cluster6, i + 1, START, END));
  out[k++] = feature1(24, at(a.cluster10, i - 1, START, END));
  out[k++] = feature1(25, at(a.cluster10, i + 1, START, END));
  out[k++] = feature1(26, x.upos[i]);
  out[k++] = feature1(27, at(x.upos, i - 1, START, END));
  out[k++] = feature1(28, at(x.upos, i + 1, START, END));
  out[k++] = feature2(29, at(x.upos, i - 1, START, END), x.upos[i]);
  out[k++] = feature2(30, x.upos[i], at(x.upos, i + 1, START, END));
  out[k++] = feature1(31, prev1);
  out[k++] = feature2(32, prev2, prev1);
  out[k++] = feature2(33, prev1, w);
  out[k++] = feature2(34, prev1, a.shape[i]);
  out[k++] = feature2(35, prev1, at(a.lower, i + 1, START, END));
  out[k++] = feature3(36, cap(i - 1), cap(i), cap(i + 1));
  out[k++] = feature2(37, i === 0 ? 1 : 0, a.flags[i] & (FLAG_UPPER_INITIAL | FLAG_ALL_UPPER | FLAG_DIGIT));
  out[k++] = feature2(38, at(a.lower, i - 1, START, END), w);
  out[k++] = feature2(39, w, at(a.lower, i + 1, START, END));
  out[k++] = feature1(40, x.gazetteer[i]);
  out[k++] = feature1(41, at(x.gazetteer, i - 1, START, END));
  out[k++] = feature1(42, at(x.gazetteer, i + 1, START, END));
  out[k++] = feature2(43, x.gazetteer[i], a.shape[i]);
  out[k++] = feature2(44, prev1, x.gazetteer[i]);
  // Non-local: the type this word took earlier in the document (capitalised words only: "May" the month).
  const earlier = a.flags[i] & FLAG_UPPER_INITIAL ? x.memory.recall(w) : 0;
  out[k++] = feature1(45, earlier);
  out[k++] = feature2(46, earlier, prev1);
  out[k++] = feature2(47, at(a.lower, i - 1, START, END), a.shape[i]);
  out[k++] = feature2(48, a.shape[i], at(a.lower, i + 1, START, END));
  out[k++] = feature2(49, at(a.cluster10, i - 1, START, END), a.cluster10[i]);
  out[k++] = feature1(50, at(a.suffix3, i - 1, START, END));
  out[k++] = feature1(51, at(a.suffix3, i + 1, START, END));
  const shouting = x.shouting ?? 0;
  out[k++] = feature2(60, shouting, a.lower[i]);
  out[k++] = feature3(61, shouting, prev1, a.lower[i]);
  const named = x.namedElsewhere ? x.namedElsewhere[i] : 0;
  out[k++] = feature2(52, named, a.flags[i] & FLAG_UPPER_INITIAL);
  out[k++] = feature3(53, named, i === 0 ? 1 : 0, a.shape[i]);
  out[k++] = feature2(54, prev1, a.cluster10[i]);
  out[k++] = feature2(55, at(a.shape, i - 1, START, END), a.shape[i]);
  out[k++] = feature2(56, a.shape[i], at(a.shape, i + 1, START, END));
  out[k++] = feature2(57, prev1, at(a.lower, i - 1, START, END));
  out[k++] = feature1(58, at(a.cluster10, i + 2, START2, END2));
  out[k++] = feature1(59, at(a.cluster10, i - 2, START2, END2));
  // The training data's names (names.ts), a gazetteer the model learns to trust apart from the knowledge base's.
  if (x.names) {
    const g = x.names;
    out[k++] = feature1(100, g[i]);
    out[k++] = feature1(101, at(g, i - 1, START, END));
    out[k++] = feature1(102, at(g, i + 1, START, END));
    out[k++] = feature2(103, g[i], a.shape[i]);
    out[k++] = feature2(104, g[i], x.gazetteer[i]);
  }
  if (x.domain) for (const j of DOMAIN_COPIED) out[k++] = feature2(110, out[j], x.domain);
  return k;
}

/** Which label may follow which in BILOU: inside a span only I-/L- of its type. */
export function transitionTable(labels: readonly string[]): (prev: number, next: number) => boolean {
  const type = labels.map((l) => (l === 'O' ? '' : l.slice(2)));
  const prefix = labels.map((l) => (l === 'O' ? 'O' : l[0]));
  return (prev, next) => {
    const open = prev >= 0 && (prefix[prev] === 'B' || prefix[prev] === 'I');
    if (open) return (prefix[next] === 'I' || prefix[next] === 'L') && type[next] === type[prev];
    return prefix[next] === 'O' || prefix[next] === 'B' || prefix[next] === 'U';
  };
}

export interface Decoder {
  model: NerModel;
  allowed: (prev: number, next: number) => boolean;
  labelHash: Int32Array;
  typeHash: Int32Array;
  features: Uint32Array;
  scores: Float64Array;
}

export function decoder(model: NerModel): Decoder {
  return {
    model,
    allowed: transitionTable(model.labels),
    labelHash: Int32Array.from(model.labels, (l) => hashString(l)),
    typeHash: Int32Array.from(model.labels, (l) => (l === 'O' ? 0 : hashString('T' + l.slice(2)))),
    features: new Uint32Array(NER_FEATURES),
    scores: new Float64Array(model.labels.length),
  };
}

/**
 * Labels a sentence greedily; `gold` (training) gets a perceptron update at every mistake through
 * `learn`, and the history is the model's own guesses. Spans found feed the document's memory.
 */
export function labelSentence(d: Decoder, x: NerInput, learn?: { gold: Int32Array; update: (f: Uint32Array, n: number, truth: number, guess: number) => void }): Int32Array {
  const n = x.atoms.lower.length;
  const out = new Int32Array(n);
  const L = d.model.labels.length;
  if (x.shouting === undefined) {
    let shouting = 1;
    for (let j = 0; j < n && shouting; j++) if (x.atoms.flags[j] & FLAG_UPPER_INITIAL && !(x.atoms.flags[j] & FLAG_ALL_UPPER)) shouting = 0;
    x = { ...x, shouting };
  }
  let prev = -1, prev2 = -1;
  for (let i = 0; i < n; i++) {
    const count = nerFeatures(x, i, prev >= 0 ? d.labelHash[prev] : START, prev2 >= 0 ? d.labelHash[prev2] : START2, d.features);
    d.scores.fill(0);
    d.model.scorer.score(d.features, count, d.scores);
    const p = prev;
    const guess = argmax(d.scores, L, (c) => d.allowed(p, c));
    if (learn) {
      const unconstrained = argmax(d.scores, L);
      if (unconstrained !== learn.gold[i]) learn.update(d.features, count, learn.gold[i], unconstrained);
    }
    out[i] = guess;
    prev2 = prev;
    prev = guess;
  }
  // A span still open at the end is closed where it stops.
  for (const s of spansOfIds(d.model.labels, out)) for (let i = s.start; i < s.end; i++) x.memory.remember(x.atoms.lower[i], hashString('T' + s.type));
  return out;
}

export function spansOfIds(labels: readonly string[], ids: Int32Array): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  for (let i = 0; i < ids.length; i++) {
    const l = labels[ids[i]];
    if (l === 'O') {
      if (open) spans.push({ ...open, end: i }), (open = null);
      continue;
    }
    const [p, type] = [l[0], l.slice(2)];
    if (p === 'B' || p === 'U' || !open || open.type !== type) {
      if (open) spans.push({ ...open, end: i });
      open = { start: i, end: i + 1, type };
    }
    if (p === 'U' || p === 'L') spans.push({ ...open, end: i + 1 }), (open = null);
  }
  if (open) spans.push({ ...open, end: ids.length });
  return spans;
}

/**
 * For each sentence of a document, which words the document also writes capitalised in the middle of
 * a sentence: "Cable" at a headline's start is a name if the story says "Cable" mid-sentence too.
 */
export function namedElsewhere(sentences: readonly (readonly string[])[]): Int32Array[] {
  const named = new Set<string>();
  for (const forms of sentences) {
    for (let i = 1; i < forms.length; i++) {
      const f = forms[i];
      if (/^\p{Lu}\p{Ll}/u.test(f) && !/^[.!?"“]$/.test(forms[i - 1])) named.add(f.toLowerCase());
    }
  }
  return sentences.map((forms) => Int32Array.from(forms, (f) => (named.has(f.toLowerCase()) ? 1 : 0)));
}


/** Labels a document's sentences in order, the memory of earlier sentences carried along. */
export function labelDocument(
  d: Decoder,
  sentences: readonly Omit<NerInput, 'memory'>[],
  learn?: { golds: Int32Array[]; update: (f: Uint32Array, n: number, truth: number, guess: number) => void; tick: () => void },
): Int32Array[] {
  const memory = new DocumentMemory();
  return sentences.map((x, k) => {
    const out = labelSentence(d, { ...x, memory }, learn && { gold: learn.golds[k], update: learn.update });
    learn?.tick();
    return out;
  });
}
