// The rows the network is built from, for one date window; analyze/graph.ts does the rest. The
// database aggregates the claims into edges (one row per kind, type and ordered pair), so a large
// store sends edges, not every claim. Only what the text asserts or reports as claimed makes an edge
// by default: negated, hypothetical and future events and negated relations stay in the event lists
// but draw no tie (`modality` asks for others). Articles that copy another count once: their mentions,
// events and relations are left out here (the lists still show them).
import { buildGraphFromEdges, toneOf, type Graph, type GraphActorRow, type GraphEdge, type GraphEdgeRow, type GraphNode } from '../analyze/graph.js';
import type { ActorKind, EventType, Modality, RelationType } from '../model/types.js';
import { EVENT_TYPES, RELATION_TYPES } from '../model/types.js';
import { RELATION_MODALITY } from './buckets.js';
import { where, type Params, type Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { DateWindow } from './types.js';
import { dateInWindow, spanInWindow, windowParams } from './window.js';
import { loadOntology } from '../core/ontology.js';
import { createGraphIndexCache, type Aggregation, type CurrentIndex, type GraphCaps, type IndexEdgeQuery, type NodeCandidates } from './graph-index.js';
import { actorMerges, ActorMerges, NOT_JUDGED_WRONG } from './judgements.js';
import { foldMergedActors } from './merged-graph.js';

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
  /** Graphs kept per store version, by query (default GRAPH_ANSWERS_KEPT; 0: none). Only with the index. */
  answers?: number;
}

/**
 * The app asks for the same graph again as a node is expanded or collapsed, a filter ticked and
 * unticked, a window played twice: the last few answers are kept while the store does not change.
 */
export const GRAPH_ANSWERS_KEPT = 8;

/** A kept answer is shared by every caller: frozen, so none can change it for the others (and the server serialises it once). */
function frozen(graph: Graph): Graph {
  for (const node of graph.nodes) Object.freeze(node);
  for (const edge of graph.edges) {
    Object.freeze(edge.evidenceIds);
    Object.freeze(edge);
  }
  Object.freeze(graph.nodes);
  Object.freeze(graph.edges);
  return Object.freeze(graph);
}

/** What the store holds that a graph answer and the actor rows depend on: valid while the index's snapshot is current. */
interface Memo {
  answers: Map<string, Graph>;
  /** Every actor of some kinds (by the kinds' key), with its number in the index. */
  actors: Map<string, Promise<{ rows: Omit<GraphActorRow, 'weight'>[]; indexes: Int32Array }>>;
}

/** The evidence of a row read with its dates (the SQL path under merges): folded rows sort it again by recency. */
type DatedEvidence = { id: string; date: string | null };
const byRecency = (a: DatedEvidence, b: DatedEvidence) =>
  a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * The SQL rows with the analysts' merges applied: an actor merged into another is that actor, so its
 * edges are summed into the kept actor's (distinct evidence counted over the union, the evidence most
 * recent first over the union, `minEvidence` applied to the sum) and an edge the merge turns into a
 * self-loop is dropped. What the index gives under merges (graph-index.ts's JudgedView).
 */
function foldMergedSqlRows(rows: (GraphEdgeRow & { dated: DatedEvidence[] })[], merges: ActorMerges, minEvidence: number): GraphEdgeRow[] {
  const folded = new Map<string, GraphEdgeRow & { dated: DatedEvidence[] }>();
  for (const row of rows) {
    const sourceId = merges.resolve(row.sourceId);
    const targetId = merges.resolve(row.targetId);
    if (sourceId === targetId && row.sourceId !== row.targetId) continue;
    const key = `${row.kind}\u0000${row.type}\u0000${sourceId}\u0000${targetId}`;
    const seen = folded.get(key);
    if (!seen) {
      folded.set(key, { ...row, sourceId, targetId });
      continue;
    }
    folded.set(key, {
      ...seen,
      count: seen.count + row.count,
      first: earlier(seen.first, row.first),
      last: later(seen.last, row.last),
      intensitySum: seen.intensitySum === null && row.intensitySum === null ? null : (seen.intensitySum ?? 0) + (row.intensitySum ?? 0),
      intensityCount: seen.intensityCount + row.intensityCount,
      dated: [...seen.dated, ...row.dated],
    });
  }
  const out: GraphEdgeRow[] = [];
  for (const { dated, ...row } of folded.values()) {
    const evidenceCount = new Set(dated.map((e) => e.id)).size;
    if (evidenceCount < minEvidence) continue;
    out.push({ ...row, evidenceCount, evidenceIds: dated.sort(byRecency).map((e) => e.id) });
  }
  return out;
}

const NO_MERGES = new ActorMerges(new Map());

/** The tone of an edge, by kind, type and the sign of its mean intensity (all toneOf reads), worked out once each. */
const tones = new Map<string, GraphEdge['tone']>();
function toneOfRow(kind: GraphEdge['kind'], type: string, meanIntensity: number | null): GraphEdge['tone'] {
  const key = `${kind}:${type}:${meanIntensity === null ? 'n' : Math.sign(meanIntensity)}`;
  let tone = tones.get(key);
  if (tone === undefined) tones.set(key, (tone = toneOf(kind, type, meanIntensity)));
  return tone;
}

/** An edge of the API from a row the index kept: what buildGraphFromEdges makes of it. */
function edgeOfRow(row: GraphEdgeRow): GraphEdge {
  const meanIntensity = row.intensityCount && row.intensitySum !== null ? Math.round((row.intensitySum / row.intensityCount) * 100) / 100 : null;
  return {
    id: `${row.kind}:${row.type}:${row.sourceId}>${row.targetId}`, kind: row.kind, source: row.sourceId, target: row.targetId,
    type: row.type, count: row.count, first: row.first, last: row.last, meanIntensity,
    tone: toneOfRow(row.kind, row.type, meanIntensity), evidenceCount: row.evidenceCount,
    evidenceIds: row.evidenceIds.slice(0, 5),
  };
}

/** The actors a graph by the index may keep: their rows beside NodeCandidates' arrays. */
interface ActorCandidates extends NodeCandidates {
  rows: readonly Omit<GraphActorRow, 'weight'>[];
}

/** The graph from an aggregation: the caps applied on its numbers, objects made only for what is kept. */
function graphOfAggregation(actors: ActorCandidates, aggregation: Aggregation, caps: GraphCaps): Graph {
  const { kept, rows } = aggregation.top(actors, caps);
  const nodes: GraphNode[] = kept
    .map((i) => {
      const { id, name, kind, country } = actors.rows[i];
      return { id, name, kind, country, weight: actors.weights[i] };
    })
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  return { nodes, edges: rows.map(edgeOfRow) };
}

export function createGraphQuery(sql: Sql, options: GraphQueryOptions = {}) {
  const currentIndex = options.index === false ? null : createGraphIndexCache(sql);
  const answersKept = options.answers ?? GRAPH_ANSWERS_KEPT;
  // one memo per snapshot: the index cache makes a new CurrentIndex whenever anything is written (on
  // SQLite; on every request on PostgreSQL), so nothing read under an older one is ever served
  const memos = new WeakMap<CurrentIndex, Memo>();
  const memoOf = (current: CurrentIndex) => {
    let memo = memos.get(current);
    if (!memo) memos.set(current, (memo = { answers: new Map(), actors: new Map() }));
    return memo;
  };
  const d = sql.dialect;
  const list = (name: string, values: readonly string[]) => ({ [name]: d.idList([...values]) });

  /** What both paths filter by: types split by kind, the relation negations that draw, the actors of the kinds. */
  async function filtersOf(query: GraphQuery) {
    const modality = query.modality ?? TIE_MODALITIES;
    const eventTypes = query.types ? query.types.filter((t) => (EVENT_TYPES as readonly string[]).includes(t)) : null;
    const relationTypes = query.types ? query.types.filter((t) => (RELATION_TYPES as readonly string[]).includes(t)) : null;
    const negated = [...(modality.includes(RELATION_MODALITY.stated) ? [0] : []), ...(modality.includes(RELATION_MODALITY.denied) ? [1] : [])];
    // The kinds filter both ends after aggregating: as a condition in the join (a subquery or an id list)
    // SQLite drove the join from the actor index and took 15 s on 100k events instead of 1.
    const kindIds = query.kinds
      ? new Set((await sql.all<{ id: string }>(`SELECT id FROM actors WHERE ${d.inList('kind', 'kinds')}`, list('kinds', query.kinds))).map((r) => r.id))
      : null;
    return { modality, eventTypes, relationTypes, negated, kindIds };
  }

  /** The claims as aggregated edges by SQL, filtered by everything in the query but the node caps. */
  async function sqlEdgeRows(query: GraphQuery, ends: Ends, evidenceMatch: string | null, merges: ActorMerges): Promise<GraphEdgeRow[]> {
    // analysts' merges: an edge touching the kept actor touches those merged into it
    if (ends && merges.size) ends = { ...ends, ids: merges.expand(ends.ids) };
    // under merges the threshold applies to the folded edges, so every group is read with its dated evidence
    const minEvidence = merges.size ? 1 : query.minEvidence ?? 1;
    const params: Params = { ...windowParams(query), minEvidence };
    const { modality, eventTypes, relationTypes, negated, kindIds } = await filtersOf(query);
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
    const rows: (GraphEdgeRow & { dated: DatedEvidence[] })[] = [];
    type Aggregated = Omit<GraphEdgeRow, 'evidenceIds'> & { evidenceIds: string };
    const evidenceList = (id: string, date: string, order: string) => merges.size
      ? d.jsonArray(d.jsonObject([['id', id], ['date', date]]), order)
      : d.jsonArray(id, order);
    const parse = (row: Aggregated) => {
      const list = JSON.parse(row.evidenceIds) as (string | DatedEvidence)[];
      const dated = list.map((e) => (typeof e === 'string' ? { id: e, date: null } : e));
      return { ...row, evidenceIds: dated.map((e) => e.id), dated };
    };

    if (!eventTypes || eventTypes.length) {
      Object.assign(params, list('modality', modality));
      if (eventTypes) Object.assign(params, list('eventTypes', eventTypes));
      const conditions = [
        d.inList('e.modality', 'modality'), 'a.duplicate_of IS NULL', NOT_JUDGED_WRONG('e.id'), ...dateInWindow('e.effective_date', query),
        ...(eventTypes ? [d.inList('e.type', 'eventTypes')] : []),
        ...endConditions('s.actor_id', 't.actor_id'),
        ...(evidenceMatch ? [`e.evidence_id IN (SELECT ev.id FROM evidence ev WHERE ${d.evidenceMatches('ev')})`] : []),
      ];
      const events = await sql.all<Aggregated>(
        `SELECT 'event' AS kind, e.type, s.actor_id AS "sourceId", t.actor_id AS "targetId", COUNT(*) AS count,
           COUNT(DISTINCT e.evidence_id) AS "evidenceCount", MIN(e.effective_date) AS first, MAX(e.effective_date) AS last,
           SUM(e.intensity) AS "intensitySum", COUNT(e.intensity) AS "intensityCount",
           ${evidenceList('e.evidence_id', 'e.effective_date', 'e.effective_date DESC, e.evidence_id')} AS "evidenceIds"
         FROM events e
         JOIN articles a ON a.id = e.article_id
         JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
         JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
         ${where(conditions)}
         GROUP BY e.type, s.actor_id, t.actor_id
         HAVING COUNT(DISTINCT e.evidence_id) >= @minEvidence`,
        params,
      );
      for (const row of events) rows.push(parse(row));
    }

    if ((!relationTypes || relationTypes.length) && negated.length) {
      if (relationTypes) Object.assign(params, list('relationTypes', relationTypes));
      const conditions = [
        `r.negated IN (${negated.join(', ')})`, 'a.duplicate_of IS NULL', NOT_JUDGED_WRONG('r.id'), ...spanInWindow('r.span_from', 'r.span_to', query),
        ...(relationTypes ? [d.inList('r.type', 'relationTypes')] : []),
        ...endConditions('r.source_id', 'r.target_id'),
        ...(evidenceMatch ? [`r.evidence_id IN (SELECT ev.id FROM evidence ev WHERE ${d.evidenceMatches('ev')})`] : []),
      ];
      const relations = await sql.all<Aggregated>(
        `SELECT 'relation' AS kind, r.type, r.source_id AS "sourceId", r.target_id AS "targetId", COUNT(*) AS count,
           COUNT(DISTINCT r.evidence_id) AS "evidenceCount",
           MIN(COALESCE(r.span_from, r.span_to)) AS first, MAX(COALESCE(r.span_to, r.span_from)) AS last,
           NULL AS "intensitySum", 0 AS "intensityCount",
           ${evidenceList('r.evidence_id', 'COALESCE(r.span_to, r.span_from)', 'COALESCE(r.span_to, r.span_from) DESC, r.evidence_id')} AS "evidenceIds"
         FROM relations r JOIN articles a ON a.id = r.article_id
         ${where(conditions)}
         GROUP BY r.type, r.source_id, r.target_id
         HAVING COUNT(DISTINCT r.evidence_id) >= @minEvidence`,
        params,
      );
      for (const row of relations) rows.push(parse(row));
    }
    // kinds are the actors' own (before a merge folds them); merges fold what is left
    const ofKinds = kindIds ? rows.filter((r) => kindIds.has(r.sourceId) && kindIds.has(r.targetId)) : rows;
    if (!merges.size) return ofKinds.map(({ dated: _, ...row }) => row);
    return foldMergedSqlRows(ofKinds, merges, query.minEvidence ?? 1);
  }

  /** The evidence ids whose sentence matches a text query (the full-text index), for the index to aggregate. */
  async function matchingEvidence(match: string): Promise<Set<string>> {
    const rows = await sql.all<{ id: string }>(`SELECT ev.id FROM evidence ev WHERE ${d.evidenceMatches('ev')}`, { match });
    return new Set(rows.map((r) => r.id));
  }

  /** The claims aggregated by the in-memory index (judged-wrong claims skipped and merges folded by its view). */
  async function aggregateByIndex(current: CurrentIndex, query: GraphQuery, ends: Ends, evidenceIds: Set<string> | null): Promise<Aggregation> {
    const merges = current.view.merges;
    if (ends && merges) ends = { ...ends, ids: merges.expand(ends.ids) };
    const { modality, eventTypes, relationTypes, negated, kindIds } = await filtersOf(query);
    const indexQuery: IndexEdgeQuery = {
      from: query.from, to: query.to, modality, eventTypes, relationTypes, negated,
      minEvidence: query.minEvidence ?? 1, kindIds, ends, evidenceIds,
    };
    return current.index.aggregate(indexQuery, current.view);
  }

  /** Actor rows (id, name, kind, country) of the given ids (all when null), of the query's kinds. */
  async function actorsOf(query: GraphQuery, ids: string[] | null) {
    const actorConditions = [...(ids ? [d.inList('id', 'ids')] : []), ...(query.kinds ? [d.inList('kind', 'kinds')] : [])];
    return sql.all<Omit<GraphActorRow, 'weight'>>(
      `SELECT id, name, kind, country FROM actors ${where(actorConditions)} ORDER BY id`,
      { ...(ids ? { ids: d.idList(ids) } : {}), ...(query.kinds ? { kinds: d.idList(query.kinds) } : {}) },
    );
  }

  /**
   * The actors (of the given ids, all when null) as the index path keeps them: weighed by their mentions
   * in the window, merges folded. Every actor of the kinds is read once per snapshot, with its number in
   * the index: thousands of rows the whole-store graph read from SQL, and made objects of, on each request.
   */
  async function candidatesByIndex(current: CurrentIndex, query: GraphQuery, ids: string[] | null, merges: ActorMerges): Promise<ActorCandidates> {
    if (ids && merges.size) ids = merges.expand(ids);
    const { index } = current;
    const numbered = (rows: Omit<GraphActorRow, 'weight'>[]) => ({ rows, indexes: Int32Array.from(rows, (a) => index.actorIndex(a.id)) });
    const memo = memoOf(current).actors;
    const key = JSON.stringify(query.kinds ?? null);
    let all = memo.get(key);
    if (!all) {
      memo.set(key, (all = actorsOf(query, null).then(numbered)));
      all.catch(() => memo.delete(key));
    }
    let actors = await all;
    if (ids) {
      // the ids' rows from every actor's, in the same order (by id) SQL gives them: a search can name a thousand
      const wanted = new Set(ids);
      const places = actors.rows.flatMap((a, i) => (wanted.has(a.id) ? [i] : []));
      actors = { rows: places.map((i) => actors.rows[i]), indexes: Int32Array.from(places, (i) => actors.indexes[i]) };
    }
    const mentions = index.weightArray(query);
    const weightOf = (a: number) => (a >= 0 && a < mentions.length ? mentions[a] : 0);
    if (!merges.size) {
      return { ids: actors.rows.map((a) => a.id), rows: actors.rows, indexes: actors.indexes, weights: Float64Array.from(actors.indexes, weightOf) };
    }
    // a kept actor weighs its group's mentions, whatever the kinds of those merged into it (as the SQL path)
    const weighed = actors.rows.map((actor, i) => ({ ...actor, weight: weightOf(actors.indexes[i]) }));
    const group = merges.expand(weighed.map((a) => a.id));
    const folded = foldMergedActors(weighed, group.map((id) => ({ id, weight: weightOf(index.actorIndex(id)) })), merges);
    return { ids: folded.map((a) => a.id), rows: folded, indexes: Int32Array.from(folded, (a) => index.actorIndex(a.id)), weights: folded.map((a) => a.weight) };
  }

  /** Mentions in the window per actor (of the given ids, when given), as node weights, read by SQL. */
  async function actorRows(query: GraphQuery, ids: string[] | null, merges: ActorMerges): Promise<GraphActorRow[]> {
    if (ids && merges.size) ids = merges.expand(ids);
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
    const weightOf = new Map(weights.map((w) => [w.id, w.weight]));
    return foldMergedActors((await actorsOf(query, ids)).map((actor) => ({ ...actor, weight: weightOf.get(actor.id) ?? 0 })), weights, merges);
  }

  /** Ids of actors whose folded name or alias contains the folded text. */
  async function matchingActors(q: string): Promise<string[]> {
    const key = searchKey(q);
    if (!key) return [];
    const rows = await sql.all<{ id: string }>(
      `SELECT id FROM actors WHERE search_key LIKE @pattern OR id = @q
       UNION SELECT actor_id AS id FROM aliases WHERE search_key LIKE @pattern
       UNION SELECT actor_id AS id FROM judgements WHERE kind = 'alias' AND undone_at IS NULL AND search_key LIKE @pattern`,
      { pattern: `%${key}%`, q },
    );
    return rows.map((r) => r.id);
  }

  const endsOf = (edges: GraphEdgeRow[]) => [...new Set(edges.flatMap((e) => [e.sourceId, e.targetId]))];

  /** The graph by the in-memory index: every filter, `q` included, aggregated in memory. */
  async function graphByIndex(current: CurrentIndex, query: GraphQuery, caps: GraphCaps): Promise<Graph> {
    // the view's merges: the same snapshot of the judgements the index folded
    const merges = current.view.merges ?? NO_MERGES;
    if (query.actor && merges.isMerged(query.actor)) query = { ...query, actor: merges.resolve(query.actor) };
    const actorsFor = (ids: string[] | null) => candidatesByIndex(current, query, ids, merges);
    if (query.actor) {
      // the neighbours by the claims they share with the actor, then every edge among the chosen
      const touching = await aggregateByIndex(current, query, { ids: [query.actor], both: false }, null);
      const neighbours = [...touching.shared(query.actor).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, query.cap ?? DEFAULT_EGO_CAP).map(([id]) => id);
      const ids = [query.actor, ...neighbours];
      const among = await aggregateByIndex(current, query, neighbours.length ? { ids, both: true } : { ids: [], both: true }, null);
      return graphOfAggregation(await actorsFor(ids), among, caps);
    }
    if (query.q) {
      const matched = [...new Set((await matchingActors(query.q)).map((id) => merges.resolve(id)))];
      if (matched.length) {
        const touching = await aggregateByIndex(current, query, { ids: matched, both: false }, null);
        return graphOfAggregation(await actorsFor([...new Set([...matched, ...touching.endIds()])]), touching, caps);
      }
      const match = d.textQuery(query.q);
      if (!match) return { nodes: [], edges: [] };
      const matching = await aggregateByIndex(current, query, null, await matchingEvidence(match));
      return graphOfAggregation(await actorsFor(matching.endIds()), matching, caps);
    }
    return graphOfAggregation(await actorsFor(null), await aggregateByIndex(current, query, null, null), caps);
  }

  /** The graph by SQL aggregation per request: what the index is checked against. */
  async function graphBySql(query: GraphQuery, caps: GraphCaps): Promise<Graph> {
    const merges = await actorMerges(sql);
    if (query.actor && merges.isMerged(query.actor)) query = { ...query, actor: merges.resolve(query.actor) };
    const edgeRowsOf = (q: GraphQuery, ends: Ends, match: string | null) => sqlEdgeRows(q, ends, match, merges);
    const actorRowsOf = (q: GraphQuery, ids: string[] | null) => actorRows(q, ids, merges);
    if (query.actor) {
      const touching = await edgeRowsOf(query, { ids: [query.actor], both: false }, null);
      const shared = new Map<string, number>();
      for (const e of touching) {
        const other: string = e.sourceId === query.actor ? e.targetId : e.sourceId;
        if (other !== query.actor) shared.set(other, (shared.get(other) ?? 0) + e.count);
      }
      const neighbours = [...shared.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, query.cap ?? DEFAULT_EGO_CAP).map(([id]) => id);
      const ids = [query.actor, ...neighbours];
      const edges = neighbours.length ? await edgeRowsOf(query, { ids, both: true }, null) : [];
      return buildGraphFromEdges(await actorRowsOf(query, ids), edges, caps);
    }
    if (query.q) {
      const matched = [...new Set((await matchingActors(query.q)).map((id) => merges.resolve(id)))];
      if (matched.length) {
        const edges = await edgeRowsOf(query, { ids: matched, both: false }, null);
        return buildGraphFromEdges(await actorRowsOf(query, [...new Set([...matched, ...endsOf(edges)])]), edges, caps);
      }
      const match = d.textQuery(query.q);
      if (!match) return { nodes: [], edges: [] };
      const edges = await edgeRowsOf(query, null, match);
      return buildGraphFromEdges(await actorRowsOf(query, endsOf(edges)), edges, caps);
    }
    return buildGraphFromEdges(await actorRowsOf(query, null), await edgeRowsOf(query, null, null), caps);
  }

  return async function graph(query: GraphQuery = {}): Promise<Graph> {
    const caps = { maxNodes: query.maxNodes, maxEdges: query.maxEdges };
    if (!currentIndex) return graphBySql(query, caps);
    const current = await currentIndex();
    if (!answersKept) return graphByIndex(current, query, caps);
    const answers = memoOf(current).answers;
    const key = JSON.stringify(query);
    const kept = answers.get(key);
    if (kept) {
      // most recently used last
      answers.delete(key);
      answers.set(key, kept);
      return kept;
    }
    const answer = frozen(await graphByIndex(current, query, caps));
    answers.set(key, answer);
    if (answers.size > answersKept) answers.delete(answers.keys().next().value!);
    return answer;
  };
}
