// A cheap version of what the views' caches hold: it moves when an article is added, removed or saved
// again (its evidence rows are replaced, so their keys move on), and when a judgement is made or
// undone. The same idea as graph-index.ts's storeVersion, kept apart so the two caches can change
// independently.
import type { Sql } from './sql.js';

export async function viewsVersion(sql: Sql): Promise<string> {
  return JSON.stringify([
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n FROM articles'),
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n FROM evidence'),
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n, COUNT(undone_at) AS u FROM judgements'),
  ]);
}
