// The app's filters on the claims a JSONL export holds, so the file has what the app shows: the ticked
// event and relation types, the modalities (a relation reads as asserted when stated, negated when
// denied, as the network reads it), the actor kinds (an event needs a source of those kinds, and a
// target of them when it has targets; a relation both ends), the search (the actors it names, else the
// evidence sentences it matches: store.searchClaims) and the minimum evidence of a tie (claims of the
// ties with at least that many distinct sentences, copies not counted, as the network counts them).
// Pure: claims and what the search matched in, claims out.
import type { ActorKind, EventType, Modality, RelationType } from '../model/types.js';
import type { WindowClaims } from '../analyze/window-claims.js';
import { RELATION_MODALITY } from '../store/buckets.js';
import type { EventRow, RelationRow, SearchedClaims } from '../store/index.js';

export interface ClaimFilter {
  kinds?: ActorKind[];
  types?: (EventType | RelationType)[];
  modality?: Modality[];
  minEvidence?: number;
  /** What store.searchClaims gave for the app's `q`. */
  searched?: SearchedClaims;
}

const relationModality = (r: RelationRow): Modality => (r.negated ? RELATION_MODALITY.denied : RELATION_MODALITY.stated);

/** The ties a claim draws: kind, type and ordered pair. */
function tiesOf(claim: EventRow | RelationRow, kind: 'event' | 'relation'): string[] {
  if (kind === 'relation') {
    const r = claim as RelationRow;
    return [`relation\u0000${r.type}\u0000${r.source.id}\u0000${r.target.id}`];
  }
  const e = claim as EventRow;
  return e.sources.flatMap((s) => e.targets.map((t) => `event\u0000${e.type}\u0000${s.id}\u0000${t.id}`));
}

export function filterClaims(claims: WindowClaims, filter: ClaimFilter): WindowClaims {
  const kinds = filter.kinds?.length ? new Set<string>(filter.kinds) : null;
  const types = filter.types?.length ? new Set<string>(filter.types) : null;
  const searched = filter.searched;
  const actorIds = searched?.kind === 'actors' ? new Set(searched.ids) : null;
  const evidenceIds = searched?.kind === 'text' ? new Set(searched.evidenceIds) : null;
  const found = (actors: { id: string }[], evidenceId: string) =>
    !searched || (actorIds ? actors.some((a) => actorIds.has(a.id)) : evidenceIds ? evidenceIds.has(evidenceId) : false);
  const ofKinds = (actors: { kind: string }[]) => !kinds || actors.some((a) => kinds.has(a.kind));

  let events = claims.events.filter((e) => (!types || types.has(e.type))
    && (!filter.modality?.length || filter.modality.includes(e.modality))
    && (!kinds || (ofKinds(e.sources) && (!e.targets.length || ofKinds(e.targets))))
    && found([...e.sources, ...e.targets], e.evidence.id));
  let relations = claims.relations.filter((r) => (!types || types.has(r.type))
    && (!filter.modality?.length || filter.modality.includes(relationModality(r)))
    && ofKinds([r.source]) && ofKinds([r.target])
    && found([r.source, r.target], r.evidence.id));

  if (filter.minEvidence && filter.minEvidence > 1) {
    const sentences = new Map<string, Set<string>>();
    const count = (claim: EventRow | RelationRow, kind: 'event' | 'relation') => {
      if (claims.originals.has(claim.article.id)) return; // a copy tells no new sentence
      for (const tie of tiesOf(claim, kind)) {
        if (!sentences.has(tie)) sentences.set(tie, new Set());
        sentences.get(tie)!.add(claim.evidence.id);
      }
    };
    events.forEach((e) => count(e, 'event'));
    relations.forEach((r) => count(r, 'relation'));
    const strong = (claim: EventRow | RelationRow, kind: 'event' | 'relation') =>
      tiesOf(claim, kind).some((tie) => (sentences.get(tie)?.size ?? 0) >= filter.minEvidence!);
    events = events.filter((e) => strong(e, 'event'));
    relations = relations.filter((r) => strong(r, 'relation'));
  }
  return { events, relations, originals: claims.originals };
}
