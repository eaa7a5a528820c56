// Every table of a SQLite store as sorted rows (the ingest time left out): two stores hold the same
// result when these are equal.
import Database from 'better-sqlite3';

export const STORE_TABLES = ['articles', 'actors', 'aliases', 'mentions', 'evidence', 'events', 'event_actors', 'event_retellings', 'relations', 'messages'];

export function storeRows(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const rows: Record<string, string[]> = {};
    for (const table of STORE_TABLES) {
      rows[table] = db.prepare(`SELECT * FROM ${table}`).all().map((r) => {
        const row = r as Record<string, unknown>;
        delete row.ingested_at;
        return JSON.stringify(row);
      }).sort();
    }
    return rows;
  } finally {
    db.close();
  }
}

export function articleCount(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not made yet, or its schema not yet written
  }
}
