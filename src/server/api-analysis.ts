// The analysis routes: influence scores in a window, who moved between two windows, and the export
// download. Parameters are checked like every other route's (a 400 naming the bad one; a 404 naming
// an unknown actor).
import { loadInfluenceModel } from '../analyze/influence-model.js';
import { pairsOf, scoreInfluence, type InfluencePair } from '../analyze/influence.js';
import { DEFAULT_MOVED, movesOf, whoMoved, type ActorMoves } from '../analyze/moved.js';
import { GENERATOR } from '../cli/output.js';
import {
  CSV_TABLES, EXPORT_FORMATS, ExportInputError, exportWindow, knownActors, type ExportFormat,
} from '../export/index.js';
import type { DateWindow, Store } from '../store/index.js';
import { isBackwards } from '../store/window.js';
import type { ApiHandler } from './api.js';
import { Download } from './download.js';
import { dateWindow, HttpError, integer, isoDate, oneOf, text } from './params.js';
import { exportFilters } from './export-params.js';
import type { Router } from './router.js';

export interface InfluenceAnswer {
  window: DateWindow;
  /** models/influence/influence.yaml's version: scores of different versions do not compare. */
  modelVersion: number;
  /** Pairs with a positive score (before `limit`). */
  total: number;
  /** Highest score first. */
  pairs: InfluencePair[];
}

export interface MovedAnswer {
  window1: DateWindow;
  window2: DateWindow;
  modelVersion: number;
  threshold: number;
  minChange: number;
  /** Actors with a move (before `limit`). */
  total: number;
  /** The actor influenced, with whose influence over it entered, left, rose or fell; biggest move first. */
  actors: ActorMoves[];
}

const badParameter = (name: string, why: string) => new HttpError(400, `bad parameter '${name}': ${why}`, name);

/** A decimal number from min to max. */
function decimal(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw badParameter(name, `'${value}' is not a number from ${min} to ${max}`);
  }
  return Number(value);
}

/** A second window's bounds under other names (from1/to1, from2/to2). */
function namedWindow(query: URLSearchParams, fromName: string, toName: string): DateWindow {
  const from = isoDate(query, fromName);
  const to = isoDate(query, toName);
  if (isBackwards({ from, to })) throw badParameter(toName, `'${to}' is before ${fromName} '${from}'`);
  return { from, to };
}

/** Every `actor` given, repeated (?actor=a&actor=b) or as a comma list. */
function actorList(query: URLSearchParams): string[] {
  const ids = query.getAll('actor').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (ids.length > 50) throw badParameter('actor', `${ids.length} actors; at most 50`);
  const long = ids.find((id) => id.length > 200);
  if (long) throw badParameter('actor', `'${long.slice(0, 40)}...' is longer than 200 characters`);
  return ids;
}

async function resolveActors(store: Store, ids: string[]): Promise<string[]> {
  try {
    return await knownActors(store, ids);
  } catch (error) {
    if (error instanceof ExportInputError) throw new HttpError(error.status, error.message, error.input);
    throw error;
  }
}

/**
 * The scored pairs of a window, from the store's in-memory claims (store.influenceClaims), each window
 * scored once per version of the store: the network sizes its actors by this on every window it shows.
 */
async function influenceIn(store: Store, window: DateWindow, actor: string | undefined): Promise<InfluencePair[]> {
  const table = await store.influenceClaims();
  const model = loadInfluenceModel();
  return table.memo(JSON.stringify([model.file, model.version, window.from ?? null, window.to ?? null, actor ?? null]), () => {
    const pairs = scoreInfluence(table.claims(window, actor ? [actor] : []), model);
    return actor ? pairsOf(pairs, actor) : pairs;
  });
}

export function analysisRoutes(store: Store, router: Router<ApiHandler>): Router<ApiHandler> {
  return router
    .get('/api/influence', async (_, query): Promise<InfluenceAnswer> => {
      const window = dateWindow(query);
      const given = text(query, 'actor', 200);
      const limit = integer(query, 'limit', 1, 1000) ?? 50;
      const [actor] = given ? await resolveActors(store, [given]) : [undefined];
      const pairs = await influenceIn(store, window, actor);
      return { window, modelVersion: loadInfluenceModel().version, total: pairs.length, pairs: pairs.slice(0, limit) };
    })
    .get('/api/moved', async (_, query): Promise<MovedAnswer> => {
      const window1 = namedWindow(query, 'from1', 'to1');
      const window2 = namedWindow(query, 'from2', 'to2');
      const threshold = decimal(query, 'threshold', 0, 1) ?? DEFAULT_MOVED.threshold;
      const minChange = decimal(query, 'minChange', 0, 1) ?? DEFAULT_MOVED.minChange;
      const limit = integer(query, 'limit', 1, 1000) ?? 50;
      const given = text(query, 'actor', 200);
      const [actor] = given ? await resolveActors(store, [given]) : [undefined];
      // all the pairs of each window: a move of A over B needs both windows' view of the pair
      const moved = whoMoved(await influenceIn(store, window1, actor), await influenceIn(store, window2, actor), { threshold, minChange });
      const actors = actor ? movesOf(moved, actor) : moved;
      return {
        window1, window2, modelVersion: loadInfluenceModel().version, threshold, minChange,
        total: actors.length, actors: actors.slice(0, limit),
      };
    })
    .get('/api/export', async (_, query): Promise<Download> => {
      const format = oneOf(query, 'format', EXPORT_FORMATS);
      if (!format) throw new HttpError(400, `missing parameter 'format' (${EXPORT_FORMATS.join(', ')})`, 'format');
      const table = oneOf(query, 'what', CSV_TABLES);
      if (table && format !== 'csv') throw badParameter('what', `chooses the CSV table; it means nothing for ${format}`);
      const actors = await resolveActors(store, actorList(query));
      const file = await exportWindow(store, {
        format: format as ExportFormat, ...dateWindow(query), actors, table, generator: GENERATOR, ...exportFilters(query),
      });
      return new Download(file.body, file.contentType, file.filename);
    });
}
