import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { processInputs } from '../../src/pipeline/index.js';
import { parseThreads } from '../../src/pipeline/threads.js';
import type { Doc } from '../../src/core/doc.js';

const demo = fileURLToPath(new URL('../../../corpus/demo', import.meta.url));

async function run(inputs: string[], threads: number, largeDoc?: number): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const doc of processInputs(inputs, { kb: loadKnowledgeBase(), report: () => {}, threads, batchSize: 2, largeDoc })) docs.push(doc);
  return docs;
}

const claims = (docs: Doc[]) => docs.map((d) => ({ id: d.id, duplicateOf: d.duplicateOf, mentions: d.mentions, events: d.events, relations: d.relations, actors: d.actors.map((a) => a.id) }));

test('two threads give the same Docs, in the same order, as one', async () => {
  const inputs = readdirSync(demo).sort().slice(0, 12).map((f) => join(demo, f));
  const one = await run(inputs, 1);
  const two = await run(inputs, 2);
  assert.ok(one.length >= 8, `the demo subset gave ${one.length} articles`);
  assert.ok(two.every((d) => typeof d.has === 'function'), 'Docs come back as Docs');
  assert.deepEqual(claims(two), claims(one));
  // long Docs are read on the calling thread, between the batches, still in order
  const long = one.filter((d) => d.text.length > 1600).length;
  assert.ok(long > 0 && long < one.length, `${long} of ${one.length} Docs over 1,600 characters`);
  assert.deepEqual(claims(await run(inputs, 2, 1600)), claims(one));
});

test('--threads takes a whole number and names a bad one', () => {
  assert.equal(parseThreads('3'), 3);
  assert.ok(parseThreads(undefined) >= 1);
  assert.throws(() => parseThreads('0'), /--threads 0: give a whole number/);
  assert.throws(() => parseThreads('two'), /--threads two/);
});
