// One pair of actors over time: per bucket, what A did to B and what B did to A, cooperation and
// conflict counted apart with their mean intensity, and the event ids to read the evidence.
import type { ActorRef } from './types.js';
import type { IsoDate, Modality } from '../model/types.js';
import type { Tone } from '../core/ontology.js';
import { autoBucket, BUCKET_LENGTH, boundedWindow, bucketStarts, checkBucketCount, toneSql, type Bucket } from './buckets.js';
import { TIE_MODALITIES } from './graph.js';
import { where, type Sql } from './sql.js';
import type { DateWindow } from './types.js';
import { dateInWindow, windowParams } from './window.js';

export interface DyadQuery extends DateWindow {
  a: string;
  b: string;
  bucket?: Bucket;
  modality?: Modality[];
}

export interface DyadCell {
  cooperation: number;
  conflict: number;
  neutral: number;
  /** Mean intensity of the events that have one; null when none. */
  meanIntensity: number | null;
  /** The most recent events' ids (at most 10). */
  eventIds: string[];
}

export interface DyadBucket {
  start: IsoDate;
  aToB: DyadCell;
  bToA: DyadCell;
}

export interface Dyad {
  a: ActorRef;
  b: ActorRef;
  bucket: Bucket;
  from: IsoDate | null;
  to: IsoDate | null;
  /** Only buckets with events, in order. */
  buckets: DyadBucket[];
  totals: { aToB: Omit<DyadCell, 'eventIds'>; bToA: Omit<DyadCell, 'eventIds'> };
}

const EVENT_IDS_PER_CELL = 10;

const emptyCell = (): DyadCell & { sum: number; coded: number } => ({ cooperation: 0, conflict: 0, neutral: 0, meanIntensity: null, eventIds: [], sum: 0, coded: 0 });

export function createDyad(sql: Sql) {
  const d = sql.dialect;
  /** Null when either actor is unknown. */
  return async function dyad(query: DyadQuery): Promise<Dyad | null> {
    const actors = await sql.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE id IN (@a, @b)`, { a: query.a, b: query.b });
    const a = actors.find((x) => x.id === query.a);
    const b = actors.find((x) => x.id === query.b);
    if (!a || !b) return null;
    const window = await boundedWindow(sql, query);
    const bucket = query.bucket ?? (window ? autoBucket(window.from, window.to) : 'year');
    if (window) checkBucketCount(window.from, window.to, bucket);
    const rows = await sql.all<{ direction: 'ab' | 'ba'; start: string; tone: Tone; n: number; sum: number | null; coded: number; ids: string }>(
      `SELECT CASE WHEN s.actor_id = @a THEN 'ab' ELSE 'ba' END AS direction, substr(e.effective_date, 1, @length) AS start,
         ${toneSql('e')} AS tone, COUNT(DISTINCT e.id) AS n, SUM(e.intensity) AS sum, COUNT(e.intensity) AS coded,
         ${d.jsonArray('e.id', 'e.effective_date DESC, e.id')} AS ids
       FROM events e
       JOIN articles a ON a.id = e.article_id
       JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
       JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
       ${where([
         '((s.actor_id = @a AND t.actor_id = @b) OR (s.actor_id = @b AND t.actor_id = @a))', d.inList('e.modality', 'modality'),
         'a.duplicate_of IS NULL', ...dateInWindow('e.effective_date', query),
       ])}
       GROUP BY CASE WHEN s.actor_id = @a THEN 'ab' ELSE 'ba' END, substr(e.effective_date, 1, @length), ${toneSql('e')}`,
      { ...windowParams(query), a: a.id, b: b.id, length: BUCKET_LENGTH[bucket], modality: d.idList(query.modality ?? TIE_MODALITIES) },
    );
    const known = new Set(window ? bucketStarts(window.from, window.to, bucket) : rows.map((r) => r.start));
    const buckets = new Map<string, { start: string; aToB: ReturnType<typeof emptyCell>; bToA: ReturnType<typeof emptyCell> }>();
    const totals = { aToB: emptyCell(), bToA: emptyCell() };
    for (const row of rows.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0))) {
      if (!row.start || !known.has(row.start)) continue; // dated less precisely than the bucket
      let entry = buckets.get(row.start);
      if (!entry) buckets.set(row.start, (entry = { start: row.start, aToB: emptyCell(), bToA: emptyCell() }));
      const side = row.direction === 'ab' ? 'aToB' : 'bToA';
      for (const cell of [entry[side], totals[side]]) {
        cell[row.tone] += row.n;
        cell.sum += row.sum ?? 0;
        cell.coded += row.coded;
      }
      entry[side].eventIds.push(...(JSON.parse(row.ids) as string[]));
    }
    const finish = ({ sum, coded, ...cell }: ReturnType<typeof emptyCell>): DyadCell => ({
      ...cell, meanIntensity: coded ? Math.round((sum / coded) * 100) / 100 : null, eventIds: cell.eventIds.slice(0, EVENT_IDS_PER_CELL),
    });
    const total = (cell: ReturnType<typeof emptyCell>) => {
      const { eventIds: _ids, ...rest } = finish(cell);
      return rest;
    };
    return {
      a, b, bucket, from: window?.from ?? null, to: window?.to ?? null,
      buckets: [...buckets.values()].map((x) => ({ start: x.start, aToB: finish(x.aToB), bToA: finish(x.bToA) })),
      totals: { aToB: total(totals.aToB), bToA: total(totals.bToA) },
    };
  };
}
