// Actor queries: search by name or alias, and one actor's profile (aliases, relations, event counts).
// The analysts' judgements apply: the counts leave out claims marked wrong, an actor kept counts those
// merged into it, and a counterpart merged into another is shown as the one kept.
import type { ActorKind, EventType, IsoDate, RelationType } from '../model/types.js';
import { toneSql } from './buckets.js';
import { TIE_MODALITIES } from './graph.js';
import type { Params, Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { ActorDetail, ActorRef, ActorRole, ActorSummary, Counterpart, DateWindow, RelationLink, RoleHolding } from './types.js';
import { dateInWindow, windowParams } from './window.js';
import { actorMerges, addedAliases, NOT_JUDGED_WRONG, type ActorMerges } from './judgements.js';
import { keptActorSql } from './views-filter.js';

const COUNTERPARTS = 10;

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
  (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = x.id AND ${NOT_JUDGED_WRONG('ea.event_id')}) AS event_count`;

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
  const d = sql.dialect;
  /** @ids: the actor and those analysts merged into it, whose mentions, events and relations count as its. */
  const ids = (group: string[]) => ({ ids: d.idList(group) });

  /** Mentions and events of the group, for the kept actor's summary. */
  async function groupCounts(group: string[]): Promise<{ mentionCount: number; eventCount: number }> {
    const row = (await sql.get<{ m: number | string; e: number | string }>(
      `SELECT (SELECT COUNT(*) FROM mentions m WHERE ${d.inList('m.actor_id', 'ids')}) AS m,
         (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ${d.inList('ea.actor_id', 'ids')} AND ${NOT_JUDGED_WRONG('ea.event_id')}) AS e`,
      ids(group),
    ))!;
    return { mentionCount: Number(row.m), eventCount: Number(row.e) };
  }

  /** Search hits with merges applied: a merged actor's hit is its kept actor's, once, counted with its group. */
  async function keptSummaries(rows: ActorSqlRow[], merges: ActorMerges, limit: number): Promise<ActorSummary[]> {
    const out: ActorSummary[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const kept = merges.resolve(row.id);
      if (seen.has(kept)) continue;
      seen.add(kept);
      const keptRow = kept === row.id ? row
        : await sql.get<ActorSqlRow>(`SELECT ${ACTOR_SUMMARY_COLUMNS} FROM actors x WHERE x.id = @kept`, { kept });
      if (!keptRow) continue;
      const group = merges.group(kept);
      out.push({ ...toActorSummary(keptRow), ...(group.length > 1 ? await groupCounts(group) : {}) });
    }
    return out.slice(0, limit);
  }

  /** Actors whose name, alias or id contains what was typed, exact matches first, then the most mentioned. */
  async function searchActors(q = '', limit = 20, window: DateWindow = {}): Promise<ActorSummary[]> {
    const key = searchKey(q);
    // with a window, only actors mentioned in an article published in it (the counts stay all-time)
    const dated = dateInWindow('a.published_at', window);
    const inWindow = dated.length
      ? `(EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = x.id AND ${dated.join(' AND ')}))`
      : null;
    const wp = windowParams(window);
    const merges = await actorMerges(sql);
    // merged actors' hits turn into their kept actors', so ask for a few more
    if (merges.size) limit += merges.size;
    const rows = key
      ? await sql.all<ActorSqlRow>(
          `SELECT ${ACTOR_SUMMARY_COLUMNS},
             (x.search_key = @key OR x.id = @q
              OR EXISTS (SELECT 1 FROM aliases al WHERE al.actor_id = x.id AND al.search_key = @key)
              OR EXISTS (SELECT 1 FROM judgements j WHERE j.actor_id = x.id AND j.kind = 'alias' AND j.undone_at IS NULL AND j.search_key = @key)) AS exact
           FROM actors x
           WHERE (x.search_key LIKE @pattern OR x.id = @q
              OR x.id IN (SELECT actor_id FROM aliases WHERE search_key LIKE @pattern)
              OR x.id IN (SELECT actor_id FROM judgements WHERE kind = 'alias' AND undone_at IS NULL AND search_key LIKE @pattern))${inWindow ? ` AND ${inWindow}` : ''}
           ORDER BY exact DESC, mention_count DESC, x.name LIMIT @limit`,
          { key, q, pattern: `%${key}%`, limit, ...wp },
        )
      : await sql.all<ActorSqlRow>(
          `SELECT ${ACTOR_SUMMARY_COLUMNS} FROM actors x ${inWindow ? `WHERE ${inWindow}` : ''} ORDER BY mention_count DESC, x.name LIMIT @limit`,
          { limit, ...wp },
        );
    return merges.size ? keptSummaries(rows, merges, limit - merges.size) : rows.map(toActorSummary);
  }

  /** The group's relations one way, the other end an analyst merged into another shown as the one kept. */
  async function relationLinks(group: string[], direction: 'out' | 'in', merges: ActorMerges): Promise<RelationLink[]> {
    const [self, other] = direction === 'out' ? ['source_id', 'target_id'] : ['target_id', 'source_id'];
    const params: Params = ids(group);
    const otherKept = keptActorSql(`r.${other}`, merges, params);
    const rows = await sql.all<{
      type: RelationType; other_id: string; other_name: string; other_kind: ActorKind; role: string | null;
      negated: number; valid_from: IsoDate | null; valid_to: IsoDate | null; count: number; evidence_ids: string;
    }>(
      `SELECT r.type, o.id AS other_id, o.name AS other_name, o.kind AS other_kind, r.role, r.negated,
         MIN(r.valid_from) AS valid_from, MAX(r.valid_to) AS valid_to, COUNT(*) AS count,
         ${sql.dialect.jsonArray('r.evidence_id', 'r.evidence_id')} AS evidence_ids
       FROM relations r JOIN actors o ON o.id = ${otherKept}
       WHERE ${d.inList(`r.${self}`, 'ids')} AND NOT ${d.inList(`r.${other}`, 'ids')} AND ${NOT_JUDGED_WRONG('r.id')}
       GROUP BY r.type, o.id, r.role, r.negated
       ORDER BY count DESC, r.type, o.name`,
      params,
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
    const merges = await actorMerges(sql);
    const group = merges.group(id);
    const members = group.length > 1
      ? await sql.all<{ id: string; name: string }>(`SELECT id, name FROM actors WHERE ${d.inList('id', 'ids')} AND id <> @id ORDER BY id`, { ...ids(group), id })
      : [];
    const judgementOf = new Map(merges.members(id).map((m) => [m.id, m.judgementId]));
    // the group's aliases, the merged actors' names, and the aliases analysts added
    const aliases = [...new Set([
      ...(await sql.all<{ alias: string }>(`SELECT alias FROM aliases WHERE ${d.inList('actor_id', 'ids')}`, ids(group))).map((a) => a.alias),
      ...members.map((m) => m.name),
      ...(await addedAliases(sql, group)),
    ])].sort();
    const seen = (await sql.get<{ articles: number; first: IsoDate | null; last: IsoDate | null }>(
      `SELECT COUNT(DISTINCT m.article_id) AS articles, MIN(a.published_at) AS first, MAX(a.published_at) AS last
       FROM mentions m JOIN articles a ON a.id = m.article_id WHERE ${d.inList('m.actor_id', 'ids')}`,
      ids(group),
    ))!;
    const eventCounts = await sql.all<{ type: EventType; asSource: number; asTarget: number }>(
      `SELECT e.type, SUM(CASE WHEN ea.role = 'source' THEN 1 ELSE 0 END) AS "asSource",
         SUM(CASE WHEN ea.role = 'target' THEN 1 ELSE 0 END) AS "asTarget"
       FROM event_actors ea JOIN events e ON e.id = ea.event_id
       WHERE ${d.inList('ea.actor_id', 'ids')} AND ${NOT_JUDGED_WRONG('e.id')} GROUP BY e.type ORDER BY COUNT(*) DESC, e.type`,
      ids(group),
    );
    return {
      ...toActorSummary(row),
      ...(group.length > 1 ? await groupCounts(group) : {}),
      mergedInto: merges.isMerged(id) ? merges.resolve(id) : null,
      merged: members.map((m) => ({ id: m.id, name: m.name, judgementId: judgementOf.get(m.id)! })),
      roles: await roles(id),
      eventsByYear: await sql.all<{ year: string; asSource: number; asTarget: number }>(
        `SELECT substr(e.effective_date, 1, 4) AS year, SUM(CASE WHEN ea.role = 'source' THEN 1 ELSE 0 END) AS "asSource",
           SUM(CASE WHEN ea.role = 'target' THEN 1 ELSE 0 END) AS "asTarget"
         FROM event_actors ea JOIN events e ON e.id = ea.event_id
         WHERE ${d.inList('ea.actor_id', 'ids')} AND ${NOT_JUDGED_WRONG('e.id')} AND e.effective_date IS NOT NULL GROUP BY substr(e.effective_date, 1, 4) ORDER BY year`,
        ids(group),
      ),
      counterparts: await counterparts(group),
      description: row.description,
      aliases,
      articleCount: seen.articles,
      firstSeen: seen.first,
      lastSeen: seen.last,
      eventCounts,
      relationsOut: await relationLinks(group, 'out', merges),
      relationsIn: await relationLinks(group, 'in', merges),
    };
  }

  /** The knowledge base's offices held by the actor, then the holds_role relations texts state of it. */
  async function roles(id: string): Promise<ActorRole[]> {
    const kb = await sql.all<{ role_id: string; title: string; of_id: string | null; of_name: string | null; of_kind: ActorRef['kind'] | null; valid_from: string | null; valid_to: string | null }>(
      `SELECT r.role_id, r.title, r.of_id, o.name AS of_name, o.kind AS of_kind, r.valid_from, r.valid_to
       FROM actor_roles r LEFT JOIN actors o ON o.id = r.of_id WHERE r.actor_id = @id`,
      { id },
    );
    const stated = await sql.all<{ role: string | null; title: string | null; target_id: string; of_name: string; of_kind: ActorRef['kind']; valid_from: string | null; valid_to: string | null; evidence_id: string }>(
      `SELECT r.role, (SELECT MIN(k.title) FROM actor_roles k WHERE k.role_id = r.role) AS title, r.target_id, o.name AS of_name, o.kind AS of_kind,
         COALESCE(r.valid_from, r.span_from) AS valid_from, COALESCE(r.valid_to, r.span_to) AS valid_to, r.evidence_id
       FROM relations r JOIN actors o ON o.id = r.target_id
       WHERE r.source_id = @id AND r.type = 'holds_role' AND r.negated = 0 AND ${NOT_JUDGED_WRONG('r.id')}`,
      { id },
    );
    const all: ActorRole[] = [
      ...kb.map((r) => ({
        roleId: r.role_id, title: r.title, of: r.of_id ? { id: r.of_id, name: r.of_name ?? r.of_id, kind: r.of_kind ?? 'other' } : null,
        from: r.valid_from, to: r.valid_to, source: 'kb' as const, evidenceId: null,
      })),
      ...stated.map((r) => ({
        roleId: r.role, title: r.title ?? r.role ?? 'office', of: { id: r.target_id, name: r.of_name, kind: r.of_kind },
        from: r.valid_from, to: r.valid_to, source: 'relation' as const, evidenceId: r.evidence_id,
      })),
    ];
    const key = (r: ActorRole) => r.from ?? r.to ?? '~';
    return all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  }

  /** The actors it shares most events with (drawing a tie), either direction, with their tones; merged ones as the actor kept. */
  async function counterparts(group: string[]): Promise<Counterpart[]> {
    const merges = await actorMerges(sql);
    const params: Params = { ...ids(group), modality: sql.dialect.idList(TIE_MODALITIES) };
    const other = keptActorSql('other.actor_id', merges, params);
    const rows = await sql.all<{ id: string; name: string; kind: ActorRef['kind']; events: number; cooperation: number; conflict: number }>(
      `SELECT o.id, o.name, o.kind, c.events, c.cooperation, c.conflict FROM (
         SELECT ${other} AS id, COUNT(DISTINCT e.id) AS events,
           COUNT(DISTINCT CASE WHEN ${toneSql('e')} = 'cooperation' THEN e.id END) AS cooperation,
           COUNT(DISTINCT CASE WHEN ${toneSql('e')} = 'conflict' THEN e.id END) AS conflict
         FROM event_actors me
         JOIN events e ON e.id = me.event_id
         JOIN event_actors other ON other.event_id = e.id AND other.role <> me.role
         WHERE ${d.inList('me.actor_id', 'ids')} AND NOT ${d.inList('other.actor_id', 'ids')} AND ${NOT_JUDGED_WRONG('e.id')} AND ${sql.dialect.inList('e.modality', 'modality')}
         GROUP BY ${other}) c
       JOIN actors o ON o.id = c.id
       ORDER BY c.events DESC, o.name LIMIT ${COUNTERPARTS}`,
      params,
    );
    return rows.map(({ events, cooperation, conflict, ...actor }) => ({ actor, events: Number(events), cooperation: Number(cooperation), conflict: Number(conflict) }));
  }

  /** Replaces the knowledge base's roles with these. */
  async function saveRoles(holdings: RoleHolding[]): Promise<void> {
    await sql.transaction(async (tx) => {
      await tx.run('DELETE FROM actor_roles');
      const positions = new Map<string, number>();
      for (const h of holdings) {
        const position = positions.get(h.roleId) ?? 0;
        positions.set(h.roleId, position + 1);
        await tx.run(
          `INSERT INTO actor_roles (role_id, position, title, of_id, actor_id, valid_from, valid_to)
           VALUES (@roleId, @position, @title, @of, @actorId, @from, @to)`,
          { ...h, position },
        );
      }
    });
  }

  return { searchActors, getActor, saveRoles };
}
