// Eisner's (1996) algorithm: the best projective tree over scores[h * N + d] (N = n + 1 with the root at
// 0), with exactly one word attached to the root. Only 0.14% of EWT dev arcs are non-projective.

/** Heads of words 1..n as 0..n (0 = root); heads[0] is -1. */
export function eisner(scores: Float64Array, n: number): Int32Array {
  const N = n + 1;
  const heads = new Int32Array(N).fill(-1);
  if (n === 0) return heads;
  if (n === 1) {
    heads[1] = 0;
    return heads;
  }
  // spans over words 1..n; [s * N + t], s <= t. cr: complete, head s; cl: complete, head t;
  // ir: incomplete s -> t; il: incomplete t -> s. Back pointers hold the split point.
  const size = N * N;
  const cr = new Float64Array(size);
  const cl = new Float64Array(size);
  const ir = new Float64Array(size);
  const il = new Float64Array(size);
  const bcr = new Int32Array(size);
  const bcl = new Int32Array(size);
  const bir = new Int32Array(size);
  const bil = new Int32Array(size);
  for (let len = 1; len < n; len++) {
    for (let s = 1; s + len <= n; s++) {
      const t = s + len;
      let best = -Infinity;
      let arg = s;
      for (let r = s; r < t; r++) {
        const v = cr[s * N + r] + cl[(r + 1) * N + t];
        if (v > best) { best = v; arg = r; }
      }
      ir[s * N + t] = best + scores[s * N + t];
      bir[s * N + t] = arg;
      il[s * N + t] = best + scores[t * N + s];
      bil[s * N + t] = arg;
      best = -Infinity;
      arg = s + 1;
      for (let r = s + 1; r <= t; r++) {
        const v = ir[s * N + r] + cr[r * N + t];
        if (v > best) { best = v; arg = r; }
      }
      cr[s * N + t] = best;
      bcr[s * N + t] = arg;
      best = -Infinity;
      arg = s;
      for (let r = s; r < t; r++) {
        const v = cl[s * N + r] + il[r * N + t];
        if (v > best) { best = v; arg = r; }
      }
      cl[s * N + t] = best;
      bcl[s * N + t] = arg;
    }
  }
  // the root's one child k: words 1..k hang left of k, k..n right of it
  let best = -Infinity;
  let root = 1;
  for (let k = 1; k <= n; k++) {
    const v = scores[k] + cl[1 * N + k] + cr[k * N + n];
    if (v > best) { best = v; root = k; }
  }
  heads[root] = 0;
  // iterative back-tracking: (kind, s, t); kinds 0 cr, 1 cl, 2 ir, 3 il
  const stack: number[] = [1, 1, root, 0, root, n];
  while (stack.length) {
    const t = stack.pop()!;
    const s = stack.pop()!;
    const kind = stack.pop()!;
    if (s === t) continue;
    const at = s * N + t;
    if (kind === 0) {
      const r = bcr[at];
      stack.push(2, s, r, 0, r, t);
    } else if (kind === 1) {
      const r = bcl[at];
      stack.push(1, s, r, 3, r, t);
    } else if (kind === 2) {
      heads[t] = s;
      const r = bir[at];
      stack.push(0, s, r, 1, r + 1, t);
    } else {
      heads[s] = t;
      const r = bil[at];
      stack.push(0, s, r, 1, r + 1, t);
    }
  }
  return heads;
}
