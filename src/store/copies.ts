// Which articles copy another (syndicated, re-posted or spun copies, found at ingest): what the
// analyses that read claims through the event and relation lists need to count each story once.
import type { Sql } from './sql.js';

export interface ArticleCopy {
  id: string;
  /** The article it copies, as ingest linked them. */
  duplicateOf: string;
}

/** The copies among `articleIds`, each with the article it copies; the others are originals. */
export function createCopyQuery(sql: Sql) {
  return async function copiesAmong(articleIds: string[]): Promise<ArticleCopy[]> {
    const found: ArticleCopy[] = [];
    // in slices, so a large window's ids never make one huge parameter
    for (let i = 0; i < articleIds.length; i += 5000) {
      found.push(...await sql.all<ArticleCopy>(
        `SELECT id, duplicate_of AS "duplicateOf" FROM articles
         WHERE duplicate_of IS NOT NULL AND ${sql.dialect.inList('id', 'ids')} ORDER BY id`,
        { ids: sql.dialect.idList(articleIds.slice(i, i + 5000)) },
      ));
    }
    return found;
  };
}
