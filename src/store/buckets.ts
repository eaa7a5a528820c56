// Time buckets for the timeline and dyad views: a date window cut into days, months or years, and the
// SQL for an event's tone (cooperation / conflict / neutral, as rows.ts gives it per event).
import type { IsoDate, Modality } from '../model/types.js';
import { loadOntology } from '../core/ontology.js';
import type { Sql } from './sql.js';
import type { DateWindow } from './types.js';

export const BUCKETS = ['day', 'month', 'year'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The prefix of an ISO date that names its bucket. */
export const BUCKET_LENGTH: Record<Bucket, number> = { year: 4, month: 7, day: 10 };
/** More buckets than this in one answer is a mistake of the asker (20 years by day). */
export const MAX_BUCKETS = 5000;
/** The automatic bucket is the finest that keeps the window under this many. */
const AUTO_MAX = 400;

/** An event's tone in SQL: the intensity's sign when coded, else its type's tone (toneOf in analyze/graph.ts). */
export function toneSql(alias: string): string {
  const byType = loadOntology().eventTypes.map((t) => `WHEN '${t.id}' THEN '${t.tone}'`).join(' ');
  return `CASE WHEN ${alias}.intensity > 0 THEN 'cooperation' WHEN ${alias}.intensity < 0 THEN 'conflict'
    ELSE CASE ${alias}.type ${byType} ELSE 'neutral' END END`;
}

const firstDay = (date: IsoDate) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
const lastDay = (date: IsoDate) => {
  if (date.length === 10) return date;
  if (date.length === 4) return `${date}-12-31`;
  const [y, m] = date.split('-').map(Number);
  return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Every bucket's start from the one holding `from` to the one holding `to`. */
export function bucketStarts(from: IsoDate, to: IsoDate, bucket: Bucket): string[] {
  const starts: string[] = [];
  const start = new Date(`${firstDay(from)}T00:00:00Z`);
  const end = lastDay(to);
  const at = bucket === 'day' ? start : new Date(Date.UTC(start.getUTCFullYear(), bucket === 'month' ? start.getUTCMonth() : 0, 1));
  while (at.toISOString().slice(0, 10) <= end && starts.length <= MAX_BUCKETS) {
    starts.push(at.toISOString().slice(0, BUCKET_LENGTH[bucket]));
    if (bucket === 'day') at.setUTCDate(at.getUTCDate() + 1);
    else if (bucket === 'month') at.setUTCMonth(at.getUTCMonth() + 1);
    else at.setUTCFullYear(at.getUTCFullYear() + 1);
  }
  return starts;
}

/** The finest bucket with at most AUTO_MAX buckets over the window (a week or a year by day, 30 years by month). */
export function autoBucket(from: IsoDate, to: IsoDate): Bucket {
  const days = (Date.parse(lastDay(to)) - Date.parse(firstDay(from))) / 86_400_000 + 1;
  if (days <= AUTO_MAX) return 'day';
  if (days / 30.44 <= AUTO_MAX) return 'month';
  return 'year';
}

/** The window made whole: bounds not given are the store's first and last event dates. */
export async function boundedWindow(sql: Sql, window: DateWindow): Promise<{ from: IsoDate; to: IsoDate } | null> {
  if (window.from && window.to) return { from: window.from, to: window.to };
  const ok = (column: string) => sql.dialect.startsWithYear(column);
  const range = await sql.get<{ first: IsoDate | null; last: IsoDate | null }>(
    `SELECT (SELECT MIN(effective_date) FROM events WHERE ${ok('effective_date')}) AS first,
            (SELECT MAX(effective_date) FROM events WHERE ${ok('effective_date')}) AS last`,
  );
  const from = window.from ?? range?.first ?? null;
  const to = window.to ?? range?.last ?? null;
  if (!from || !to) return null;
  return from > to ? { from, to: from } : { from, to };
}

/** Checks a bucket asked for against the window; throws naming `bucket` when it would give too many. */
export function checkBucketCount(from: IsoDate, to: IsoDate, bucket: Bucket): void {
  if (bucketStarts(from, to, bucket).length > MAX_BUCKETS) {
    throw new RangeError(`bucket '${bucket}' cuts ${from} to ${to} into more than ${MAX_BUCKETS} buckets; choose a coarser one`);
  }
}

/** A relation has no modality of its own: a stated one reads as asserted, a denied one as negated (the `modality` filters). */
export const RELATION_MODALITY = { stated: 'asserted', denied: 'negated' } as const satisfies Record<string, Modality>;
