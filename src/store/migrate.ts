// Brings a database up to the latest schema: every step it has not seen, in order, in one transaction,
// so a failed upgrade leaves the database as it was.
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export function schemaVersion(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/** Applies the pending steps; returns the versions applied. */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`its schema is version ${current}, newer than this Orbit knows (${latest}); upgrade Orbit`);
  }
  // every step not recorded, not only those above the newest: version 7 was released after 8, so a
  // store made between the two has 8 without 7
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length === 0) return [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const step of pending) {
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    }
  })();
  return pending.map((m) => m.version);
}

/** The name the tests and older code use. */
export const migrate = migrateSqlite;
