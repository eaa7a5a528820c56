// One asynchronous interface over the two databases the store runs on: embedded SQLite (the default,
// better-sqlite3, synchronous underneath) and PostgreSQL (node-postgres, for teams). Queries are
// written once with @named parameters; what differs between the two (full-text search, JSON
// aggregation, row order) is asked of the dialect (dialect.ts).
import type { Dialect } from './dialect.js';

export type Params = Record<string, unknown>;

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

/** `WHERE a AND b`, or nothing when there are no conditions. */
export function where(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export function pageBounds(options: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  return { limit, offset };
}
