// Actor queries: search by name or alias, and one actor's profile (aliases, relations, event counts).
import type { ActorKind, EventType, IsoDate, RelationType } from '../model/types.js';
import type { Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { ActorDetail, ActorSummary, RelationLink } from './types.js';

const EVIDENCE_PER_LINK = 5;

interface ActorSqlRow {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  discovered: number;
  mention_count: number;
  event_count: number;
}

const ACTOR_SUMMARY_COLUMNS = `x.id, x.name, x.kind, x.country, x.discovered,
  (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = x.id) AS mention_count,
  (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = x.id) AS event_count`;

function toActorSummary(row: ActorSqlRow): ActorSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    discovered: row.discovered === 1,
    mentionCount: row.mention_count,
    eventCount: row.event_count,
  };
}

export function createActorQueries(sql: Sql) {
  /** Actors whose name, alias or id contains what was typed, exact matches first, then the most mentioned. */
  async function searchActors(q = '', limit = 20): Promise<ActorSummary[]> {
    const key = searchKey(q);
    const rows = key
      ? await sql.all<ActorSqlRow>(
          `SELECT ${ACTOR_SUMMARY_COLUMNS},
             (x.search_key = @key OR x.id = @q
              OR EXISTS (SELECT 1 FROM aliases al WHERE al.actor_id = x.id AND al.search_key = @key)) AS exact
           FROM actors x
           WHERE x.search_key LIKE @pattern OR x.id = @q
              OR x.id IN (SELECT actor_id FROM aliases WHERE search_key LIKE @pattern)
           ORDER BY exact DESC, mention_count DESC, x.name LIMIT @limit`,
          { key, q, pattern: `%${key}%`, limit },
        )
      : await sql.all<ActorSqlRow>(
          `SELECT ${ACTOR_SUMMARY_COLUMNS} FROM actors x ORDER BY mention_count DESC, x.name LIMIT @limit`,
          { limit },
        );
    return rows.map(toActorSummary);
  }

  async function relationLinks(id: string, direction: 'out' | 'in'): Promise<RelationLink[]> {
    const [self, other] = direction === 'out' ? ['source_id', 'target_id'] : ['target_id', 'source_id'];
    const rows = await sql.all<{
      type: RelationType; other_id: string; other_name: string; other_kind: ActorKind; role: string | null;
      negated: number; valid_from: IsoDate | null; valid_to: IsoDate | null; count: number; evidence_ids: string;
    }>(
      `SELECT r.type, o.id AS other_id, o.name AS other_name, o.kind AS other_kind, r.role, r.negated,
         MIN(r.valid_from) AS valid_from, MAX(r.valid_to) AS valid_to, COUNT(*) AS count,
         ${sql.dialect.jsonArray('r.evidence_id', 'r.evidence_id')} AS evidence_ids
       FROM relations r JOIN actors o ON o.id = r.${other}
       WHERE r.${self} = @id
       GROUP BY r.type, o.id, r.role, r.negated
       ORDER BY count DESC, r.type, o.name`,
      { id },
    );
    return rows.map((row) => ({
      type: row.type,
      actor: { id: row.other_id, name: row.other_name, kind: row.other_kind },
      role: row.role,
      negated: row.negated === 1,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      count: row.count,
      evidenceIds: (JSON.parse(row.evidence_ids) as string[]).slice(0, EVIDENCE_PER_LINK),
    }));
  }

  async function getActor(id: string): Promise<ActorDetail | null> {
    const row = await sql.get<ActorSqlRow & { description: string | null }>(
      `SELECT ${ACTOR_SUMMARY_COLUMNS}, x.description FROM actors x WHERE x.id = @id`, { id },
    );
    if (!row) return null;
    const aliases = (await sql.all<{ alias: string }>('SELECT alias FROM aliases WHERE actor_id = @id ORDER BY alias', { id }))
      .map((a) => a.alias);
    const seen = (await sql.get<{ articles: number; first: IsoDate | null; last: IsoDate | null }>(
      `SELECT COUNT(DISTINCT m.article_id) AS articles, MIN(a.published_at) AS first, MAX(a.published_at) AS last
       FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = @id`,
      { id },
    ))!;
    const eventCounts = await sql.all<{ type: EventType; asSource: number; asTarget: number }>(
      `SELECT e.type, SUM(CASE WHEN ea.role = 'source' THEN 1 ELSE 0 END) AS "asSource",
         SUM(CASE WHEN ea.role = 'target' THEN 1 ELSE 0 END) AS "asTarget"
       FROM event_actors ea JOIN events e ON e.id = ea.event_id
       WHERE ea.actor_id = @id GROUP BY e.type ORDER BY COUNT(*) DESC, e.type`,
      { id },
    );
    return {
      ...toActorSummary(row),
      description: row.description,
      aliases,
      articleCount: seen.articles,
      firstSeen: seen.first,
      lastSeen: seen.last,
      eventCounts,
      relationsOut: await relationLinks(id, 'out'),
      relationsIn: await relationLinks(id, 'in'),
    };
  }

  return { searchActors, getActor };
}
