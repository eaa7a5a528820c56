// An open-addressing map from 32-bit feature hashes to row numbers, in typed arrays: a JavaScript Map
// of millions of numbers costs several times the memory and is slower to probe.

export class FeatureTable {
  keys: Uint32Array;
  rows: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The row of a feature, or -1 when it was never added. */
  get(key: number): number {
    const keys = this.keys;
    let i = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** The row of a feature, adding it with row `next` when it is new. */
  getOrAdd(key: number, next: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let i = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) {
        this.keys[i] = key;
        this.rows[i] = next;
        this.size++;
        return next;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.getOrAdd(keys[i], rows[i]);
  }
}
