// An in-memory index of the claims the network is drawn from (issue 9: /api/graph under 100 ms on a
// 100k-event store). Aggregating in SQL per request reads every claim in the window and groups it
// (seconds on 100k events); here the rows are loaded once into typed arrays, actor, type, date and
// evidence ids interned to integers, every (kind, type, source, target) group numbered in advance, and
// a request only walks its window (found by binary search over the date order) adding into per-group
// counters. It gives exactly the rows src/store/graph.ts's SQL gives (test/store/graph-index.test.ts
// compares both); graph.ts keeps the SQL for what is not indexed (evidence text search).
//
// Staleness: another process (orbit ingest) may write the store while the server reads it, so every
// use first reads a cheap version of the store (storeVersion) and rebuilds when it changed, one build
// at a time: requests arriving during a build wait for that build instead of starting their own.
import type { GraphEdgeRow } from '../analyze/graph.js';
import type { Modality } from '../model/types.js';
import type { Sql } from './sql.js';
import type { DateWindow } from './types.js';
import { END } from './window.js';

/** Evidence ids kept per edge, most recent first (buildGraphFromEdges keeps 5 by default). */
export const EVIDENCE_KEPT = 5;

/** What the edges are filtered by; the ends and kinds as actor id sets, already resolved. */
export interface IndexEdgeQuery extends DateWindow {
  modality: readonly Modality[];
  /** Null: every event type. */
  eventTypes: readonly string[] | null;
  relationTypes: readonly string[] | null;
  /** Relation `negated` values that draw (0 stated, 1 denied). */
  negated: readonly number[];
  minEvidence: number;
  /** Both ends must be among these (the kinds filter); null: any. */
  kindIds: ReadonlySet<string> | null;
  /** Every edge touching one of `ids`, or with both ends in `ids`; null: any. */
  ends: { ids: readonly string[]; both: boolean } | null;
}

class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  get(value: string): number | undefined {
    return this.ids.get(value);
  }
  get size(): number {
    return this.values.length;
  }
}

const NO_DATE = -1;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface EventRowIn { type: string; modality: string; date: string | null; intensity: number | null; evidenceId: string; sourceId: string; targetId: string }
interface RelationRowIn { type: string; negated: number; spanFrom: string | null; spanTo: string | null; evidenceId: string; sourceId: string; targetId: string }
interface MentionRowIn { actorId: string; date: string | null; n: number }

/** The claims of a store, as arrays sorted for the requests. Immutable once built. */
export class GraphIndex {
  /** Distinct dates, sorted as strings (the store compares dates as strings, see window.ts). */
  private readonly dates: string[];
  private readonly actors: Interner;
  private readonly types: Interner;
  private readonly modalities: Interner;
  private readonly evidence: string[];
  // groups: one per (kind, type, source, target), the unit the SQL groups by
  private readonly groupIsRelation: Uint8Array;
  private readonly groupType: Int32Array;
  private readonly groupSource: Int32Array;
  private readonly groupTarget: Int32Array;
  private readonly pairCount: number;
  // events (one row per source x target of an event), by date descending (undated last), evidence ascending
  private readonly eDate: Int32Array;
  private readonly eType: Int32Array;
  private readonly eModality: Int32Array;
  private readonly eIntensity: Float64Array;
  private readonly eEvidence: Int32Array;
  private readonly eGroup: Int32Array;
  /** (group, evidence) numbered, to count distinct evidence per group in one pass. */
  private readonly ePair: Int32Array;
  // relations, by COALESCE(span_to, span_from) descending (undated last), evidence ascending
  private readonly rFrom: Int32Array;
  private readonly rTo: Int32Array;
  private readonly rType: Int32Array;
  private readonly rNegated: Uint8Array;
  private readonly rEvidence: Int32Array;
  private readonly rGroup: Int32Array;
  private readonly rPair: Int32Array;
  // mentions per (actor, article date), by date descending (undated last)
  private readonly mDate: Int32Array;
  private readonly mActor: Int32Array;
  private readonly mCount: Int32Array;

  constructor(events: EventRowIn[], relations: RelationRowIn[], mentions: MentionRowIn[]) {
    const dateSet = new Set<string>();
    const evidenceSet = new Set<string>();
    for (const e of events) {
      if (e.date !== null) dateSet.add(e.date);
      evidenceSet.add(e.evidenceId);
    }
    for (const r of relations) {
      if (r.spanFrom !== null) dateSet.add(r.spanFrom);
      if (r.spanTo !== null) dateSet.add(r.spanTo);
      evidenceSet.add(r.evidenceId);
    }
    for (const m of mentions) if (m.date !== null) dateSet.add(m.date);
    this.dates = [...dateSet].sort(byText);
    const dateRank = new Map(this.dates.map((d, i) => [d, i]));
    const rankOf = (d: string | null) => (d === null ? NO_DATE : dateRank.get(d)!);
    // evidence numbered in string order, so comparing numbers orders as the SQL's ORDER BY evidence_id
    this.evidence = [...evidenceSet].sort(byText);
    const evidenceRank = new Map(this.evidence.map((e, i) => [e, i]));
    this.actors = new Interner();
    this.types = new Interner();
    this.modalities = new Interner();

    const groups = new Map<string, number>();
    const gRelation: number[] = [], gType: number[] = [], gSource: number[] = [], gTarget: number[] = [];
    const groupOf = (relation: boolean, type: number, source: number, target: number) => {
      const key = `${relation ? 1 : 0}:${type}:${source}:${target}`;
      let g = groups.get(key);
      if (g === undefined) {
        g = gType.length;
        groups.set(key, g);
        gRelation.push(relation ? 1 : 0); gType.push(type); gSource.push(source); gTarget.push(target);
      }
      return g;
    };
    const pairs = new Map<number, number>();
    const pairOf = (group: number, evidence: number) => {
      const key = group * this.evidence.length + evidence;
      let p = pairs.get(key);
      if (p === undefined) pairs.set(key, (p = pairs.size));
      return p;
    };
    // descending date, undated (-1) last, then ascending evidence: the order of the SQL's evidence arrays
    const order = (n: number, date: (i: number) => number, evidence: (i: number) => number) =>
      Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => date(b) - date(a) || evidence(a) - evidence(b));

    const eDates = events.map((e) => rankOf(e.date));
    const eEvidence = events.map((e) => evidenceRank.get(e.evidenceId)!);
    const eOrder = order(events.length, (i) => eDates[i], (i) => eEvidence[i]);
    const n = events.length;
    this.eDate = new Int32Array(n); this.eType = new Int32Array(n); this.eModality = new Int32Array(n);
    this.eIntensity = new Float64Array(n); this.eEvidence = new Int32Array(n); this.eGroup = new Int32Array(n); this.ePair = new Int32Array(n);
    eOrder.forEach((from, to) => {
      const e = events[from];
      const type = this.types.id(e.type);
      this.eDate[to] = eDates[from];
      this.eType[to] = type;
      this.eModality[to] = this.modalities.id(e.modality);
      this.eIntensity[to] = e.intensity ?? NaN;
      this.eEvidence[to] = eEvidence[from];
      this.eGroup[to] = groupOf(false, type, this.actors.id(e.sourceId), this.actors.id(e.targetId));
      this.ePair[to] = pairOf(this.eGroup[to], eEvidence[from]);
    });

    const rFrom = relations.map((r) => rankOf(r.spanFrom));
    const rTo = relations.map((r) => rankOf(r.spanTo));
    const rLast = relations.map((_, i) => (rTo[i] !== NO_DATE ? rTo[i] : rFrom[i]));
    const rEvidence = relations.map((r) => evidenceRank.get(r.evidenceId)!);
    const rOrder = order(relations.length, (i) => rLast[i], (i) => rEvidence[i]);
    const m = relations.length;
    this.rFrom = new Int32Array(m); this.rTo = new Int32Array(m); this.rType = new Int32Array(m); this.rNegated = new Uint8Array(m);
    this.rEvidence = new Int32Array(m); this.rGroup = new Int32Array(m); this.rPair = new Int32Array(m);
    rOrder.forEach((from, to) => {
      const r = relations[from];
      const type = this.types.id(r.type);
      this.rFrom[to] = rFrom[from];
      this.rTo[to] = rTo[from];
      this.rType[to] = type;
      this.rNegated[to] = r.negated ? 1 : 0;
      this.rEvidence[to] = rEvidence[from];
      this.rGroup[to] = groupOf(true, type, this.actors.id(r.sourceId), this.actors.id(r.targetId));
      this.rPair[to] = pairOf(this.rGroup[to], rEvidence[from]);
    });

    const mDates = mentions.map((x) => rankOf(x.date));
    const mOrder = order(mentions.length, (i) => mDates[i], () => 0);
    this.mDate = new Int32Array(mentions.length); this.mActor = new Int32Array(mentions.length); this.mCount = new Int32Array(mentions.length);
    mOrder.forEach((from, to) => {
      this.mDate[to] = mDates[from];
      this.mActor[to] = this.actors.id(mentions[from].actorId);
      this.mCount[to] = mentions[from].n;
    });

    this.groupIsRelation = Uint8Array.from(gRelation);
    this.groupType = Int32Array.from(gType);
    this.groupSource = Int32Array.from(gSource);
    this.groupTarget = Int32Array.from(gTarget);
    this.pairCount = pairs.size;
  }

  /** Bytes held in typed arrays, and an estimate for the interned strings (2 bytes a char plus ~40 per string). */
  memoryBytes(): { arrays: number; strings: number } {
    const arrays = Object.values(this).filter(ArrayBuffer.isView).reduce((sum, a) => sum + (a as ArrayBufferView).byteLength, 0);
    const strings = [...this.dates, ...this.evidence, ...this.actors.values, ...this.types.values]
      .reduce((sum, s) => sum + 40 + 2 * s.length, 0);
    return { arrays, strings };
  }

  get size(): { events: number; relations: number; mentions: number; groups: number } {
    return { events: this.eDate.length, relations: this.rFrom.length, mentions: this.mDate.length, groups: this.groupType.length };
  }

  /** Per date, whether an item dated so is in the window (window.ts's dateInWindow, applied to each distinct date). */
  private dateMasks(window: DateWindow) {
    const from = window.from ?? null;
    const fromYear = from?.slice(0, 4) ?? null;
    const toEnd = window.to ? window.to + END : null;
    const dated = new Uint8Array(this.dates.length);
    const startsBeforeEnd = new Uint8Array(this.dates.length);
    const endsAfterStart = new Uint8Array(this.dates.length);
    for (let i = 0; i < this.dates.length; i++) {
      const d = this.dates[i];
      const afterStart = from === null || d + END >= from;
      const beforeEnd = toEnd === null || d <= toEnd;
      dated[i] = afterStart && beforeEnd && (fromYear === null || d >= fromYear) ? 1 : 0;
      startsBeforeEnd[i] = beforeEnd ? 1 : 0;
      endsAfterStart[i] = afterStart ? 1 : 0;
    }
    const bounded = from !== null || toEnd !== null;
    // the range of date ranks that can be in the window: >= the year bound, <= the end bound
    const lowRank = fromYear === null ? 0 : lowerBound(this.dates, fromYear);
    const highRank = toEnd === null ? this.dates.length - 1 : lowerBound(this.dates, toEnd + '\uffff') - 1;
    return { dated, startsBeforeEnd, endsAfterStart, bounded, lowRank, highRank };
  }

  /** Rows [start, end) of a descending date column whose rank is within [low, high], plus the undated when unbounded. */
  private static range(column: Int32Array, low: number, high: number, bounded: boolean): [number, number] {
    // column descending: first row with rank <= high, first row with rank < low
    const start = firstIndex(column, (r) => r <= high);
    const end = bounded ? firstIndex(column, (r) => r < low) : column.length;
    return [start, Math.max(start, end)];
  }

  /** Mentions per actor in articles published in the window, for the given actor ids (all when null). */
  weights(window: DateWindow): (actorId: string) => number {
    const masks = this.dateMasks(window);
    const weight = new Int32Array(this.actors.size);
    const [start, end] = GraphIndex.range(this.mDate, masks.lowRank, masks.highRank, masks.bounded);
    for (let i = start; i < end; i++) {
      const d = this.mDate[i];
      if (d === NO_DATE ? !masks.bounded : masks.dated[d]) weight[this.mActor[i]] += this.mCount[i];
    }
    return (actorId) => {
      const a = this.actors.get(actorId);
      return a === undefined ? 0 : weight[a];
    };
  }

  /** The aggregated edges, as src/store/graph.ts's SQL returns them. */
  edges(query: IndexEdgeQuery): GraphEdgeRow[] {
    const masks = this.dateMasks(query);
    const actorMask = (ids: Iterable<string>) => {
      const mask = new Uint8Array(this.actors.size);
      for (const id of ids) {
        const a = this.actors.get(id);
        if (a !== undefined) mask[a] = 1;
      }
      return mask;
    };
    const kinds = query.kindIds ? actorMask(query.kindIds) : null;
    const ends = query.ends ? actorMask(query.ends.ids) : null;
    const both = query.ends?.both ?? false;
    const groupCount = this.groupType.length;
    /** Whether a group's ends pass the kinds and ends filters (decided once per group, lazily). */
    const groupOk = new Int8Array(groupCount); // 0 unknown, 1 yes, -1 no
    const endsPass = (g: number) => {
      let ok = groupOk[g];
      if (ok === 0) {
        const s = this.groupSource[g], t = this.groupTarget[g];
        let pass = !kinds || (kinds[s] === 1 && kinds[t] === 1);
        if (pass && ends) pass = both ? ends[s] === 1 && ends[t] === 1 : ends[s] === 1 || ends[t] === 1;
        groupOk[g] = ok = pass ? 1 : -1;
      }
      return ok === 1;
    };
    const typeMask = (types: readonly string[] | null) => {
      if (!types) return null;
      const mask = new Uint8Array(this.types.size);
      for (const t of types) {
        const id = this.types.get(t);
        if (id !== undefined) mask[id] = 1;
      }
      return mask;
    };

    const count = new Int32Array(groupCount);
    const distinct = new Int32Array(groupCount);
    const first = new Int32Array(groupCount).fill(NO_DATE);
    const last = new Int32Array(groupCount).fill(NO_DATE);
    // Kahan-Babuska-Neumaier, as SQLite's SUM (3.43 on): a sum that does not depend on the order the rows
    // come in, so the rounded mean intensity is the one the SQL gives
    const intensitySum = new Float64Array(groupCount);
    const intensityError = new Float64Array(groupCount);
    const intensityCount = new Int32Array(groupCount);
    const kept = new Int32Array(groupCount * EVIDENCE_KEPT);
    const seenPair = new Uint8Array(this.pairCount);
    const touched: number[] = [];
    /** One claim into its group; rows come most recent first, so the first EVIDENCE_KEPT evidence ids are the kept ones. */
    const add = (g: number, pair: number, evidence: number, firstDate: number, lastDate: number) => {
      const c = count[g]++;
      if (c === 0) touched.push(g);
      if (c < EVIDENCE_KEPT) kept[g * EVIDENCE_KEPT + c] = evidence;
      if (!seenPair[pair]) {
        seenPair[pair] = 1;
        distinct[g]++;
      }
      if (firstDate !== NO_DATE && (first[g] === NO_DATE || firstDate < first[g])) first[g] = firstDate;
      if (lastDate !== NO_DATE && lastDate > last[g]) last[g] = lastDate;
    };

    const eventTypes = typeMask(query.eventTypes);
    if (!eventTypes || query.eventTypes!.length) {
      const modality = new Uint8Array(this.modalities.size);
      for (const m of query.modality) {
        const id = this.modalities.get(m);
        if (id !== undefined) modality[id] = 1;
      }
      const [start, end] = GraphIndex.range(this.eDate, masks.lowRank, masks.highRank, masks.bounded);
      for (let i = start; i < end; i++) {
        const d = this.eDate[i];
        if (d === NO_DATE ? masks.bounded : !masks.dated[d]) continue;
        if (!modality[this.eModality[i]] || (eventTypes && !eventTypes[this.eType[i]])) continue;
        const g = this.eGroup[i];
        if (!endsPass(g)) continue;
        add(g, this.ePair[i], this.eEvidence[i], d, d);
        const intensity = this.eIntensity[i];
        if (intensity === intensity) {
          const sum = intensitySum[g];
          const next = sum + intensity;
          intensityError[g] += Math.abs(sum) >= Math.abs(intensity) ? (sum - next) + intensity : (intensity - next) + sum;
          intensitySum[g] = next;
          intensityCount[g]++;
        }
      }
    }

    const relationTypes = typeMask(query.relationTypes);
    if ((!relationTypes || query.relationTypes!.length) && query.negated.length) {
      const negated = [query.negated.includes(0), query.negated.includes(1)];
      for (let i = 0; i < this.rFrom.length; i++) {
        const from = this.rFrom[i], to = this.rTo[i];
        if (masks.bounded) {
          // spanInWindow: dated on some side, starting before the end and ending after the start (open sides pass)
          if (from === NO_DATE && to === NO_DATE) continue;
          if (from !== NO_DATE && !masks.startsBeforeEnd[from]) continue;
          if (to !== NO_DATE && !masks.endsAfterStart[to]) continue;
        }
        if (!negated[this.rNegated[i]] || (relationTypes && !relationTypes[this.rType[i]])) continue;
        const g = this.rGroup[i];
        if (!endsPass(g)) continue;
        add(g, this.rPair[i], this.rEvidence[i], from !== NO_DATE ? from : to, to !== NO_DATE ? to : from);
      }
    }

    const rows: GraphEdgeRow[] = [];
    const dateOf = (rank: number) => (rank === NO_DATE ? null : this.dates[rank]);
    for (const g of touched) {
      if (distinct[g] < query.minEvidence) continue;
      const relation = this.groupIsRelation[g] === 1;
      const evidenceIds: string[] = [];
      for (let k = 0; k < Math.min(count[g], EVIDENCE_KEPT); k++) evidenceIds.push(this.evidence[kept[g * EVIDENCE_KEPT + k]]);
      rows.push({
        kind: relation ? 'relation' : 'event',
        type: this.types.values[this.groupType[g]] as GraphEdgeRow['type'],
        sourceId: this.actors.values[this.groupSource[g]],
        targetId: this.actors.values[this.groupTarget[g]],
        count: count[g],
        evidenceCount: distinct[g],
        first: dateOf(first[g]),
        last: dateOf(last[g]),
        intensitySum: relation || intensityCount[g] === 0 ? null : intensitySum[g] + intensityError[g],
        intensityCount: relation ? 0 : intensityCount[g],
        evidenceIds,
      });
    }
    return rows;
  }
}

/** First index of a sorted string array whose value is >= key. */
function lowerBound(values: readonly string[], key: string): number {
  let low = 0, high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index where a predicate, false then true along the column, holds (column.length when never). */
function firstIndex(column: Int32Array, holds: (value: number) => boolean): number {
  let low = 0, high = column.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (holds(column[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Reads the rows graph() aggregates: claims and mentions of articles that copy no other. */
export async function loadGraphIndex(sql: Sql): Promise<GraphIndex> {
  const events = await sql.all<EventRowIn>(
    `SELECT e.type, e.modality, e.effective_date AS date, e.intensity, e.evidence_id AS "evidenceId",
       s.actor_id AS "sourceId", t.actor_id AS "targetId"
     FROM events e
     JOIN articles a ON a.id = e.article_id
     JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
     JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
     WHERE a.duplicate_of IS NULL`,
  );
  const relations = await sql.all<RelationRowIn>(
    `SELECT r.type, r.negated, r.span_from AS "spanFrom", r.span_to AS "spanTo", r.evidence_id AS "evidenceId",
       r.source_id AS "sourceId", r.target_id AS "targetId"
     FROM relations r JOIN articles a ON a.id = r.article_id
     WHERE a.duplicate_of IS NULL`,
  );
  const mentions = await sql.all<MentionRowIn>(
    `SELECT m.actor_id AS "actorId", a.published_at AS date, COUNT(*) AS n
     FROM mentions m JOIN articles a ON a.id = m.article_id
     WHERE a.duplicate_of IS NULL
     GROUP BY m.actor_id, a.published_at`,
  );
  return new GraphIndex(
    events.map((e) => ({ ...e, intensity: e.intensity === null ? null : Number(e.intensity) })),
    relations.map((r) => ({ ...r, negated: Number(r.negated) })),
    mentions.map((m) => ({ ...m, n: Number(m.n) })),
  );
}

/**
 * A version of what the index holds: it changes when an article is added, removed or saved again (its
 * evidence rows are replaced, so their keys move on), and when a judgement is made or undone.
 */
export async function storeVersion(sql: Sql): Promise<string> {
  const parts = [
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n FROM articles'),
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n FROM evidence'),
  ];
  const judgements = sql.dialect.name === 'sqlite'
    ? await sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'judgements'`)
    : await sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'judgements' AND table_schema = current_schema()`);
  if (Number(judgements[0].n) > 0) parts.push(await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n, COUNT(undone_at) AS u FROM judgements'));
  return JSON.stringify(parts);
}

/** The index for the store as it is now: rebuilt when the store's version moved, one build at a time. */
export function createGraphIndexCache(sql: Sql) {
  let current: { version: string; index: GraphIndex } | null = null;
  let building: Promise<GraphIndex> | null = null;
  return async function currentIndex(): Promise<GraphIndex> {
    const version = await storeVersion(sql);
    if (current?.version === version) return current.index;
    if (!building) {
      // the version is read before the rows, so a write landing during the load makes the next request rebuild
      building = loadGraphIndex(sql)
        .then((index) => {
          current = { version, index };
          return index;
        })
        .finally(() => {
          building = null;
        });
    }
    return building;
  };
}
