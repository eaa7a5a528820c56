// Rows as the analysts' merges have them: an actor merged into another is shown as the actor kept
// (its name on event and relation rows, its id in an article's claims and mentions), once where two of
// a claim's actors became one. Applied after reading, so the stored rows stay as extracted.
import type { ActorMerges } from './judgements.js';
import type { Sql } from './sql.js';
import type { ActorRef, EventRow, RelationRow, StoredEvent, StoredMention, StoredRelation } from './types.js';

/** The kept actors' names for these ids (merged or not), by the id asked for. */
export async function keptRefs(sql: Sql, merges: ActorMerges, ids: string[]): Promise<Map<string, ActorRef>> {
  const kept = [...new Set(ids.map((id) => merges.resolve(id)))];
  if (!kept.length) return new Map();
  const d = sql.dialect;
  const rows = await sql.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE ${d.inList('id', 'ids')}`, { ids: d.idList(kept) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(ids.flatMap((id) => (byId.has(merges.resolve(id)) ? [[id, byId.get(merges.resolve(id))!] as const] : [])));
}

const uniqueRefs = (refs: ActorRef[]) => [...new Map(refs.map((r) => [r.id, r])).values()];
const uniqueIds = (ids: string[]) => [...new Set(ids)];

/** Event and relation rows naming the actors kept. */
export async function keptClaimRows<T extends EventRow | RelationRow>(sql: Sql, merges: ActorMerges, rows: T[]): Promise<T[]> {
  if (!merges.size) return rows;
  const ids = rows.flatMap((r) => ('sources' in r ? [...r.sources, ...r.targets] : [r.source, r.target]).map((a) => a.id));
  if (!ids.some((id) => merges.isMerged(id))) return rows;
  const refs = await keptRefs(sql, merges, [...new Set(ids)]);
  const ref = (a: ActorRef) => refs.get(a.id) ?? a;
  return rows.map((r) => ('sources' in r
    ? { ...r, sources: uniqueRefs(r.sources.map(ref)), targets: uniqueRefs(r.targets.map(ref)) }
    : { ...r, source: ref(r.source), target: ref(r.target) }));
}

/** An article's claims, mentions and attributions with the actors kept. */
export function keptArticleClaims(merges: ActorMerges, claims: { mentions: StoredMention[]; events: StoredEvent[]; relations: StoredRelation[] }) {
  const kept = (id: string) => merges.resolve(id);
  const attributed = <E extends { attributedTo: string | null }>(evidence: E): E =>
    evidence.attributedTo && merges.isMerged(evidence.attributedTo) ? { ...evidence, attributedTo: kept(evidence.attributedTo) } : evidence;
  return {
    mentions: claims.mentions.map((m) => (merges.isMerged(m.actorId) ? { ...m, actorId: kept(m.actorId) } : m)),
    events: claims.events.map((e) => ({ ...e, sources: uniqueIds(e.sources.map(kept)), targets: uniqueIds(e.targets.map(kept)), evidence: attributed(e.evidence) })),
    relations: claims.relations.map((r) => ({ ...r, source: kept(r.source), target: kept(r.target), evidence: attributed(r.evidence) })),
  };
}
