// Precision, recall and F1 counting and one-to-one matching, shared by the evaluations.
export class Score {
  tp = 0; fp = 0; fn = 0;
  get precision() { return this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0; }
  get recall() { return this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0; }
  get f1() { const p = this.precision, r = this.recall; return p + r ? (2 * p * r) / (p + r) : 0; }
  line(name: string) {
    return `${name.padEnd(22)} P ${pct(this.precision)}  R ${pct(this.recall)}  F1 ${pct(this.f1)}   (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
  /** Counts a matching of `gold` against `system` items. */
  add(matched: number, system: number, gold: number): void {
    this.tp += matched;
    this.fp += system - matched;
    this.fn += gold - matched;
  }
}

export const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';

/** Greedy one-to-one matching; returns the matched pairs. */
export function match<G, S>(gold: G[], system: S[], same: (g: G, s: S) => boolean): [G, S][] {
  const used = new Set<number>();
  const pairs: [G, S][] = [];
  for (const g of gold) {
    const k = system.findIndex((s, i) => !used.has(i) && same(g, s));
    if (k >= 0) {
      used.add(k);
      pairs.push([g, system[k]]);
    }
  }
  return pairs;
}
