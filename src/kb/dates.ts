import type { IsoDate } from '../model/types.js';

/** The first and last day a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) can stand for. */
export function dateRange(date: IsoDate): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

/**
 * Whether a date falls in a span whose ends may be open (null) or partial. A partial date is judged by
 * its first day. The handover day belongs to the newcomer, so a day-precise `to` is exclusive.
 */
export function dateWithin(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  const day = dateRange(date)[0];
  if (from && day < dateRange(from)[0]) return false;
  if (to && (to.length === 10 ? day >= to : day > dateRange(to)[1])) return false;
  return true;
}
