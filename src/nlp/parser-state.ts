// The arc-hybrid transition system (Kuhlmann et al. 2011) over one sentence: a stack with a root at its
// bottom, a buffer of the words still to read, and three moves. SHIFT reads the next word; LEFT makes the
// next word the head of the stack's top; RIGHT makes the word below the top its head. A word is attached
// only once its own dependents are all in place, so the labeller sees a finished subtree.
//
// Positions are word indices 0..n-1; n is the root and n+1 stands for "no such word", so that features
// read every position without a branch.

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

export class ParserState {
  readonly n: number;
  readonly root: number;
  readonly none: number;
  readonly stack: Int32Array;
  depth = 1;
  /** The first word of the buffer. */
  next = 0;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost dependents; `none` when absent. */
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;
  /** Bit sets of the labels of a word's left and right dependents (labels beyond 31 share the top bit). */
  readonly leftLabels: Int32Array;
  readonly rightLabels: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.root = n;
    this.none = n + 1;
    this.stack = new Int32Array(n + 1);
    this.stack[0] = n;
    const filled = (v: number) => new Int32Array(n + 2).fill(v);
    this.heads = filled(-1);
    this.labels = filled(-1);
    this.left1 = filled(n + 1);
    this.left2 = filled(n + 1);
    this.right1 = filled(n + 1);
    this.right2 = filled(n + 1);
    this.leftCount = filled(0);
    this.rightCount = filled(0);
    this.leftLabels = filled(0);
    this.rightLabels = filled(0);
  }

  /** The k-th word from the top of the stack (0 = top), or `none`. */
  s(k: number): number {
    return k < this.depth ? this.stack[this.depth - 1 - k] : this.none;
  }

  /** The k-th word of the buffer, or `none`. */
  b(k: number): number {
    return this.next + k < this.n ? this.next + k : this.none;
  }

  get done(): boolean {
    return this.next >= this.n && this.depth === 1;
  }

  canShift(): boolean {
    return this.next < this.n;
  }

  canLeft(): boolean {
    return this.next < this.n && this.depth > 1;
  }

  /** Only the last word standing attaches to the root: one root per sentence, as UD requires. */
  canRight(): boolean {
    return this.depth > 2 || (this.depth === 2 && this.next >= this.n);
  }

  allowed(move: number): boolean {
    return move === SHIFT ? this.canShift() : move === LEFT ? this.canLeft() : this.canRight();
  }

  /** The head and dependent a move would join, as [head, dependent]; null for SHIFT. */
  arcOf(move: number): [number, number] | null {
    const top = this.stack[this.depth - 1];
    if (move === LEFT) return [this.next, top];
    if (move === RIGHT) return [this.stack[this.depth - 2], top];
    return null;
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.next++;
      return;
    }
    const [head, dep] = this.arcOf(move)!;
    this.depth--;
    this.heads[dep] = head;
    this.labels[dep] = label;
    const bit = 1 << Math.min(label, 31);
    if (dep < head) {
      // left dependents arrive nearest first, so the newest is the leftmost
      this.left2[head] = this.left1[head];
      this.left1[head] = dep;
      this.leftCount[head]++;
      this.leftLabels[head] |= bit;
    } else {
      this.right2[head] = this.right1[head];
      this.right1[head] = dep;
      this.rightCount[head]++;
      this.rightLabels[head] |= bit;
    }
  }

  /**
   * Gold arcs a move makes unreachable (Goldberg & Nivre 2013's dynamic oracle for arc-hybrid), with
   * `gold[i]` the gold head of word i (n for the root). Zero for the moves that keep the best tree in reach.
   */
  cost(move: number, gold: Int32Array): number {
    const top = this.stack[this.depth - 1];
    let cost = 0;
    if (move === SHIFT) {
      const b0 = this.next;
      for (let k = 0; k < this.depth; k++) {
        const w = this.stack[k];
        if (w !== this.root && gold[w] === b0 && this.heads[w] < 0) cost++;
        if (gold[b0] === w && k < this.depth - 1) cost++;
      }
      return cost;
    }
    // LEFT or RIGHT pops the top: its dependents still in the buffer are lost
    for (let i = this.next; i < this.n; i++) if (gold[i] === top) cost++;
    const head = gold[top];
    if (move === LEFT) {
      const below = this.depth > 1 ? this.stack[this.depth - 2] : -2;
      if (head !== this.next && (head === below || (head > this.next && head < this.n))) cost++;
    } else if (head >= this.next && head < this.n) cost++;
    return cost;
  }

  /** Heads with the root as -1, for output. */
  headsOut(): Int32Array {
    const out = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = this.heads[i] === this.root ? -1 : this.heads[i];
    return out;
  }
}
