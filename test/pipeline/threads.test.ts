import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { processInputs } from '../../src/pipeline/index.js';
import { parseThreads } from '../../src/pipeline/threads.js';
import type { Doc } from '../../src/core/doc.js';

const demo = fileURLToPath(new URL('../../../corpus/demo', import.meta.url));

async function run(inputs: string[], threads: number, large: { largeDoc?: number; largePage?: number } = {}): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const doc of processInputs(inputs, { kb: loadKnowledgeBase(), report: () => {}, threads, batchSize: 2, ...large })) docs.push(doc);
  return docs;
}

const claims = (docs: Doc[]) => docs.map((d) => ({
  id: d.id, source: d.source, title: d.title, duplicateOf: d.duplicateOf, spun: d.spun, text: d.text, sourceMap: d.sourceMap,
  messages: d.messages, mentions: d.mentions, events: d.events, relations: d.relations, actors: d.actors.map((a) => a.id),
}));

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
  assert.deepEqual(claims(await run(inputs, 2, { largeDoc: 1600 })), claims(one));
});

test('pages cleaned on the threads are numbered in their input as on one thread, large pages cleaned here in their place', async () => {
  // one JSONL input of many pages, each page of two stories pasted one after the other: the ids
  // number the stories across the input's pages, which only the main thread sees in order
  const texts = readdirSync(demo).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(demo, f), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'orbit-threads-'));
  const jsonl = join(dir, 'pages.jsonl');
  const lines = texts.flatMap((a, i) => texts.slice(i + 1, i + 3).map((b) => JSON.stringify({ text: `${a}\n\n${b}` })));
  writeFileSync(jsonl, lines.join('\n') + '\n');
  const inputs = [jsonl, join(demo, 'feeds')];
  const one = await run(inputs, 1);
  assert.ok(one.length > lines.length, `${lines.length} pages gave ${one.length} articles`);
  const indexes = one.filter((d) => d.source.uri === jsonl).map((d) => d.source.index);
  assert.deepEqual(indexes, indexes.map((_, k) => k), 'articles of one input are numbered 0, 1, 2, ... across its pages');
  assert.deepEqual(claims(await run(inputs, 2)), claims(one));
  const sizes = texts.map((t) => t.length).sort((a, b) => a - b);
  assert.deepEqual(claims(await run(inputs, 2, { largePage: sizes[Math.floor(sizes.length / 2)] * 2 })), claims(one));
});

test('--threads takes a whole number and names a bad one', () => {
  assert.equal(parseThreads('3'), 3);
  assert.ok(parseThreads(undefined) >= 1);
  assert.throws(() => parseThreads('0'), /--threads 0: give a whole number/);
  assert.throws(() => parseThreads('two'), /--threads two/);
});
