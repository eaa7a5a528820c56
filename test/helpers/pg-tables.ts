// Every table of a PostgreSQL store as sorted rows, in the same form as store-tables.ts gives a
// SQLite store's: PostgreSQL's own `seq` columns (SQLite's rowid) and the ingest time left out.
import pg from 'pg';
import { STORE_TABLES } from './store-tables.js';

const OWN_COLUMNS = new Set(['ingested_at']);
const PG_ONLY = new Set(['mentions', 'events', 'relations']); // seq stands for SQLite's hidden rowid there

export async function pgStoreRows(url: string): Promise<Record<string, string[]>> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const rows: Record<string, string[]> = {};
    for (const table of STORE_TABLES) {
      const result = await pool.query(`SELECT * FROM ${table}`);
      rows[table] = result.rows.map((row: Record<string, unknown>) => {
        for (const column of OWN_COLUMNS) delete row[column];
        if (PG_ONLY.has(table)) delete row.seq;
        // int8 seq of articles and evidence: a number, as SQLite gives it
        if (typeof row.seq === 'string') row.seq = Number(row.seq);
        return JSON.stringify(row);
      }).sort();
    }
    return rows;
  } finally {
    await pool.end();
  }
}
