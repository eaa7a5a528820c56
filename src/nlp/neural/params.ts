// Parameters of a small neural network as one Float32Array (with a gradient array of the same shape),
// Adam, gradient clipping and a seeded random generator. Hand-written on purpose: no npm library does
// fast training and inference of small matrices in plain JavaScript without native downloads
// (TensorFlow.js's CPU backend is slow for these sizes, its fast backends are native or WebGL), and
// the parser must run in every Node process without a build step.

/** mulberry32: small, fast, deterministic. */
export class Rng {
  constructor(public state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

export interface TensorSpec {
  name: string;
  size: number;
  /** How to initialise: uniform in ±sqrt(6/(fanIn+fanOut)) ('glorot'), a constant, or small ('embedding'). */
  init: { kind: 'glorot'; fanIn: number; fanOut: number } | { kind: 'constant'; value: number } | { kind: 'embedding'; scale: number };
}

export class ParamSet {
  readonly data: Float32Array;
  readonly grad: Float32Array;
  readonly offsets = new Map<string, number>();
  readonly sizes = new Map<string, number>();

  constructor(readonly specs: TensorSpec[], data?: Float32Array) {
    let total = 0;
    for (const s of specs) {
      if (this.offsets.has(s.name)) throw new Error(`parameter ${s.name} declared twice`);
      this.offsets.set(s.name, total);
      this.sizes.set(s.name, s.size);
      total += s.size;
    }
    if (data && data.length !== total) throw new Error(`parameters: expected ${total} values, got ${data.length}`);
    this.data = data ?? new Float32Array(total);
    this.grad = new Float32Array(total);
  }

  initialise(rng: Rng): void {
    for (const s of this.specs) {
      const view = this.value(s.name);
      const init = s.init;
      for (let i = 0; i < view.length; i++) {
        if (init.kind === 'constant') view[i] = init.value;
        else if (init.kind === 'glorot') view[i] = (rng.next() * 2 - 1) * Math.sqrt(6 / (init.fanIn + init.fanOut));
        else view[i] = (rng.next() * 2 - 1) * init.scale;
      }
    }
  }

  value(name: string): Float32Array {
    const o = this.offsets.get(name);
    if (o === undefined) throw new Error(`no parameter ${name}`);
    return this.data.subarray(o, o + this.sizes.get(name)!);
  }

  gradient(name: string): Float32Array {
    const o = this.offsets.get(name)!;
    return this.grad.subarray(o, o + this.sizes.get(name)!);
  }

  /** Scales the gradient down to `maxNorm` when its L2 norm is larger; returns the norm before. */
  clip(maxNorm: number): number {
    const g = this.grad;
    let sum = 0;
    for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
    const norm = Math.sqrt(sum);
    if (norm > maxNorm) {
      const k = maxNorm / norm;
      for (let i = 0; i < g.length; i++) g[i] *= k;
    }
    return norm;
  }
}

export interface AdamState {
  m: Float32Array;
  v: Float32Array;
  step: number;
}

export function newAdam(size: number): AdamState {
  return { m: new Float32Array(size), v: new Float32Array(size), step: 0 };
}

/** One Adam step (Kingma & Ba 2015) over every parameter; clears the gradient. */
export function adamStep(params: ParamSet, state: AdamState, lr: number, beta1 = 0.9, beta2 = 0.9, eps = 1e-8): void {
  state.step++;
  const c1 = 1 - Math.pow(beta1, state.step);
  const c2 = 1 - Math.pow(beta2, state.step);
  const step = (lr * Math.sqrt(c2)) / c1;
  const { data, grad } = params;
  const { m, v } = state;
  for (let i = 0; i < data.length; i++) {
    const g = grad[i];
    if (g === 0 && m[i] === 0) continue; // rows of embeddings never seen yet: nothing to move
    const mi = (m[i] = beta1 * m[i] + (1 - beta1) * g);
    const vi = (v[i] = beta2 * v[i] + (1 - beta2) * g * g);
    data[i] -= (step * mi) / (Math.sqrt(vi) + eps);
    grad[i] = 0;
  }
}
