// The rows the network is built from, for one date window; analyze/graph.ts does the rest. The
// database aggregates the claims into edges (one row per kind, type and ordered pair), so a large
// store sends edges, not every claim. Only what the text asserts or reports as claimed makes an edge
// by default: negated, hypothetical and future events and negated relations stay in the event lists
// but draw no tie (`modality` asks for others). Articles that copy another count once: their mentions,
// events and relations are left out here (the lists still show them).
import { buildGraphFromEdges, type Graph, type GraphActorRow, type GraphEdgeRow } from '../analyze/graph.js';
import type { ActorKind, EventType, Modality, RelationType } from '../model/types.js';
import { EVENT_TYPES, RELATION_TYPES } from '../model/types.js';
import { RELATION_MODALITY } from './buckets.js';
import { where, type Params, type Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { DateWindow } from './types.js';
import { dateInWindow, spanInWindow, windowParams } from './window.js';
import { createGraphIndexCache, type GraphIndex } from './graph-index.js';
import { loadOntology } from '../core/ontology.js';

/** The modalities that draw an edge (models/ontology.yaml, `tie`). */
export const TIE_MODALITIES: Modality[] = loadOntology().modalities.filter((m) => m.tie).map((m) => m.id);

export interface GraphQuery extends DateWindow {
  maxNodes?: number;
  /** Of the edges between the kept nodes, the ones with most claims. */
  maxEdges?: number;
  /** Only actors of these kinds, and edges between them. */
  kinds?: ActorKind[];
  /** Event and relation types: only edges of these. */
  types?: (EventType | RelationType)[];
  /** Event modalities that draw an edge (default TIE_MODALITIES); a relation reads as RELATION_MODALITY says. */
  modality?: Modality[];
  /** Edges backed by fewer distinct evidence sentences are dropped. */
  minEvidence?: number;
  /**
   * Actors whose name or alias contains the text, and their edges (the other ends come along). When no
   * actor's name matches, the edges of claims whose evidence sentence matches the text instead.
   */
  q?: string;
  /** Ego network: this actor and at most `cap` neighbours (by claims shared with it), and the edges among them. */
  actor?: string;
  cap?: number;
}

export const DEFAULT_EGO_CAP = 25;

/** A filter on the edges' ends: every edge touching one of `ids`, or every edge with both ends in `ids`. */
type Ends = { ids: string[]; both: boolean } | null;

export interface GraphQueryOptions {
  /**
   * Aggregate in memory (src/store/graph-index.ts, default) or in SQL per request. Both give the same
   * graph; the SQL path stays for evidence-text search and to check the index against.
   */
  index?: boolean;
}

export function createGraphQuery(sql: Sql, options: GraphQueryOptions = {}) {
  const d = sql.dialect;
  const currentIndex = options.index === false ? null : createGraphIndexCache(sql);
  const list = (name: string, values: readonly string[]) => ({ [name]: d.idList([...values]) });

  /** The claims as aggregated edges, filtered by everything in the query but the node caps. */
  async function edgeRows(query: GraphQuery, ends: Ends, evidenceMatch: string | null, index: GraphIndex | null): Promise<GraphEdgeRow[]> {
    const params: Params = { ...windowParams(query), minEvidence: query.minEvidence ?? 1 };
    const modality = query.modality ?? TIE_MODALITIES;
    const eventTypes = query.types ? query.types.filter((t) => (EVENT_TYPES as readonly string[]).includes(t)) : null;
    const relationTypes = query.types ? query.types.filter((t) => (RELATION_TYPES as readonly string[]).includes(t)) : null;
    // The kinds filter both ends after aggregating: as a condition in the join (a subquery or an id list)
    // SQLite drove the join from the actor index and took 15 s on 100k events instead of 1.
    const kindIds = query.kinds
      ? new Set((await sql.all<{ id: string }>(`SELECT id FROM actors WHERE ${d.inList('kind', 'kinds')}`, list('kinds', query.kinds))).map((r) => r.id))
      : null;
    if (index && !evidenceMatch) {
      const relationNegated = [...(modality.includes(RELATION_MODALITY.stated) ? [0] : []), ...(modality.includes(RELATION_MODALITY.denied) ? [1] : [])];
      return index.edges({
        from: query.from, to: query.to, modality, eventTypes, relationTypes, negated: relationNegated,
        minEvidence: query.minEvidence ?? 1, kindIds, ends,
      });
    }
    const endConditions = (source: string, target: string): string[] => {
      const conditions: string[] = [];
      if (ends) {
        Object.assign(params, list('ends', ends.ids));
        conditions.push(ends.both
          ? `${d.inList(source, 'ends')} AND ${d.inList(target, 'ends')}`
          : `(${d.inList(source, 'ends')} OR ${d.inList(target, 'ends')})`);
      }
      return conditions;
    };
    if (evidenceMatch) params.match = evidenceMatch;
    const rows: GraphEdgeRow[] = [];
    type Aggregated = Omit<GraphEdgeRow, 'evidenceIds'> & { evidenceIds: string };

    if (!eventTypes || eventTypes.length) {
      Object.assign(params, list('modality', modality));
      if (eventTypes) Object.assign(params, list('eventTypes', eventTypes));
      const conditions = [
        d.inList('e.modality', 'modality'), 'a.duplicate_of IS NULL', ...dateInWindow('e.effective_date', query),
        ...(eventTypes ? [d.inList('e.type', 'eventTypes')] : []),
        ...endConditions('s.actor_id', 't.actor_id'),
        ...(evidenceMatch ? [`e.evidence_id IN (SELECT ev.id FROM evidence ev WHERE ${d.evidenceMatches('ev')})`] : []),
      ];
      const events = await sql.all<Aggregated>(
        `SELECT 'event' AS kind, e.type, s.actor_id AS "sourceId", t.actor_id AS "targetId", COUNT(*) AS count,
           COUNT(DISTINCT e.evidence_id) AS "evidenceCount", MIN(e.effective_date) AS first, MAX(e.effective_date) AS last,
           SUM(e.intensity) AS "intensitySum", COUNT(e.intensity) AS "intensityCount",
           ${d.jsonArray('e.evidence_id', 'e.effective_date DESC, e.evidence_id')} AS "evidenceIds"
         FROM events e
         JOIN articles a ON a.id = e.article_id
         JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
         JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
         ${where(conditions)}
         GROUP BY e.type, s.actor_id, t.actor_id
         HAVING COUNT(DISTINCT e.evidence_id) >= @minEvidence`,
        params,
      );
      for (const row of events) rows.push({ ...row, evidenceIds: JSON.parse(row.evidenceIds) as string[] });
    }

    const negated = [...(modality.includes(RELATION_MODALITY.stated) ? [0] : []), ...(modality.includes(RELATION_MODALITY.denied) ? [1] : [])];
    if ((!relationTypes || relationTypes.length) && negated.length) {
      if (relationTypes) Object.assign(params, list('relationTypes', relationTypes));
      const conditions = [
        `r.negated IN (${negated.join(', ')})`, 'a.duplicate_of IS NULL', ...spanInWindow('r.span_from', 'r.span_to', query),
        ...(relationTypes ? [d.inList('r.type', 'relationTypes')] : []),
        ...endConditions('r.source_id', 'r.target_id'),
        ...(evidenceMatch ? [`r.evidence_id IN (SELECT ev.id FROM evidence ev WHERE ${d.evidenceMatches('ev')})`] : []),
      ];
      const relations = await sql.all<Aggregated>(
        `SELECT 'relation' AS kind, r.type, r.source_id AS "sourceId", r.target_id AS "targetId", COUNT(*) AS count,
           COUNT(DISTINCT r.evidence_id) AS "evidenceCount",
           MIN(COALESCE(r.span_from, r.span_to)) AS first, MAX(COALESCE(r.span_to, r.span_from)) AS last,
           NULL AS "intensitySum", 0 AS "intensityCount",
           ${d.jsonArray('r.evidence_id', 'COALESCE(r.span_to, r.span_from) DESC, r.evidence_id')} AS "evidenceIds"
         FROM relations r JOIN articles a ON a.id = r.article_id
         ${where(conditions)}
         GROUP BY r.type, r.source_id, r.target_id
         HAVING COUNT(DISTINCT r.evidence_id) >= @minEvidence`,
        params,
      );
      for (const row of relations) rows.push({ ...row, evidenceIds: JSON.parse(row.evidenceIds) as string[] });
    }
    return kindIds ? rows.filter((r) => kindIds.has(r.sourceId) && kindIds.has(r.targetId)) : rows;
  }

  /** Mentions in the window per actor (of the given ids, when given), as node weights. */
  async function actorRows(query: GraphQuery, ids: string[] | null, index: GraphIndex | null): Promise<GraphActorRow[]> {
    const known = ids ?? null;
    const actorConditions = [...(known ? [d.inList('id', 'ids')] : []), ...(query.kinds ? [d.inList('kind', 'kinds')] : [])];
    const actors = await sql.all<Omit<GraphActorRow, 'weight'>>(
      `SELECT id, name, kind, country FROM actors ${where(actorConditions)} ORDER BY id`,
      { ...(known ? { ids: d.idList(known) } : {}), ...(query.kinds ? { kinds: d.idList(query.kinds) } : {}) },
    );
    const weightOf = index ? index.weights(query) : await mentionCounts(query, ids);
    return actors.map((actor) => ({ ...actor, weight: weightOf(actor.id) }));
  }

  async function mentionCounts(query: GraphQuery, ids: string[] | null): Promise<(id: string) => number> {
    const params: Params = { ...windowParams(query) };
    const conditions = ['a.duplicate_of IS NULL', ...dateInWindow('a.published_at', query)];
    if (ids) {
      params.only = d.idList(ids);
      conditions.push(d.inList('m.actor_id', 'only'));
    }
    const weights = await sql.all<{ id: string; weight: number }>(
      `SELECT m.actor_id AS id, COUNT(*) AS weight
       FROM mentions m JOIN articles a ON a.id = m.article_id
       ${where(conditions)}
       GROUP BY m.actor_id`,
      params,
    );
    const weightOf = new Map(weights.map((w) => [w.id, Number(w.weight)]));
    return (id) => weightOf.get(id) ?? 0;
  }

  /** Ids of actors whose folded name or alias contains the folded text. */
  async function matchingActors(q: string): Promise<string[]> {
    const key = searchKey(q);
    if (!key) return [];
    const rows = await sql.all<{ id: string }>(
      `SELECT id FROM actors WHERE search_key LIKE @pattern OR id = @q
       UNION SELECT actor_id AS id FROM aliases WHERE search_key LIKE @pattern`,
      { pattern: `%${key}%`, q },
    );
    return rows.map((r) => r.id);
  }

  /**
   * The graph from the index's rows. buildGraphFromEdges makes an edge object (tone, id) of every row
   * before capping, about a second for the 70k rows of a whole 100k-event store; here the caps are
   * applied to the rows first, as assemble applies them to the edges, so it only builds what is kept.
   */
  function cappedGraph(actors: GraphActorRow[], rows: GraphEdgeRow[], options: { maxNodes?: number; maxEdges?: number }): Graph {
    if (options.maxNodes === undefined && options.maxEdges === undefined) return buildGraphFromEdges(actors, rows, options);
    const known = new Set(actors.map((a) => a.id));
    const ties = rows.filter((r) => r.sourceId !== r.targetId);
    const score = new Map<string, number>(actors.map((a) => [a.id, a.weight]));
    for (const r of ties) for (const end of [r.sourceId, r.targetId]) score.set(end, (score.get(end) ?? 0) + r.count);
    let kept = [...score.entries()].filter(([id, s]) => s > 0 && known.has(id)).map(([id]) => id);
    if (options.maxNodes !== undefined && kept.length > options.maxNodes) {
      kept = kept.sort((a, b) => score.get(b)! - score.get(a)! || (a < b ? -1 : 1)).slice(0, options.maxNodes);
    }
    const keptSet = new Set(kept);
    const idOf = (r: GraphEdgeRow) => `${r.kind}:${r.type}:${r.sourceId}>${r.targetId}`;
    let among = ties.filter((r) => keptSet.has(r.sourceId) && keptSet.has(r.targetId));
    if (options.maxEdges !== undefined && among.length > options.maxEdges) {
      const ids = new Map(among.map((r) => [r, idOf(r)]));
      among = among.sort((a, b) => b.count - a.count || (ids.get(a)! < ids.get(b)! ? -1 : 1)).slice(0, options.maxEdges);
    }
    // a kept actor with no mentions and no edge left keeps its node as assemble keeps it: a row to no
    // actor ('' is none) holds its score above 0 and is dropped by assemble, that end not being an actor
    const scored = new Set(among.flatMap((r) => [r.sourceId, r.targetId]));
    const holders: GraphEdgeRow[] = actors
      .filter((a) => a.weight === 0 && keptSet.has(a.id) && !scored.has(a.id))
      .map((a) => ({ kind: 'event', type: 'AID' as GraphEdgeRow['type'], sourceId: a.id, targetId: '', count: 1, evidenceCount: 1, first: null, last: null, intensitySum: null, intensityCount: 0, evidenceIds: [] }));
    return buildGraphFromEdges(actors.filter((a) => keptSet.has(a.id)), [...among, ...holders]);
  }

  const endsOf = (edges: GraphEdgeRow[]) => [...new Set(edges.flatMap((e) => [e.sourceId, e.targetId]))];

  return async function graph(query: GraphQuery = {}): Promise<Graph> {
    const options = { maxNodes: query.maxNodes, maxEdges: query.maxEdges };
    const index = currentIndex ? await currentIndex() : null;
    if (query.actor) {
      // the neighbours by the claims they share with the actor, then every edge among the chosen
      const touching = await edgeRows(query, { ids: [query.actor], both: false }, null, index);
      const shared = new Map<string, number>();
      for (const e of touching) {
        const other: string = e.sourceId === query.actor ? e.targetId : e.sourceId;
        if (other !== query.actor) shared.set(other, (shared.get(other) ?? 0) + e.count);
      }
      const neighbours = [...shared.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, query.cap ?? DEFAULT_EGO_CAP).map(([id]) => id);
      const ids = [query.actor, ...neighbours];
      const edges = neighbours.length ? await edgeRows(query, { ids, both: true }, null, index) : [];
      return (index ? cappedGraph : buildGraphFromEdges)(await actorRows(query, ids, index), edges, options);
    }
    if (query.q) {
      const matched = await matchingActors(query.q);
      if (matched.length) {
        const edges = await edgeRows(query, { ids: matched, both: false }, null, index);
        return (index ? cappedGraph : buildGraphFromEdges)(await actorRows(query, [...new Set([...matched, ...endsOf(edges)])], index), edges, options);
      }
      const match = d.textQuery(query.q);
      if (!match) return { nodes: [], edges: [] };
      // evidence text search is not indexed: the claims whose sentence matches come from SQL
      const edges = await edgeRows(query, null, match, null);
      return buildGraphFromEdges(await actorRows(query, endsOf(edges), index), edges, options);
    }
    const edges = await edgeRows(query, null, null, index);
    return (index ? cappedGraph : buildGraphFromEdges)(await actorRows(query, null, index), edges, options);
  };
}
