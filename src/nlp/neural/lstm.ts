// One direction of an LSTM layer (Hochreiter & Schmidhuber 1997, forget gate with bias 1) over a whole
// sequence, with its cached activations for back-propagation through time. Buffers are kept and grown,
// never allocated per word. Weights: W (4H x (D + H), rows i, f, g, o; columns input then recurrent), b (4H).
import type { ParamSet, TensorSpec } from './params.js';

export function lstmSpecs(prefix: string, inputSize: number, hidden: number): TensorSpec[] {
  return [
    { name: `${prefix}.W`, size: 4 * hidden * (inputSize + hidden), init: { kind: 'glorot', fanIn: inputSize + hidden, fanOut: hidden } },
    { name: `${prefix}.b`, size: 4 * hidden, init: { kind: 'constant', value: 0 } },
  ];
}

/** Sets the forget gates' bias to 1 (Jozefowicz et al. 2015) after initialisation. */
export function openForgetGates(params: ParamSet, prefix: string, hidden: number): void {
  params.value(`${prefix}.b`).fill(1, hidden, 2 * hidden);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** a[ao..ao+n) . b[bo..bo+n), four accumulators (V8 runs this about twice as fast as one). */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    s0 += a[ao + j] * b[bo + j];
    s1 += a[ao + j + 1] * b[bo + j + 1];
    s2 += a[ao + j + 2] * b[bo + j + 2];
    s3 += a[ao + j + 3] * b[bo + j + 3];
  }
  for (; j < n; j++) s0 += a[ao + j] * b[bo + j];
  return s0 + s1 + s2 + s3;
}

/** dW[wo..] += d * x[xo..] and dx[xo..] += d * W[wo..], over n entries. */
export function outerAndBack(W: Float32Array, dW: Float32Array, wo: number, x: Float32Array, dx: Float32Array, xo: number, n: number, d: number): void {
  for (let j = 0; j < n; j++) {
    dW[wo + j] += d * x[xo + j];
    dx[xo + j] += d * W[wo + j];
  }
}

export class LstmDirection {
  /** Outputs h per time step (T x H), in sentence order whatever the direction. */
  h: Float32Array = new Float32Array(0);
  private gates: Float32Array = new Float32Array(0); // after activation, T x 4H
  private c: Float32Array = new Float32Array(0);
  private tc: Float32Array = new Float32Array(0); // tanh(c)
  private dz: Float32Array = new Float32Array(0);
  private dh: Float32Array = new Float32Array(0);
  private dc: Float32Array = new Float32Array(0);

  constructor(readonly prefix: string, readonly inputSize: number, readonly hidden: number, readonly reverse: boolean) {
  }

  private ensure(T: number): void {
    const H = this.hidden;
    if (this.h.length >= T * H) return;
    const cap = Math.max(T, 2 * this.h.length / H) | 0;
    this.h = new Float32Array(cap * H);
    this.gates = new Float32Array(cap * 4 * H);
    this.c = new Float32Array(cap * H);
    this.tc = new Float32Array(cap * H);
    this.dz = new Float32Array(4 * H);
    this.dh = new Float32Array(H);
    this.dc = new Float32Array(H);
  }

  /** x: T x D in sentence order. */
  forward(params: ParamSet, x: Float32Array, T: number): void {
    this.ensure(T);
    const D = this.inputSize;
    const H = this.hidden;
    const cols = D + H;
    const W = params.value(`${this.prefix}.W`);
    const b = params.value(`${this.prefix}.b`);
    const { h, gates, c, tc } = this;
    for (let k = 0; k < T; k++) {
      const t = this.reverse ? T - 1 - k : k;
      const prev = k === 0 ? -1 : this.reverse ? t + 1 : t - 1;
      const xo = t * D;
      const ho = prev * H;
      const go = t * 4 * H;
      for (let r = 0; r < 4 * H; r++) {
        const w = r * cols;
        let sum = b[r] + dot(W, w, x, xo, D);
        if (prev >= 0) sum += dot(W, w + D, h, ho, H);
        gates[go + r] = r >= 2 * H && r < 3 * H ? Math.tanh(sum) : sigmoid(sum);
      }
      for (let j = 0; j < H; j++) {
        const i = gates[go + j];
        const f = gates[go + H + j];
        const g = gates[go + 2 * H + j];
        const o = gates[go + 3 * H + j];
        const cv = i * g + (prev >= 0 ? f * c[prev * H + j] : 0);
        c[t * H + j] = cv;
        const th = Math.tanh(cv);
        tc[t * H + j] = th;
        h[t * H + j] = o * th;
      }
    }
  }

  /** dhOut: gradient of the loss for each output (T x H); adds the input gradient into dx (T x D). */
  backward(params: ParamSet, x: Float32Array, T: number, dhOut: Float32Array, dx: Float32Array): void {
    const D = this.inputSize;
    const H = this.hidden;
    const cols = D + H;
    const W = params.value(`${this.prefix}.W`);
    const dW = params.gradient(`${this.prefix}.W`);
    const db = params.gradient(`${this.prefix}.b`);
    const { h, gates, c, tc, dz, dh, dc } = this;
    dh.fill(0);
    dc.fill(0);
    for (let k = T - 1; k >= 0; k--) {
      const t = this.reverse ? T - 1 - k : k;
      const prev = k === 0 ? -1 : this.reverse ? t + 1 : t - 1;
      const go = t * 4 * H;
      for (let j = 0; j < H; j++) {
        const i = gates[go + j];
        const f = gates[go + H + j];
        const g = gates[go + 2 * H + j];
        const o = gates[go + 3 * H + j];
        const th = tc[t * H + j];
        const dhj = dh[j] + dhOut[t * H + j];
        const dcj = dc[j] + dhj * o * (1 - th * th);
        const cPrev = prev >= 0 ? c[prev * H + j] : 0;
        dz[j] = dcj * g * i * (1 - i);
        dz[H + j] = dcj * cPrev * f * (1 - f);
        dz[2 * H + j] = dcj * i * (1 - g * g);
        dz[3 * H + j] = dhj * th * o * (1 - o);
        dc[j] = dcj * f;
      }
      dh.fill(0);
      const xo = t * D;
      const ho = prev * H;
      for (let r = 0; r < 4 * H; r++) {
        const d = dz[r];
        if (d === 0) continue;
        db[r] += d;
        const w = r * cols;
        outerAndBack(W, dW, w, x, dx, xo, D, d);
        if (prev >= 0) {
          for (let j = 0; j < H; j++) {
            dW[w + D + j] += d * h[ho + j];
            dh[j] += d * W[w + D + j];
          }
        }
      }
    }
  }
}
