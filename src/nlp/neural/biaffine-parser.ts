// A graph-based dependency parser: word inputs (word-inputs.ts) -> BiLSTM layers (Kiperwasser &
// Goldberg 2016) -> for every (head, dependent) pair a biaffine arc score from two small ReLU
// projections (Dozat & Manning 2017), a softmax over heads per word, Eisner decoding into a projective
// tree, then an MLP labeller on the (head, dependent) pair and a UPOS classifier on each word (multi-task:
// the encoder learns tags and trees together). Forward and backward passes are written out by hand
// over Float32Arrays (see params.ts for why); buffers are grown and reused, never allocated per word.
import { ParamSet, Rng, type TensorSpec } from './params.js';
import { dot, LstmDirection, lstmSpecs, openForgetGates } from './lstm.js';
import { eisner } from './eisner.js';
import type { EncodedSentence } from './word-inputs.js';

export interface NetworkConfig {
  wordDim: number;
  clusterDim: number;
  suffixDim: number;
  shapeDim: number;
  hidden: number;
  layers: number;
  arcDim: number;
  labelDim: number;
  /** Dropout on the inputs and between and after the BiLSTM layers (training only). */
  dropout: number;
}

export interface NetworkSizes {
  words: number;
  clusters: number;
  suffixes: number;
  shapes: number;
  labels: number;
  upos: number;
}

export interface Gold {
  /** Per position 0..n: head position (0 = root); entry 0 unused. */
  heads: Int32Array;
  labels: Int32Array;
  upos: Int32Array;
}

export interface Prediction {
  /** Per word (0-based, n entries): head as 0-based word index, -1 for the root. */
  heads: Int32Array;
  labels: Int32Array;
  upos: Int32Array;
}

export function networkSpecs(c: NetworkConfig, s: NetworkSizes): TensorSpec[] {
  const emb = (name: string, rows: number, dim: number): TensorSpec => ({ name, size: rows * dim, init: { kind: 'embedding', scale: 0.1 } });
  const dense = (name: string, out: number, inp: number): TensorSpec => ({ name, size: out * inp, init: { kind: 'glorot', fanIn: inp, fanOut: out } });
  const bias = (name: string, n: number, value = 0): TensorSpec => ({ name, size: n, init: { kind: 'constant', value } });
  const D0 = c.wordDim + c.clusterDim + c.suffixDim + c.shapeDim;
  const R = 2 * c.hidden;
  const specs: TensorSpec[] = [emb('emb.word', s.words, c.wordDim), emb('emb.cluster', s.clusters, c.clusterDim), emb('emb.suffix', s.suffixes, c.suffixDim), emb('emb.shape', s.shapes, c.shapeDim)];
  for (let l = 0; l < c.layers; l++) {
    const D = l === 0 ? D0 : R;
    specs.push(...lstmSpecs(`lstm${l}.fw`, D, c.hidden), ...lstmSpecs(`lstm${l}.bw`, D, c.hidden));
  }
  specs.push(
    dense('arc.dep.W', c.arcDim, R), bias('arc.dep.b', c.arcDim),
    dense('arc.head.W', c.arcDim, R), bias('arc.head.b', c.arcDim),
    { name: 'arc.U', size: c.arcDim * c.arcDim, init: { kind: 'constant', value: 0 } }, bias('arc.v', c.arcDim),
    dense('lab.dep.W', c.labelDim, R), dense('lab.head.W', c.labelDim, R), bias('lab.b', c.labelDim),
    dense('lab.out.W', s.labels, c.labelDim), bias('lab.out.b', s.labels),
    dense('pos.W', s.upos, R), bias('pos.b', s.upos),
  );
  return specs;
}

/** y[yo..] = W x[xo..] + b (W: out x in, row-major); b may be null. */
function affine(W: Float32Array, b: Float32Array | null, x: Float32Array, xo: number, inp: number, out: number, y: Float32Array, yo: number): void {
  for (let r = 0; r < out; r++) {
    y[yo + r] = (b ? b[r] : 0) + dot(W, r * inp, x, xo, inp);
  }
}

/** Back through affine: dW += dy x^T, db += dy, dx += W^T dy. */
function affineBack(W: Float32Array, dW: Float32Array, db: Float32Array | null, x: Float32Array, xo: number, inp: number, out: number, dy: Float32Array, dyo: number, dx: Float32Array, dxo: number): void {
  for (let r = 0; r < out; r++) {
    const d = dy[dyo + r];
    if (d === 0) continue;
    if (db) db[r] += d;
    const w = r * inp;
    for (let j = 0; j < inp; j++) {
      dW[w + j] += d * x[xo + j];
      dx[dxo + j] += d * W[w + j];
    }
  }
}

/** Softmax in place over v[o .. o+n); returns log of the normaliser and the max. */
function softmax(v: Float64Array | Float32Array, o: number, n: number): void {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (v[o + i] > max) max = v[o + i];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[o + i] = Math.exp(v[o + i] - max);
  for (let i = 0; i < n; i++) v[o + i] /= sum;
}

const grow = (a: Float32Array, n: number): Float32Array => (a.length >= n ? a : new Float32Array(Math.max(n, 2 * a.length)));

export class BiaffineNetwork {
  readonly params: ParamSet;
  private fw: LstmDirection[] = [];
  private bw: LstmDirection[] = [];
  private readonly D0: number;
  private readonly R: number;
  // per-sentence buffers (T rows)
  private x: Float32Array = new Float32Array(0);
  private dx: Float32Array = new Float32Array(0);
  private inMask: Float32Array = new Float32Array(0);
  private layerIn: Float32Array[] = [];
  private layerOut: Float32Array[] = []; // after dropout: the next layer's input, or the heads' input
  private masks: Float32Array[] = [];
  private dOut: Float32Array[] = [];
  private dhf: Float32Array = new Float32Array(0);
  private dhb: Float32Array = new Float32Array(0);
  private ad: Float32Array = new Float32Array(0);
  private ah: Float32Array = new Float32Array(0);
  private q: Float32Array = new Float32Array(0);
  private ld: Float32Array = new Float32Array(0);
  private lh: Float32Array = new Float32Array(0);
  private dad: Float32Array = new Float32Array(0);
  private dah: Float32Array = new Float32Array(0);
  private dq: Float32Array = new Float32Array(0);
  private dld: Float32Array = new Float32Array(0);
  private dlh: Float32Array = new Float32Array(0);
  private z: Float32Array;
  private dz: Float32Array;
  private labelScores: Float32Array;
  private posScores: Float32Array;
  private arcScores = new Float64Array(0);

  constructor(readonly config: NetworkConfig, readonly sizes: NetworkSizes, data?: Float32Array, seed = 1) {
    this.params = new ParamSet(networkSpecs(config, sizes), data);
    this.D0 = config.wordDim + config.clusterDim + config.suffixDim + config.shapeDim;
    this.R = 2 * config.hidden;
    for (let l = 0; l < config.layers; l++) {
      const D = l === 0 ? this.D0 : this.R;
      this.fw.push(new LstmDirection(`lstm${l}.fw`, D, config.hidden, false));
      this.bw.push(new LstmDirection(`lstm${l}.bw`, D, config.hidden, true));
      this.layerOut.push(new Float32Array(0));
      this.masks.push(new Float32Array(0));
      this.dOut.push(new Float32Array(0));
    }
    this.z = new Float32Array(config.labelDim);
    this.dz = new Float32Array(config.labelDim);
    this.labelScores = new Float32Array(sizes.labels);
    this.posScores = new Float32Array(sizes.upos);
    if (!data) {
      this.params.initialise(new Rng(seed));
      for (let l = 0; l < config.layers; l++) {
        openForgetGates(this.params, `lstm${l}.fw`, config.hidden);
        openForgetGates(this.params, `lstm${l}.bw`, config.hidden);
      }
    }
  }

  private ensure(T: number): void {
    const { D0, R } = this;
    const A = this.config.arcDim;
    const L = this.config.labelDim;
    this.x = grow(this.x, T * D0);
    this.dx = grow(this.dx, T * D0);
    this.inMask = grow(this.inMask, T * D0);
    for (let l = 0; l < this.config.layers; l++) {
      this.layerOut[l] = grow(this.layerOut[l], T * R);
      this.masks[l] = grow(this.masks[l], T * R);
      this.dOut[l] = grow(this.dOut[l], T * R);
    }
    const H = this.config.hidden;
    this.dhf = grow(this.dhf, T * H);
    this.dhb = grow(this.dhb, T * H);
    for (const k of ['ad', 'ah', 'q', 'dad', 'dah', 'dq'] as const) this[k] = grow(this[k], T * A);
    for (const k of ['ld', 'lh', 'dld', 'dlh'] as const) this[k] = grow(this[k], T * L);
    if (this.arcScores.length < T * T) this.arcScores = new Float64Array(Math.max(T * T, 2 * this.arcScores.length));
  }

  /** Embeddings, BiLSTM layers; with an rng, dropout masks are drawn. Leaves the top in layerOut[last]. */
  private encode(s: EncodedSentence, rng: Rng | null): void {
    const T = s.words.length;
    this.ensure(T);
    const c = this.config;
    const p = this.params;
    const { x, D0, R } = this;
    const tables: [Float32Array, Int32Array, number][] = [
      [p.value('emb.word'), s.words, c.wordDim], [p.value('emb.cluster'), s.clusters, c.clusterDim],
      [p.value('emb.suffix'), s.suffixes, c.suffixDim], [p.value('emb.shape'), s.shapes, c.shapeDim],
    ];
    for (let t = 0; t < T; t++) {
      let o = t * D0;
      for (const [table, ids, dim] of tables) {
        const e = ids[t] * dim;
        for (let j = 0; j < dim; j++) x[o + j] = table[e + j];
        o += dim;
      }
    }
    if (rng) this.drop(x, this.inMask, T * D0, rng);
    let input = x;
    for (let l = 0; l < c.layers; l++) {
      this.fw[l].forward(p, input, T);
      this.bw[l].forward(p, input, T);
      const out = this.layerOut[l];
      const H = c.hidden;
      const hf = this.fw[l].h;
      const hb = this.bw[l].h;
      for (let t = 0; t < T; t++) {
        for (let j = 0; j < H; j++) {
          out[t * R + j] = hf[t * H + j];
          out[t * R + H + j] = hb[t * H + j];
        }
      }
      if (rng) this.drop(out, this.masks[l], T * R, rng);
      input = out;
    }
  }

  private drop(v: Float32Array, mask: Float32Array, n: number, rng: Rng): void {
    const keep = 1 - this.config.dropout;
    for (let i = 0; i < n; i++) {
      mask[i] = rng.next() < keep ? 1 / keep : 0;
      v[i] *= mask[i];
    }
  }

  /** Arc projections of every position and the score matrix arcScores[h * T + d]. */
  private scoreArcs(T: number): void {
    const c = this.config;
    const p = this.params;
    const A = c.arcDim;
    const R = this.R;
    const r = this.layerOut[c.layers - 1];
    const { ad, ah, q } = this;
    const Wd = p.value('arc.dep.W'), bd = p.value('arc.dep.b'), Wh = p.value('arc.head.W'), bh = p.value('arc.head.b');
    const U = p.value('arc.U'), v = p.value('arc.v');
    for (let t = 0; t < T; t++) {
      affine(Wd, bd, r, t * R, R, A, ad, t * A);
      affine(Wh, bh, r, t * R, R, A, ah, t * A);
      for (let k = 0; k < A; k++) {
        if (ad[t * A + k] < 0) ad[t * A + k] = 0;
        if (ah[t * A + k] < 0) ah[t * A + k] = 0;
      }
    }
    // q_d = U^T ad_d + v, score(h, d) = q_d . ah_h
    for (let d = 1; d < T; d++) {
      for (let k = 0; k < A; k++) q[d * A + k] = v[k];
      for (let m = 0; m < A; m++) {
        const a = ad[d * A + m];
        if (a === 0) continue;
        const u = m * A;
        for (let k = 0; k < A; k++) q[d * A + k] += a * U[u + k];
      }
    }
    const S = this.arcScores;
    for (let d = 1; d < T; d++) {
      for (let h = 0; h < T; h++) {
        S[h * T + d] = h === d ? -Infinity : dot(q, d * A, ah, h * A, A);
      }
    }
  }

  private labelProjections(T: number): void {
    const p = this.params;
    const L = this.config.labelDim;
    const R = this.R;
    const r = this.layerOut[this.config.layers - 1];
    const Wd = p.value('lab.dep.W'), Wh = p.value('lab.head.W'), b = p.value('lab.b');
    for (let t = 0; t < T; t++) {
      affine(Wd, null, r, t * R, R, L, this.ld, t * L);
      affine(Wh, b, r, t * R, R, L, this.lh, t * L);
    }
  }

  /** z = relu(ld_d + lh_h); labelScores = Wo z + bo. */
  private scoreLabels(d: number, h: number): void {
    const L = this.config.labelDim;
    const { z, ld, lh } = this;
    for (let k = 0; k < L; k++) {
      const v = ld[d * L + k] + lh[h * L + k];
      z[k] = v > 0 ? v : 0;
    }
    affine(this.params.value('lab.out.W'), this.params.value('lab.out.b'), z, 0, L, this.sizes.labels, this.labelScores, 0);
  }

  predict(s: EncodedSentence, out?: Prediction): Prediction {
    const T = s.words.length;
    const n = T - 1;
    const result = out ?? { heads: new Int32Array(n), labels: new Int32Array(n), upos: new Int32Array(n) };
    if (n === 0) return result;
    this.encode(s, null);
    this.scoreArcs(T);
    const S = this.arcScores;
    // log-softmax over heads per dependent, so that Eisner sums log-probabilities
    for (let d = 1; d < T; d++) {
      let max = -Infinity;
      for (let h = 0; h < T; h++) if (S[h * T + d] > max) max = S[h * T + d];
      let sum = 0;
      for (let h = 0; h < T; h++) if (h !== d) sum += Math.exp(S[h * T + d] - max);
      const log = max + Math.log(sum);
      for (let h = 0; h < T; h++) S[h * T + d] -= log;
    }
    const heads = eisner(S, n);
    this.labelProjections(T);
    const R = this.R;
    const r = this.layerOut[this.config.layers - 1];
    const Wp = this.params.value('pos.W'), bp = this.params.value('pos.b');
    for (let d = 1; d < T; d++) {
      result.heads[d - 1] = heads[d] - 1;
      this.scoreLabels(d, heads[d]);
      result.labels[d - 1] = argmax(this.labelScores);
      affine(Wp, bp, r, d * R, R, this.sizes.upos, this.posScores, 0);
      result.upos[d - 1] = argmax(this.posScores);
    }
    return result;
  }

  /**
   * Forward and backward over one sentence with dropout; adds `scale` times the gradient of the summed
   * cross-entropies (heads, labels on the gold head, UPOS) into params.grad. Returns the summed loss.
   */
  train(s: EncodedSentence, gold: Gold, rng: Rng | null, scale: number): number {
    const T = s.words.length;
    if (T < 2) return 0;
    const c = this.config;
    const p = this.params;
    const A = c.arcDim, L = c.labelDim, R = this.R, H = c.hidden;
    this.encode(s, rng);
    this.scoreArcs(T);
    this.labelProjections(T);
    const top = c.layers - 1;
    const r = this.layerOut[top];
    const dr = this.dOut[top];
    dr.fill(0, 0, T * R);
    this.dad.fill(0, 0, T * A);
    this.dah.fill(0, 0, T * A);
    this.dld.fill(0, 0, T * L);
    this.dlh.fill(0, 0, T * L);
    const S = this.arcScores;
    const { q, dq, ah, ad, dah, dad } = this;
    const U = p.value('arc.U'), dU = p.gradient('arc.U'), dv = p.gradient('arc.v');
    let loss = 0;
    const column = new Float64Array(T);
    for (let d = 1; d < T; d++) {
      // heads
      for (let h = 0; h < T; h++) column[h] = h === d ? -Infinity : S[h * T + d];
      softmax(column, 0, T);
      const g = gold.heads[d];
      loss -= Math.log(Math.max(column[g], 1e-30));
      column[g] -= 1;
      dq.fill(0, d * A, d * A + A);
      for (let h = 0; h < T; h++) {
        const dS = column[h] * scale;
        if (dS === 0 || h === d) continue;
        for (let k = 0; k < A; k++) {
          dq[d * A + k] += dS * ah[h * A + k];
          dah[h * A + k] += dS * q[d * A + k];
        }
      }
      for (let k = 0; k < A; k++) dv[k] += dq[d * A + k];
      for (let m = 0; m < A; m++) {
        const a = ad[d * A + m];
        if (a === 0) continue; // relu: no gradient to it either
        let sum = 0;
        const u = m * A;
        for (let k = 0; k < A; k++) {
          dU[u + k] += a * dq[d * A + k];
          sum += U[u + k] * dq[d * A + k];
        }
        dad[d * A + m] += sum;
      }
      // label on the gold head
      this.scoreLabels(d, g);
      const ls = this.labelScores;
      softmax(ls, 0, ls.length);
      loss -= Math.log(Math.max(ls[gold.labels[d]], 1e-30));
      ls[gold.labels[d]] -= 1;
      for (let k = 0; k < ls.length; k++) ls[k] *= scale;
      this.dz.fill(0);
      affineBack(p.value('lab.out.W'), p.gradient('lab.out.W'), p.gradient('lab.out.b'), this.z, 0, L, ls.length, ls, 0, this.dz, 0);
      for (let k = 0; k < L; k++) {
        if (this.z[k] <= 0) continue;
        this.dld[d * L + k] += this.dz[k];
        this.dlh[g * L + k] += this.dz[k];
      }
      // UPOS
      const ps = this.posScores;
      affine(p.value('pos.W'), p.value('pos.b'), r, d * R, R, ps.length, ps, 0);
      softmax(ps, 0, ps.length);
      loss -= Math.log(Math.max(ps[gold.upos[d]], 1e-30));
      ps[gold.upos[d]] -= 1;
      for (let k = 0; k < ps.length; k++) ps[k] *= scale;
      affineBack(p.value('pos.W'), p.gradient('pos.W'), p.gradient('pos.b'), r, d * R, R, ps.length, ps, 0, dr, d * R);
    }
    // back through the projections into the top layer's outputs
    const WdA = p.value('arc.dep.W'), dWdA = p.gradient('arc.dep.W'), dbdA = p.gradient('arc.dep.b');
    const WhA = p.value('arc.head.W'), dWhA = p.gradient('arc.head.W'), dbhA = p.gradient('arc.head.b');
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < A; k++) {
        if (ad[t * A + k] <= 0) dad[t * A + k] = 0;
        if (ah[t * A + k] <= 0) dah[t * A + k] = 0;
      }
      affineBack(WdA, dWdA, dbdA, r, t * R, R, A, dad, t * A, dr, t * R);
      affineBack(WhA, dWhA, dbhA, r, t * R, R, A, dah, t * A, dr, t * R);
      affineBack(p.value('lab.dep.W'), p.gradient('lab.dep.W'), null, r, t * R, R, L, this.dld, t * L, dr, t * R);
      affineBack(p.value('lab.head.W'), p.gradient('lab.head.W'), p.gradient('lab.b'), r, t * R, R, L, this.dlh, t * L, dr, t * R);
    }
    // back through the BiLSTM layers
    for (let l = top; l >= 0; l--) {
      const dOut = this.dOut[l];
      if (rng) {
        const mask = this.masks[l];
        for (let i = 0; i < T * R; i++) dOut[i] *= mask[i];
      }
      for (let t = 0; t < T; t++) {
        for (let j = 0; j < H; j++) {
          this.dhf[t * H + j] = dOut[t * R + j];
          this.dhb[t * H + j] = dOut[t * R + H + j];
        }
      }
      const input = l === 0 ? this.x : this.layerOut[l - 1];
      const dIn = l === 0 ? this.dx : this.dOut[l - 1];
      const Din = l === 0 ? this.D0 : R;
      dIn.fill(0, 0, T * Din);
      this.fw[l].backward(p, input, T, this.dhf, dIn);
      this.bw[l].backward(p, input, T, this.dhb, dIn);
    }
    // into the embedding rows
    const dx = this.dx;
    const D0 = this.D0;
    if (rng) for (let i = 0; i < T * D0; i++) dx[i] *= this.inMask[i];
    const tables: [Float32Array, Int32Array, number][] = [
      [p.gradient('emb.word'), s.words, c.wordDim], [p.gradient('emb.cluster'), s.clusters, c.clusterDim],
      [p.gradient('emb.suffix'), s.suffixes, c.suffixDim], [p.gradient('emb.shape'), s.shapes, c.shapeDim],
    ];
    for (let t = 0; t < T; t++) {
      let o = t * D0;
      for (const [table, ids, dim] of tables) {
        const e = ids[t] * dim;
        for (let j = 0; j < dim; j++) table[e + j] += dx[o + j];
        o += dim;
      }
    }
    return loss;
  }
}

function argmax(v: Float32Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}
