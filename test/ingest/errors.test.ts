import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readAll, scratch } from './helpers.js';

async function onlyError(path: string): Promise<string> {
  const { pages, diagnostics } = await readAll([path]);
  assert.equal(pages.length, 0);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, 'error');
  assert.equal(diagnostics[0].component, 'ingest');
  assert.equal(diagnostics[0].uri, path);
  return diagnostics[0].reason;
}

test('a missing path is reported, not thrown', async () => {
  assert.equal(await onlyError('/no/such/orbit/input.txt'), 'no such file or directory');
});

test('an empty file is reported', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'blank.html'), '  \n\n ');
  assert.equal(await onlyError(join(dir, 'empty.txt')), 'file is empty');
  assert.equal(await onlyError(join(dir, 'blank.html')), 'file is empty');
});

test('a binary file is reported', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  assert.equal(await onlyError(join(dir, 'image.html')), 'looks binary (NUL bytes), not text or HTML');
});

test('an explicitly named file of an unsupported type is reported', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'report.pdf'), '%PDF-1.4');
  assert.match(await onlyError(join(dir, 'report.pdf')), /^unsupported file type/);
});

test('a malformed feed is reported with the parser message', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'broken.rss'), '<rss version="2.0"><channel><item><title>x</title></channel></rss>');
  assert.match(await onlyError(join(dir, 'broken.rss')), /^malformed feed: .*line 1/);
});

test('an explicitly named .xml that is not a feed is an error; met in a folder it is a warning', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  assert.match(await onlyError(join(dir, 'sitemap.xml')), /not an RSS or Atom feed \(root element <urlset>\)/);
  const { pages, diagnostics } = await readAll([dir]);
  assert.equal(pages.length, 0);
  assert.equal(diagnostics[0].severity, 'warning');
});

test('a bad input does not stop the others', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'good.txt'), 'Rockets hit the base, officials said.');
  await writeFile(join(dir, 'empty.txt'), '');
  const { pages, diagnostics } = await readAll([join(dir, 'missing.txt'), join(dir, 'empty.txt'), join(dir, 'good.txt')]);
  assert.equal(pages.length, 1);
  assert.deepEqual(diagnostics.map((d) => d.reason), ['no such file or directory', 'file is empty']);
});

test('invalid UTF-8 is decoded as windows-1252 with a warning', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'latin.txt'), Buffer.from('Caf\xe9 in Erbil, officials said.', 'latin1'));
  const { pages, diagnostics } = await readAll([join(dir, 'latin.txt')]);
  assert.equal(pages[0].content, 'Café in Erbil, officials said.');
  assert.equal(diagnostics[0].severity, 'warning');
});
