// The app's filters as SQL over events, one rule for every event view (timeline, incidents, map, the
// event list): the window, the ticked types (event and relation types come in one list: with only
// relation types ticked, no event is shown, not all), the modalities, the search and the analysts'
// judgements (claims marked wrong left out). The search narrows as it narrows the network
// (src/store/graph.ts): the events of the actors whose name or alias holds the text (with those
// merged into them), or, when no actor's does, the events whose evidence sentence matches it.
import { EVENT_TYPES, type EventType, type Modality, type RelationType } from '../model/types.js';
import type { ActorMerges } from './judgements.js';
import { NOT_JUDGED_WRONG } from './judgements.js';
import type { Params, Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { DateWindow } from './types.js';
import { dateInWindow, windowParams } from './window.js';

export interface ViewFilter extends DateWindow {
  /** Event and relation types, as the app's filter lists them; the event types among them are kept. */
  types?: (EventType | RelationType)[];
  modality?: Modality[];
  q?: string;
}

/** What the search narrows to: some actors' events, or the events whose sentence matches, or nothing. */
export type SearchScope = { kind: 'actors'; ids: string[] } | { kind: 'text'; match: string } | { kind: 'nothing' };

/** The event types among the ticked types; null when none is ticked (no filter), [] when only relation types are. */
export function eventTypesOf(types: readonly string[] | undefined): EventType[] | null {
  if (!types?.length) return null;
  return types.filter((t): t is EventType => (EVENT_TYPES as readonly string[]).includes(t));
}

/** The search as the network reads it: the actors named (kept actors with their merged ones), else the text. */
export async function searchScope(sql: Sql, q: string, merges: ActorMerges): Promise<SearchScope> {
  const key = searchKey(q);
  if (key) {
    const rows = await sql.all<{ id: string }>(
      `SELECT id FROM actors WHERE search_key LIKE @pattern OR id = @q
       UNION SELECT actor_id AS id FROM aliases WHERE search_key LIKE @pattern
       UNION SELECT actor_id AS id FROM judgements WHERE kind = 'alias' AND undone_at IS NULL AND search_key LIKE @pattern`,
      { pattern: `%${key}%`, q },
    );
    if (rows.length) return { kind: 'actors', ids: merges.expand([...new Set(rows.map((r) => merges.resolve(r.id)))]) };
  }
  const match = sql.dialect.textQuery(q);
  return match ? { kind: 'text', match } : { kind: 'nothing' };
}

export interface EventConditions {
  conditions: string[];
  params: Params;
  /** True when the filter selects no event at all (only relation types ticked, a search with no word). */
  none: boolean;
}

export interface EventFilterOptions {
  /** The events' alias in the query. */
  alias?: string;
  /** Modalities when none are asked for: the network's (TIE_MODALITIES) in the views; null: every one. */
  defaultModality?: readonly Modality[] | null;
  /** The column the window applies to (default the effective date). */
  dateColumn?: string;
  /** Leave out claims marked wrong (the views); the lists keep and flag them. */
  judged?: boolean;
}

/** Conditions on `e` (and its params, named vf*) for the filter; `none` when nothing can match. */
export async function eventConditions(sql: Sql, filter: ViewFilter, merges: ActorMerges, options: EventFilterOptions = {}): Promise<EventConditions> {
  const d = sql.dialect;
  const e = options.alias ?? 'e';
  const params: Params = { ...windowParams(filter) };
  const conditions = dateInWindow(options.dateColumn ?? `${e}.effective_date`, filter);
  const modality = filter.modality?.length ? filter.modality : options.defaultModality ?? null;
  if (modality) {
    params.vfModality = d.idList([...modality]);
    conditions.push(d.inList(`${e}.modality`, 'vfModality'));
  }
  const types = eventTypesOf(filter.types);
  if (types && !types.length) return { conditions, params, none: true };
  if (types) {
    params.vfTypes = d.idList(types);
    conditions.push(d.inList(`${e}.type`, 'vfTypes'));
  }
  if (options.judged !== false) conditions.push(NOT_JUDGED_WRONG(`${e}.id`));
  if (filter.q) {
    const scope = await searchScope(sql, filter.q, merges);
    if (scope.kind === 'nothing') return { conditions, params, none: true };
    if (scope.kind === 'actors') {
      params.vfActors = d.idList(scope.ids);
      // driven from the actor index: the actors named are few beside the events
      conditions.push(`${e}.id IN (SELECT vfa.event_id FROM event_actors vfa WHERE ${d.inList('vfa.actor_id', 'vfActors')})`);
    } else {
      params.vfMatch = scope.match;
      // the dialect names its text parameter @match; here it is @vfMatch, beside the caller's own params
      conditions.push(`${e}.evidence_id IN (SELECT ev.id FROM evidence ev WHERE ${d.evidenceMatches('ev').replace('@match', '@vfMatch')})`);
    }
  }
  return { conditions, params, none: false };
}

/**
 * SQL giving the actor kept for the id in `column` (merges followed): a CASE over the live merges, few
 * as analysts make them; the column itself when there are none. Its params are added to `params`.
 */
export function keptActorSql(column: string, merges: ActorMerges, params: Params, prefix = 'kept'): string {
  const merged = merges.mergedIds();
  if (!merged.length) return column;
  const cases = merged.map((id, i) => {
    params[`${prefix}From${i}`] = id;
    params[`${prefix}To${i}`] = merges.resolve(id);
    return `WHEN CAST(@${prefix}From${i} AS TEXT) THEN CAST(@${prefix}To${i} AS TEXT)`;
  });
  return `(CASE ${column} ${cases.join(' ')} ELSE ${column} END)`;
}
