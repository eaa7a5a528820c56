// The JSON API: one route per question the web app (or any client) asks of the store.
import { EVENT_TYPES, RELATION_TYPES } from '../model/types.js';
import type { Store } from '../store/index.js';
import { dateWindow, HttpError, integer, oneOf, text } from './params.js';
import { Router, type PathParams } from './router.js';
import { analysisRoutes } from './api-analysis.js';

export type ApiHandler = (params: PathParams, query: URLSearchParams) => Promise<unknown>;

const page = (query: URLSearchParams) => ({
  limit: integer(query, 'limit', 0, 1000),
  offset: integer(query, 'offset', 0, Number.MAX_SAFE_INTEGER),
});

async function found<T>(pending: Promise<T | null>, what: string, id: string): Promise<T> {
  const value = await pending;
  if (value === null) throw new HttpError(404, `no ${what} with id '${id}'`);
  return value;
}

export function apiRoutes(store: Store): Router<ApiHandler> {
  return analysisRoutes(store, new Router<ApiHandler>())
    .get('/api/health', async () => ({ ok: true, counts: await store.stats() }))
    .get('/api/messages', async () => ({ items: await store.messageCounts() }))
    .get('/api/actors', async (_, query) => ({ items: await store.searchActors(text(query, 'q'), integer(query, 'limit', 1, 200)) }))
    .get('/api/actors/:id', ({ id }) => found(store.getActor(id), 'actor', id))
    .get('/api/events', async (_, query) => store.listEvents({
      q: text(query, 'q'),
      actor: text(query, 'actor'),
      source: text(query, 'source'),
      target: text(query, 'target'),
      type: oneOf(query, 'type', EVENT_TYPES),
      ...dateWindow(query),
      ...page(query),
    }))
    .get('/api/relations', async (_, query) => store.listRelations({
      actor: text(query, 'actor'),
      source: text(query, 'source'),
      target: text(query, 'target'),
      type: oneOf(query, 'type', RELATION_TYPES),
      ...dateWindow(query),
      ...page(query),
    }))
    .get('/api/graph', async (_, query) => store.graph({ ...dateWindow(query), maxNodes: integer(query, 'limit', 1, 10000) }))
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
      return store.search(q, integer(query, 'limit', 1, 200));
    });
}
