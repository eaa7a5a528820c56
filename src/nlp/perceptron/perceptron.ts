// The averaged perceptron (Collins 2002; Honnibal's tagger and parser), in two forms: a trainer with
// dense rows that grow as features are first updated, and a compact model for reading, pruned to the
// features that kept a weight and stored row by row as (class, weight) pairs, since most features speak
// for a handful of classes.
import { FeatureTable } from './table.js';

/** Scores of every class for a bag of features, added into `scores` (which the caller zeroes). */
export interface Scorer {
  readonly classes: number;
  score(features: Uint32Array, count: number, scores: Float64Array): void;
}

export class PerceptronTrainer implements Scorer {
  private table = new FeatureTable(1 << 18);
  private weights: Float32Array;
  /** Sum of time-stamped updates: the average is w - u / t (Daumé's trick), with no per-weight timestamps. */
  private stamped: Float64Array;
  private rows = 0;
  /** Instances seen so far: the clock of the average. */
  private clock = 1;

  constructor(readonly classes: number) {
    this.weights = new Float32Array(classes * (1 << 16));
    this.stamped = new Float64Array(classes * (1 << 16));
  }

  score(features: Uint32Array, count: number, scores: Float64Array): void {
    const C = this.classes;
    const w = this.weights;
    for (let i = 0; i < count; i++) {
      const row = this.table.get(features[i]);
      if (row < 0) continue;
      const base = row * C;
      for (let c = 0; c < C; c++) scores[c] += w[base + c];
    }
  }

  /** Moves weight from the wrong guess to the truth; call `tick` once per instance, updated or not. */
  update(features: Uint32Array, count: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    const C = this.classes;
    for (let i = 0; i < count; i++) {
      const row = this.rowOf(features[i]);
      const base = row * C;
      this.weights[base + truth] += amount;
      this.stamped[base + truth] += amount * this.clock;
      this.weights[base + guess] -= amount;
      this.stamped[base + guess] -= amount * this.clock;
    }
  }

  tick(): void {
    this.clock++;
  }

  get featureCount(): number {
    return this.rows;
  }

  private rowOf(key: number): number {
    const row = this.table.getOrAdd(key, this.rows);
    if (row === this.rows) {
      this.rows++;
      if (this.rows * this.classes > this.weights.length) {
        const bigger = new Float32Array(this.weights.length * 2);
        bigger.set(this.weights);
        this.weights = bigger;
        const stamped = new Float64Array(this.stamped.length * 2);
        stamped.set(this.stamped);
        this.stamped = stamped;
      }
    }
    return row;
  }

  /** The averaged weights, dropping those smaller than `threshold` and features left with none. */
  averaged(threshold = 1e-3): CompactPerceptron {
    const C = this.classes;
    const keys: number[] = [];
    const starts: number[] = [0];
    const cls: number[] = [];
    const vals: number[] = [];
    const { keys: tableKeys, rows: tableRows } = this.table;
    for (let slot = 0; slot < tableKeys.length; slot++) {
      if (tableKeys[slot] === 0) continue;
      const base = tableRows[slot] * C;
      const before = cls.length;
      for (let c = 0; c < C; c++) {
        const avg = this.weights[base + c] - this.stamped[base + c] / this.clock;
        if (Math.abs(avg) >= threshold) {
          cls.push(c);
          vals.push(avg);
        }
      }
      if (cls.length > before) {
        keys.push(tableKeys[slot]);
        starts.push(cls.length);
      }
    }
    return new CompactPerceptron(C, Uint32Array.from(keys), Int32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
  }
}

export class CompactPerceptron implements Scorer {
  private table: FeatureTable;

  constructor(
    readonly classes: number,
    readonly keys: Uint32Array,
    readonly starts: Int32Array,
    readonly cls: Uint8Array,
    readonly vals: Float32Array,
  ) {
    if (classes > 256) throw new Error(`a compact perceptron holds at most 256 classes, not ${classes}`);
    this.table = new FeatureTable(keys.length);
    for (let i = 0; i < keys.length; i++) this.table.getOrAdd(keys[i], i);
  }

  score(features: Uint32Array, count: number, scores: Float64Array): void {
    const { starts, cls, vals, table } = this;
    for (let i = 0; i < count; i++) {
      const row = table.get(features[i]);
      if (row < 0) continue;
      for (let j = starts[row], end = starts[row + 1]; j < end; j++) scores[cls[j]] += vals[j];
    }
  }

  get featureCount(): number {
    return this.keys.length;
  }
}

/** Index of the highest score among the classes `allowed` says yes to (all when absent). */
export function argmax(scores: Float64Array, count: number, allowed?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < count; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      best = c;
    }
  }
  return best;
}
