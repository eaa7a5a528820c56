// The JSON API: one route per question the web app (or any client) asks of the store.
import { ACTOR_KINDS, EVENT_TYPES, MODALITIES, RELATION_TYPES } from '../core/ontology.js';
import { BUCKETS } from '../store/buckets.js';
import { SameActorError } from '../store/dyad.js';
import type { Store } from '../store/index.js';
import { dateWindow, HttpError, idList, integer, listOf, oneOf, required, text } from './params.js';
import { Router, type PathParams } from './router.js';
import { analysisRoutes } from './api-analysis.js';
import { judgementRoutes } from './api-edits.js';

/** `body` is the parsed JSON of a POST (api-edits.ts reads it). */
export type ApiHandler = (params: PathParams, query: URLSearchParams, body?: unknown) => Promise<unknown>;

const page = (query: URLSearchParams) => ({
  limit: integer(query, 'limit', 0, 1000),
  offset: integer(query, 'offset', 0, Number.MAX_SAFE_INTEGER),
});

async function found<T>(pending: Promise<T | null>, what: string, id: string): Promise<T> {
  const value = await pending;
  if (value === null) throw new HttpError(404, `no ${what} with id '${id}'`);
  return value;
}

/** Nodes and edges /api/graph answers with when `limit` and `edges` are not given: what a browser draws well. */
export const DEFAULT_GRAPH_NODES = 200;
export const DEFAULT_GRAPH_EDGES = 3000;

const CLAIM_TYPES = [...EVENT_TYPES, ...RELATION_TYPES];

/** A bucket too fine for the window is the asker's mistake: a 400 naming `bucket`. */
async function bucketed<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, `bad parameter 'bucket': ${error.message}`, 'bucket');
    throw error;
  }
}

function graphQuery(query: URLSearchParams) {
  const actor = text(query, 'actor', 200);
  const hops = integer(query, 'hops', 1, 1);
  const cap = integer(query, 'cap', 1, 500);
  if (!actor && hops !== undefined) throw new HttpError(400, "bad parameter 'hops': it needs 'actor'", 'hops');
  if (!actor && cap !== undefined) throw new HttpError(400, "bad parameter 'cap': it needs 'actor'", 'cap');
  return {
    ...dateWindow(query),
    maxNodes: integer(query, 'limit', 1, 10000) ?? DEFAULT_GRAPH_NODES,
    maxEdges: integer(query, 'edges', 1, 50000) ?? DEFAULT_GRAPH_EDGES,
    kinds: listOf(query, 'kinds', ACTOR_KINDS),
    types: listOf(query, 'types', CLAIM_TYPES),
    modality: listOf(query, 'modality', MODALITIES),
    minEvidence: integer(query, 'minEvidence', 1, 10000),
    q: text(query, 'q', 200),
    actor,
    cap,
  };
}

/**
 * The app's filters as every event view takes them: `types` lists event and relation types as the
 * filter menu does (only relation types: no events), `q` narrows as it narrows the network.
 */
const eventFilters = (query: URLSearchParams) => ({
  types: listOf(query, 'types', CLAIM_TYPES),
  modality: listOf(query, 'modality', MODALITIES),
  q: text(query, 'q', 200),
});

/**
 * Builds the graph index and the influence claims (seconds on a 100k-event store) once the server is
 * up, so the first page load does not wait for them. A failure (a store closed under it) is left to
 * the first request to meet again and report.
 */
function warm(store: Store): void {
  const timer = setTimeout(() => {
    store.graph({ maxNodes: 1, maxEdges: 1 }).then(() => store.influenceClaims()).catch(() => {});
  }, 0);
  timer.unref();
}

export function apiRoutes(store: Store, options: { edits?: boolean } = {}): Router<ApiHandler> {
  warm(store);
  return judgementRoutes(store, analysisRoutes(store, new Router<ApiHandler>()))
    .get('/api/health', async () => ({ ok: true, counts: await store.stats(), edits: options.edits ?? false }))
    .get('/api/messages', async () => ({ items: await store.messageCounts() }))
    .get('/api/actors', async (_, query) => ({ items: await store.searchActors(text(query, 'q'), integer(query, 'limit', 1, 200), dateWindow(query)) }))
    .get('/api/actors/:id', ({ id }) => found(store.getActor(id), 'actor', id))
    .get('/api/events', async (_, query) => store.listEvents({
      q: text(query, 'q'),
      actor: text(query, 'actor'),
      source: text(query, 'source'),
      target: text(query, 'target'),
      type: oneOf(query, 'type', EVENT_TYPES),
      types: listOf(query, 'types', CLAIM_TYPES),
      modality: listOf(query, 'modality', MODALITIES),
      ids: idList(query, 'ids', 200),
      ...dateWindow(query),
      ...page(query),
    }))
    .get('/api/relations', async (_, query) => store.listRelations({
      actor: text(query, 'actor'),
      source: text(query, 'source'),
      target: text(query, 'target'),
      type: oneOf(query, 'type', RELATION_TYPES),
      types: listOf(query, 'types', CLAIM_TYPES),
      ...dateWindow(query),
      ...page(query),
    }))
    .get('/api/graph', async (_, query) => store.graph(graphQuery(query)))
    .get('/api/timeline', async (_, query) => bucketed(store.timeline({
      ...dateWindow(query),
      bucket: oneOf(query, 'bucket', BUCKETS),
      actors: idList(query, 'actor', 20),
      ...eventFilters(query),
    })))
    .get('/api/incidents', async (_, query) => store.listIncidents({ ...dateWindow(query), ...eventFilters(query), ...page(query) }))
    .get('/api/map', async (_, query) => store.mapPlaces({ ...dateWindow(query), ...eventFilters(query), limit: integer(query, 'limit', 1, 5000) }))
    .get('/api/map/governorates', async (_, query) => store.governorateCounts({ ...dateWindow(query), ...eventFilters(query) }))
    .get('/api/dyad', async (_, query) => {
      const a = required(text(query, 'a', 200), 'a');
      const b = required(text(query, 'b', 200), 'b');
      if (a === b) throw new HttpError(400, "bad parameter 'b': it is the same actor as 'a'", 'b');
      const window = dateWindow(query);
      const bucket = oneOf(query, 'bucket', BUCKETS);
      const modality = listOf(query, 'modality', MODALITIES);
      try {
        return await found(bucketed(store.dyad({ a, b, ...window, bucket, modality })), 'actor pair', `${a}, ${b}`);
      } catch (error) {
        if (error instanceof SameActorError) throw new HttpError(400, `bad parameter 'b': ${error.message}`, 'b');
        throw error;
      }
    })
    .get('/api/articles', async (_, query) => store.listArticles({
      q: text(query, 'q'),
      actor: text(query, 'actor'),
      ...dateWindow(query),
      ...page(query),
    }))
    .get('/api/articles/:id', ({ id }) => found(store.getArticle(id), 'article', id))
    .get('/api/search', async (_, query) => {
      const q = text(query, 'q');
      if (!q) throw new HttpError(400, "missing parameter 'q'", 'q');
      return store.search(q, integer(query, 'limit', 1, 200), dateWindow(query));
    });
}
