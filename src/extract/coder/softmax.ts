// A multinomial logistic regression over string features: the event coder's model. Small data (a few
// thousand labelled pairs) wants a calibrated, regularised linear model more than a deep one, and
// probabilities let the pipeline say "no event" with a threshold. Written here because what it
// needs — sparse string features, partial labels ("YIELD" = CONCEDE or RETREAT), example weights and
// a tiny model file — is a hundred lines, and no maintained npm package does sparse multinomial
// logistic regression.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { seededRandom, shuffle } from '../../nlp/learn/random.js';

export interface SoftmaxExample {
  features: string[];
  /** The classes any of which is right (usually one). */
  gold: string[];
  weight?: number;
}

export interface SoftmaxFile {
  classes: string[];
  /** Feature -> one weight per class, rounded. */
  weights: Record<string, number[]>;
  provenance: Record<string, unknown>;
}

export class SoftmaxModel {
  readonly index: Map<string, number>;
  constructor(
    readonly classes: string[],
    readonly weights: Map<string, Float32Array>,
    readonly provenance: Record<string, unknown> = {},
  ) {
    this.index = new Map(classes.map((c, i) => [c, i]));
  }

  /** Class probabilities, in the order of `classes`. */
  probabilities(features: readonly string[]): Float64Array {
    const n = this.classes.length;
    const z = new Float64Array(n);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < n; k++) z[k] += w[k];
    }
    let max = -Infinity;
    for (let k = 0; k < n; k++) if (z[k] > max) max = z[k];
    let sum = 0;
    for (let k = 0; k < n; k++) sum += z[k] = Math.exp(z[k] - max);
    for (let k = 0; k < n; k++) z[k] /= sum;
    return z;
  }

  /** The likeliest class among `allowed` (all when omitted), with its probability. */
  best(features: readonly string[], allowed?: readonly string[]): { label: string; p: number } {
    const p = this.probabilities(features);
    let k = -1;
    for (let i = 0; i < p.length; i++) {
      if (allowed && !allowed.includes(this.classes[i])) continue;
      if (k < 0 || p[i] > p[k]) k = i;
    }
    return { label: this.classes[k], p: p[k] };
  }

  save(path: string): void {
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.weights) weights[f] = Array.from(w, (x) => Math.round(x * 1000) / 1000);
    const file: SoftmaxFile = { classes: this.classes, weights, provenance: this.provenance };
    writeFileSync(path, gzipSync(JSON.stringify(file)));
  }

  static load(path: string): SoftmaxModel {
    let file: SoftmaxFile;
    try {
      file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
    } catch (e) {
      throw new Error(`${path}: not a coder model file (${(e as Error).message})`);
    }
    if (!Array.isArray(file.classes) || typeof file.weights !== 'object') throw new Error(`${path}: not a coder model file (no classes or weights)`);
    const weights = new Map<string, Float32Array>();
    for (const [f, w] of Object.entries(file.weights)) weights.set(f, Float32Array.from(w));
    return new SoftmaxModel(file.classes, weights, file.provenance ?? {});
  }
}

export interface TrainOptions {
  epochs?: number;
  /** L2 strength per example seen. */
  l2?: number;
  rate?: number;
  seed?: number;
  /** Features seen in fewer examples are dropped. */
  minCount?: number;
  /** Weights smaller than this in every class are dropped from the saved model. */
  prune?: number;
}

/** AdaGrad on the (marginal) log-likelihood, L2 applied to the features each example touches. */
export function trainSoftmax(classes: string[], examples: SoftmaxExample[], options: TrainOptions = {}): SoftmaxModel {
  const { epochs = 30, l2 = 1e-4, rate = 0.3, seed = 6, minCount = 1, prune = 1e-3 } = options;
  const n = classes.length;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, Float32Array>();
  const squares = new Map<string, Float32Array>();
  for (const [f, c] of counts) {
    if (c < minCount) continue;
    weights.set(f, new Float32Array(n));
    squares.set(f, new Float32Array(n).fill(1e-6));
  }
  const model = new SoftmaxModel(classes, weights);
  const random = seededRandom(seed);
  const order = examples.map((_, i) => i);
  const grad = new Float64Array(n);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const e = examples[i];
      const gold = e.gold.map((g) => classIndex.get(g)).filter((k): k is number => k !== undefined);
      if (gold.length === 0) continue;
      const feats = [...new Set(e.features)].filter((f) => weights.has(f));
      const p = model.probabilities(feats);
      // d(-log sum_{g} p_g)/dz_k = p_k - q_k, q = p restricted to the gold classes, renormalised.
      let goldMass = 0;
      for (const k of gold) goldMass += p[k];
      for (let k = 0; k < n; k++) grad[k] = p[k];
      for (const k of gold) grad[k] -= p[k] / goldMass;
      const scale = e.weight ?? 1;
      for (const f of feats) {
        const w = weights.get(f)!;
        const g2 = squares.get(f)!;
        for (let k = 0; k < n; k++) {
          const g = scale * grad[k] + l2 * w[k];
          g2[k] += g * g;
          w[k] -= (rate * g) / Math.sqrt(g2[k]);
        }
      }
    }
  }
  for (const [f, w] of weights) if (w.every((x) => Math.abs(x) < prune)) weights.delete(f);
  return model;
}
