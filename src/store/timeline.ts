// The timeline: events per time bucket in a window, split by tone, with the incidents among them, and
// one lane per actor asked for; and the incidents themselves, each happening once with its reports.
// An incident here is what src/analyze/incidents.ts groups, said in SQL: asserted events of one type,
// dated to the same day, whose first source and first target agree, told by two or more articles
// (copies included: a syndicated wire story is a report too). Events are counted once per article
// that is not a copy, with the modalities that draw a tie unless others are asked for.
import { stableId } from '../core/ids.js';
import type { ActorRef } from './types.js';
import type { EventType, IsoDate, Modality } from '../model/types.js';
import type { Tone } from '../core/ontology.js';
import { autoBucket, BUCKET_LENGTH, bucketStarts, boundedWindow, checkBucketCount, toneSql, type Bucket } from './buckets.js';
import { TIE_MODALITIES } from './graph.js';
import { pageBounds, where, type Params, type Sql } from './sql.js';
import type { DateWindow, Page, PageOptions } from './types.js';
import { dateInWindow, windowParams } from './window.js';

export interface TimelineQuery extends DateWindow {
  bucket?: Bucket;
  /** One lane per actor, in this order. */
  actors?: string[];
  types?: EventType[];
  modality?: Modality[];
}

export type ToneCounts = Record<Tone, number>;

export interface TimelineBucket {
  /** The bucket's first date at its precision: '2020', '2020-03' or '2020-03-15'. */
  start: IsoDate;
  events: number;
  /** Happenings in the bucket told by two or more articles. */
  incidents: number;
  byFamily: ToneCounts;
}

export interface TimelineLane {
  actor: ActorRef;
  /** The same buckets as the timeline's: events with the actor on either side. */
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

export interface IncidentQuery extends DateWindow, PageOptions {}

export interface IncidentRow {
  /** As src/analyze/incidents.ts names it: from its sorted event ids. */
  id: string;
  type: EventType;
  date: IsoDate;
  source: ActorRef | null;
  target: ActorRef | null;
  /** Articles telling it. */
  reports: number;
  /** Its events, one or more per report (at most 50). */
  eventIds: string[];
}

const EVENT_IDS_PER_INCIDENT = 50;

const emptyTones = (): ToneCounts => ({ cooperation: 0, conflict: 0, neutral: 0 });

export function createTimeline(sql: Sql) {
  const d = sql.dialect;

  /** Groups of asserted, day-dated events that are one happening, with their number of reports. */
  const incidentGroups = (window: DateWindow) => `
    SELECT e.type, e.date, s.actor_id AS "sourceId", t.actor_id AS "targetId",
      COUNT(DISTINCT e.article_id) AS reports, ${d.jsonArray('e.id', 'e.id')} AS "eventIds"
    FROM events e
    LEFT JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' AND s.position = 0
    LEFT JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' AND t.position = 0
    ${where(["e.modality = 'asserted'", 'length(e.date) = 10', ...dateInWindow('e.date', window)])}
    GROUP BY e.type, e.date, s.actor_id, t.actor_id
    HAVING COUNT(DISTINCT e.article_id) > 1`;

  async function timeline(query: TimelineQuery = {}): Promise<Timeline> {
    const window = await boundedWindow(sql, query);
    const bucket = query.bucket ?? (window ? autoBucket(window.from, window.to) : 'year');
    if (window) checkBucketCount(window.from, window.to, bucket);
    const length = BUCKET_LENGTH[bucket];
    const params: Params = { ...windowParams(query), modality: d.idList(query.modality ?? TIE_MODALITIES), length };
    const conditions = [d.inList('e.modality', 'modality'), 'a.duplicate_of IS NULL', ...dateInWindow('e.effective_date', query)];
    if (query.types) {
      params.types = d.idList(query.types);
      conditions.push(d.inList('e.type', 'types'));
    }
    const counted = await sql.all<{ start: string | null; tone: Tone; n: number }>(
      `SELECT substr(e.effective_date, 1, @length) AS start, ${toneSql('e')} AS tone, COUNT(*) AS n
       FROM events e JOIN articles a ON a.id = e.article_id
       ${where(conditions)}
       GROUP BY substr(e.effective_date, 1, @length), ${toneSql('e')}`,
      params,
    );
    const incidents = await sql.all<{ start: string; n: number }>(
      `SELECT substr(g.date, 1, @length) AS start, COUNT(*) AS n FROM (${incidentGroups(query)}) g GROUP BY substr(g.date, 1, @length)`,
      { ...windowParams(query), length },
    );
    const starts = window ? bucketStarts(window.from, window.to, bucket) : [...new Set(counted.map((c) => c.start))].filter((s): s is string => s !== null && s.length === length).sort();
    const buckets = new Map(starts.map((start) => [start, { start, events: 0, incidents: 0, byFamily: emptyTones() }]));
    let coarser = 0;
    for (const row of counted) {
      const b = row.start === null ? undefined : buckets.get(row.start);
      if (!b) {
        if (row.start !== null && row.start.length < length) coarser += row.n;
        continue;
      }
      b.events += row.n;
      b.byFamily[row.tone] += row.n;
    }
    for (const row of incidents) {
      const b = buckets.get(row.start);
      if (b) b.incidents = row.n;
    }

    const lanes: TimelineLane[] = [];
    if (query.actors?.length) {
      const actors = await sql.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE ${d.inList('id', 'ids')}`, { ids: d.idList(query.actors) });
      const perActor = await sql.all<{ actor: string; start: string; tone: Tone; n: number }>(
        `SELECT ea.actor_id AS actor, substr(e.effective_date, 1, @length) AS start, ${toneSql('e')} AS tone, COUNT(DISTINCT e.id) AS n
         FROM events e JOIN articles a ON a.id = e.article_id JOIN event_actors ea ON ea.event_id = e.id
         ${where([...conditions, d.inList('ea.actor_id', 'actors')])}
         GROUP BY ea.actor_id, substr(e.effective_date, 1, @length), ${toneSql('e')}`,
        { ...params, actors: d.idList(query.actors) },
      );
      for (const id of query.actors) {
        const actor = actors.find((a) => a.id === id);
        if (!actor) continue;
        const laneBuckets = new Map(starts.map((start) => [start, { start, events: 0, byFamily: emptyTones() }]));
        for (const row of perActor) {
          const b = row.actor === id ? laneBuckets.get(row.start) : undefined;
          if (!b) continue;
          b.events += row.n;
          b.byFamily[row.tone] += row.n;
        }
        lanes.push({ actor, buckets: [...laneBuckets.values()] });
      }
    }
    return { bucket, from: window?.from ?? null, to: window?.to ?? null, buckets: [...buckets.values()], lanes, coarser };
  }

  async function listIncidents(query: IncidentQuery = {}): Promise<Page<IncidentRow>> {
    const { limit, offset } = pageBounds(query);
    const params = { ...windowParams(query), limit, offset };
    const groups = incidentGroups(query);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${groups}) g`, params))!.n;
    const rows = await sql.all<{ type: EventType; date: IsoDate; sourceId: string | null; targetId: string | null; reports: number; eventIds: string }>(
      `SELECT g.* FROM (${groups}) g ORDER BY g.date DESC, g.reports DESC, g.type, g."sourceId", g."targetId" LIMIT @limit OFFSET @offset`,
      params,
    );
    const ids = [...new Set(rows.flatMap((r) => [r.sourceId, r.targetId]).filter((id): id is string => id !== null))];
    const actors = new Map((await sql.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE ${d.inList('id', 'ids')}`, { ids: d.idList(ids) }))
      .map((a) => [a.id, a]));
    const items = rows.map((row) => {
      const eventIds = JSON.parse(row.eventIds) as string[];
      return {
        id: stableId('i', ...[...eventIds].sort()), type: row.type, date: row.date,
        source: row.sourceId ? actors.get(row.sourceId) ?? null : null, target: row.targetId ? actors.get(row.targetId) ?? null : null,
        reports: row.reports, eventIds: eventIds.slice(0, EVENT_IDS_PER_INCIDENT),
      };
    });
    return { total, limit, offset, items };
  }

  return { timeline, listIncidents };
}
