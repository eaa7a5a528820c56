// How much the store holds, and the dates it covers (the web app's date window starts from them).
import type { Sql } from './sql.js';
import type { StoreStats } from './types.js';

export function createStats(sql: Sql) {
  return function stats(): StoreStats {
    return sql.get<StoreStats>(
      `SELECT
         (SELECT COUNT(*) FROM articles) AS articles,
         (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
         (SELECT COUNT(*) FROM actors) AS actors,
         (SELECT COUNT(*) FROM mentions) AS mentions,
         (SELECT COUNT(*) FROM events) AS events,
         (SELECT COUNT(*) FROM relations) AS relations,
         (SELECT COUNT(*) FROM evidence) AS evidence,
         (SELECT MIN(d) FROM (SELECT published_at AS d FROM articles UNION ALL SELECT effective_date FROM events)) AS firstDate,
         (SELECT MAX(d) FROM (SELECT published_at AS d FROM articles UNION ALL SELECT effective_date FROM events)) AS lastDate`,
    )!;
  };
}
