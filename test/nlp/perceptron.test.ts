// Training and the model file on a small made-up task: the perceptron must learn it, and the file must
// give back the same scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argmax, PerceptronTrainer } from '../../src/nlp/perceptron/perceptron.js';
import { readModelFile, writeModelFile } from '../../src/nlp/perceptron/model-file.js';
import { feature1 } from '../../src/nlp/perceptron/hash.js';
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
