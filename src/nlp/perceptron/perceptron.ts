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

  /**
   * The averaged weights. A feature whose largest weight is under `keep` is dropped whole (on the
   * dev sets, 1.0 halves the parser's features and moves no figure), and weights under 1e-3 in the
   * features kept.
   */
  averaged(keep = 1.0): CompactPerceptron {
    const C = this.classes;
    const keys: number[] = [];
    const starts: number[] = [0];
    const cls: number[] = [];
    const vals: number[] = [];
    const { keys: tableKeys, rows: tableRows } = this.table;
    const row = new Float64Array(C);
    for (let slot = 0; slot < tableKeys.length; slot++) {
      if (tableKeys[slot] === 0) continue;
      const base = tableRows[slot] * C;
      let largest = 0;
      for (let c = 0; c < C; c++) {
        row[c] = this.weights[base + c] - this.stamped[base + c] / this.clock;
        largest = Math.max(largest, Math.abs(row[c]));
      }
      if (largest < keep) continue;
      for (let c = 0; c < C; c++) {
        if (Math.abs(row[c]) < 1e-3) continue;
        cls.push(c);
        vals.push(row[c]);
      }
      keys.push(tableKeys[slot]);
      starts.push(cls.length);
    }
    return new CompactPerceptron(C, Uint32Array.from(keys), Int32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
  }
}

/** A compact perceptron's tables in shared memory, as a worker thread receives them. */
export interface SharedPerceptron {
  classes: number;
  featureCount: number;
  capacity: number;
  slots: SharedArrayBuffer;
  pairs: SharedArrayBuffer;
}

/**
 * The averaged weights for reading. Scoring is bound by memory, not arithmetic: a parser looks up a
 * hundred features per move in tables of tens of megabytes, and each lookup that leaves the cache costs
 * more than the sums. So each feature's slot holds its key beside its weights (all of them, for a few
 * classes; else where its (class, weight) pairs begin and how many), one lookup touches one cache line,
 * and the table is filled to 60% rather than to the next power of two.
 */
export class CompactPerceptron implements Scorer {
  /** Open addressing: per slot [key, w0..wC-1] (dense) or [key, first pair << 8 | pair count - 1] (sparse). */
  private slots: Uint32Array;
  private slotWeights: Float32Array;
  private stride: number;
  private capacity: number;
  private dense: boolean;
  /** Sparse rows as interleaved pairs, class then weight: two views of one buffer, so a pair is one read. */
  private pairClasses: Int32Array;
  private pairWeights: Float32Array;
  /** Scratch: each feature's home slot during one call to score. */
  private homes = new Int32Array(1024);
  /** Keeps the touching loads in score() from being optimised away. */
  sink = 0;
  readonly featureCount: number;

  /**
   * Feature f has the weights vals[starts[f]..starts[f+1]) for the classes cls[..] alike. The arrays
   * are not kept: the slots hold all they say, and keeping both would double a model's memory in
   * every thread (`arrays()` gives them back for writing a model file).
   */
  constructor(
    readonly classes: number,
    keys: Uint32Array,
    starts: Int32Array,
    cls: Uint8Array,
    vals: Float32Array,
    /** Build the tables in shared memory, for threads to read (src/nlp/perceptron/shared-models.ts). */
    shared = false,
  ) {
    if (classes > 256) throw new Error(`a compact perceptron holds at most 256 classes, not ${classes}`);
    if (vals.length >= 1 << 24) throw new Error(`a compact perceptron holds fewer than 2^24 weights, not ${vals.length}`);
    this.featureCount = keys.length;
    this.dense = classes <= 4;
    this.stride = this.dense ? 1 + classes : 2;
    this.capacity = Math.max(16, Math.ceil(keys.length / 0.6));
    const allocate = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const buffer = allocate(this.capacity * this.stride * 4);
    this.slots = new Uint32Array(buffer);
    this.slotWeights = new Float32Array(buffer);
    const pairBuffer = allocate(this.dense ? 0 : vals.length * 8);
    this.pairClasses = new Int32Array(pairBuffer);
    this.pairWeights = new Float32Array(pairBuffer);
    for (let j = 0; j < vals.length && !this.dense; j++) {
      this.pairClasses[2 * j] = cls[j];
      this.pairWeights[2 * j + 1] = vals[j];
    }
    for (let f = 0; f < keys.length; f++) {
      const key = keys[f];
      let i = this.home(key);
      while (this.slots[i * this.stride] !== 0) if (++i === this.capacity) i = 0;
      const at = i * this.stride;
      this.slots[at] = key;
      if (this.dense) for (let j = starts[f]; j < starts[f + 1]; j++) this.slotWeights[at + 1 + cls[j]] = vals[j];
      else this.slots[at + 1] = (starts[f] << 8) | (starts[f + 1] - starts[f] - 1);
    }
  }

  /** A key's first slot: the high bits of key * capacity (Lemire's multiply-shift, no power of two needed). */
  private home(key: number): number {
    return Math.floor((key * this.capacity) / 4294967296);
  }

  score(features: Uint32Array, count: number, scores: Float64Array): void {
    const { slots, slotWeights, stride, capacity, pairClasses, pairWeights, homes } = this;
    const C = this.classes;
    // First touch every feature's home slot, then read them: the loads do not wait on one another, so
    // the memory system fetches them together instead of one cache miss after another.
    let touched = 0;
    for (let f = 0; f < count; f++) {
      const at = Math.floor((features[f] * capacity) / 4294967296) * stride;
      homes[f] = at;
      touched += slots[at];
    }
    for (let f = 0; f < count; f++) {
      const key = features[f];
      let at = homes[f];
      let k = slots[at];
      while (k !== key && k !== 0) {
        at += stride;
        if (at === capacity * stride) at = 0;
        k = slots[at];
      }
      if (k === 0) {
        homes[f] = -1;
        continue;
      }
      if (this.dense) {
        for (let c = 0; c < C; c++) scores[c] += slotWeights[at + 1 + c];
      } else {
        // the same again for the rows of (class, weight) pairs, which live apart from the slots
        const packed = slots[at + 1];
        homes[f] = packed;
        touched += pairClasses[(packed >>> 8) * 2];
      }
    }
    this.sink = touched;
    if (this.dense) return;
    for (let f = 0; f < count; f++) {
      const packed = homes[f];
      if (packed === -1) continue;
      for (let j = (packed >>> 8) * 2, end = j + ((packed & 255) + 1) * 2; j < end; j += 2) scores[pairClasses[j]] += pairWeights[j + 1];
    }
  }

  /** The tables as another thread can adopt them; only for a perceptron built in shared memory. */
  shared(): SharedPerceptron {
    const slots = this.slots.buffer;
    const pairs = this.pairClasses.buffer;
    if (!(slots instanceof SharedArrayBuffer) || !(pairs instanceof SharedArrayBuffer)) throw new Error('this perceptron was not built in shared memory');
    return { classes: this.classes, featureCount: this.featureCount, capacity: this.capacity, slots, pairs };
  }

  /** A perceptron over tables another thread built (no copy: both read the same memory). */
  static fromShared(s: SharedPerceptron): CompactPerceptron {
    const p = Object.create(CompactPerceptron.prototype) as CompactPerceptron;
    const fields = p as unknown as Record<string, unknown>;
    fields.classes = s.classes;
    fields.featureCount = s.featureCount;
    fields.capacity = s.capacity;
    fields.dense = s.classes <= 4;
    fields.stride = s.classes <= 4 ? 1 + s.classes : 2;
    fields.slots = new Uint32Array(s.slots);
    fields.slotWeights = new Float32Array(s.slots);
    fields.pairClasses = new Int32Array(s.pairs);
    fields.pairWeights = new Float32Array(s.pairs);
    fields.homes = new Int32Array(1024);
    fields.sink = 0;
    return p;
  }

  /** The feature arrays the constructor took, read back from the slots (in slot order). */
  arrays(): { keys: Uint32Array; starts: Int32Array; cls: Uint8Array; vals: Float32Array } {
    const keys = new Uint32Array(this.featureCount);
    const starts = new Int32Array(this.featureCount + 1);
    const cls: number[] = [];
    const vals: number[] = [];
    let f = 0;
    for (let at = 0; at < this.capacity * this.stride; at += this.stride) {
      const key = this.slots[at];
      if (key === 0) continue;
      keys[f] = key;
      if (this.dense) {
        for (let c = 0; c < this.classes; c++) {
          const w = this.slotWeights[at + 1 + c];
          if (w !== 0) { cls.push(c); vals.push(w); }
        }
        // a feature holds one weight at least (a file stores the count less one)
        if (cls.length === starts[f]) { cls.push(0); vals.push(0); }
      } else {
        const packed = this.slots[at + 1];
        for (let j = (packed >>> 8) * 2, end = j + ((packed & 255) + 1) * 2; j < end; j += 2) {
          cls.push(this.pairClasses[j]);
          vals.push(this.pairWeights[j + 1]);
        }
      }
      starts[++f] = cls.length;
    }
    return { keys, starts, cls: Uint8Array.from(cls), vals: Float32Array.from(vals) };
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
