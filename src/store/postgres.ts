// The store on PostgreSQL, for a team sharing one ingest: node-postgres with a pool. The queries are
// the SQLite store's (@named parameters become $1, $2 ... here), the schema its twin
// (migrations-postgres.ts), applied under an advisory lock so workers starting together migrate once.
import pg from 'pg';
import { POSTGRES } from './dialect.js';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.js';
import type { Migration } from './migrations.js';
import type { Params, Sql } from './sql.js';

// COUNT(*) and SUM give int8, which node-postgres returns as strings: counts here fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

interface Compiled {
  text: string;
  names: string[];
}

const compiled = new Map<string, Compiled>();

/** `@name` to `$n`, each name numbered once (the queries hold no '@' in strings or comments). */
export function compile(sql: string): Compiled {
  let c = compiled.get(sql);
  if (!c) {
    const names: string[] = [];
    const text = sql.replace(/@([A-Za-z_]\w*)/g, (_, name: string) => {
      let i = names.indexOf(name);
      if (i < 0) i = names.push(name) - 1;
      return `$${i + 1}`;
    });
    compiled.set(sql, (c = { text, names }));
  }
  return c;
}

type Queryable = pg.Pool | pg.PoolClient;

function sqlOn(client: Queryable, transaction: (work: (tx: Sql) => Promise<unknown>) => Promise<unknown>): Sql {
  const query = async <T>(sql: string, params: Params = {}) => {
    const { text, names } = compile(sql);
    const values = names.map((name) => {
      if (!(name in params)) throw new Error(`no value for @${name} in: ${sql.slice(0, 80)}`);
      return params[name];
    });
    return client.query(text, values) as unknown as Promise<pg.QueryResult<T & pg.QueryResultRow>>;
  };
  return {
    dialect: POSTGRES,
    all: async <T>(sql: string, params?: Params) => (await query<T>(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: Params) => (await query<T>(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: Params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    transaction: transaction as Sql['transaction'],
  };
}

export interface PostgresDb extends Sql {
  readonly location: string;
  iterate<T>(sql: string, params?: Params, pageSize?: number): AsyncIterable<T>;
  close(): Promise<void>;
}

function explain(url: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`cannot open the store ${redactUrl(url)}: ${reason}`);
}

export async function openPostgres(url: string): Promise<PostgresDb> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // an idle client losing its server (a restart) must not crash the process; the next query reconnects
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw explain(url, error);
  }
  const transaction = async <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // a connection cut while checked out (a server restart) emits 'error' on the client: its query
    // rejects too, which is what fails the save; without a listener the process would crash
    let broken = false;
    const ignore = () => void (broken = true);
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      const tx = sqlOn(client, () => Promise.reject(new Error('transactions do not nest')));
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.off('error', ignore);
      client.release(broken); // a cut connection is dropped, not pooled
    }
  };
  const base = sqlOn(pool, transaction as (work: (tx: Sql) => Promise<unknown>) => Promise<unknown>);
  return {
    ...base,
    location: redactUrl(url),
    // keyset pages over an ordered query ending in `ORDER BY seq`: bounded memory on any size of table
    async *iterate<T>(sql: string, params: Params = {}, pageSize = 500) {
      for (let offset = 0; ; offset += pageSize) {
        const rows = await base.all<T>(`${sql} LIMIT ${pageSize} OFFSET ${offset}`, params);
        yield* rows;
        if (rows.length < pageSize) return;
      }
    },
    close: () => pool.end(),
  };
}

/** Applies the steps the database has not seen, in one transaction, once however many start at once. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const ignore = () => {};
  client.on('error', ignore);
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('orbit schema'))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0].version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) throw new Error(`its schema is version ${current}, newer than this Orbit knows (${latest}); upgrade Orbit`);
    // every step not recorded (see migrate.ts: version 7 came after 8)
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const step of pending) {
      await client.query(step.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [step.version, step.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
    return pending.map((m) => m.version);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.off('error', ignore);
    client.release();
  }
}

/** Drops every Orbit table of a database (tests and benchmarks start from nothing). */
export async function resetPostgres(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`DROP TABLE IF EXISTS judgements, actor_roles, messages, relations, event_retellings, event_actors, events, evidence, mentions, aliases, actors, articles, schema_migrations CASCADE`);
  } finally {
    await pool.end();
  }
}
