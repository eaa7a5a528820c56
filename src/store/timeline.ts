// The timeline: events per time bucket in a window, split by tone, with the incidents among them, and
// one lane per actor asked for; and the incidents themselves, each happening once with its reports
// (src/store/views-incidents.ts: the pipeline's own rule). Events are counted once per article that is
// not a copy, with the modalities that draw a tie unless others are asked for. The app's filters and
// the analysts' judgements apply as in every view (src/store/views-filter.ts): claims marked wrong are
// not counted, and a lane for an actor merged into another is the lane of the actor kept, its events
// with those of every actor merged into it.
import type { ActorRef } from './types.js';
import type { EventType, IsoDate } from '../model/types.js';
import type { Tone } from '../core/ontology.js';
import { autoBucket, BUCKET_LENGTH, bucketStarts, boundedWindow, checkBucketCount, toneSql, type Bucket } from './buckets.js';
import { TIE_MODALITIES } from './graph.js';
import { actorMerges } from './judgements.js';
import { pageBounds, where, type Sql } from './sql.js';
import type { Page, PageOptions } from './types.js';
import { eventConditions, type ViewFilter } from './views-filter.js';
import { createIncidentFinder, incidentOrder } from './views-incidents.js';

export interface TimelineQuery extends ViewFilter {
  bucket?: Bucket;
  /** One lane per actor, in this order (an actor merged into another: the kept actor's lane, once). */
  actors?: string[];
}

export type ToneCounts = Record<Tone, number>;

export interface TimelineBucket {
  /** The bucket's first date at its precision: '2020', '2020-03' or '2020-03-15'. */
  start: IsoDate;
  events: number;
  /** Happenings in the bucket told by two or more articles (dated at least as precisely as the bucket). */
  incidents: number;
  byFamily: ToneCounts;
}

export interface TimelineLane {
  actor: ActorRef;
  /** The same buckets as the timeline's: events with the actor (or one merged into it) on either side. */
  buckets: Omit<TimelineBucket, 'incidents'>[];
}

export interface Timeline {
  bucket: Bucket;
  from: IsoDate | null;
  to: IsoDate | null;
  buckets: TimelineBucket[];
  lanes: TimelineLane[];
  /** Events in the window dated less precisely than the bucket (a month, with day buckets): in no bucket. */
  coarser: number;
}

export interface IncidentQuery extends ViewFilter, PageOptions {}

export interface IncidentRow {
  /** As src/analyze/incidents.ts names it: from its sorted event ids. */
  id: string;
  type: EventType;
  date: IsoDate;
  /** The first source and target of its first report; an actor merged into another is the actor kept. */
  source: ActorRef | null;
  target: ActorRef | null;
  /** Articles telling it. */
  reports: number;
  /** Its events, one per report (at most 50). */
  eventIds: string[];
}

const EVENT_IDS_PER_INCIDENT = 50;

const emptyTones = (): ToneCounts => ({ cooperation: 0, conflict: 0, neutral: 0 });

export function createTimeline(sql: Sql) {
  const d = sql.dialect;
  const findIncidents = createIncidentFinder(sql);

  async function actorRefs(ids: string[]): Promise<Map<string, ActorRef>> {
    if (!ids.length) return new Map();
    const rows = await sql.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE ${d.inList('id', 'ids')}`, { ids: d.idList(ids) });
    return new Map(rows.map((a) => [a.id, a]));
  }

  async function timeline(query: TimelineQuery = {}): Promise<Timeline> {
    const window = await boundedWindow(sql, query);
    const bucket = query.bucket ?? (window ? autoBucket(window.from, window.to) : 'year');
    if (window) checkBucketCount(window.from, window.to, bucket);
    const length = BUCKET_LENGTH[bucket];
    const merges = await actorMerges(sql);
    const filter = await eventConditions(sql, query, merges, { defaultModality: TIE_MODALITIES });
    const conditions = [...filter.conditions, 'a.duplicate_of IS NULL'];
    const params = { ...filter.params, length };
    const counted = filter.none ? [] : await sql.all<{ start: string | null; tone: Tone; n: number }>(
      `SELECT substr(e.effective_date, 1, @length) AS start, ${toneSql('e')} AS tone, COUNT(*) AS n
       FROM events e JOIN articles a ON a.id = e.article_id
       ${where(conditions)}
       GROUP BY substr(e.effective_date, 1, @length), ${toneSql('e')}`,
      params,
    );
    const starts = window ? bucketStarts(window.from, window.to, bucket) : [...new Set(counted.map((c) => c.start))].filter((s): s is string => s !== null && s.length === length).sort();
    const buckets = new Map(starts.map((start) => [start, { start, events: 0, incidents: 0, byFamily: emptyTones() }]));
    let coarser = 0;
    for (const row of counted) {
      const b = row.start === null ? undefined : buckets.get(row.start);
      if (!b) {
        if (row.start !== null && row.start.length < length) coarser += Number(row.n);
        continue;
      }
      b.events += Number(row.n);
      b.byFamily[row.tone] += Number(row.n);
    }
    for (const incident of await findIncidents(query)) {
      const b = incident.date.length >= length ? buckets.get(incident.date.slice(0, length)) : undefined;
      if (b) b.incidents += 1;
    }

    const lanes: TimelineLane[] = [];
    const kept = [...new Set((query.actors ?? []).map((id) => merges.resolve(id)))];
    const refs = await actorRefs(kept);
    for (const id of kept) {
      const actor = refs.get(id);
      if (!actor) continue;
      const perLane = filter.none ? [] : await sql.all<{ start: string; tone: Tone; n: number }>(
        `SELECT substr(e.effective_date, 1, @length) AS start, ${toneSql('e')} AS tone, COUNT(*) AS n
         FROM events e JOIN articles a ON a.id = e.article_id
         ${where([...conditions, `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ${d.inList('ea.actor_id', 'lane')})`])}
         GROUP BY substr(e.effective_date, 1, @length), ${toneSql('e')}`,
        { ...params, lane: d.idList(merges.group(id)) },
      );
      const laneBuckets = new Map(starts.map((start) => [start, { start, events: 0, byFamily: emptyTones() }]));
      for (const row of perLane) {
        const b = laneBuckets.get(row.start);
        if (!b) continue;
        b.events += Number(row.n);
        b.byFamily[row.tone] += Number(row.n);
      }
      lanes.push({ actor, buckets: [...laneBuckets.values()] });
    }
    return { bucket, from: window?.from ?? null, to: window?.to ?? null, buckets: [...buckets.values()], lanes, coarser };
  }

  async function listIncidents(query: IncidentQuery = {}): Promise<Page<IncidentRow>> {
    const { limit, offset } = pageBounds(query);
    const incidents = (await findIncidents(query)).sort(incidentOrder);
    const page = incidents.slice(offset, offset + limit);
    const actors = await actorRefs([...new Set(page.flatMap((r) => [r.sourceId, r.targetId]).filter((id): id is string => id !== null))]);
    const items = page.map((row): IncidentRow => ({
      id: row.id, type: row.type, date: row.date,
      source: row.sourceId ? actors.get(row.sourceId) ?? null : null, target: row.targetId ? actors.get(row.targetId) ?? null : null,
      reports: row.reports, eventIds: row.eventIds.slice(0, EVENT_IDS_PER_INCIDENT),
    }));
    return { total: incidents.length, limit, offset, items };
  }

  return { timeline, listIncidents };
}
