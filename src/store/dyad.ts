// One pair of actors over time: per bucket, what A did to B and what B did to A, cooperation and
// conflict counted apart with their mean intensity, and the event ids to read the evidence. The
// analysts' judgements apply: claims marked wrong are left out, and each side is the actor kept with
// every actor merged into it (asking for a merged actor asks for the one it was merged into).
import type { ActorRef } from './types.js';
import type { IsoDate, Modality } from '../model/types.js';
import type { Tone } from '../core/ontology.js';
import { autoBucket, BUCKET_LENGTH, boundedWindow, bucketStarts, checkBucketCount, toneSql, type Bucket } from './buckets.js';
import { TIE_MODALITIES } from './graph.js';
import { actorMerges, NOT_JUDGED_WRONG } from './judgements.js';
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

/** Both actors asked for are one after the analysts' merges: there is no pair to show. */
export class SameActorError extends Error {
  constructor(readonly a: string, readonly b: string, readonly kept: string) {
    super(`'${b}' and '${a}' are one actor: both are merged into '${kept}'`);
  }
}

const emptyCell = (): DyadCell & { sum: number; coded: number } => ({ cooperation: 0, conflict: 0, neutral: 0, meanIntensity: null, eventIds: [], sum: 0, coded: 0 });

export function createDyad(sql: Sql) {
  const d = sql.dialect;
  /** Null when either actor is unknown. */
  return async function dyad(query: DyadQuery): Promise<Dyad | null> {
    const merges = await actorMerges(sql);
    const keptA = merges.resolve(query.a);
    const keptB = merges.resolve(query.b);
    const actors = await sql.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE id IN (@a, @b, @keptA, @keptB)`, { a: query.a, b: query.b, keptA, keptB });
    if (!actors.some((x) => x.id === query.a) || !actors.some((x) => x.id === query.b)) return null;
    if (keptA === keptB) throw new SameActorError(query.a, query.b, keptA);
    const a = actors.find((x) => x.id === keptA)!;
    const b = actors.find((x) => x.id === keptB)!;
    const window = await boundedWindow(sql, query);
    const bucket = query.bucket ?? (window ? autoBucket(window.from, window.to) : 'year');
    if (window) checkBucketCount(window.from, window.to, bucket);
    // each event once per direction (several sources of one side would repeat it), then counted
    const rows = await sql.all<{ direction: 'ab' | 'ba'; start: string; tone: Tone; n: number; sum: number | null; coded: number; ids: string }>(
      `SELECT x.direction, substr(e.effective_date, 1, @length) AS start,
         ${toneSql('e')} AS tone, COUNT(*) AS n, SUM(e.intensity) AS sum, COUNT(e.intensity) AS coded,
         ${d.jsonArray('e.id', 'e.effective_date DESC, e.id')} AS ids
       FROM (
         SELECT DISTINCT e.id AS id, CASE WHEN ${d.inList('s.actor_id', 'groupA')} THEN 'ab' ELSE 'ba' END AS direction
         FROM events e
         JOIN articles a ON a.id = e.article_id
         JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
         JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
         ${where([
           `((${d.inList('s.actor_id', 'groupA')} AND ${d.inList('t.actor_id', 'groupB')}) OR (${d.inList('s.actor_id', 'groupB')} AND ${d.inList('t.actor_id', 'groupA')}))`,
           d.inList('e.modality', 'modality'), 'a.duplicate_of IS NULL', NOT_JUDGED_WRONG('e.id'), ...dateInWindow('e.effective_date', query),
         ])}
       ) x JOIN events e ON e.id = x.id
       GROUP BY x.direction, substr(e.effective_date, 1, @length), ${toneSql('e')}`,
      {
        ...windowParams(query), groupA: d.idList(merges.group(keptA)), groupB: d.idList(merges.group(keptB)),
        length: BUCKET_LENGTH[bucket], modality: d.idList(query.modality ?? TIE_MODALITIES),
      },
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
        cell[row.tone] += Number(row.n);
        cell.sum += Number(row.sum ?? 0);
        cell.coded += Number(row.coded);
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
