// The neural parser's hand-written backward pass against numerical gradients on a tiny network, and
// Eisner's decoder against brute force on small score matrices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BiaffineNetwork, type Gold } from '../../src/nlp/neural/biaffine-parser.js';
import { Rng } from '../../src/nlp/neural/params.js';
import { eisner } from '../../src/nlp/neural/eisner.js';

const config = { wordDim: 3, clusterDim: 2, suffixDim: 2, shapeDim: 1, hidden: 3, layers: 2, arcDim: 3, labelDim: 3, dropout: 0 };
const sizes = { words: 5, clusters: 4, suffixes: 4, shapes: 3, labels: 3, upos: 4 };
const sentence = {
  words: Int32Array.from([1, 2, 3, 4, 2]),
  clusters: Int32Array.from([1, 2, 3, 0, 2]),
  suffixes: Int32Array.from([1, 3, 2, 2, 0]),
  shapes: Int32Array.from([1, 2, 0, 2, 2]),
};
const gold: Gold = { heads: Int32Array.from([0, 2, 0, 2, 3]), labels: Int32Array.from([0, 1, 0, 2, 1]), upos: Int32Array.from([0, 1, 3, 2, 0]) };

test('the backward pass matches numerical gradients on every kind of parameter', () => {
  const net = new BiaffineNetwork(config, sizes, undefined, 7);
  const rng = new Rng(3);
  const data = net.params.data;
  for (let i = 0; i < data.length; i++) data[i] = (rng.next() * 2 - 1) * 0.8; // arc.U starts at 0: give every weight a value
  net.params.grad.fill(0);
  net.train(sentence, gold, null, 1);
  const analytic = Float64Array.from(net.params.grad);
  const loss = () => {
    const l = net.train(sentence, gold, null, 1);
    net.params.grad.fill(0);
    return l;
  };
  let checked = 0;
  for (const spec of net.params.specs) {
    const offset = net.params.offsets.get(spec.name)!;
    for (let k = 0; k < spec.size; k += Math.max(1, Math.floor(spec.size / 7))) {
      const i = offset + k;
      const keep = data[i];
      const eps = 1e-3;
      data[i] = keep + eps;
      const up = loss();
      data[i] = keep - eps;
      const down = loss();
      data[i] = keep;
      const numeric = (up - down) / (2 * eps);
      const diff = Math.abs(numeric - analytic[i]);
      assert.ok(diff <= 2e-3 + 2e-2 * Math.abs(numeric), `${spec.name}[${k}]: analytic ${analytic[i]}, numeric ${numeric}`);
      if (Math.abs(numeric) > 1e-3) checked++;
    }
  }
  assert.ok(checked > 40, `only ${checked} gradients were large enough to check`);
});

/** Every head assignment of n words that is a projective tree with one root child, by brute force. */
function bestTree(scores: Float64Array, n: number): number {
  const N = n + 1;
  let best = -Infinity;
  const heads = new Array<number>(N).fill(0);
  const visit = (d: number) => {
    if (d > n) {
      if (heads.slice(1).filter((h) => h === 0).length !== 1) return;
      for (let i = 1; i <= n; i++) { // acyclic
        let x = i;
        for (let steps = 0; x !== 0; steps++) { if (steps > n) return; x = heads[x]; }
      }
      for (let i = 1; i <= n; i++) { // projective: every word between a head and its dependent descends from the head
        const lo = Math.min(i, heads[i]), hi = Math.max(i, heads[i]);
        for (let k = lo + 1; k < hi; k++) {
          let x = k;
          while (x !== 0 && x !== heads[i]) x = heads[x];
          if (x !== heads[i]) return;
        }
      }
      let s = 0;
      for (let i = 1; i <= n; i++) s += scores[heads[i] * N + i];
      best = Math.max(best, s);
      return;
    }
    for (let h = 0; h <= n; h++) if (h !== d) { heads[d] = h; visit(d + 1); }
  };
  visit(1);
  return best;
}

test('Eisner finds the best projective single-rooted tree', () => {
  const rng = new Rng(11);
  for (let trial = 0; trial < 30; trial++) {
    const n = 1 + (trial % 5);
    const N = n + 1;
    const scores = Float64Array.from({ length: N * N }, () => rng.next() * 4 - 2);
    const heads = eisner(scores, n);
    let s = 0;
    for (let i = 1; i <= n; i++) s += scores[heads[i] * N + i];
    assert.equal(heads.slice(1).filter((h) => h === 0).length, 1);
    assert.ok(Math.abs(s - bestTree(scores, n)) < 1e-9, `trial ${trial}: ${s} vs ${bestTree(scores, n)}`);
  }
});

test('a network trained on two sentences parses them back after a 16-bit save and load', async () => {
  const { buildVocabulary, InputEncoder } = await import('../../src/nlp/neural/word-inputs.js');
  const { newAdam, adamStep } = await import('../../src/nlp/neural/params.js');
  const { writeNeuralParser } = await import('../../src/nlp/neural/model-io.js');
  const { NeuralParser } = await import('../../src/nlp/neural/neural-parser.js');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const data = [
    { forms: ['Rebels', 'attacked', 'the', 'base', '.'], heads: [1, -1, 3, 1, 1], deprels: ['nsubj', 'root', 'det', 'obj', 'punct'], upos: ['NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'] },
    { forms: ['The', 'talks', 'failed', '.'], heads: [1, 2, -1, 2], deprels: ['det', 'nsubj', 'root', 'punct'], upos: ['DET', 'NOUN', 'VERB', 'PUNCT'] },
  ];
  const vocabulary = buildVocabulary([...data.map((s) => s.forms), ...data.map((s) => s.forms)], null);
  const encoder = new InputEncoder(vocabulary, null);
  const labels = ['det', 'nsubj', 'obj', 'punct', 'root'];
  const upos = ['DET', 'NOUN', 'PUNCT', 'VERB'];
  const small = { wordDim: 8, clusterDim: 2, suffixDim: 4, shapeDim: 2, hidden: 8, layers: 1, arcDim: 8, labelDim: 8, dropout: 0 };
  const net = new BiaffineNetwork(small, { ...encoder.sizes, labels: labels.length, upos: upos.length }, undefined, 5);
  const adam = newAdam(net.params.data.length);
  const examples = data.map((s) => ({
    input: encoder.encode(s.forms),
    gold: {
      heads: Int32Array.from([0, ...s.heads.map((h) => h + 1)]),
      labels: Int32Array.from([0, ...s.deprels.map((d) => labels.indexOf(d))]),
      upos: Int32Array.from([0, ...s.upos.map((u) => upos.indexOf(u))]),
    },
  }));
  for (let step = 0; step < 150; step++) {
    for (const e of examples) net.train(e.input, e.gold, null, 1 / 9);
    net.params.clip(5);
    adamStep(net.params, adam, 0.01);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'nparser-')), 'tiny.onn.gz');
  writeNeuralParser(path, { config: small, sizes: net.sizes, vocabulary, labels, upos, clusters: false, provenance: {} }, net, true);
  const parser = NeuralParser.load(path, null);
  for (const s of data) {
    const a = parser.analyze(s.forms);
    assert.deepEqual([...a.head], s.heads, s.forms.join(' '));
    assert.deepEqual(a.deprel, s.deprels);
    assert.deepEqual(a.upos, s.upos);
  }
});
