// Training and the model file on a small made-up task: the perceptron must learn it, and the file must
// give back the same scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argmax, PerceptronTrainer } from '../../src/nlp/perceptron/perceptron.js';
import { readModelFile, shareModelFile, writeModelFile } from '../../src/nlp/perceptron/model-file.js';
import { feature1 } from '../../src/nlp/perceptron/hash.js';
import { Worker } from 'node:worker_threads';
import { seededRandom } from '../../src/nlp/learn/random.js';

// class = which of features 0..4 carries the label (x % 5), with noise features
function examples(n: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const label = Math.floor(random() * 5);
    const feats = Uint32Array.from([feature1(1, label), feature1(2, Math.floor(random() * 1000)), feature1(3, Math.floor(random() * 1000))]);
    return { label, feats };
  });
}

test('the averaged perceptron learns a separable task and the saved file scores the same', () => {
  const trainer = new PerceptronTrainer(5);
  const scores = new Float64Array(5);
  for (let epoch = 0; epoch < 3; epoch++) {
    for (const ex of examples(500, epoch + 1)) {
      scores.fill(0);
      trainer.score(ex.feats, ex.feats.length, scores);
      trainer.update(ex.feats, ex.feats.length, ex.label, argmax(scores, 5));
      trainer.tick();
    }
  }
  const model = trainer.averaged(1e-3);
  const path = join(mkdtempSync(join(tmpdir(), 'orbit-')), 'm.bin.gz');
  writeModelFile(path, { note: 'test' }, { m: model });
  const loaded = readModelFile<{ note: string }>(path);
  assert.equal(loaded.meta.note, 'test');
  let right = 0;
  const test = examples(200, 99);
  for (const ex of test) {
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    model.score(ex.feats, 3, a);
    loaded.perceptrons.m.score(ex.feats, 3, b);
    for (let c = 0; c < 5; c++) assert.ok(Math.abs(a[c] - b[c]) < 1e-2 * (1 + Math.abs(a[c])));
    if (argmax(b, 5) === ex.label) right++;
  }
  assert.ok(right >= 195, `${right}/200 right`);
});

test('a file that is not a model is refused with its name', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'orbit-')), 'not-a-model.bin.gz');
  writeModelFile(path, {}, {});
  assert.doesNotThrow(() => readModelFile(path));
  assert.throws(() => readModelFile(join(tmpdir(), 'missing-model.bin.gz')), /missing-model\.bin\.gz: cannot read the model/);
});

test('a model read for sharing scores the same in another thread, from the same memory', async () => {
  const trainer = new PerceptronTrainer(5);
  const scores = new Float64Array(5);
  for (const ex of examples(300, 7)) {
    scores.fill(0);
    trainer.score(ex.feats, ex.feats.length, scores);
    trainer.update(ex.feats, ex.feats.length, ex.label, argmax(scores, 5));
    trainer.tick();
  }
  const path = join(mkdtempSync(join(tmpdir(), 'orbit-')), 'shared.bin.gz');
  writeModelFile(path, { note: 'shared' }, { m: trainer.averaged(1e-3) });
  const own = readModelFile(path).perceptrons.m;
  assert.throws(() => own.shared(), /not built in shared memory/);
  const files = { [path]: shareModelFile(path) };
  assert.ok(files[path].perceptrons.m.slots instanceof SharedArrayBuffer);
  assert.equal(shareModelFile(path), files[path], 'read once');
  // read back here, it is the shared tables, not a second copy
  assert.equal(readModelFile(path).perceptrons.m.shared().slots, files[path].perceptrons.m.slots);
  const probe = examples(20, 3).map((ex) => Array.from(ex.feats));
  const expected = probe.map((feats) => { const s = new Float64Array(5); own.score(Uint32Array.from(feats), 3, s); return Array.from(s); });
  const perceptronUrl = new URL('../../src/nlp/perceptron/perceptron.js', import.meta.url).href;
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.perceptronUrl).then(({ CompactPerceptron }) => {
      const p = CompactPerceptron.fromShared(workerData.shared);
      parentPort.postMessage(workerData.probe.map((feats) => { const s = new Float64Array(5); p.score(Uint32Array.from(feats), 3, s); return Array.from(s); }));
    });`, { eval: true, workerData: { perceptronUrl, shared: files[path].perceptrons.m, probe } });
  const fromThread = await new Promise<number[][]>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
  await worker.terminate();
  assert.deepEqual(fromThread, expected);
  // and the arrays a file is written from come back from the tables
  const again = join(mkdtempSync(join(tmpdir(), 'orbit-')), 'again.bin.gz');
  writeModelFile(again, {}, { m: own });
  const reread = readModelFile(again).perceptrons.m;
  const s = new Float64Array(5);
  reread.score(Uint32Array.from(probe[0]), 3, s);
  for (let c = 0; c < 5; c++) assert.ok(Math.abs(s[c] - expected[0][c]) < 1e-2 * (1 + Math.abs(expected[0][c])));
});
