import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fixture, readAll, scratch } from './helpers.js';

test('a .txt file is one text page, BOM stripped', async () => {
  const dir = await scratch();
  const path = join(dir, 'story.txt');
  await writeFile(path, '\uFEFFBAGHDAD — Rockets hit the Green Zone on Sunday, officials said.\n');
  const { pages, diagnostics } = await readAll([path]);
  assert.deepEqual(diagnostics, []);
  assert.equal(pages.length, 1);
  assert.equal(pages[0].format, 'text');
  assert.equal(pages[0].uri, path);
  assert.equal(pages[0].part, 0);
  assert.ok(pages[0].content.startsWith('BAGHDAD'));
});

test('.html and .htm files are html pages', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'a.html'), '<html><body><p>One</p></body></html>');
  await writeFile(join(dir, 'b.htm'), '<p>Two</p>');
  const { pages } = await readAll([join(dir, 'a.html'), join(dir, 'b.htm')]);
  assert.deepEqual(pages.map((p) => p.format), ['html', 'html']);
});

test('JSONL: one page per good line with its metadata; a bad line is reported with file#line and skipped', async () => {
  const { pages, diagnostics } = await readAll([fixture('articles.jsonl')]);
  assert.equal(pages.length, 2);
  assert.equal(pages[0].format, 'text');
  assert.equal(pages[0].title, 'US sanctions Khazali brothers');
  assert.equal(pages[0].publishedAt, '2019-12-06');
  assert.equal(pages[0].url, 'https://wire.example/1');
  assert.equal(pages[0].outlet, 'Wire');
  assert.equal(pages[0].part, 0);
  assert.equal(pages[1].format, 'html');
  assert.equal(pages[1].publishedAt, '2021-02-15');
  assert.equal(pages[1].part, 4);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.length, 2);
  // the line is a field of the message, not a suffix of the uri
  assert.ok(errors[0].uri.endsWith('articles.jsonl'));
  assert.deepEqual([errors[0].id, errors[0].line], ['ingest.bad-jsonl-line', 3]);
  assert.match(errors[0].reason, /invalid JSON on line 3/);
  assert.deepEqual([errors[1].id, errors[1].line], ['ingest.bad-jsonl-line', 4]);
  assert.match(errors[1].reason, /no "text" or "html"/);
  assert.ok(errors.every((d) => d.component === 'ingest'));
});

test('RSS 2.0: items with content:encoded, description, link, pubDate and dc:date; the channel is the outlet', async () => {
  const { pages, diagnostics } = await readAll([fixture('feed.rss')]);
  assert.equal(pages.length, 2);
  assert.equal(pages[0].title, 'Iraq recalls ambassador from Tehran');
  assert.equal(pages[0].format, 'html');
  assert.match(pages[0].content, /recalled its ambassador/);
  assert.equal(pages[0].url, 'https://herald.example/2024/01/16/recall');
  assert.equal(pages[0].publishedAt, '2024-01-16');
  assert.equal(pages[0].outlet, 'Example Herald & Partners');
  assert.equal(pages[1].format, 'text');
  assert.equal(pages[1].publishedAt, '2024-01-31');
  assert.equal(pages[1].part, 2);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].reason, /no content/);
});

test('Atom: entry content, html title as text, the alternate link, published date', async () => {
  const { pages, diagnostics } = await readAll([fixture('feed.atom')]);
  assert.deepEqual(diagnostics, []);
  assert.equal(pages.length, 1);
  assert.equal(pages[0].title, 'Ghaani named to lead Quds Force');
  assert.equal(pages[0].url, 'https://monitor.example/2020/01/03/ghaani');
  assert.equal(pages[0].publishedAt, '2020-01-03');
  assert.equal(pages[0].outlet, 'Atom Monitor');
  assert.match(pages[0].content, /<p>TEHRAN/);
});

test('.xml with a feed root is read as a feed; gzip is looked through', async () => {
  const dir = await scratch();
  const atom = await import('node:fs/promises').then((fs) => fs.readFile(fixture('feed.atom')));
  await writeFile(join(dir, 'feed.xml'), atom);
  await writeFile(join(dir, 'story.txt.gz'), gzipSync('ERBIL — A drone struck the airport on Wednesday, officials said.'));
  const { pages, diagnostics } = await readAll([join(dir, 'feed.xml'), join(dir, 'story.txt.gz')]);
  assert.deepEqual(diagnostics, []);
  assert.equal(pages.length, 2);
  assert.equal(pages[0].title, 'Ghaani named to lead Quds Force');
  assert.equal(pages[1].format, 'text');
  assert.match(pages[1].content, /^ERBIL/);
});

test('folders are walked recursively in sorted order, skipping hidden and unsupported files silently', async () => {
  const dir = await scratch();
  await mkdir(join(dir, 'b-sub'));
  await mkdir(join(dir, '.git'));
  await writeFile(join(dir, 'c.txt'), 'Third story text here.');
  await writeFile(join(dir, 'a.html'), '<p>First</p>');
  await writeFile(join(dir, 'b-sub', 'inner.txt'), 'Second story text here.');
  await writeFile(join(dir, '.hidden.txt'), 'hidden');
  await writeFile(join(dir, '.git', 'config.txt'), 'hidden');
  await writeFile(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00]));
  await writeFile(join(dir, 'style.css'), 'body{}');
  const { pages, diagnostics } = await readAll([dir]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(pages.map((p) => p.uri), [join(dir, 'a.html'), join(dir, 'b-sub', 'inner.txt'), join(dir, 'c.txt')]);
});
