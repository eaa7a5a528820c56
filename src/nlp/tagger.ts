// Part-of-speech tagging: a greedy left-to-right averaged perceptron (Collins 2002, as in Honnibal's
// "A good POS tagger in about 200 lines"), trained in this repo on UD EWT and GUM (scripts/train-parser.ts).
// A class is a UPOS|XPOS pair, so the tagger gives both the universal tag and the Penn tag, which
// tells the parser what UPOS cannot (a past participle from a past tense, VBN from VBD).
import { feature1, feature2, feature3 } from './perceptron/hash.js';
import { argmax, type Scorer } from './perceptron/perceptron.js';
import { FLAG_UPPER_INITIAL, type WordAtoms } from './word-features.js';

export const TAGGER_FEATURES = 48;
const START = -7;
const START2 = -8;
const END = -9;
const END2 = -10;

/** The features of word i given the two tags before it; returns how many were written. */
export function taggerFeatures(a: WordAtoms, amb: Int32Array, i: number, prev1: number, prev2: number, out: Uint32Array): number {
  const n = a.lower.length;
  const ambp1 = i + 1 < n ? amb[i + 1] : END;
  const ambp2 = i + 2 < n ? amb[i + 2] : END2;
  const w = a.lower[i];
  const wm1 = i > 0 ? a.lower[i - 1] : START;
  const wm2 = i > 1 ? a.lower[i - 2] : START2;
  const wp1 = i + 1 < n ? a.lower[i + 1] : END;
  const wp2 = i + 2 < n ? a.lower[i + 2] : END2;
  const s3m1 = i > 0 ? a.suffix3[i - 1] : START;
  const s3p1 = i + 1 < n ? a.suffix3[i + 1] : END;
  const shm1 = i > 0 ? a.shape[i - 1] : START;
  const shp1 = i + 1 < n ? a.shape[i + 1] : END;
  const c6m1 = i > 0 ? a.cluster6[i - 1] : START;
  const c6p1 = i + 1 < n ? a.cluster6[i + 1] : END;
  const c10p1 = i + 1 < n ? a.cluster10[i + 1] : END;
  const c4p2 = i + 2 < n ? a.cluster4[i + 2] : END2;
  let k = 0;
  out[k++] = feature1(1, 0);
  out[k++] = feature1(2, w);
  out[k++] = feature1(3, a.form[i]);
  out[k++] = feature1(4, a.suffix1[i]);
  out[k++] = feature1(5, a.suffix2[i]);
  out[k++] = feature1(6, a.suffix3[i]);
  out[k++] = feature1(7, a.suffix4[i]);
  out[k++] = feature1(8, a.prefix1[i]);
  out[k++] = feature1(9, a.prefix2[i]);
  out[k++] = feature1(10, a.prefix3[i]);
  out[k++] = feature1(11, a.shape[i]);
  out[k++] = feature1(12, prev1);
  out[k++] = feature2(13, prev2, prev1);
  out[k++] = feature2(14, prev1, w);
  out[k++] = feature1(15, wm1);
  out[k++] = feature1(16, s3m1);
  out[k++] = feature1(17, wm2);
  out[k++] = feature1(18, wp1);
  out[k++] = feature1(19, s3p1);
  out[k++] = feature1(20, wp2);
  out[k++] = feature2(21, wm1, w);
  out[k++] = feature2(22, w, wp1);
  out[k++] = feature2(23, prev1, wp1);
  out[k++] = feature1(24, shm1);
  out[k++] = feature1(25, shp1);
  out[k++] = feature2(26, prev1, a.suffix3[i]);
  out[k++] = feature2(27, i === 0 ? 1 : 0, a.flags[i] & FLAG_UPPER_INITIAL);
  out[k++] = feature2(28, a.flags[i], i === 0 ? 1 : 0);
  if (a.cluster[i] !== 0) {
    out[k++] = feature1(29, a.cluster4[i]);
    out[k++] = feature1(30, a.cluster6[i]);
    out[k++] = feature1(31, a.cluster10[i]);
    out[k++] = feature1(32, a.cluster[i]);
    out[k++] = feature2(33, prev1, a.cluster6[i]);
  }
  out[k++] = feature1(34, c6m1);
  out[k++] = feature1(35, c6p1);
  out[k++] = feature1(36, c10p1);
  out[k++] = feature1(37, c4p2);
  out[k++] = feature3(38, wm1, w, wp1);
  out[k++] = feature2(39, a.suffix2[i], wp1);
  // the tags the words around were seen with in training: right context that a left-to-right tagger lacks
  out[k++] = feature1(40, amb[i]);
  out[k++] = feature1(41, ambp1);
  out[k++] = feature2(42, amb[i], ambp1);
  out[k++] = feature2(43, prev1, ambp1);
  out[k++] = feature2(44, ambp1, ambp2);
  out[k++] = feature2(45, w, ambp1);
  return k;
}

export interface TaggerModel {
  /** Class labels, "UPOS|XPOS". */
  tags: string[];
  /** Words always seen with one tag in training (frequent and unambiguous): tagged without scoring. */
  dictionary: Map<string, number>;
  /** Lower-cased words seen often enough in training -> a hash of the set of tags they were seen with. */
  ambiguity: Map<string, number>;
  scorer: Scorer;
  /**
   * A second tagger trained right to left. Each word's tag is then the best of the two passes' summed
   * scores, so that both sides' guessed tags count (a greedy left-to-right pass sees only the left's).
   */
  backward?: Scorer;
}

/** Class ids of the words' tags. */
export function tagIds(model: TaggerModel, forms: readonly string[], atoms: WordAtoms, scores: Float64Array = new Float64Array(model.tags.length)): Int32Array {
  const n = forms.length;
  const C = model.tags.length;
  const out = new Int32Array(n);
  const feats = new Uint32Array(TAGGER_FEATURES + 8);
  const amb = ambiguityClasses(model.ambiguity, forms);
  // words the forward pass was unsure of, with their scores, for the backward pass to weigh in on
  const unsure: number[] = [];
  const unsureScores: number[] = [];
  let prev1 = START;
  let prev2 = START2;
  for (let i = 0; i < n; i++) {
    let tag = model.dictionary.get(forms[i]);
    if (tag === undefined) {
      const count = taggerFeatures(atoms, amb, i, prev1, prev2, feats);
      scores.fill(0);
      model.scorer.score(feats, count, scores);
      tag = argmax(scores, C);
      if (model.backward && margin(scores, tag, C) < UNSURE_MARGIN) {
        unsure.push(i);
        for (let c = 0; c < C; c++) unsureScores.push(scores[c]);
      }
    }
    out[i] = tag;
    prev2 = prev1;
    prev1 = tag;
  }
  if (!unsure.length) return out;
  // The backward tagger reads the sentence from its end; its history, the tags to a word's right,
  // comes from the forward pass, so only the unsure words are scored again.
  const rAtoms = reversedAtoms(atoms);
  const rAmb = amb.slice().reverse();
  unsure.forEach((i, k) => {
    const j = n - 1 - i;
    const count = taggerFeatures(rAtoms, rAmb, j, i + 1 < n ? out[i + 1] : START, i + 2 < n ? out[i + 2] : START2, feats);
    scores.fill(0);
    model.backward!.score(feats, count, scores);
    for (let c = 0; c < C; c++) scores[c] += unsureScores[k * C + c];
    out[i] = argmax(scores, C);
  });
  return out;
}

/**
 * Below this margin between its best and second-best tag the forward pass asks the backward one. On
 * the dev sets 20 gives the UPOS of asking for every word (EWT 95.38 vs 95.39) at twice the speed.
 */
const UNSURE_MARGIN = 20;

function margin(scores: Float64Array, best: number, C: number): number {
  let second = -Infinity;
  for (let c = 0; c < C; c++) if (c !== best && scores[c] > second) second = scores[c];
  return scores[best] - second;
}

/** The same atoms, last word first: the backward tagger reads the sentence from its end. */
export function reversedAtoms(a: WordAtoms): WordAtoms {
  const r = {} as Record<string, Int32Array>;
  for (const [key, values] of Object.entries(a)) r[key] = (values as Int32Array).slice().reverse();
  return r as unknown as WordAtoms;
}

export const uposOf = (tag: string) => tag.slice(0, tag.indexOf('|'));
export const xposOf = (tag: string) => tag.slice(tag.indexOf('|') + 1);

const UNSEEN = -11;

export function ambiguityClasses(ambiguity: Map<string, number>, forms: readonly string[]): Int32Array {
  return Int32Array.from(forms, (f) => ambiguity.get(f.toLowerCase()) ?? UNSEEN);
}
