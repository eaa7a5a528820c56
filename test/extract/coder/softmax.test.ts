import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SoftmaxModel, trainSoftmax } from '../../../src/extract/coder/softmax.js';

const examples = [
  { features: ['p=attack', 'bias'], gold: ['ASSAULT'] },
  { features: ['p=strike', 'bias'], gold: ['ASSAULT'] },
  { features: ['p=meet', 'bias'], gold: ['CONSULT'] },
  { features: ['p=visit', 'bias'], gold: ['CONSULT'] },
  // A partial label: either class is right, the model picks the one the features point to.
  { features: ['p=withdraw', 'bias'], gold: ['RETREAT', 'CONCEDE'] },
  { features: ['p=withdraw', 'lx=RETREAT', 'bias'], gold: ['RETREAT'] },
];

test('softmax coder learns types from features, with partial labels', () => {
  const model = trainSoftmax(['ASSAULT', 'CONSULT', 'RETREAT', 'CONCEDE'], examples, { epochs: 30 });
  assert.equal(model.best(['p=attack', 'bias']).label, 'ASSAULT');
  assert.equal(model.best(['p=visit', 'bias']).label, 'CONSULT');
  assert.equal(model.best(['p=withdraw', 'bias']).label, 'RETREAT');
  const p = model.probabilities(['p=meet', 'bias']);
  assert.ok(Math.abs(p.reduce((s, x) => s + x, 0) - 1) < 1e-9);
  assert.equal(model.best(['p=meet'], ['ASSAULT', 'RETREAT']).label !== 'CONSULT', true);
});

test('softmax coder model survives a save and a load', () => {
  const model = trainSoftmax(['ASSAULT', 'CONSULT'], examples.slice(0, 4), { epochs: 10 });
  const file = join(mkdtempSync(join(tmpdir(), 'orbit-coder-')), 'm.json.gz');
  model.save(file);
  const back = SoftmaxModel.load(file);
  assert.deepEqual(back.classes, model.classes);
  const a = model.probabilities(['p=strike', 'bias']);
  const b = back.probabilities(['p=strike', 'bias']);
  assert.ok(Math.abs(a[0] - b[0]) < 1e-2);
  assert.throws(() => SoftmaxModel.load(join(tmpdir(), 'no-such-coder.gz')), /not a coder model file/);
});
