// Hostile and broken inputs (issue 10): each gives a clear per-input message or a bounded result,
// and the inputs after it still go through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAll, scratch } from './helpers.js';
import { MAX_JSONL_LINE_BYTES, MAX_PAGE_BYTES } from '../../src/ingest/index.js';
import { cleanPage } from '../../src/clean/index.js';

const SENTENCE = "Iran's Quds Force commander Esmail Qaani visited Baghdad on Monday and met Prime Minister Mohammed Shia al-Sudani. ";
const line = (title: string) => JSON.stringify({ title, text: SENTENCE.repeat(3) });

test('a truncated gzip JSONL gives the lines before the cut, and says where it was cut', async () => {
  const dir = await scratch();
  const whole = gzipSync(Array.from({ length: 200 }, (_, i) => line(`story ${i}`)).join('\n') + '\n');
  await writeFile(join(dir, 'cut.jsonl.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
  await writeFile(join(dir, 'after.txt'), SENTENCE);
  const { pages, diagnostics } = await readAll([join(dir, 'cut.jsonl.gz'), join(dir, 'after.txt')]);
  const kept = pages.filter((p) => p.uri.endsWith('cut.jsonl.gz'));
  assert.ok(kept.length > 10 && kept.length < 200, `${kept.length} lines kept`);
  assert.deepEqual(kept.map((p) => p.title), kept.map((_, i) => `story ${i}`));
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].reason, /^not valid gzip after line \d+ \(unexpected end of file\); the lines before it were read$/);
  assert.ok(pages.some((p) => p.uri.endsWith('after.txt')), 'the next input is read');
});

test('a truncated gzip page is read up to the cut, with a warning', async () => {
  const dir = await scratch();
  const whole = gzipSync(SENTENCE.repeat(400));
  await writeFile(join(dir, 'cut.txt.gz'), whole.subarray(0, whole.length - 40));
  const { pages, diagnostics } = await readAll([join(dir, 'cut.txt.gz')]);
  assert.equal(pages.length, 1);
  assert.ok(pages[0].content.startsWith(SENTENCE));
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].reason, /gzip stream cut short after \d+ bytes/);
});

test('UTF-8 with a few broken bytes stays UTF-8; the warning says how many and where', async () => {
  const dir = await scratch();
  const bytes = Buffer.concat([Buffer.from('Iran said “no” to the plan'), Buffer.from([0xff, 0xfe]), Buffer.from(' — officials in Baghdad agreed.')]);
  await writeFile(join(dir, 'damaged.txt'), bytes);
  const { pages, diagnostics } = await readAll([join(dir, 'damaged.txt')]);
  assert.equal(pages[0].content, 'Iran said “no” to the plan\uFFFD\uFFFD — officials in Baghdad agreed.');
  assert.equal(diagnostics[0].severity, 'warning');
  assert.equal(diagnostics[0].reason, '2 invalid UTF-8 sequences (the first at byte 30) replaced by U+FFFD');
});

test('a JSONL line of 50 MB is refused by its number, without holding it; the lines around it go through', async () => {
  const dir = await scratch();
  const path = join(dir, 'huge.jsonl');
  const file = await open(path, 'w');
  await file.write(line('before') + '\n');
  await file.write('{"title":"huge","text":"');
  const chunk = 'word '.repeat(2 ** 18);
  for (let written = 0; written < 50 * 2 ** 20; written += chunk.length) await file.write(chunk);
  await file.write('"}\n' + line('after') + '\n');
  await file.close();
  const { pages, diagnostics } = await readAll([path]);
  assert.deepEqual(pages.map((p) => p.title), ['before', 'after']);
  assert.deepEqual(pages.map((p) => p.line), [1, 3]);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].line, 2);
  assert.match(diagnostics[0].reason, new RegExp(`^line 2 is 50 MB; a line is read up to ${MAX_JSONL_LINE_BYTES / 2 ** 20} MB$`));
});

test('a page over the size limit is refused at once, by its size', async () => {
  const dir = await scratch();
  const path = join(dir, 'dump.txt');
  const file = await open(path, 'w');
  await file.truncate(MAX_PAGE_BYTES + 1); // sparse: the size is real, the disk is not used
  await file.close();
  const started = performance.now();
  const { pages, diagnostics } = await readAll([path]);
  assert.equal(pages.length, 0);
  assert.match(diagnostics[0].reason, /^is 64 MB; a page is read up to 64 MB \(give many articles as JSONL, one per line\)$/);
  assert.ok(performance.now() - started < 1000);
});

test('a gzip page that unpacks past the limit is refused', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(MAX_PAGE_BYTES + 1024, 0x61)));
  const { pages, diagnostics } = await readAll([join(dir, 'bomb.txt.gz')]);
  assert.equal(pages.length, 0);
  assert.match(diagnostics[0].reason, /^unpacks to more than 64 MB/);
});

test('10,000 nested elements: the article is found, in bounded time, not lost to a stack overflow', () => {
  const html = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(10_000)}<p>${SENTENCE.repeat(6)}</p>${'</div>'.repeat(10_000)}</body></html>`;
  const started = performance.now();
  const { docs } = cleanPage({ uri: 'deep.html', part: 0, format: 'html', content: html, title: null, url: null, publishedAt: null, outlet: null });
  assert.equal(docs.length, 1);
  assert.ok(docs[0].text.startsWith("Iran's Quds Force commander Esmail Qaani visited Baghdad"));
  assert.ok(performance.now() - started < 20_000);
});

test('malformed HTML (unclosed and stray tags) still gives its text', () => {
  const html = `<html><head><title>Broken page</title><body><p>${SENTENCE.repeat(4)}<div><p>unclosed <table><tr><td>${SENTENCE}</span></i></body`;
  const { docs } = cleanPage({ uri: 'broken.html', part: 0, format: 'html', content: html, title: null, url: null, publishedAt: null, outlet: null });
  assert.equal(docs.length, 1);
  assert.equal(docs[0].title, 'Broken page');
  assert.ok(docs[0].text.includes('Qaani visited Baghdad'));
});

test('a feed of 100,000 items is read item by item in bounded time', async () => {
  const dir = await scratch();
  const items = Array.from({ length: 100_000 }, (_, i) => `<item><title>Item ${i}</title><link>http://example.com/${i}</link><description>${SENTENCE}</description></item>`);
  await writeFile(join(dir, 'big.rss'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`);
  const started = performance.now();
  const { pages, diagnostics } = await readAll([join(dir, 'big.rss')]);
  assert.equal(pages.length, 100_000);
  assert.equal(pages[99_999].title, 'Item 99999');
  assert.equal(diagnostics.length, 0);
  assert.ok(performance.now() - started < 60_000);
});

test('content after a stray </html> is read as part of the body, as a browser reads it', () => {
  const html = `<html><head><title>Stray tags</title></head><body><p>${SENTENCE.repeat(3)}</p></body></html>${'</div></p></table></html>'.repeat(30)}<p>${SENTENCE.repeat(3)}</p>`;
  const { docs } = cleanPage({ uri: 'stray.html', part: 0, format: 'html', content: html, title: null, url: null, publishedAt: null, outlet: null });
  assert.equal(docs.length, 1);
  assert.ok(docs[0].text.includes('Qaani visited Baghdad'));
});
