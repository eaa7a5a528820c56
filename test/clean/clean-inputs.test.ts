import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Doc } from '../../src/core/doc.js';
import type { Message } from '../../src/core/messages.js';
import { cleanInputs } from '../../src/pipeline/clean-inputs.js';
import { DuplicateIndex } from '../../src/clean/dedupe.js';
import { fixture } from './helpers.js';

async function collect(inputs: string[], duplicates?: DuplicateIndex) {
  const diagnostics: Message[] = [];
  const articles: Doc[] = [];
  for await (const a of cleanInputs(inputs, { report: (d) => diagnostics.push(d), duplicates })) articles.push(a);
  return { articles, diagnostics };
}

test('articles are numbered per input across pages, lines and stories; ids are stable across calls', async () => {
  const inputs = [fixture('articles.jsonl'), fixture('three-stories.txt'), fixture('feed.rss')];
  const first = await collect(inputs);
  const second = await collect(inputs);
  assert.deepEqual(first.articles.map((a) => a.id), second.articles.map((a) => a.id));
  assert.deepEqual(first.articles.map((a) => [a.source.uri.split('/').pop(), a.source.index]), [
    ['articles.jsonl', 0], ['articles.jsonl', 1],
    ['three-stories.txt', 0], ['three-stories.txt', 1], ['three-stories.txt', 2],
    ['feed.rss', 0], ['feed.rss', 1],
  ]);
  assert.equal(new Set(first.articles.map((a) => a.id)).size, 7);
  assert.ok(first.articles.every((a) => /^a[0-9a-f]{16}$/.test(a.id)));
  assert.equal(first.articles[0].source.outlet, 'Wire');
  assert.equal(first.articles[0].url, 'https://wire.example/1');
  // The bad JSONL lines and the empty feed item are reported, with their rule and position as fields.
  assert.deepEqual(
    first.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.id, d.uri.split('/').pop(), d.line ?? d.item]),
    [['ingest.bad-jsonl-line', 'articles.jsonl', 3], ['ingest.bad-jsonl-line', 'articles.jsonl', 4], ['ingest.empty-feed-item', 'feed.rss', 2]],
  );
});

test('the same file gives the same ids whether named by a relative or an absolute path', async () => {
  const absolute = await collect([fixture('three-stories.txt')]);
  const relativePath = relative(process.cwd(), fixture('three-stories.txt'));
  const fromRelative = await collect([relativePath]);
  assert.equal(fromRelative.articles[0].source.uri, relativePath);
  assert.deepEqual(fromRelative.articles.map((a) => a.id), absolute.articles.map((a) => a.id));
});

test('duplicates link to the earlier article; a given index is used and filled', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'orbit-clean-'));
  await copyFile(fixture('dedupe/original.txt'), join(dir, '1-original.txt'));
  await copyFile(fixture('dedupe/syndicated.txt'), join(dir, '2-syndicated.txt'));
  await copyFile(fixture('dedupe/spun.txt'), join(dir, '3-spun.txt'));
  await copyFile(fixture('dedupe/same-event.txt'), join(dir, '4-same-event.txt'));
  const index = new DuplicateIndex();
  const { articles } = await collect([dir], index);
  assert.equal(index.size, 4);
  const [original, syndicated, spun, other] = articles;
  assert.equal(original.duplicateOf, null);
  assert.deepEqual([syndicated.duplicateOf, syndicated.spun], [original.id, false]);
  assert.deepEqual([spun.duplicateOf, spun.spun], [original.id, true]);
  assert.deepEqual([other.duplicateOf, other.spun], [null, false]);
});

test('a page with no article text is reported and skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'orbit-clean-'));
  await writeFile(join(dir, 'nav.txt'), 'Home\nWorld\nIraq\nSubscribe\n© 2024 Example Herald');
  const { articles, diagnostics } = await collect([join(dir, 'nav.txt')]);
  assert.equal(articles.length, 0);
  assert.deepEqual(diagnostics, [{ id: 'clean.no-text', component: 'clean', severity: 'warning', uri: join(dir, 'nav.txt'), reason: 'no article text found' }]);
});
