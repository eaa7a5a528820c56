import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/index.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-migrate-'));
  dirs.push(dir);
  return join(dir, 'orbit.db');
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('versions are numbered 1, 2, 3 ... in order', async () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
});

test('a new store gets every step once', async () => {
  const file = tempFile();
  await (await openStore(file)).close();
  const db = new Database(file);
  assert.equal(schemaVersion(db), MIGRATIONS.length);
  assert.deepEqual(migrate(db), []);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n, MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('opening an older store upgrades it and indexes what it held', async () => {
  const file = tempFile();
  const db = new Database(file);
  migrate(db, MIGRATIONS.slice(0, 1));
  db.prepare(
    `INSERT INTO articles (id, source_uri, source_index, title, text, content_hash, ingested_at)
     VALUES ('old', 'old.txt', 0, 'Written before search', 'Badr and the Sadrists met in Karbala.', 'x', '2024-01-01')`,
  ).run();
  db.close();

  const store = await openStore(file);
  assert.deepEqual((await store.search('karbala')).articles.map((a) => a.id), ['old']);
  await store.close();
  const reopened = new Database(file);
  assert.equal(schemaVersion(reopened), MIGRATIONS.length);
  reopened.close();
});

test('a failing step leaves the database as it was', async () => {
  const db = new Database(':memory:');
  const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM missing;' }];
  assert.throws(() => migrate(db, broken), /missing/);
  assert.equal(schemaVersion(db), 0);
  const left = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name IN ('articles', 'half')").get() as { n: number };
  assert.equal(left.n, 0);
  db.close();
});

test('a store written by a newer Orbit is refused by name', async () => {
  const file = tempFile();
  await (await openStore(file)).close();
  const db = new Database(file);
  db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2099-01-01')").run();
  db.close();
  await assert.rejects(openStore(file), (error: Error) => error.message.includes(file) && /version 99/.test(error.message));
});

test('a store made with version 8 but not 7 (7 was released after 8) gets 7 on opening', async () => {
  const file = tempFile();
  const db = new Database(file);
  migrate(db, MIGRATIONS.filter((m) => m.version !== 7));
  assert.equal((db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'judgements'").get() as { n: number }).n, 0);
  assert.deepEqual(migrate(db), [7]);
  assert.equal((db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'judgements'").get() as { n: number }).n, 1);
  assert.deepEqual(migrate(db), []);
  db.close();
});
