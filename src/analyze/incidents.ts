// Incidents: the same real-world happening told by several articles (a wire story and its syndicated
// copies, two outlets on one strike). Event datasets that count each report as a new event inflate
// what happened; here reports of one happening are grouped, and each keeps its own evidence.
import type { Event } from '../model/types.js';
import { stableId } from '../core/ids.js';

/** What grouping reads of an event: the pipeline's Event, or a stored event's columns (src/store/views-incidents.ts). */
export type IncidentEvent = Pick<Event, 'id' | 'type' | 'date' | 'modality' | 'sources' | 'targets'>;

export interface Incident {
  id: string;
  eventIds: string[];
}

/**
 * Groups events of one type, on the same day (or the same month when one side only knows the month), whose
 * sources and targets agree, from different articles. Only events that happened (asserted) are grouped.
 */
export function groupIncidents(events: { articleId: string; event: IncidentEvent }[]): Incident[] {
  const groups: { key: IncidentEvent; articles: Set<string>; eventIds: string[] }[] = [];
  for (const { articleId, event } of events) {
    if (event.modality !== 'asserted' || !event.date || (!event.sources.length && !event.targets.length)) continue;
    const group = groups.find((g) => !g.articles.has(articleId) && sameHappening(g.key, event));
    if (group) {
      group.articles.add(articleId);
      group.eventIds.push(event.id);
    } else {
      groups.push({ key: event, articles: new Set([articleId]), eventIds: [event.id] });
    }
  }
  return groups
    .filter((g) => g.eventIds.length > 1)
    .map((g) => ({ id: stableId('i', ...[...g.eventIds].sort()), eventIds: g.eventIds }));
}

function sameHappening(a: IncidentEvent, b: IncidentEvent): boolean {
  if (a.type !== b.type || !a.date || !b.date) return false;
  const short = Math.min(a.date.length, b.date.length);
  if (short < 7 || a.date.slice(0, short) !== b.date.slice(0, short)) return false;
  return sameSide(a.sources, b.sources) && sameSide(a.targets, b.targets);
}

/** Both sides named and sharing an actor, or both unnamed. */
function sameSide(a: string[], b: string[]): boolean {
  return (!a.length && !b.length) || a.some((id) => b.includes(id));
}
