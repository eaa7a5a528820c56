// Incidents in the store: one happening told by two or more articles, found by the very rule the
// pipeline uses (src/analyze/incidents.ts groupIncidents: asserted events of one type, dated to the same
// day, or the same month when one side only knows the month, whose sources and targets share an actor,
// from different articles), run over the stored events in the order they were stored. Copies count as
// reports (a syndicated wire story is one); claims marked wrong are left out; an actor merged into
// another is that actor, so two reports naming the two are one happening.
import { groupIncidents, type IncidentEvent } from '../analyze/incidents.js';
import { stableId } from '../core/ids.js';
import type { EventType, IsoDate } from '../model/types.js';
import { actorMerges, NOT_JUDGED_WRONG } from './judgements.js';
import { where, type Sql } from './sql.js';
import type { DateWindow } from './types.js';
import { eventConditions, eventTypesOf, type ViewFilter } from './views-filter.js';
import { viewsVersion } from './views-version.js';
import { END } from './window.js';

export interface FoundIncident {
  /** As groupIncidents names it: from its sorted event ids. */
  id: string;
  type: EventType;
  /** The most precise of its events' dates (the earliest of those). */
  date: IsoDate;
  /** The first source and target of its first report, merges applied. */
  sourceId: string | null;
  targetId: string | null;
  /** Articles telling it: one event each. */
  reports: number;
  eventIds: string[];
}

interface StoredIncidentEvent extends IncidentEvent {
  articleId: string;
  date: IsoDate;
}

const unique = (ids: string[]) => [...new Set(ids)];

/** One type and month of the store's candidate events, in the order read, and the incidents they make. */
interface Part {
  events: StoredIncidentEvent[];
  incidents: FoundIncident[];
}

/** Every event that can be part of an incident, judgements applied, grouped once per store version. */
interface Candidates {
  version: string;
  parts: Part[];
}

/** The incidents `events` (of one type and month, in the order read) make. */
function incidentsOf(events: StoredIncidentEvent[]): FoundIncident[] {
  if (events.length < 2) return [];
  const byId = new Map(events.map((e) => [e.id, e]));
  return groupIncidents(events.map((event) => ({ articleId: event.articleId, event }))).map((incident) => {
    const members = incident.eventIds.map((id) => byId.get(id)!);
    const [first] = members;
    const date = members.map((m) => m.date).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0];
    return {
      id: stableId('i', ...[...incident.eventIds].sort()), type: first.type, date,
      sourceId: first.sources[0] ?? null, targetId: first.targets[0] ?? null,
      reports: new Set(members.map((m) => m.articleId)).size, eventIds: incident.eventIds,
    };
  });
}

/** `date` falls in the window, as dateInWindow (window.ts) says in SQL. */
function inWindow(date: IsoDate, window: DateWindow): boolean {
  if (window.from && (date < window.from.slice(0, 4) || `${date}${END}` < window.from)) return false;
  return !window.to || date <= `${window.to}${END}`;
}

/**
 * Finds incidents among the events a filter keeps. The store's candidates (asserted events dated to
 * the month or day, not judged wrong, merged actors as the actor kept) are read and grouped once per
 * store version (viewsVersion); a request keeps the groups of every type and month whose events it
 * keeps whole, and groups again only those it cuts (a window bound inside a month, a search).
 */
export function createIncidentFinder(sql: Sql) {
  let cached: Candidates | null = null;
  let loading: Promise<Candidates> | null = null;

  async function load(version: string): Promise<Candidates> {
    const merges = await actorMerges(sql);
    const d = sql.dialect;
    const rows = await sql.all<{ id: string; type: EventType; date: IsoDate; articleId: string; role: 'source' | 'target' | null; actorId: string | null }>(
      `SELECT e.id, e.type, e.date, e.article_id AS "articleId", ea.role, ea.actor_id AS "actorId"
       FROM events e LEFT JOIN event_actors ea ON ea.event_id = e.id
       WHERE e.modality = 'asserted' AND e.date IS NOT NULL AND length(e.date) >= 7 AND ${NOT_JUDGED_WRONG('e.id')}
       ORDER BY ${d.insertionOrder('e')}, ea.role, ea.position`,
    );
    // the events in the order stored (an article's in its order), each with its sides
    const events = new Map<string, StoredIncidentEvent>();
    for (const row of rows) {
      let event = events.get(row.id);
      if (!event) events.set(row.id, (event = { id: row.id, type: row.type, date: row.date, modality: 'asserted', sources: [], targets: [], articleId: row.articleId }));
      if (row.actorId && row.role) (row.role === 'source' ? event.sources : event.targets).push(merges.resolve(row.actorId));
    }
    // only events of one type and month can be one happening: grouped apart, the same groups come out
    // (groupIncidents looks for the first matching group, and no group of another part ever matches)
    const parts = new Map<string, StoredIncidentEvent[]>();
    for (const event of events.values()) {
      event.sources = unique(event.sources);
      event.targets = unique(event.targets);
      const key = `${event.type}\u0000${event.date.slice(0, 7)}`;
      const part = parts.get(key);
      if (part) part.push(event);
      else parts.set(key, [event]);
    }
    return { version, parts: [...parts.values()].map((part) => ({ events: part, incidents: incidentsOf(part) })) };
  }

  async function candidates(): Promise<Candidates> {
    const version = await viewsVersion(sql);
    if (cached?.version === version) return cached;
    // the version is read before the rows: a write landing during the load makes the next request load again
    loading ??= load(version).then((c) => (cached = c)).finally(() => (loading = null));
    return loading;
  }

  /** The incidents among the events the filter keeps (only asserted ones can be incidents). */
  return async function findIncidents(filter: ViewFilter): Promise<FoundIncident[]> {
    if (filter.modality?.length && !filter.modality.includes('asserted')) return [];
    const types = eventTypesOf(filter.types);
    if (types && !types.length) return [];
    const typeSet = types ? new Set<string>(types) : null;
    let searched: Set<string> | null = null;
    if (filter.q) {
      const { conditions, params, none } = await eventConditions(sql, { q: filter.q, types: filter.types }, await actorMerges(sql), { judged: false });
      if (none) return [];
      const ids = await sql.all<{ id: string }>(`SELECT e.id FROM events e ${where([...conditions, "e.modality = 'asserted'", 'length(e.date) >= 7'])}`, params);
      searched = new Set(ids.map((r) => r.id));
    }
    const found: FoundIncident[] = [];
    for (const part of (await candidates()).parts) {
      if (typeSet && !typeSet.has(part.events[0].type)) continue;
      const kept = part.events.filter((e) => inWindow(e.date, filter) && (!searched || searched.has(e.id)));
      found.push(...(kept.length === part.events.length ? part.incidents : incidentsOf(kept)));
    }
    return found;
  };
}

/** Newest first, then the most reported. */
export function incidentOrder(a: FoundIncident, b: FoundIncident): number {
  const text = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
  return text(b.date, a.date) || b.reports - a.reports || text(a.type, b.type) || text(a.sourceId, b.sourceId) || text(a.targetId, b.targetId) || text(a.id, b.id);
}
