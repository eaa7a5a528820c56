// Pages of events and relations, filtered by actor, type, text and date window, newest first. The
// app's filters read as in every view (src/store/views-filter.ts): with only relation types ticked the
// event list is empty (and the relation list with only event types), and the search narrows as it
// narrows the network. Rows name the actor kept where an analyst merged one into another, and carry
// the judgement on them (the app strikes wrong ones through; the views leave them out).
import { eventSelect, RELATION_SELECT, toEventRow, toRelationRow, type EventSqlRow, type RelationSqlRow } from './rows.js';
import { pageBounds, where, type Params, type Sql } from './sql.js';
import type { EventQuery, EventRow, JudgementRef, Page, RelationQuery, RelationRow } from './types.js';
import { dateInWindow, spanInWindow, windowParams } from './window.js';
import { actorMerges, wrongClaimRefs } from './judgements.js';
import { RELATION_TYPES, type RelationType } from '../model/types.js';
import { eventTypesOf, searchScope } from './views-filter.js';
import { keptClaimRows } from './views-merged.js';

const EVENT_ORDER = 'ORDER BY e.effective_date IS NULL, e.effective_date DESC, ev.start, e.id';
const RELATION_ORDER = 'ORDER BY a.published_at IS NULL, a.published_at DESC, ev.start, r.id';

// Each page is chosen by id first, so the names and sentences are looked up for its rows only.

export function createClaimQueries(sql: Sql) {
  const d = sql.dialect;

  /** Actor filters name the actor and those merged into it (analysts' merges): @actor etc. become id lists. */
  async function actorGroups(query: { actor?: string; source?: string; target?: string }, params: Params): Promise<void> {
    const merges = await actorMerges(sql);
    for (const key of ['actor', 'source', 'target'] as const) {
      const id = query[key];
      if (id) params[key] = d.idList(merges.group(merges.resolve(id)));
    }
  }

  /** Each row with the live claim_wrong judgement on it, or null: the app strikes it through. */
  async function withJudgements<T extends EventRow | RelationRow>(rows: T[]): Promise<(T & { judgement: JudgementRef | null })[]> {
    const refs = await wrongClaimRefs(sql, rows.map((r) => r.id));
    const kept = await keptClaimRows(sql, await actorMerges(sql), rows);
    return kept.map((r) => ({ ...r, judgement: refs.get(r.id) ?? null }));
  }

  async function listEvents(query: EventQuery = {}): Promise<Page<EventRow>> {
    const { limit, offset } = pageBounds(query);
    const params: Params = { ...windowParams(query), ...query, limit, offset };
    const conditions = dateInWindow('e.effective_date', query);
    const hasActor = (role: string | null, param: string) =>
      `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ${d.inList('ea.actor_id', param)}${role ? ` AND ea.role = '${role}'` : ''})`;
    await actorGroups(query, params);
    if (query.actor) conditions.push(hasActor(null, 'actor'));
    if (query.source) conditions.push(hasActor('source', 'source'));
    if (query.target) conditions.push(hasActor('target', 'target'));
    if (query.type) conditions.push('e.type = @type');
    // the app's filters and a map place's events (its ids) narrow the list like the views they came from
    const types = eventTypesOf(query.types);
    if (types && !types.length) return { total: 0, limit, offset, items: [] };
    if (types) (params.types = d.idList(types), conditions.push(d.inList('e.type', 'types')));
    if (query.modality?.length) (params.modality = d.idList(query.modality), conditions.push(d.inList('e.modality', 'modality')));
    if (query.ids) (params.ids = d.idList(query.ids), conditions.push(d.inList('e.id', 'ids')));
    if (query.q) {
      const scope = await searchScope(sql, query.q, await actorMerges(sql));
      if (scope.kind === 'nothing') return { total: 0, limit, offset, items: [] };
      if (scope.kind === 'actors') (params.searched = d.idList(scope.ids), conditions.push(`e.id IN (SELECT sa.event_id FROM event_actors sa WHERE ${d.inList('sa.actor_id', 'searched')})`));
      else (params.match = scope.match, conditions.push(d.evidenceMatches('ev')));
    }
    const matching = `FROM events e JOIN evidence ev ON ev.id = e.evidence_id ${where(conditions)}`;
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n ${matching}`, params))!.n;
    const rows = await sql.all<EventSqlRow>(
      `${eventSelect(d)} WHERE e.id IN (SELECT e.id ${matching} ${EVENT_ORDER} LIMIT @limit OFFSET @offset) ${EVENT_ORDER}`,
      params,
    );
    return { total, limit, offset, items: await withJudgements(rows.map(toEventRow)) };
  }

  async function listRelations(query: RelationQuery = {}): Promise<Page<RelationRow>> {
    const { limit, offset } = pageBounds(query);
    const params: Params = { ...windowParams(query), ...query, limit, offset };
    const conditions = spanInWindow('r.span_from', 'r.span_to', query);
    await actorGroups(query, params);
    if (query.actor) conditions.push(`(${d.inList('r.source_id', 'actor')} OR ${d.inList('r.target_id', 'actor')})`);
    if (query.source) conditions.push(d.inList('r.source_id', 'source'));
    if (query.target) conditions.push(d.inList('r.target_id', 'target'));
    if (query.type) conditions.push('r.type = @type');
    if (query.types?.length) {
      const types = query.types.filter((t): t is RelationType => (RELATION_TYPES as readonly string[]).includes(t));
      if (!types.length) return { total: 0, limit, offset, items: [] };
      params.types = d.idList(types);
      conditions.push(d.inList('r.type', 'types'));
    }
    const filter = where(conditions);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM relations r ${filter}`, params))!.n;
    const rows = await sql.all<RelationSqlRow>(
      `${RELATION_SELECT} WHERE r.id IN (
         SELECT r.id FROM relations r JOIN articles a ON a.id = r.article_id JOIN evidence ev ON ev.id = r.evidence_id
         ${filter} ${RELATION_ORDER} LIMIT @limit OFFSET @offset)
       ${RELATION_ORDER}`,
      params,
    );
    return { total, limit, offset, items: await withJudgements(rows.map(toRelationRow)) };
  }

  return { listEvents, listRelations };
}
