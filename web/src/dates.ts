// ISO dates of any precision ("2019", "2019-06", "2019-06-14") as the days they cover, in UTC.

export type Unit = 'day' | 'month' | 'year';

/** The first moment a date covers (its first day), or null when it is empty or not a date. */
export function startOf(date: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
}

/** The moment just after a date's last day. */
export function endOf(date: string): Date | null {
  const start = startOf(date);
  if (!start) return null;
  const precision = date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
  return add(start, precision, 1);
}

export function add(date: Date, unit: Unit, n: number): Date {
  const d = new Date(date);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + n);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d;
}

/** The start of the unit a moment falls in. */
export function floor(date: Date, unit: Unit): Date {
  if (unit === 'year') return new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
  if (unit === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** A moment as an ISO date at a unit's precision. */
export function iso(date: Date, unit: Unit = 'day'): string {
  const text = date.toISOString().slice(0, 10);
  return unit === 'year' ? text.slice(0, 4) : unit === 'month' ? text.slice(0, 7) : text;
}

/** The last day inside [from, until): what a window ending just before `until` is written as. */
export function lastDay(until: Date, unit: Unit): string {
  return iso(add(until, 'day', -1), unit === 'day' ? 'day' : unit);
}

/** The unit of buckets that gives a readable number of bars (about 40-400) over a span. */
export function unitFor(from: Date, to: Date): Unit {
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (days <= 400) return 'day';
  if (days <= 366 * 25) return 'month';
  return 'year';
}

/** "Jan 2019 – Jun 2020", "all dates". */
export function windowLabel(from: string, to: string): string {
  if (!from && !to) return 'All dates';
  return `${from || '…'} – ${to || '…'}`;
}
