// `orbit ingest` and `orbit serve` end to end, as a user runs them (the real KB and pipeline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-cli-'));
  writeFileSync(join(dir, 'strike.txt'), 'US forces struck Kataib Hezbollah positions near Baghdad on Sunday, the Pentagon said.\n\nKataib Hezbollah threatened to retaliate against US forces in Iraq.\n');
  writeFileSync(join(dir, 'news.jsonl'), [
    JSON.stringify({ title: 'Kadhimi in Tehran', publishedAt: '2020-07-21', text: 'Iraqi Prime Minister Mustafa al-Kadhimi met Iranian President Hassan Rouhani in Tehran on Tuesday.' }),
    '{ this line is broken',
  ].join('\n') + '\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [orbit, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd: dir });

test('orbit ingest stores the inputs, names a bad one, and stores nothing twice', () => {
  const db = join(dir, 'first.db');
  const first = run(['ingest', dir, '--db', db]);
  assert.equal(first.status, 1, 'a broken JSONL line is an input error');
  assert.match(first.stderr, /news\.jsonl/);
  assert.match(first.stdout, /articles read\s+2 \(new 2, updated 0, unchanged 0\)/);
  assert.match(first.stdout, /errors\s+1/);
  assert.match(first.stdout, /time\s+\d/);

  const second = run(['ingest', join(dir, 'strike.txt'), join(dir, 'news.jsonl')], { ORBIT_DB: db });
  assert.match(second.stdout, /articles read\s+2 \(new 0, updated 0, unchanged 2\)/);
  assert.match(second.stdout, /duplicates\s+0/);
});

test('orbit ingest without inputs shows its usage', () => {
  const result = run(['ingest']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /usage: orbit ingest/);
});

test('orbit serve refuses a store that does not exist', () => {
  const result = run(['serve', '--db', join(dir, 'missing.db')]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /missing\.db: run orbit ingest first/);
});

test('orbit serve prints its URL, answers, and stops cleanly', async () => {
  const db = join(dir, 'served.db');
  run(['ingest', join(dir, 'strike.txt'), '--db', db]);
  const child = spawn(process.execPath, [orbit, 'serve', '--db', db, '--port', '0'], { cwd: dir });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/\S+\//.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const health = await (await fetch(`${url}api/health`)).json();
  assert.equal(health.ok, true);
  assert.equal(health.counts.articles, 1);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});
