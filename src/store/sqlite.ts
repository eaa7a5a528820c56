// The embedded database: one SQLite file (WAL, foreign keys on) through better-sqlite3. Its calls are
// synchronous; the Sql interface wraps them so the same queries serve PostgreSQL too.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE } from './dialect.js';
import { migrateSqlite } from './migrate.js';
import type { Params, Sql } from './sql.js';

/**
 * Makes the store's folder, one level at a time. Node's recursive mkdirSync loops forever on some
 * paths (under /proc it gets ENOENT for a folder it has just been told to make, and retries), which
 * made `orbit ingest --db /proc/nope/x.db` spin at 100% CPU instead of failing.
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is a file, not a folder`), { code: 'ENOTDIR' });
  for (const folder of missing) mkdirSync(folder);
}

function explain(file: string, error: unknown): Error {
  const code = (error as { code?: string }).code ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new Error(`${file} is not an Orbit store (not a SQLite database)`);
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code) || ['EACCES', 'EROFS', 'EPERM', 'ENOENT', 'ENOTDIR'].includes(code)) {
    return new Error(`cannot write the store ${file}: ${reason}`);
  }
  return new Error(`cannot open the store ${file}: ${reason}`);
}

export interface SqliteOptions {
  /** The most pages (4 KiB each) the file may grow to, as on a nearly full disk (SQLite max_page_count). */
  maxPages?: number;
}

export interface SqliteDb extends Sql {
  readonly location: string;
  /** Every row of a query, one at a time (to prime duplicate detection without holding them all). */
  iterate<T>(sql: string, params?: Params): AsyncIterable<T>;
  close(): Promise<void>;
}

export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDb {
  const path = file === ':memory:' ? file : resolve(file);
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') makeFolder(dirname(path));
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL makes NORMAL safe against corruption; only the last commits can be lost on power failure
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrateSqlite(db);
    if (options.maxPages) db.pragma(`max_page_count = ${Math.trunc(options.maxPages)}`);
  } catch (error) {
    db?.close();
    throw explain(file, error);
  }
  return sqliteDb(db, path);
}

function sqliteDb(db: Database.Database, location: string): SqliteDb {
  // Prepared statements are compiled once per SQL text and reused: queries with optional filters
  // produce a handful of distinct texts, so the cache stays small.
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  let inTransaction = false;
  const self: SqliteDb = {
    location,
    dialect: SQLITE,
    all: async <T>(sql: string, params: Params = {}) => statement(sql).all(params) as T[],
    get: async <T>(sql: string, params: Params = {}) => statement(sql).get(params) as T | undefined,
    run: async (sql: string, params: Params = {}) => ({ changes: statement(sql).run(params).changes }),
    async *iterate<T>(sql: string, params: Params = {}) {
      yield* statement(sql).iterate(params) as IterableIterator<T>;
    },
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      // One connection, one caller at a time: the work awaits only this database, whose calls
      // complete at once, so no other query can come in between BEGIN and COMMIT.
      if (inTransaction) throw new Error('transactions do not nest');
      inTransaction = true;
      statement('BEGIN IMMEDIATE').run();
      try {
        const result = await work(self);
        statement('COMMIT').run();
        return result;
      } catch (error) {
        if (db.inTransaction) statement('ROLLBACK').run();
        throw error;
      } finally {
        inTransaction = false;
      }
    },
    close: async () => void db.close(),
  };
  return self;
}
