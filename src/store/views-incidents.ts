// Incidents in the store: one happening told by two or more articles, found by the very rule the
// pipeline uses (src/analyze/incidents.ts groupIncidents: asserted events of one type, dated to the same
// day, or the same month when one side only knows the month, whose sources and targets share an actor,
// from different articles), run over the stored events in the order they were read. Copies count as
// reports (a syndicated wire story is one); claims marked wrong are left out; an actor merged into
// another is that actor, so two reports naming the two are one happening.
import { groupIncidents, type IncidentEvent } from '../analyze/incidents.js';
import { stableId } from '../core/ids.js';
import type { EventType, IsoDate } from '../model/types.js';
import type { ActorMerges } from './judgements.js';
import { where, type Sql } from './sql.js';
import { eventConditions, type ViewFilter } from './views-filter.js';

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

/** The incidents among the events the filter keeps (only asserted ones can be incidents). */
export async function findIncidents(sql: Sql, filter: ViewFilter, merges: ActorMerges): Promise<FoundIncident[]> {
  if (filter.modality?.length && !filter.modality.includes('asserted')) return [];
  const d = sql.dialect;
  const { conditions, params, none } = await eventConditions(sql, { ...filter, modality: ['asserted'] }, merges, { dateColumn: 'e.date' });
  if (none) return [];
  const rows = await sql.all<{ id: string; type: EventType; date: IsoDate; articleId: string; role: 'source' | 'target' | null; actorId: string | null }>(
    `SELECT e.id, e.type, e.date, e.article_id AS "articleId", ea.role, ea.actor_id AS "actorId"
     FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN event_actors ea ON ea.event_id = e.id
     ${where([...conditions, 'e.date IS NOT NULL', 'length(e.date) >= 7'])}
     ORDER BY a.seq, ${d.insertionOrder('e')}, ea.role, ea.position`,
    params,
  );
  // the events in the order read, each with its sides (merged actors as the actor kept)
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
  const found: FoundIncident[] = [];
  for (const part of parts.values()) {
    if (part.length < 2) continue;
    for (const incident of groupIncidents(part.map((event) => ({ articleId: event.articleId, event })))) {
      const members = incident.eventIds.map((id) => events.get(id)!);
      const [first] = members;
      const date = members.map((m) => m.date).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0];
      found.push({
        id: stableId('i', ...[...incident.eventIds].sort()), type: first.type, date,
        sourceId: first.sources[0] ?? null, targetId: first.targets[0] ?? null,
        reports: new Set(members.map((m) => m.articleId)).size, eventIds: incident.eventIds,
      });
    }
  }
  return found;
}

/** Newest first, then the most reported. */
export function incidentOrder(a: FoundIncident, b: FoundIncident): number {
  const text = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
  return text(b.date, a.date) || b.reports - a.reports || text(a.type, b.type) || text(a.sourceId, b.sourceId) || text(a.targetId, b.targetId) || text(a.id, b.id);
}
