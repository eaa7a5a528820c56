// How much the store holds, and the dates it covers (the web app's date window starts from them).
// Actors are those the stored articles mention or their claims name, not the whole knowledge base
// saved before ingesting (a 3-article store holds a handful, not every actor the KB knows).
import type { IsoDate } from '../model/types.js';
import type { Sql } from './sql.js';
import type { MessageCount, StoreStats } from './types.js';

/** The stored articles' messages grouped by rule id, most frequent first: what cleaning and extraction doubted most. */
export function createMessageCounts(sql: Sql) {
  return function messageCounts(): Promise<MessageCount[]> {
    return sql.all<MessageCount>(
      `SELECT id, severity, COUNT(*) AS count FROM messages GROUP BY id, severity ORDER BY count DESC, id`,
    );
  };
}

export function createStats(sql: Sql) {
  return async function stats(): Promise<StoreStats> {
    const counts = (await sql.get<Omit<StoreStats, 'firstDate' | 'lastDate'>>(
      `SELECT
         (SELECT COUNT(*) FROM articles) AS articles,
         (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
         (SELECT COUNT(*) FROM (SELECT actor_id FROM mentions UNION SELECT actor_id FROM event_actors
            UNION SELECT source_id FROM relations UNION SELECT target_id FROM relations) named) AS actors,
         (SELECT COUNT(*) FROM actors) AS "knowledgeBase",
         (SELECT COUNT(*) FROM mentions) AS mentions,
         (SELECT COUNT(*) FROM events) AS events,
         (SELECT COUNT(*) FROM relations) AS relations,
         (SELECT COUNT(*) FROM evidence) AS evidence`,
    ))!;
    // each MIN and MAX separately, so each is read off its date index; a malformed date is no bound
    const ok = (column: string) => sql.dialect.startsWithYear(column);
    const dates = (await sql.get<Record<'a' | 'b' | 'c' | 'd', IsoDate | null>>(
      `SELECT (SELECT MIN(published_at) FROM articles WHERE ${ok('published_at')}) AS a,
              (SELECT MIN(effective_date) FROM events WHERE ${ok('effective_date')}) AS b,
              (SELECT MAX(published_at) FROM articles WHERE ${ok('published_at')}) AS c,
              (SELECT MAX(effective_date) FROM events WHERE ${ok('effective_date')}) AS d`,
    ))!;
    const known = (...values: (IsoDate | null)[]) => values.filter((v): v is IsoDate => v !== null).sort();
    return { ...counts, firstDate: known(dates.a, dates.b)[0] ?? null, lastDate: known(dates.c, dates.d).at(-1) ?? null };
  };
}
