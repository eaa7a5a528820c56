// Analyst judgements: a claim is wrong, two actors are one (merge), an actor has another alias. They
// live in their own table (migration 7) and never change extracted rows: the other queries apply the
// live ones when they read (actorMerges, wrongClaimRefs, NOT_JUDGED_WRONG). Undoing keeps the row, so
// the history of who decided what, when and why stays; a split is the undo of a merge.
import { pageBounds, type Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { Page, PageOptions } from './types.js';

/**
 * The kinds of judgement. A typed constant rather than models/ontology.yaml: the ontology describes
 * what texts say (event and relation types, modalities, actor kinds), and its loader checks a fixed
 * set of sections; these are the analyst's operations on the store, which the store's CHECK
 * constraint (migrations.ts, version 7) lists as well.
 */
export const JUDGEMENT_KINDS = ['claim_wrong', 'merge', 'alias'] as const;
export type JudgementKind = (typeof JUDGEMENT_KINDS)[number];

export interface Judgement {
  id: string;
  kind: JudgementKind;
  /** claim_wrong: the event or relation id, and which it is. */
  claim: string | null;
  claimKind: 'event' | 'relation' | null;
  /** merge: the actor merged away; alias: the actor given the alias. */
  actor: string | null;
  /** merge: the actor kept. */
  into: string | null;
  alias: string | null;
  author: string;
  reason: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

/** What an event or relation row shows of the live judgement on it. */
export interface JudgementRef {
  id: string;
  kind: JudgementKind;
  author: string;
  reason: string;
}

export interface NewJudgement {
  kind: JudgementKind;
  claim?: string;
  actor?: string;
  into?: string;
  alias?: string;
  author: string;
  reason?: string;
}

export interface Undo {
  author: string;
  reason?: string;
}

/** A judgement refused: 400 bad field, 404 unknown id, 409 conflicts with the live judgements. */
export class JudgementError extends Error {
  constructor(readonly status: 400 | 404 | 409, readonly field: string | null, message: string) {
    super(message);
  }
}

/** Events and relations whose id is in `column` and that no live claim_wrong judgement names. */
export const NOT_JUDGED_WRONG = (column: string) =>
  `${column} NOT IN (SELECT claim_id FROM judgements WHERE kind = 'claim_wrong' AND undone_at IS NULL AND claim_id IS NOT NULL)`;

interface JudgementSqlRow {
  seq: number | string;
  kind: JudgementKind;
  claim_id: string | null;
  claim_kind: 'event' | 'relation' | null;
  actor_id: string | null;
  into_id: string | null;
  alias: string | null;
  author: string;
  reason: string;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
}

const toJudgement = (r: JudgementSqlRow): Judgement => ({
  id: String(r.seq), kind: r.kind, claim: r.claim_id, claimKind: r.claim_kind, actor: r.actor_id, into: r.into_id,
  alias: r.alias, author: r.author, reason: r.reason, createdAt: r.created_at, undoneAt: r.undone_at,
  undoneBy: r.undone_by, undoReason: r.undo_reason,
});

/** The live merges: who is merged into whom, chains followed to the actor kept. */
export class ActorMerges {
  /** actor -> the actor it was merged into directly, with the judgement's id. */
  constructor(private readonly direct: Map<string, { into: string; judgementId: string }>) {}

  get size(): number {
    return this.direct.size;
  }

  /** The actor kept for `id` (itself when not merged); chains C -> B -> A give A. */
  resolve(id: string): string {
    let at = id;
    // refused cycles cannot be stored, but a bound keeps a corrupt table from hanging a read
    for (let step = 0; step <= this.direct.size; step++) {
      const next = this.direct.get(at);
      if (!next) return at;
      at = next.into;
    }
    return at;
  }

  isMerged(id: string): boolean {
    return this.direct.has(id);
  }

  /** Every actor merged into another (directly), in no particular order. */
  mergedIds(): string[] {
    return [...this.direct.keys()];
  }

  /** The actors merged (directly or along a chain) into `id`, with the judgement that merged each. */
  members(id: string): { id: string; judgementId: string }[] {
    return [...this.direct.entries()]
      .filter(([actor]) => actor !== id && this.resolve(actor) === id)
      .map(([actor, m]) => ({ id: actor, judgementId: m.judgementId }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** `id` and every actor merged into it. */
  group(id: string): string[] {
    return [id, ...this.members(id).map((m) => m.id)];
  }

  /** The ids and every actor merged into one of them. */
  expand(ids: readonly string[]): string[] {
    const kept = new Set(ids.map((id) => this.resolve(id)));
    return [...new Set([...ids, ...kept, ...[...this.direct.keys()].filter((a) => kept.has(this.resolve(a)))])];
  }
}

export async function actorMerges(sql: Sql): Promise<ActorMerges> {
  const rows = await sql.all<{ seq: number | string; actor_id: string; into_id: string }>(
    `SELECT seq, actor_id, into_id FROM judgements WHERE kind = 'merge' AND undone_at IS NULL ORDER BY seq`,
  );
  return new ActorMerges(new Map(rows.map((r) => [r.actor_id, { into: r.into_id, judgementId: String(r.seq) }])));
}

/** The live claim_wrong judgements on these claims, by claim id. */
export async function wrongClaimRefs(sql: Sql, claimIds: string[]): Promise<Map<string, JudgementRef>> {
  if (!claimIds.length) return new Map();
  const rows = await sql.all<JudgementSqlRow>(
    `SELECT * FROM judgements WHERE kind = 'claim_wrong' AND undone_at IS NULL AND ${sql.dialect.inList('claim_id', 'ids')} ORDER BY seq`,
    { ids: sql.dialect.idList(claimIds) },
  );
  return new Map(rows.map((r) => [r.claim_id!, { id: String(r.seq), kind: r.kind, author: r.author, reason: r.reason }]));
}

/** Live aliases the analysts added to these actors. */
export async function addedAliases(sql: Sql, actorIds: string[]): Promise<string[]> {
  const rows = await sql.all<{ alias: string }>(
    `SELECT alias FROM judgements WHERE kind = 'alias' AND undone_at IS NULL AND ${sql.dialect.inList('actor_id', 'ids')} ORDER BY alias`,
    { ids: sql.dialect.idList(actorIds) },
  );
  return rows.map((r) => r.alias);
}

const MAX_TEXT = 200;
const MAX_REASON = 2000;

function text(value: unknown, field: string, max: number, need: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (need) throw new JudgementError(400, field, `missing field '${field}'`);
    return undefined;
  }
  if (typeof value !== 'string') throw new JudgementError(400, field, `bad field '${field}': it must be a string`);
  const trimmed = value.trim();
  if (!trimmed && need) throw new JudgementError(400, field, `missing field '${field}'`);
  if (trimmed.length > max) throw new JudgementError(400, field, `bad field '${field}': at most ${max} characters`);
  return trimmed || undefined;
}

export function createJudgements(sql: Sql) {
  async function listJudgements(options: PageOptions = {}): Promise<Page<Judgement>> {
    const { limit, offset } = pageBounds(options);
    const total = (await sql.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM judgements'))!.n;
    const rows = await sql.all<JudgementSqlRow>('SELECT * FROM judgements ORDER BY seq DESC LIMIT @limit OFFSET @offset', { limit, offset });
    return { total: Number(total), limit, offset, items: rows.map(toJudgement) };
  }

  async function getJudgement(id: string): Promise<Judgement | null> {
    if (!/^[0-9]{1,15}$/.test(id)) return null;
    const row = await sql.get<JudgementSqlRow>('SELECT * FROM judgements WHERE seq = @seq', { seq: Number(id) });
    return row ? toJudgement(row) : null;
  }

  /** Checks the judgement against the store and the live judgements, then stores it. */
  async function addJudgement(input: NewJudgement): Promise<Judgement> {
    const body = (input ?? {}) as unknown as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) throw new JudgementError(400, null, 'the body must be a JSON object');
    const kind = body.kind;
    if (typeof kind !== 'string' || !(JUDGEMENT_KINDS as readonly string[]).includes(kind)) {
      throw new JudgementError(400, 'kind', `bad field 'kind': one of ${JUDGEMENT_KINDS.join(', ')}`);
    }
    const author = text(body.author, 'author', MAX_TEXT, true)!;
    const reason = text(body.reason, 'reason', MAX_REASON, false) ?? '';
    return sql.transaction(async (tx) => {
      const actorExists = async (field: string, id: string) => {
        if (!(await tx.get('SELECT 1 AS x FROM actors WHERE id = @id', { id }))) throw new JudgementError(404, field, `no actor with id '${id}'`);
      };
      const row = { kind, claim_id: null as string | null, claim_kind: null as string | null, actor_id: null as string | null,
        into_id: null as string | null, alias: null as string | null, search_key: null as string | null };
      if (kind === 'claim_wrong') {
        const claim = text(body.claim, 'claim', MAX_TEXT, true)!;
        const isEvent = await tx.get('SELECT 1 AS x FROM events WHERE id = @claim', { claim });
        const isRelation = !isEvent && (await tx.get('SELECT 1 AS x FROM relations WHERE id = @claim', { claim }));
        if (!isEvent && !isRelation) throw new JudgementError(404, 'claim', `no event or relation with id '${claim}'`);
        const live = await tx.get<{ seq: number }>(`SELECT seq FROM judgements WHERE kind = 'claim_wrong' AND claim_id = @claim AND undone_at IS NULL`, { claim });
        if (live) throw new JudgementError(409, 'claim', `claim '${claim}' is already judged wrong (judgement ${live.seq})`);
        Object.assign(row, { claim_id: claim, claim_kind: isEvent ? 'event' : 'relation' });
      } else if (kind === 'merge') {
        const actor = text(body.actor, 'actor', MAX_TEXT, true)!;
        const into = text(body.into, 'into', MAX_TEXT, true)!;
        if (actor === into) throw new JudgementError(400, 'into', `bad field 'into': an actor cannot be merged into itself`);
        await actorExists('actor', actor);
        await actorExists('into', into);
        const merges = await actorMerges(tx);
        if (merges.isMerged(actor)) {
          throw new JudgementError(409, 'actor', `actor '${actor}' is already merged into '${merges.resolve(actor)}'; split it first`);
        }
        if (merges.resolve(into) === actor) {
          throw new JudgementError(409, 'into', `merging '${actor}' into '${into}' would make a cycle: '${into}' is merged into '${actor}'`);
        }
        Object.assign(row, { actor_id: actor, into_id: into });
      } else {
        const actor = text(body.actor, 'actor', MAX_TEXT, true)!;
        const alias = text(body.alias, 'alias', MAX_TEXT, true)!;
        if (!searchKey(alias)) throw new JudgementError(400, 'alias', `bad field 'alias': it has no letter or digit`);
        await actorExists('actor', actor);
        Object.assign(row, { actor_id: actor, alias, search_key: searchKey(alias) });
      }
      const stored = await tx.get<JudgementSqlRow>(
        `INSERT INTO judgements (kind, claim_id, claim_kind, actor_id, into_id, alias, search_key, author, reason, created_at)
         VALUES (@kind, @claim_id, @claim_kind, @actor_id, @into_id, @alias, @search_key, @author, @reason, @created_at)
         RETURNING *`,
        { ...row, author, reason, created_at: new Date().toISOString() },
      );
      return toJudgement(stored!);
    });
  }

  /** Marks the judgement undone (the row stays); null when there is none with that id. */
  async function undoJudgement(id: string, undo: Undo): Promise<Judgement | null> {
    const body = (undo ?? {}) as unknown as Record<string, unknown>;
    const author = text(body.author, 'author', MAX_TEXT, true)!;
    const reason = text(body.reason, 'reason', MAX_REASON, false) ?? null;
    const existing = await getJudgement(id);
    if (!existing) return null;
    if (existing.undoneAt) throw new JudgementError(409, null, `judgement ${id} was already undone by ${existing.undoneBy} at ${existing.undoneAt}`);
    await sql.run(
      'UPDATE judgements SET undone_at = @at, undone_by = @author, undo_reason = @reason WHERE seq = @seq AND undone_at IS NULL',
      { at: new Date().toISOString(), author, reason, seq: Number(id) },
    );
    return getJudgement(id);
  }

  return { listJudgements, getJudgement, addJudgement, undoJudgement };
}
