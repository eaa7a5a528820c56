// The claims the influence score reads (src/analyze/influence.ts), held in memory per version of the
// store. analyze/window-claims.ts reads them through the paged event and relation lists, a page at a
// time, each page sorting every matching row and looking up every row's actors: 38-76 s for all dates
// of a 100k-event store, during which the single-threaded server answers nothing else. Here the store
// is read once with three plain queries (a few seconds on that store), and a window is a filter over
// the arrays; /api/influence keeps its scores per window (memo) until the store changes.
//
// It gives the claims readWindowClaims + influenceClaims give (test/analyze/influence-claims.test.ts
// compares them): every claim in the window, copies included (folded into their original article),
// claims judged wrong left out, an actor filter naming the actor and those merged into it.
import type { InfluenceClaim } from '../analyze/influence.js';
import type { Modality } from '../model/types.js';
import { storeVersion } from './graph-index.js';
import { actorMerges, NOT_JUDGED_WRONG, type ActorMerges } from './judgements.js';
import { keptRefs } from './views-merged.js';
import type { Sql } from './sql.js';
import type { ActorRef, DateWindow } from './types.js';
import { END } from './window.js';

/** Windows whose results are kept per version (the app asks for a handful: the window, "who moved"'s two). */
const MEMO_SIZE = 64;

interface EventSqlRow { id: string; type: string; mode: string | null; modality: Modality; date: string | null; evidence_id: string; article: string }
interface EventActorSqlRow { event_id: string; role: 'source' | 'target'; actor_id: string; name: string | null; kind: ActorRef['kind'] | null }
interface RelationSqlRow {
  id: string; type: string; negated: number; span_from: string | null; span_to: string | null; valid_from: string | null;
  published_at: string | null; attributed_to: string | null; evidence_id: string; article: string;
  source_id: string; source_name: string; source_kind: ActorRef['kind']; target_id: string; target_name: string; target_kind: ActorRef['kind'];
}

interface HeldEvent { claim: InfluenceClaim; date: string | null; actorIds: string[] }
interface HeldRelation { claim: InfluenceClaim; spanFrom: string | null; spanTo: string | null }

const startsWithYear = (d: string) => /^\d{4}/.test(d);

/** window.ts's dateInWindow, in memory; a bounded window reads year by year (window-claims.ts), so a date must start with one. */
function dateIn(date: string | null, window: DateWindow): boolean {
  if (!window.from && !window.to) return true;
  if (date === null || !startsWithYear(date)) return false;
  if (window.from && (date < window.from.slice(0, 4) || date + END < window.from)) return false;
  if (window.to && date > window.to + END) return false;
  return true;
}

/** window.ts's spanInWindow, in memory. */
function spanIn(from: string | null, to: string | null, window: DateWindow): boolean {
  if (!window.from && !window.to) return true;
  if (from === null && to === null) return false;
  if (window.from && to !== null && to + END < window.from) return false;
  if (window.to && from !== null && from > window.to + END) return false;
  return true;
}

/** The store's claims as influence reads them, for one version of the store. */
export class InfluenceClaimTable {
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly version: string,
    private readonly events: HeldEvent[],
    private readonly relations: HeldRelation[],
    private readonly merges: ActorMerges,
  ) {}

  get size(): { events: number; relations: number } {
    return { events: this.events.length, relations: this.relations.length };
  }

  /** Every claim of the window, those touching any of `actors` (or an actor merged into one) when some are given. */
  claims(window: DateWindow, actors: readonly string[] = []): InfluenceClaim[] {
    const group = actors.length ? new Set(actors.flatMap((a) => this.merges.group(this.merges.resolve(a)))) : null;
    const out: InfluenceClaim[] = [];
    for (const e of this.events) {
      if (dateIn(e.date, window) && (!group || e.actorIds.some((id) => group.has(id)))) out.push(e.claim);
    }
    for (const r of this.relations) {
      if (spanIn(r.spanFrom, r.spanTo, window) && (!group || group.has(r.claim.sources[0].id) || group.has(r.claim.targets[0].id))) out.push(r.claim);
    }
    return out;
  }

  /** A value worked out once per key for this version of the store (the oldest dropped past MEMO_SIZE). */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) {
      const value = this.memos.get(key) as T;
      // most recently used last
      this.memos.delete(key);
      this.memos.set(key, value);
      return value;
    }
    const value = make();
    this.memos.set(key, value);
    if (this.memos.size > MEMO_SIZE) this.memos.delete(this.memos.keys().next().value!);
    return value;
  }
}

/** Reads every claim once: events with their actors, relations with theirs, each with its independent article. */
export async function loadInfluenceClaims(sql: Sql, version: string): Promise<InfluenceClaimTable> {
  const events = await sql.all<EventSqlRow>(
    `SELECT e.id, e.type, e.mode, e.modality, e.effective_date AS date, e.evidence_id, COALESCE(a.duplicate_of, a.id) AS article
     FROM events e JOIN articles a ON a.id = e.article_id JOIN evidence ev ON ev.id = e.evidence_id
     WHERE ${NOT_JUDGED_WRONG('e.id')}`,
  );
  const eventActors = await sql.all<EventActorSqlRow>(
    `SELECT ea.event_id, ea.role, ea.actor_id, x.name, x.kind
     FROM event_actors ea LEFT JOIN actors x ON x.id = ea.actor_id
     ORDER BY ea.event_id, ea.role, ea.position`,
  );
  const relations = await sql.all<RelationSqlRow>(
    `SELECT r.id, r.type, r.negated, r.span_from, r.span_to, r.valid_from, a.published_at, ev.attributed_to, r.evidence_id,
       COALESCE(a.duplicate_of, a.id) AS article,
       s.id AS source_id, s.name AS source_name, s.kind AS source_kind, t.id AS target_id, t.name AS target_name, t.kind AS target_kind
     FROM relations r
     JOIN actors s ON s.id = r.source_id
     JOIN actors t ON t.id = r.target_id
     JOIN evidence ev ON ev.id = r.evidence_id
     JOIN articles a ON a.id = r.article_id
     WHERE ${NOT_JUDGED_WRONG('r.id')}`,
  );
  // one ActorRef per actor, shared by every claim naming it
  const refs = new Map<string, ActorRef>();
  const ref = (id: string, name: string, kind: ActorRef['kind']) => {
    let r = refs.get(id);
    if (!r) refs.set(id, (r = { id, name, kind }));
    return r;
  };
  const ends = new Map<string, { sources: ActorRef[]; targets: ActorRef[]; ids: string[] }>();
  for (const ea of eventActors) {
    let e = ends.get(ea.event_id);
    if (!e) ends.set(ea.event_id, (e = { sources: [], targets: [], ids: [] }));
    e.ids.push(ea.actor_id);
    // the lists join the actors: an actor the store does not know is no source or target
    if (ea.name !== null && ea.kind !== null) (ea.role === 'source' ? e.sources : e.targets).push(ref(ea.actor_id, ea.name, ea.kind));
  }
  const none = { sources: [], targets: [], ids: [] };
  const heldEvents = events.map((e): HeldEvent => {
    const { sources, targets, ids } = ends.get(e.id) ?? none;
    return {
      date: e.date,
      actorIds: ids,
      claim: { kind: 'event', id: e.id, type: e.type, mode: e.mode, sources, targets, modality: e.modality, articleId: e.article, evidenceId: e.evidence_id, date: e.date },
    };
  });
  const heldRelations = relations.map((r): HeldRelation => ({
    spanFrom: r.span_from,
    spanTo: r.span_to,
    claim: {
      kind: 'relation', id: r.id, type: r.type, mode: null,
      sources: [ref(r.source_id, r.source_name, r.source_kind)], targets: [ref(r.target_id, r.target_name, r.target_kind)],
      // window-claims.ts's relationModality
      modality: Number(r.negated) ? 'negated' : r.attributed_to ? 'claimed' : 'asserted',
      articleId: r.article, evidenceId: r.evidence_id, date: r.valid_from ?? r.published_at,
    },
  }));
  const merges = await actorMerges(sql);
  // The lists name the actor kept where an analyst merged one into another (views-merged.ts): so do these.
  const kept = await keptRefs(sql, merges, merges.mergedIds());
  if (kept.size) {
    const keep = (refs: ActorRef[]) => [...new Map(refs.map((r) => kept.get(r.id) ?? r).map((r) => [r.id, r])).values()];
    for (const held of [...heldEvents, ...heldRelations]) {
      held.claim = { ...held.claim, sources: keep(held.claim.sources), targets: keep(held.claim.targets) };
    }
  }
  return new InfluenceClaimTable(version, heldEvents, heldRelations, merges);
}

/** The table for the store as it is now: read again when the store's version (claims or judgements) moved; one read at a time. */
export function createInfluenceClaims(sql: Sql) {
  let current: InfluenceClaimTable | null = null;
  let loading: { version: string; table: Promise<InfluenceClaimTable> } | null = null;
  return async function influenceClaims(): Promise<InfluenceClaimTable> {
    const version = await storeVersion(sql);
    if (current?.version === version) return current;
    if (loading?.version !== version) {
      const table = loadInfluenceClaims(sql, version).then((t) => (current = t));
      loading = { version, table };
      void table.finally(() => {
        if (loading?.table === table) loading = null;
      }).catch(() => {});
    }
    return loading.table;
  };
}
