// Pages of events and relations, filtered by actor, type, text and date window, newest first.
import { eventSelect, RELATION_SELECT, toEventRow, toRelationRow, type EventSqlRow, type RelationSqlRow } from './rows.js';
import { pageBounds, where, type Params, type Sql } from './sql.js';
import type { EventQuery, EventRow, Page, RelationQuery, RelationRow } from './types.js';
import { dateInWindow, spanInWindow, windowParams } from './window.js';

const EVENT_ORDER = 'ORDER BY e.effective_date IS NULL, e.effective_date DESC, ev.start, e.id';
const RELATION_ORDER = 'ORDER BY a.published_at IS NULL, a.published_at DESC, ev.start, r.id';

// Each page is chosen by id first, so the names and sentences are looked up for its rows only.

export function createClaimQueries(sql: Sql) {
  const d = sql.dialect;
  async function listEvents(query: EventQuery = {}): Promise<Page<EventRow>> {
    const { limit, offset } = pageBounds(query);
    const params: Params = { ...windowParams(query), ...query, limit, offset };
    const conditions = dateInWindow('e.effective_date', query);
    const hasActor = (role: string | null, param: string) =>
      `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id = @${param}${role ? ` AND ea.role = '${role}'` : ''})`;
    if (query.actor) conditions.push(hasActor(null, 'actor'));
    if (query.source) conditions.push(hasActor('source', 'source'));
    if (query.target) conditions.push(hasActor('target', 'target'));
    if (query.type) conditions.push('e.type = @type');
    // the app's filters and a map place's events (its ids) narrow the list like the views they came from
    if (query.types?.length) (params.types = d.idList(query.types), conditions.push(d.inList('e.type', 'types')));
    if (query.modality?.length) (params.modality = d.idList(query.modality), conditions.push(d.inList('e.modality', 'modality')));
    if (query.ids) (params.ids = d.idList(query.ids), conditions.push(d.inList('e.id', 'ids')));
    if (query.q) {
      params.match = d.textQuery(query.q);
      if (!params.match) return { total: 0, limit, offset, items: [] };
      conditions.push(d.evidenceMatches('ev'));
    }
    const matching = `FROM events e JOIN evidence ev ON ev.id = e.evidence_id ${where(conditions)}`;
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n ${matching}`, params))!.n;
    const rows = await sql.all<EventSqlRow>(
      `${eventSelect(d)} WHERE e.id IN (SELECT e.id ${matching} ${EVENT_ORDER} LIMIT @limit OFFSET @offset) ${EVENT_ORDER}`,
      params,
    );
    return { total, limit, offset, items: rows.map(toEventRow) };
  }

  async function listRelations(query: RelationQuery = {}): Promise<Page<RelationRow>> {
    const { limit, offset } = pageBounds(query);
    const params: Params = { ...windowParams(query), ...query, limit, offset };
    const conditions = spanInWindow('r.span_from', 'r.span_to', query);
    if (query.actor) conditions.push('(r.source_id = @actor OR r.target_id = @actor)');
    if (query.source) conditions.push('r.source_id = @source');
    if (query.target) conditions.push('r.target_id = @target');
    if (query.type) conditions.push('r.type = @type');
    const filter = where(conditions);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM relations r ${filter}`, params))!.n;
    const rows = await sql.all<RelationSqlRow>(
      `${RELATION_SELECT} WHERE r.id IN (
         SELECT r.id FROM relations r JOIN articles a ON a.id = r.article_id JOIN evidence ev ON ev.id = r.evidence_id
         ${filter} ${RELATION_ORDER} LIMIT @limit OFFSET @offset)
       ${RELATION_ORDER}`,
      params,
    );
    return { total, limit, offset, items: rows.map(toRelationRow) };
  }

  return { listEvents, listRelations };
}
