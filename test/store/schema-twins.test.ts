// The PostgreSQL schema is the SQLite one's twin (migrations-postgres.ts): the same steps, and, once
// applied, the same tables with the same columns (PostgreSQL's seq columns standing for SQLite's
// rowid, SQLite's FTS5 tables for PostgreSQL's GIN indexes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/migrations-postgres.js';
import { openStore } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';

const PG = process.env.ORBIT_TEST_PG;

test('both schemas have the same steps, numbered and named alike', () => {
  assert.deepEqual(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name]), MIGRATIONS.map((m) => [m.version, m.name]));
});

test('applied, both schemas have the same tables and columns', { skip: PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)' }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'orbit-twins-')), 'twin.db');
  await (await openStore(file)).close();
  const db = new Database(file, { readonly: true });
  const sqliteTables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  const sqlite = Object.fromEntries(sqliteTables.sort().map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name).sort()]));
  db.close();

  await resetPostgres(PG!);
  await (await openStore(PG!)).close();
  const pool = new pg.Pool({ connectionString: PG, max: 1 });
  const { rows } = await pool.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
  );
  await pool.end();
  const postgres: Record<string, string[]> = {};
  for (const { table_name: table, column_name: column } of rows) {
    if (column === 'seq' && ['mentions', 'events', 'relations'].includes(table)) continue; // SQLite's rowid
    (postgres[table] ??= []).push(column);
  }
  for (const columns of Object.values(postgres)) columns.sort();
  assert.deepEqual(Object.fromEntries(Object.entries(postgres).sort(([a], [b]) => a.localeCompare(b))), sqlite);
});
