// `orbit clean` as a user runs it: the compiled CLI in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fixture } from './helpers.js';

const BIN = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));

function orbit(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'clean', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('orbit clean --json prints the articles with the stable keys first', () => {
  const { code, stdout, stderr } = orbit(fixture('three-stories.txt'), '--json');
  assert.equal(code, 0, stderr);
  const { articles } = JSON.parse(stdout);
  assert.equal(articles.length, 3);
  assert.deepEqual(Object.keys(articles[0]).slice(0, 5), ['source', 'title', 'publishedAt', 'text', 'duplicateOf']);
  assert.deepEqual(Object.keys(articles[0].source), ['uri', 'index', 'outlet']);
  assert.equal(articles[2].source.index, 2);
  assert.match(articles[0].id, /^a[0-9a-f]{16}$/);
});

test('without --json a short listing; errors go to stderr as orbit: <uri>: <reason> [<id>] and exit 1', () => {
  const { code, stdout, stderr } = orbit(fixture('long-article.txt'), '/no/such/file.txt');
  assert.equal(code, 1);
  assert.match(stdout, /long-article\.txt#0 {2}2021-01-03 {2}Iraq's militias and the long shadow of Soleimani/);
  assert.equal(stderr.trim(), 'orbit: /no/such/file.txt: no such file or directory [ingest.unreadable]');
});

test('no inputs is a usage error', () => {
  const { code, stderr } = orbit();
  assert.equal(code, 2);
  assert.match(stderr, /no inputs given/);
});
