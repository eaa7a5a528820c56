// kill -9 in the middle of `orbit ingest`, then the same command again: the store ends exactly as if
// the run had never been interrupted (each article is one transaction; a re-read stores nothing twice).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { articleCount, storeRows } from '../helpers/store-tables.js';

const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
const demo = fileURLToPath(new URL('../../../corpus/demo', import.meta.url));

test('kill -9 during an ingest, then again: nothing lost, nothing twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-kill-'));
  const inputs = readdirSync(demo).sort().slice(0, 16).map((f) => join(demo, f));
  const whole = join(dir, 'whole.db');
  const ingest = (db: string) => ['ingest', '--threads', '1', '--db', db, ...inputs];
  assert.equal(spawnSync(process.execPath, [orbit, ...ingest(whole)], { encoding: 'utf8' }).status, 0);
  const total = articleCount(whole);

  const killed = join(dir, 'killed.db');
  const child = spawn(process.execPath, [orbit, ...ingest(killed)], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // kill it once some articles are saved and before all are
  for (let waited = 0; articleCount(killed) < 2 && waited < 60_000; waited += 20) await sleep(20);
  child.kill('SIGKILL');
  await exited;
  const before = articleCount(killed);
  assert.ok(before >= 2 && before < total, `killed after ${before} of ${total} articles`);

  const again = spawnSync(process.execPath, [orbit, ...ingest(killed)], { encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`unchanged ${before}\\b`));
  assert.deepEqual(storeRows(killed), storeRows(whole));
});
