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
import { actorMerges, type ActorMerges } from './judgements.js';

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
  /** Only claims whose evidence sentence is one of these (an evidence text search's hits); null or absent: any. */
  evidenceIds?: ReadonlySet<string> | null;
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

/** Which date ranks a window takes (read-only once made: they are kept and shared). */
interface DateMasks {
  dated: Uint8Array;
  startsBeforeEnd: Uint8Array;
  endsAfterStart: Uint8Array;
  bounded: boolean;
  lowRank: number;
  highRank: number;
}
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface EventRowIn { claimId: string; type: string; modality: string; date: string | null; intensity: number | null; evidenceId: string; sourceId: string; targetId: string }
interface RelationRowIn { claimId: string; type: string; negated: number; spanFrom: string | null; spanTo: string | null; evidenceId: string; sourceId: string; targetId: string }
interface MentionRowIn { actorId: string; date: string | null; n: number }

/** The claims of a store, as arrays sorted for the requests. The claims are immutable once built (only masks of recent windows are kept). */
export class GraphIndex {
  /** Distinct dates, sorted as strings (the store compares dates as strings, see window.ts). */
  private readonly dates: string[];
  private readonly actors: Interner;
  private readonly types: Interner;
  private readonly modalities: Interner;
  private readonly evidence: string[];
  /** Event and relation ids, sorted: a judgement names a claim by id (judged-wrong claims are skipped by their rank). */
  private readonly claimIds: string[];
  // groups: one per (kind, type, source, target), the unit the SQL groups by
  private readonly groupIsRelation: Uint8Array;
  private readonly groupType: Int32Array;
  private readonly groupSource: Int32Array;
  private readonly groupTarget: Int32Array;
  private readonly pairCount: number;
  private readonly groupTable: GroupTable;
  // events (one row per source x target of an event), by date descending (undated last), evidence ascending
  private readonly eDate: Int32Array;
  private readonly eType: Int32Array;
  private readonly eModality: Int32Array;
  private readonly eIntensity: Float64Array;
  private readonly eEvidence: Int32Array;
  private readonly eGroup: Int32Array;
  private readonly eClaim: Int32Array;
  /** (group, evidence) numbered, to count distinct evidence per group in one pass. */
  private readonly ePair: Int32Array;
  // relations, by COALESCE(span_to, span_from) descending (undated last), evidence ascending
  private readonly rFrom: Int32Array;
  private readonly rTo: Int32Array;
  private readonly rType: Int32Array;
  private readonly rNegated: Uint8Array;
  private readonly rEvidence: Int32Array;
  private readonly rGroup: Int32Array;
  private readonly rClaim: Int32Array;
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
    this.claimIds = [...new Set([...events.map((e) => e.claimId), ...relations.map((r) => r.claimId)])].sort(byText);
    const claimRank = new Map(this.claimIds.map((c, i) => [c, i]));
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
    this.eIntensity = new Float64Array(n); this.eEvidence = new Int32Array(n); this.eGroup = new Int32Array(n); this.ePair = new Int32Array(n); this.eClaim = new Int32Array(n);
    eOrder.forEach((from, to) => {
      const e = events[from];
      const type = this.types.id(e.type);
      this.eDate[to] = eDates[from];
      this.eType[to] = type;
      this.eModality[to] = this.modalities.id(e.modality);
      this.eIntensity[to] = e.intensity ?? NaN;
      this.eEvidence[to] = eEvidence[from];
      this.eClaim[to] = claimRank.get(e.claimId)!;
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
    this.rEvidence = new Int32Array(m); this.rGroup = new Int32Array(m); this.rPair = new Int32Array(m); this.rClaim = new Int32Array(m);
    rOrder.forEach((from, to) => {
      const r = relations[from];
      const type = this.types.id(r.type);
      this.rFrom[to] = rFrom[from];
      this.rTo[to] = rTo[from];
      this.rType[to] = type;
      this.rNegated[to] = r.negated ? 1 : 0;
      this.rEvidence[to] = rEvidence[from];
      this.rClaim[to] = claimRank.get(r.claimId)!;
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
    const table = { isRelation: this.groupIsRelation, type: this.groupType, source: this.groupSource, target: this.groupTarget };
    this.groupTable = { ...table, ...keyRanks(this, table) };
  }

  /** Bytes held in typed arrays, and an estimate for the interned strings (2 bytes a char plus ~40 per string). */
  memoryBytes(): { arrays: number; strings: number } {
    const arrays = Object.values(this).filter(ArrayBuffer.isView).reduce((sum, a) => sum + (a as ArrayBufferView).byteLength, 0);
    const strings = [...this.dates, ...this.evidence, ...this.claimIds, ...this.actors.values, ...this.types.values]
      .reduce((sum, s) => sum + 40 + 2 * s.length, 0);
    return { arrays, strings };
  }

  get size(): { events: number; relations: number; mentions: number; groups: number } {
    return { events: this.eDate.length, relations: this.rFrom.length, mentions: this.mDate.length, groups: this.groupType.length };
  }

  /** Each date with END appended (window.ts's comparison), made once: made per date per request it was most of a small window's time. */
  private datesEnded: string[] | null = null;
  /** The masks of the last few windows: a request reads them for the weights and again for each aggregation. */
  private readonly masksKept = new Map<string, DateMasks>();

  /** Per date, whether an item dated so is in the window (window.ts's dateInWindow, applied to each distinct date). */
  private dateMasks(window: DateWindow): DateMasks {
    const key = `${window.from ?? ''}|${window.to ?? ''}`;
    const kept = this.masksKept.get(key);
    if (kept) return kept;
    const from = window.from ?? null;
    const fromYear = from?.slice(0, 4) ?? null;
    const toEnd = window.to ? window.to + END : null;
    const dated = new Uint8Array(this.dates.length);
    const startsBeforeEnd = new Uint8Array(this.dates.length);
    const endsAfterStart = new Uint8Array(this.dates.length);
    const ended = (this.datesEnded ??= this.dates.map((d) => d + END));
    for (let i = 0; i < this.dates.length; i++) {
      const d = this.dates[i];
      const afterStart = from === null || ended[i] >= from;
      const beforeEnd = toEnd === null || d <= toEnd;
      dated[i] = afterStart && beforeEnd && (fromYear === null || d >= fromYear) ? 1 : 0;
      startsBeforeEnd[i] = beforeEnd ? 1 : 0;
      endsAfterStart[i] = afterStart ? 1 : 0;
    }
    const bounded = from !== null || toEnd !== null;
    // the range of date ranks that can be in the window: >= the year bound, <= the end bound
    const lowRank = fromYear === null ? 0 : lowerBound(this.dates, fromYear);
    const highRank = toEnd === null ? this.dates.length - 1 : lowerBound(this.dates, toEnd + '\uffff') - 1;
    const masks = { dated, startsBeforeEnd, endsAfterStart, bounded, lowRank, highRank };
    this.masksKept.set(key, masks);
    if (this.masksKept.size > 4) this.masksKept.delete(this.masksKept.keys().next().value!);
    return masks;
  }

  /** Rows [start, end) of a descending date column whose rank is within [low, high], plus the undated when unbounded. */
  private static range(column: Int32Array, low: number, high: number, bounded: boolean): [number, number] {
    // column descending: first row with rank <= high, first row with rank < low
    const start = firstIndex(column, (r) => r <= high);
    const end = bounded ? firstIndex(column, (r) => r < low) : column.length;
    return [start, Math.max(start, end)];
  }

  /** Mentions per actor (by interned number) in articles published in the window. */
  weightArray(window: DateWindow): Int32Array {
    const masks = this.dateMasks(window);
    const weight = new Int32Array(this.actors.size);
    const [start, end] = GraphIndex.range(this.mDate, masks.lowRank, masks.highRank, masks.bounded);
    const { dated, bounded } = masks;
    for (let i = start; i < end; i++) {
      const d = this.mDate[i];
      if (d === NO_DATE ? !bounded : dated[d]) weight[this.mActor[i]] += this.mCount[i];
    }
    return weight;
  }

  /** Mentions per actor in articles published in the window, by actor id. */
  weights(window: DateWindow): (actorId: string) => number {
    const weight = this.weightArray(window);
    return (actorId) => {
      const a = this.actors.get(actorId);
      return a === undefined || a >= weight.length ? 0 : weight[a];
    };
  }

  /** The interned number of an actor id, or -1 when no claim or mention names it. */
  actorIndex(id: string): number {
    return this.actors.get(id) ?? -1;
  }

  actorId(index: number): string {
    return this.actors.values[index];
  }

  /** Number of actors interned so far (a view interns the actors kept by merges). */
  get actorCount(): number {
    return this.actors.size;
  }

  /** The index as the analysts' judgements leave it: wrong claims skipped, merged actors folded. */
  judged(judgements: IndexJudgements): JudgedView {
    return new JudgedView(this, judgements, {
      claimIds: this.claimIds, eClaim: this.eClaim, rClaim: this.rClaim, ePair: this.ePair, rPair: this.rPair,
      eGroup: this.eGroup, rGroup: this.rGroup, eEvidence: this.eEvidence, rEvidence: this.rEvidence, evidenceCount: this.evidence.length,
      groups: this.groupTable, pairCount: this.pairCount,
      intern: (id) => this.actors.id(id),
    });
  }

  /** The aggregated edges, as src/store/graph.ts's SQL returns them. */
  edges(query: IndexEdgeQuery, view: JudgedView = this.judged({ wrongClaims: [], merges: null })): GraphEdgeRow[] {
    return this.aggregate(query, view).rows();
  }

  /** Every claim of the query added into its (folded) group: one pass over the window's rows, no objects made per row. */
  aggregate(query: IndexEdgeQuery, view: JudgedView): Aggregation {
    const masks = this.dateMasks(query);
    // the masks' fields as locals: the masks are kept between requests, and reading them through the
    // object in the loops below made an ego network's aggregations slower than fresh masks (bench run by hand)
    const { dated, bounded, startsBeforeEnd, endsAfterStart } = masks;
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
    const groups = view.groups;
    const fold = view.foldedGroup;
    const groupCount = groups.type.length;
    /** Whether an original group's ends pass the kinds and ends filters (kinds are the actors' own, before merges). */
    const groupOk = new Int8Array(this.groupType.length); // 0 unknown, 1 yes, -1 no
    const unfiltered = !kinds && !ends && !fold;
    const endsPass = (g: number) => {
      if (unfiltered) return true;
      let ok = groupOk[g];
      if (ok === 0) {
        const s = this.groupSource[g], t = this.groupTarget[g];
        let pass = (!kinds || (kinds[s] === 1 && kinds[t] === 1)) && (!fold || fold[g] >= 0);
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
    let evidenceMask: Uint8Array | null = null;
    if (query.evidenceIds) {
      evidenceMask = new Uint8Array(this.evidence.length);
      for (const id of query.evidenceIds) {
        const rank = lowerBound(this.evidence, id);
        if (this.evidence[rank] === id) evidenceMask[rank] = 1;
      }
    }
    const skip = view.skipClaim;

    const agg = new Aggregation(this, groups, query.minEvidence);
    const { count, distinct, first, last, intensitySum, intensityError, intensityCount, kept, touched } = agg;
    const seenPair = new Uint8Array(view.pairCount);
    const ePair = view.ePair, rPair = view.rPair;
    /** One claim into its group; rows come most recent first, so the first EVIDENCE_KEPT evidence ids are the kept ones. */
    const add = (g: number, pair: number, evidence: number, firstDate: number, lastDate: number) => {
      const c = count[g]++;
      if (c === 0) touched[agg.touchedCount++] = g;
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
        if (d === NO_DATE ? bounded : !dated[d]) continue;
        if (!modality[this.eModality[i]] || (eventTypes && !eventTypes[this.eType[i]])) continue;
        if ((skip && skip[this.eClaim[i]]) || (evidenceMask && !evidenceMask[this.eEvidence[i]])) continue;
        const original = this.eGroup[i];
        if (!endsPass(original)) continue;
        const g = fold ? fold[original] : original;
        add(g, ePair[i], this.eEvidence[i], d, d);
        const intensity = this.eIntensity[i];
        if (intensity === intensity) {
          // Kahan-Babuska-Neumaier, as SQLite's SUM (3.43 on): a sum that does not depend on the order the
          // rows come in, so the rounded mean intensity is the one the SQL gives
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
        if (bounded) {
          // spanInWindow: dated on some side, starting before the end and ending after the start (open sides pass)
          if (from === NO_DATE && to === NO_DATE) continue;
          if (from !== NO_DATE && !startsBeforeEnd[from]) continue;
          if (to !== NO_DATE && !endsAfterStart[to]) continue;
        }
        if (!negated[this.rNegated[i]] || (relationTypes && !relationTypes[this.rType[i]])) continue;
        if ((skip && skip[this.rClaim[i]]) || (evidenceMask && !evidenceMask[this.rEvidence[i]])) continue;
        const original = this.rGroup[i];
        if (!endsPass(original)) continue;
        add(fold ? fold[original] : original, rPair[i], this.rEvidence[i], from !== NO_DATE ? from : to, to !== NO_DATE ? to : from);
      }
    }
    void groupCount;
    return agg;
  }

  /** The date of a rank, and the evidence id of a number (for Aggregation). */
  dateOf(rank: number): string | null {
    return rank === NO_DATE ? null : this.dates[rank];
  }
  evidenceId(rank: number): string {
    return this.evidence[rank];
  }
  typeName(id: number): string {
    return this.types.values[id];
  }
}

/** The (kind, type, source, target) groups edges are aggregated into. */
export interface GroupTable {
  isRelation: Uint8Array;
  type: Int32Array;
  source: Int32Array;
  target: Int32Array;
  /** Each group's place in the order of the edge ids (kind:type:source>target) it gives: ties broken by numbers, not strings. */
  keyRank: Int32Array;
  /** The inverse: the group at each place. */
  byRank: Int32Array;
}

/** The groups' edge-id order, worked out once per index or view: each group's rank, and the group at each rank. */
function keyRanks(index: GraphIndex, g: Omit<GroupTable, 'keyRank' | 'byRank'>): Pick<GroupTable, 'keyRank' | 'byRank'> {
  const keys = Array.from(g.type, (type, i) => edgeKey(g.isRelation[i] === 1, index.typeName(type), index.actorId(g.source[i]), index.actorId(g.target[i])));
  const byRank = Int32Array.from(keys, (_, i) => i).sort((a, b) => byText(keys[a], keys[b]));
  const keyRank = new Int32Array(keys.length);
  byRank.forEach((g, r) => (keyRank[g] = r));
  return { keyRank, byRank };
}

/** What the judgements change in the index: `merges` null or empty for none. */
export interface IndexJudgements {
  /** Ids of the claims (events or relations) judged wrong: they count nowhere. */
  wrongClaims: readonly string[];
  merges: ActorMerges | null;
}

interface ViewInput {
  claimIds: readonly string[];
  eClaim: Int32Array; rClaim: Int32Array; ePair: Int32Array; rPair: Int32Array;
  eGroup: Int32Array; rGroup: Int32Array; eEvidence: Int32Array; rEvidence: Int32Array; evidenceCount: number;
  groups: GroupTable; pairCount: number;
  intern(id: string): number;
}

/**
 * The index under the live judgements. Made once per change of the judgements (not per request): a mask
 * of the claims judged wrong, and with merges every group mapped to its folded group (the kept actors'),
 * with the (group, evidence) pairs numbered again over the folded groups so distinct evidence counts
 * across what was merged, as the SQL path counts it after folding.
 */
export class JudgedView {
  readonly skipClaim: Uint8Array | null;
  /** Original group -> folded group; -1 when the merge made it a self-loop (dropped). Null: no merges. */
  readonly foldedGroup: Int32Array | null;
  readonly groups: GroupTable;
  readonly ePair: Int32Array;
  readonly rPair: Int32Array;
  readonly pairCount: number;
  readonly merges: ActorMerges | null;

  constructor(readonly index: GraphIndex, judgements: IndexJudgements, input: ViewInput) {
    this.merges = judgements.merges?.size ? judgements.merges : null;
    if (judgements.wrongClaims.length) {
      this.skipClaim = new Uint8Array(input.claimIds.length);
      for (const id of judgements.wrongClaims) {
        const rank = lowerBound(input.claimIds, id);
        if (input.claimIds[rank] === id) this.skipClaim[rank] = 1;
      }
    } else this.skipClaim = null;
    if (!this.merges) {
      this.foldedGroup = null;
      this.groups = input.groups;
      this.ePair = input.ePair;
      this.rPair = input.rPair;
      this.pairCount = input.pairCount;
      return;
    }
    const merges = this.merges;
    const g = input.groups;
    const n = g.type.length;
    const resolved = new Map<number, number>();
    const resolve = (a: number) => {
      let r = resolved.get(a);
      if (r === undefined) {
        const id = index.actorId(a);
        const kept = merges.resolve(id);
        r = kept === id ? a : input.intern(kept);
        resolved.set(a, r);
      }
      return r;
    };
    const keys = new Map<string, number>();
    const isRelation: number[] = [], type: number[] = [], source: number[] = [], target: number[] = [];
    this.foldedGroup = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = resolve(g.source[i]), t = resolve(g.target[i]);
      // a self-loop the texts state stays (the graph drops it); one the merge made is dropped here
      if (s === t && g.source[i] !== g.target[i]) {
        this.foldedGroup[i] = -1;
        continue;
      }
      const key = `${g.isRelation[i]}:${g.type[i]}:${s}:${t}`;
      let f = keys.get(key);
      if (f === undefined) {
        f = type.length;
        keys.set(key, f);
        isRelation.push(g.isRelation[i]); type.push(g.type[i]); source.push(s); target.push(t);
      }
      this.foldedGroup[i] = f;
    }
    const table = { isRelation: Uint8Array.from(isRelation), type: Int32Array.from(type), source: Int32Array.from(source), target: Int32Array.from(target) };
    this.groups = { ...table, ...keyRanks(index, table) };
    const pairs = new Map<number, number>();
    const renumber = (groupOf: Int32Array, evidenceOf: Int32Array) => {
      const out = new Int32Array(groupOf.length);
      for (let i = 0; i < groupOf.length; i++) {
        const f = this.foldedGroup![groupOf[i]];
        if (f < 0) continue;
        const key = f * input.evidenceCount + evidenceOf[i];
        let p = pairs.get(key);
        if (p === undefined) pairs.set(key, (p = pairs.size));
        out[i] = p;
      }
      return out;
    };
    this.ePair = renumber(input.eGroup, input.eEvidence);
    this.rPair = renumber(input.rGroup, input.rEvidence);
    this.pairCount = pairs.size;
  }
}

/** The actors a graph may keep, in parallel arrays: id, interned number in the index (-1: in no claim), weight (mentions). */
export interface NodeCandidates {
  ids: readonly string[];
  indexes: Int32Array;
  weights: ArrayLike<number>;
}

/** Caps on the graph: at most `maxNodes` actors (best connected), `maxEdges` edges among them (most claims). */
export interface GraphCaps {
  maxNodes?: number;
  maxEdges?: number;
}

const edgeKey = (relation: boolean, type: string, source: string, target: string) =>
  `${relation ? 'relation' : 'event'}:${type}:${source}>${target}`;

/**
 * One request's sums per group, in typed arrays. Rows (objects) are made only for the groups a caller
 * keeps: the caps are applied here, on numbers, as analyze/graph.ts's assemble applies them to edges.
 */
export class Aggregation {
  readonly count: Int32Array;
  readonly distinct: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly intensitySum: Float64Array;
  readonly intensityError: Float64Array;
  readonly intensityCount: Int32Array;
  readonly kept: Int32Array;
  /** The groups with a claim, in the order first met: touched[0, touchedCount). */
  readonly touched: Int32Array;
  touchedCount = 0;
  private passingGroups: number[] | null = null;

  constructor(private readonly index: GraphIndex, private readonly groups: GroupTable, private readonly minEvidence: number) {
    const n = groups.type.length;
    this.count = new Int32Array(n);
    this.distinct = new Int32Array(n);
    this.first = new Int32Array(n).fill(NO_DATE);
    this.last = new Int32Array(n).fill(NO_DATE);
    this.intensitySum = new Float64Array(n);
    this.intensityError = new Float64Array(n);
    this.intensityCount = new Int32Array(n);
    this.kept = new Int32Array(n * EVIDENCE_KEPT);
    this.touched = new Int32Array(n);
  }

  /** The groups with enough distinct evidence (the SQL's HAVING). */
  passing(): number[] {
    if (!this.passingGroups) {
      const passing: number[] = [];
      for (let i = 0; i < this.touchedCount; i++) if (this.distinct[this.touched[i]] >= this.minEvidence) passing.push(this.touched[i]);
      this.passingGroups = passing;
    }
    return this.passingGroups;
  }

  row(g: number): GraphEdgeRow {
    const relation = this.groups.isRelation[g] === 1;
    const evidenceIds: string[] = [];
    for (let k = 0; k < Math.min(this.count[g], EVIDENCE_KEPT); k++) evidenceIds.push(this.index.evidenceId(this.kept[g * EVIDENCE_KEPT + k]));
    return {
      kind: relation ? 'relation' : 'event',
      type: this.index.typeName(this.groups.type[g]) as GraphEdgeRow['type'],
      sourceId: this.index.actorId(this.groups.source[g]),
      targetId: this.index.actorId(this.groups.target[g]),
      count: this.count[g],
      evidenceCount: this.distinct[g],
      first: this.index.dateOf(this.first[g]),
      last: this.index.dateOf(this.last[g]),
      intensitySum: relation || this.intensityCount[g] === 0 ? null : this.intensitySum[g] + this.intensityError[g],
      intensityCount: relation ? 0 : this.intensityCount[g],
      evidenceIds,
    };
  }

  /** Every passing group as a row. */
  rows(): GraphEdgeRow[] {
    return this.passing().map((g) => this.row(g));
  }

  /** The actor ids at either end of a passing group. */
  endIds(): string[] {
    const seen = new Uint8Array(this.index.actorCount);
    const ids: string[] = [];
    for (const g of this.passing()) {
      for (const a of [this.groups.source[g], this.groups.target[g]]) {
        if (!seen[a]) {
          seen[a] = 1;
          ids.push(this.index.actorId(a));
        }
      }
    }
    return ids;
  }

  /** Claims each other actor shares with `actorId` over the passing groups (the ego network's ranking). */
  shared(actorId: string): Map<string, number> {
    const a = this.index.actorIndex(actorId);
    const shared = new Map<string, number>();
    for (const g of this.passing()) {
      const s = this.groups.source[g], t = this.groups.target[g];
      const other = s === a ? t : s;
      if (other === a || (s !== a && t !== a)) continue;
      const id = this.index.actorId(other);
      shared.set(id, (shared.get(id) ?? 0) + this.count[g]);
    }
    return shared;
  }

  /**
   * The kept actors and the edge rows among them, as assemble keeps them: an actor's score is its
   * weight plus the claims of its ties (self-loops aside); the `maxNodes` known actors of best score
   * (id breaking ties) are kept, and of the ties between them the `maxEdges` with most claims (edge id
   * breaking ties), sorted so. The candidates are the known actors (with their mentions): only they are
   * kept, returned as their places among the candidates, in the candidates' order when not capped.
   */
  top(candidates: NodeCandidates, caps: GraphCaps): { kept: number[]; rows: GraphEdgeRow[] } {
    const { source, target } = this.groups;
    const passing = this.passing();
    const tieScore = new Float64Array(this.index.actorCount);
    for (const g of passing) {
      const s = source[g], t = target[g];
      if (s === t) continue;
      tieScore[s] += this.count[g];
      tieScore[t] += this.count[g];
    }
    const { ids, indexes, weights } = candidates;
    const score = new Float64Array(ids.length);
    let kept: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const a = indexes[i];
      score[i] = weights[i] + (a >= 0 && a < tieScore.length ? tieScore[a] : 0);
      if (score[i] > 0) kept.push(i);
    }
    if (caps.maxNodes !== undefined && kept.length > caps.maxNodes) {
      kept = kept.sort((x, y) => score[y] - score[x] || (ids[x] < ids[y] ? -1 : 1)).slice(0, caps.maxNodes);
    }
    const keptMask = new Uint8Array(this.index.actorCount);
    for (const k of kept) {
      const a = indexes[k];
      if (a >= 0 && a < keptMask.length) keptMask[a] = 1;
    }
    const among: number[] = [];
    for (const g of passing) {
      const s = source[g], t = target[g];
      if (s !== t && keptMask[s] && keptMask[t]) among.push(g);
    }
    // Sorted on numbers in typed arrays (no comparator): thousands of edges tie at the threshold's count
    // on a big store, and sorting them by a JS comparator was a fifth of the route's time.
    const { keyRank, byRank } = this.groups;
    let chosen: number[] = among;
    if (caps.maxEdges !== undefined && among.length > caps.maxEdges) {
      // the count the last kept edge has: every edge above it is kept, and of those at it the first by id
      const counts = new Int32Array(among.length);
      for (let i = 0; i < among.length; i++) counts[i] = this.count[among[i]];
      counts.sort();
      const threshold = counts[counts.length - caps.maxEdges];
      chosen = [];
      const atRanks: number[] = [];
      for (const g of among) {
        if (this.count[g] > threshold) chosen.push(g);
        else if (this.count[g] === threshold) atRanks.push(keyRank[g]);
      }
      const firstAt = Int32Array.from(atRanks).sort().subarray(0, caps.maxEdges - chosen.length);
      for (const r of firstAt) chosen.push(byRank[r]);
    }
    // most claims first, edge id breaking ties: one number per edge, (max - count) * groups + rank, exact below 2^53
    let most = 0;
    for (const g of chosen) if (this.count[g] > most) most = this.count[g];
    const groupCount = keyRank.length;
    const order = new Float64Array(chosen.length);
    for (let i = 0; i < chosen.length; i++) order[i] = (most - this.count[chosen[i]]) * groupCount + keyRank[chosen[i]];
    order.sort();
    const rows = Array.from(order, (key) => this.row(byRank[key % groupCount]));
    return { kept, rows };
  }
}

/** No judgements: the index as built. */
export const NO_JUDGEMENTS: IndexJudgements = { wrongClaims: [], merges: null };

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
    `SELECT e.id AS "claimId", e.type, e.modality, e.effective_date AS date, e.intensity, e.evidence_id AS "evidenceId",
       s.actor_id AS "sourceId", t.actor_id AS "targetId"
     FROM events e
     JOIN articles a ON a.id = e.article_id
     JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
     JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
     WHERE a.duplicate_of IS NULL`,
  );
  const relations = await sql.all<RelationRowIn>(
    `SELECT r.id AS "claimId", r.type, r.negated, r.span_from AS "spanFrom", r.span_to AS "spanTo", r.evidence_id AS "evidenceId",
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

/** The claims' version: it changes when an article is added, removed or saved again (its evidence rows are replaced, so their keys move on). */
async function claimsVersion(sql: Sql): Promise<string> {
  return JSON.stringify([
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n FROM articles'),
    await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n FROM evidence'),
  ]);
}

/** The judgements' version: it changes when a judgement is made or undone. */
async function judgementsVersion(sql: Sql): Promise<string> {
  const judgements = sql.dialect.name === 'sqlite'
    ? await sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'judgements'`)
    : await sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'judgements' AND table_schema = current_schema()`);
  if (Number(judgements[0].n) === 0) return 'none';
  return JSON.stringify(await sql.all('SELECT MAX(seq) AS s, COUNT(*) AS n, COUNT(undone_at) AS u FROM judgements'));
}

/** A version of everything the index and its judged view hold. */
export async function storeVersion(sql: Sql): Promise<string> {
  return `${await claimsVersion(sql)}|${await judgementsVersion(sql)}`;
}

/**
 * On SQLite, a number that moves whenever anything is written, by this connection (total_changes) or by
 * another (data_version): while it stands still nothing needs reading again, and it costs microseconds
 * where counting the evidence rows costs milliseconds per request. Null on PostgreSQL.
 */
async function writeCounter(sql: Sql): Promise<string | null> {
  if (sql.dialect.name !== 'sqlite') return null;
  const [version] = await sql.all<{ data_version: number }>('PRAGMA data_version');
  const [changes] = await sql.all<{ n: number }>('SELECT total_changes() AS n');
  return `${version.data_version}:${changes.n}`;
}

/** The live judgements as the index applies them. */
export async function readIndexJudgements(sql: Sql): Promise<IndexJudgements> {
  const wrong = await sql.all<{ id: string }>(
    `SELECT claim_id AS id FROM judgements WHERE kind = 'claim_wrong' AND undone_at IS NULL AND claim_id IS NOT NULL`,
  );
  return { wrongClaims: wrong.map((w) => w.id), merges: await actorMerges(sql) };
}

export interface CurrentIndex {
  index: GraphIndex;
  /** The index under the live judgements (wrong claims skipped, merges folded). */
  view: JudgedView;
}

/**
 * The index for the store as it is now: rebuilt when the claims' version moved, its judged view made
 * again (cheaply) when only the judgements' did; one refresh at a time, so requests arriving during a
 * build wait for that build instead of starting their own.
 */
export function createGraphIndexCache(sql: Sql) {
  let current: (CurrentIndex & { counter: string | null; claims: string; judgements: string }) | null = null;
  let refreshing: Promise<CurrentIndex> | null = null;
  async function refresh(counter: string | null): Promise<CurrentIndex> {
    // the versions are read before the rows, so a write landing during the load makes the next request refresh
    const claims = await claimsVersion(sql);
    const judgements = await judgementsVersion(sql);
    const index = current?.claims === claims ? current.index : await loadGraphIndex(sql);
    const view = index === current?.index && current.judgements === judgements
      ? current.view
      : index.judged(judgements === 'none' ? NO_JUDGEMENTS : await readIndexJudgements(sql));
    current = { index, view, counter, claims, judgements };
    return current;
  }
  return async function currentIndex(): Promise<CurrentIndex> {
    const counter = await writeCounter(sql);
    if (current && counter !== null && current.counter === counter) return current;
    refreshing ??= refresh(counter).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
}
