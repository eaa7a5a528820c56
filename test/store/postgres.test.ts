// The same inputs give the same stored result on SQLite and on PostgreSQL: the demo ingested into both
// by the CLI, every table compared. Needs $ORBIT_TEST_PG (.ci/run starts a throw-away cluster).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { createServer } from '../../src/server/index.js';
import { storeRows } from '../helpers/store-tables.js';
import { pgStoreRows } from '../helpers/pg-tables.js';

const PG = process.env.ORBIT_TEST_PG;
const skip = PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)';
const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
const demo = fileURLToPath(new URL('../../../corpus/demo', import.meta.url));

test('the demo ingested into SQLite and into PostgreSQL gives the same rows in every table', { skip }, async () => {
  const url = PG!;
  await resetPostgres(url);
  const dir = mkdtempSync(join(tmpdir(), 'orbit-pg-'));
  const inputs = readdirSync(demo).sort().map((f) => join(demo, f));
  const ingest = (db: string) => spawnSync(process.execPath, [orbit, 'ingest', '--threads', '1', '--db', db, ...inputs], { encoding: 'utf8' });
  const file = join(dir, 'demo.db');
  assert.equal(ingest(file).status, 0);
  const first = ingest(url);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /orbit ingest → postgres:\/\/.*\n/);
  const sqliteRows = storeRows(file);
  const pgRows = await pgStoreRows(url);
  for (const table of Object.keys(sqliteRows)) {
    assert.ok(sqliteRows[table].length > 0 || table === 'messages', `${table} has rows`);
    assert.deepEqual(pgRows[table], sqliteRows[table], `table ${table}`);
  }

  // a second run stores nothing twice
  const again = ingest(url);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /new 0, updated 0, unchanged \d+/);
  assert.deepEqual(await pgStoreRows(url), pgRows);

  // the API answers the same from either store
  const answers: unknown[] = [];
  for (const location of [file, url]) {
    const store = await openStore(location);
    const server = createServer(store, { log: () => {} });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // the time of ingest is the one thing the two runs differ in
    const get = async (path: string) => JSON.parse(await (await fetch(base + path)).text(), (key, value) => (key === 'ingestedAt' ? undefined : value));
    answers.push({
      health: await get('/api/health'),
      events: await get('/api/events?limit=20&from=2020'),
      actor: await get('/api/actors/kataib-hezbollah'),
      graph: await get('/api/graph'),
      articles: await get('/api/articles?actor=iran&limit=5'),
    });
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  }
  assert.deepEqual(answers[1], answers[0]);
});

test('a PostgreSQL store that cannot be reached is a clear error naming it without its password', { skip: false }, async () => {
  await assert.rejects(
    openStore('postgres://orbit:secret@127.0.0.1:1/nowhere'),
    (error: Error) => /^cannot open the store postgres:\/\/orbit:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/.test(error.message) && !error.message.includes('secret'),
  );
});
