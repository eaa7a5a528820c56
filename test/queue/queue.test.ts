// The shared ingest (issue 10): `orbit ingest --queue` enqueues, `orbit worker`s on a PostgreSQL
// store read and save. Two workers store what one machine would; a worker killed mid-batch leaves
// the batch to be retried, and nothing is lost or stored twice. Needs $ORBIT_TEST_PG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { resetPostgres } from '../../src/store/postgres.js';
import { storeRows } from '../helpers/store-tables.js';
import { pgStoreRows } from '../helpers/pg-tables.js';

const PG = process.env.ORBIT_TEST_PG;
const skip = PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)';
const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
const demo = fileURLToPath(new URL('../../../corpus/demo', import.meta.url));
const inputs = readdirSync(demo).sort().slice(0, 20).map((f) => join(demo, f));

const cli = (args: string[]) => spawnSync(process.execPath, [orbit, ...args], { encoding: 'utf8' });
const worker = (url: string) => spawn(process.execPath, [orbit, 'worker', '--db', url, '--exit-when-idle', '--check-every', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
const finished = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

async function freshQueue(url: string): Promise<void> {
  await resetPostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await pool.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  await pool.end();
}

/** Rows without the insertion-order column: workers save batches in whichever order they finish. */
const unordered = (rows: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.map((r) => { const o = JSON.parse(r); delete o.seq; return JSON.stringify(o); }).sort()]));

let expected: Record<string, string[]> | null = null;
function sqliteResult(): Record<string, string[]> {
  if (!expected) {
    const file = join(mkdtempSync(join(tmpdir(), 'orbit-queue-')), 'one.db');
    assert.equal(cli(['ingest', '--threads', '1', '--db', file, ...inputs]).status, 0);
    expected = unordered(storeRows(file));
  }
  return expected;
}

test('ingest --queue and two workers store exactly what one machine does', { skip }, async () => {
  const url = PG!;
  await freshQueue(url);
  const enqueued = cli(['ingest', '--queue', '--db', url, ...inputs]);
  assert.equal(enqueued.status, 0, enqueued.stderr);
  assert.match(enqueued.stdout, /enqueued\s+\d+ articles in \d+ batches/);
  const status = cli(['status', '--db', url, '--json']);
  assert.equal(JSON.parse(status.stdout).articles, 0, 'nothing is saved before a worker runs');
  assert.ok(JSON.parse(status.stdout).queue.waiting > 1);

  const [a, b] = [worker(url), worker(url)];
  assert.deepEqual(await Promise.all([finished(a), finished(b)]), [0, 0]);
  assert.deepEqual(unordered(await pgStoreRows(url)), sqliteResult());
  const after = JSON.parse(cli(['status', '--db', url, '--json']).stdout);
  assert.deepEqual([after.queue.waiting, after.queue.active, after.queue.failed], [0, 0, 0]);
});

test('a worker killed mid-batch: its batch is retried by another, nothing lost, nothing twice', { skip }, async () => {
  const url = PG!;
  await freshQueue(url);
  assert.equal(cli(['ingest', '--queue', '--job-timeout', '3', '--db', url, ...inputs]).status, 0);
  const doomed = worker(url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const saved = async () => (await pool.query('SELECT COUNT(*)::int AS n FROM articles')).rows[0].n as number;
  // kill it once it has saved part of its first batch
  for (let waited = 0; (await saved()) < 2 && waited < 60_000; waited += 50) await sleep(50);
  doomed.kill('SIGKILL');
  await finished(doomed);
  const before = await saved();
  assert.ok(before >= 2, `${before} articles saved before the kill`);
  await pool.end();

  const rescuer = worker(url);
  assert.equal(await finished(rescuer), 0);
  assert.deepEqual(unordered(await pgStoreRows(url)), sqliteResult());
});

test('PostgreSQL dropping every connection under a running worker: it reconnects, retries and finishes', { skip }, async () => {
  const url = PG!;
  await freshQueue(url);
  assert.equal(cli(['ingest', '--queue', '--job-timeout', '5', '--db', url, ...inputs]).status, 0);
  const running = worker(url);
  let stderr = '';
  running.stderr!.on('data', (chunk) => (stderr += chunk));
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const saved = async () => (await pool.query('SELECT COUNT(*)::int AS n FROM articles')).rows[0].n as number;
  for (let waited = 0; (await saved()) < 2 && waited < 60_000; waited += 50) await sleep(50);
  // what a server restart does to its clients: every other connection to the database is cut
  const cut = await pool.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  assert.ok(cut.rowCount! >= 1, 'the worker had connections to cut');
  await pool.end();
  assert.equal(await finished(running), 0, stderr);
  assert.deepEqual(unordered(await pgStoreRows(url)), sqliteResult());
});
