// Dependency parsing: greedy arc-hybrid transitions scored by an averaged perceptron over Zhang & Nivre
// (2011)-style features (words, tags and clusters of the stack and buffer, their dependents, distances,
// valencies, label sets), and a second perceptron that labels each arc when it is made, from the
// dependent's finished subtree and the head. Trained in this repo (src/nlp/learn/train-parser.ts).
import { feature1, feature2, feature3, feature4 } from './perceptron/hash.js';
import type { Scorer } from './perceptron/perceptron.js';
import { LEFT, MOVES, ParserState, RIGHT, SHIFT } from './parser-state.js';
import { FLAG_PUNCT, type WordAtoms } from './word-features.js';

export const PARSER_FEATURES = 96;
export const LABEL_FEATURES = 40;

/** What the parser reads of each word, with two extra slots: the root (n) and "no word" (n+1). */
export interface ParserInput {
  n: number;
  word: Int32Array;
  tag: Int32Array;
  upos: Int32Array;
  c4: Int32Array;
  c6: Int32Array;
  suffix3: Int32Array;
  /** Punctuation words before position i (prefix sums), to count the punctuation between two words. */
  punctBefore: Int32Array;
}

const ROOT_VALUE = -101;
const NONE_VALUE = -102;

export function parserInput(atoms: WordAtoms, tags: Int32Array, uposIds: Int32Array): ParserInput {
  const n = tags.length;
  const make = (source: ArrayLike<number>, root: number, none: number) => {
    const a = new Int32Array(n + 2);
    for (let i = 0; i < n; i++) a[i] = source[i];
    a[n] = root;
    a[n + 1] = none;
    return a;
  };
  const punctBefore = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) punctBefore[i + 1] = punctBefore[i] + (atoms.flags[i] & FLAG_PUNCT ? 1 : 0);
  punctBefore[n + 1] = punctBefore[n];
  return {
    n,
    word: make(atoms.lower, ROOT_VALUE, NONE_VALUE),
    tag: make(tags, ROOT_VALUE, NONE_VALUE),
    upos: make(uposIds, ROOT_VALUE, NONE_VALUE),
    c4: make(atoms.cluster4, ROOT_VALUE, NONE_VALUE),
    c6: make(atoms.cluster6, ROOT_VALUE, NONE_VALUE),
    suffix3: make(atoms.suffix3, ROOT_VALUE, NONE_VALUE),
    punctBefore,
  };
}

const bucket = (d: number) => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : 8);

/** The features of a parser state; returns how many were written. */
export function parserFeatures(x: ParserInput, st: ParserState, out: Uint32Array): number {
  const { word: W, tag: T, c4: C4, c6: C6, n } = x;
  const L = st.labels;
  const s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const b0 = st.b(0), b1 = st.b(1), b2 = st.b(2);
  const s0l1 = st.left1[s0], s0l2 = st.left2[s0], s0r1 = st.right1[s0], s0r2 = st.right2[s0];
  const s1l1 = st.left1[s1], s1r1 = st.right1[s1], s1r2 = st.right2[s1];
  const b0l1 = st.left1[b0], b0l2 = st.left2[b0];
  const s0w = W[s0], s0t = T[s0], s1w = W[s1], s1t = T[s1], b0w = W[b0], b0t = T[b0];
  const b1w = W[b1], b1t = T[b1], b2t = T[b2], s2t = T[s2];
  const s0wt = feature2(0, s0w, s0t), s1wt = feature2(0, s1w, s1t), b0wt = feature2(0, b0w, b0t);
  // distances, with the root and missing words as their own values
  const dSB = s0 >= n || b0 >= n ? 20 + (s0 === n ? 1 : 0) : bucket(b0 - s0);
  const dSS = s1 >= n || s0 >= n ? 20 + (s1 === n ? 1 : 0) : bucket(s0 - s1);
  const pSB = s0 < n && b0 < n ? Math.min(3, x.punctBefore[b0] - x.punctBefore[s0 + 1]) : 9;
  const pSS = s1 < n && s0 < n ? Math.min(3, x.punctBefore[s0] - x.punctBefore[s1 + 1]) : 9;
  let k = 0;
  out[k++] = feature1(1, s0wt);
  out[k++] = feature1(2, s0w);
  out[k++] = feature1(3, s0t);
  out[k++] = feature1(4, s1wt);
  out[k++] = feature1(5, s1w);
  out[k++] = feature1(6, s1t);
  out[k++] = feature1(7, b0wt);
  out[k++] = feature1(8, b0w);
  out[k++] = feature1(9, b0t);
  out[k++] = feature2(10, b1w, b1t);
  out[k++] = feature1(11, b1w);
  out[k++] = feature1(12, b1t);
  out[k++] = feature1(13, b2t);
  out[k++] = feature1(14, s2t);
  out[k++] = feature1(15, W[s2]);
  out[k++] = feature2(16, s0wt, b0wt);
  out[k++] = feature2(17, s0wt, b0w);
  out[k++] = feature2(18, s0w, b0wt);
  out[k++] = feature2(19, s0wt, b0t);
  out[k++] = feature2(20, s0t, b0wt);
  out[k++] = feature2(21, s0w, b0w);
  out[k++] = feature2(22, s0t, b0t);
  out[k++] = feature2(23, b0t, b1t);
  out[k++] = feature2(24, s1wt, s0wt);
  out[k++] = feature2(25, s1wt, s0w);
  out[k++] = feature2(26, s1w, s0wt);
  out[k++] = feature2(27, s1wt, s0t);
  out[k++] = feature2(28, s1t, s0wt);
  out[k++] = feature2(29, s1w, s0w);
  out[k++] = feature2(30, s1t, s0t);
  out[k++] = feature3(31, b0t, b1t, b2t);
  out[k++] = feature3(32, s0t, b0t, b1t);
  out[k++] = feature3(33, s1t, s0t, b0t);
  out[k++] = feature3(34, s2t, s1t, s0t);
  out[k++] = feature3(35, s0t, T[s0l1], b0t);
  out[k++] = feature3(36, s0t, T[s0r1], b0t);
  out[k++] = feature3(37, s0t, b0t, T[b0l1]);
  out[k++] = feature3(38, s1t, s0t, T[s0l1]);
  out[k++] = feature3(39, s1t, s0t, T[s0r1]);
  out[k++] = feature3(40, s1t, T[s1r1], s0t);
  out[k++] = feature3(41, s1t, T[s1l1], s0t);
  out[k++] = feature3(42, s0t, T[s0l1], T[s0l2]);
  out[k++] = feature3(43, s0t, T[s0r1], T[s0r2]);
  out[k++] = feature3(44, b0t, T[b0l1], T[b0l2]);
  out[k++] = feature3(45, s1t, T[s1r1], T[s1r2]);
  out[k++] = feature2(46, s0w, dSB);
  out[k++] = feature2(47, s0t, dSB);
  out[k++] = feature2(48, b0w, dSB);
  out[k++] = feature2(49, b0t, dSB);
  out[k++] = feature3(50, s0w, b0w, dSB);
  out[k++] = feature3(51, s0t, b0t, dSB);
  out[k++] = feature3(52, s1t, s0t, dSS);
  out[k++] = feature3(53, s1w, s0w, dSS);
  out[k++] = feature2(54, s1w, dSS);
  out[k++] = feature2(55, s0w, dSS);
  out[k++] = feature2(56, s0w, st.leftCount[s0]);
  out[k++] = feature2(57, s0t, st.leftCount[s0]);
  out[k++] = feature2(58, s0w, st.rightCount[s0]);
  out[k++] = feature2(59, s0t, st.rightCount[s0]);
  out[k++] = feature2(60, s1w, st.rightCount[s1]);
  out[k++] = feature2(61, s1t, st.rightCount[s1]);
  out[k++] = feature2(62, b0w, st.leftCount[b0]);
  out[k++] = feature2(63, b0t, st.leftCount[b0]);
  out[k++] = feature2(64, s1t, st.leftCount[s1]);
  out[k++] = feature1(65, W[s0l1]);
  out[k++] = feature1(66, T[s0l1]);
  out[k++] = feature2(67, s0t, L[s0l1]);
  out[k++] = feature1(68, W[s0r1]);
  out[k++] = feature1(69, T[s0r1]);
  out[k++] = feature2(70, s0t, L[s0r1]);
  out[k++] = feature1(71, W[b0l1]);
  out[k++] = feature1(72, T[b0l1]);
  out[k++] = feature2(73, b0t, L[b0l1]);
  out[k++] = feature2(74, s1t, L[s1r1]);
  out[k++] = feature2(75, s1t, L[s1l1]);
  out[k++] = feature2(76, s0w, st.leftLabels[s0]);
  out[k++] = feature2(77, s0t, st.leftLabels[s0]);
  out[k++] = feature2(78, s0t, st.rightLabels[s0]);
  out[k++] = feature2(79, b0t, st.leftLabels[b0]);
  out[k++] = feature2(80, s1t, st.rightLabels[s1]);
  out[k++] = feature2(81, C4[s0], C4[b0]);
  out[k++] = feature2(82, C6[s0], C6[b0]);
  out[k++] = feature2(83, C6[s1], C6[s0]);
  out[k++] = feature2(84, C6[s0], b0t);
  out[k++] = feature2(85, s0t, C6[b0]);
  out[k++] = feature3(86, C4[s1], C4[s0], C4[b0]);
  out[k++] = feature1(87, C6[b0]);
  out[k++] = feature1(88, C6[s0]);
  out[k++] = feature1(89, C6[s1]);
  out[k++] = feature1(90, C6[b1]);
  out[k++] = feature3(91, s0t, b0t, pSB);
  out[k++] = feature3(92, s1t, s0t, pSS);
  out[k++] = feature4(93, s0t, s1t, st.leftCount[s0], st.rightCount[s1]);
  out[k++] = feature3(94, s0w, b0t, b1t);
  out[k++] = feature3(95, s1w, s0t, b0t);
  out[k++] = feature2(96, L[s1r1], L[s0l1]);
  return k;
}

/** The features for labelling the arc head -> dep, made when dep's subtree is complete. */
export function labelFeatures(x: ParserInput, st: ParserState, head: number, dep: number, out: Uint32Array): number {
  const { word: W, tag: T, c6: C6, n } = x;
  const L = st.labels;
  const dw = W[dep], dt = T[dep], hw = W[head], ht = T[head];
  const right = dep > head ? 1 : 0;
  const dist = head === n ? 20 : bucket(Math.abs(head - dep));
  const dl1 = st.left1[dep], dr1 = st.right1[dep], dl2 = st.left2[dep];
  const prevT = dep > 0 ? T[dep - 1] : NONE_VALUE;
  const nextT = dep + 1 < n ? T[dep + 1] : NONE_VALUE;
  let k = 0;
  out[k++] = feature1(1, dw);
  out[k++] = feature1(2, dt);
  out[k++] = feature2(3, dw, dt);
  out[k++] = feature1(4, hw);
  out[k++] = feature1(5, ht);
  out[k++] = feature2(6, hw, ht);
  out[k++] = feature3(7, ht, dt, right);
  out[k++] = feature3(8, hw, dw, right);
  out[k++] = feature3(9, hw, dt, right);
  out[k++] = feature3(10, ht, dw, right);
  out[k++] = feature4(11, ht, dt, right, dist);
  out[k++] = feature2(12, dt, st.leftLabels[dep]);
  out[k++] = feature2(13, dt, st.rightLabels[dep]);
  out[k++] = feature3(14, dt, L[dl1], right);
  out[k++] = feature3(15, dt, L[dr1], right);
  out[k++] = feature2(16, W[dl1], dt);
  out[k++] = feature2(17, T[dl1], dt);
  out[k++] = feature3(18, ht, st.leftLabels[head], right);
  out[k++] = feature3(19, ht, st.rightLabels[head], right);
  out[k++] = feature1(20, C6[dep]);
  out[k++] = feature3(21, C6[head], C6[dep], right);
  out[k++] = feature3(22, dt, st.leftCount[dep], st.rightCount[dep]);
  out[k++] = feature3(23, prevT, dt, nextT);
  out[k++] = feature3(24, right, dt, x.suffix3[dep]);
  out[k++] = feature2(25, T[dr1], dt);
  out[k++] = feature2(26, W[dr1], dt);
  out[k++] = feature3(27, head === n ? 1 : 0, dt, right);
  out[k++] = feature3(28, W[dl2], W[dl1], dt);
  out[k++] = feature3(29, ht, dt, L[dl1]);
  out[k++] = feature4(30, ht, dt, st.leftLabels[dep], right);
  out[k++] = feature3(31, hw, dw, dt);
  out[k++] = feature3(32, ht, hw, dt);
  out[k++] = feature2(33, dep === 0 ? 1 : 0, dt);
  out[k++] = feature3(34, ht, T[st.left1[head]], dt);
  out[k++] = feature3(35, x.upos[head], x.upos[dep], right);
  return k;
}

export interface ParserModel {
  labels: string[];
  moves: Scorer;
  labeller: Scorer;
}

export interface Parse {
  heads: Int32Array;
  labels: Int32Array;
}

/** Greedy parse of one sentence. */
export function parse(model: ParserModel, x: ParserInput): Parse {
  const st = new ParserState(x.n);
  const feats = new Uint32Array(PARSER_FEATURES + 4);
  const labelFeats = new Uint32Array(LABEL_FEATURES + 4);
  const scores = new Float64Array(MOVES);
  const labelScores = new Float64Array(model.labels.length);
  const rootLabel = model.labels.indexOf('root');
  while (!st.done) {
    // with the buffer empty only RIGHT is left, with the stack empty only SHIFT: no need to score
    let move = !st.canShift() ? RIGHT : st.depth === 1 ? SHIFT : -1;
    if (move < 0) {
      const count = parserFeatures(x, st, feats);
      scores.fill(0);
      model.moves.score(feats, count, scores);
      move = bestAllowedMove(st, scores);
    }
    let label = -1;
    if (move !== SHIFT) {
      const [head, dep] = st.arcOf(move)!;
      label = chooseLabel(model, x, st, head, dep, labelFeats, labelScores, rootLabel);
    }
    st.apply(move, label);
  }
  return { heads: st.headsOut(), labels: st.labels.subarray(0, x.n) };
}

export function bestAllowedMove(st: ParserState, scores: Float64Array): number {
  let best = -1;
  for (let m = 0; m < MOVES; m++) if (st.allowed(m) && (best < 0 || scores[m] > scores[best])) best = m;
  return best;
}

/** The label of head -> dep: the root's only dependent is labelled root, and nothing else is. */
export function chooseLabel(model: ParserModel, x: ParserInput, st: ParserState, head: number, dep: number, feats: Uint32Array, scores: Float64Array, rootLabel: number): number {
  if (head === x.n) return rootLabel;
  const count = labelFeatures(x, st, head, dep, feats);
  scores.fill(0);
  model.labeller.score(feats, count, scores);
  let best = -1;
  for (let c = 0; c < scores.length; c++) if (c !== rootLabel && (best < 0 || scores[c] > scores[best])) best = c;
  return best;
}

export { LEFT, RIGHT, SHIFT };
