// Prepared statements are compiled once per SQL text and reused: queries with optional filters
// produce a handful of distinct texts, so the cache stays small.
import type Database from 'better-sqlite3';

export type Params = Record<string, unknown>;

export class Sql {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(sql: string, params: Params = {}): T[] {
    return this.statement(sql).all(params) as T[];
  }

  get<T>(sql: string, params: Params = {}): T | undefined {
    return this.statement(sql).get(params) as T | undefined;
  }

  run(sql: string, params: Params = {}): Database.RunResult {
    return this.statement(sql).run(params);
  }
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
