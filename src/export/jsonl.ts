// JSONL of the claims themselves: one event or relation per line, with its sentence, its article,
// its date and its modality, oldest first. Every modality is kept (negated and hypothetical claims
// too: the modality says what each is), and so are copies, with the article they copy
// (`article.duplicateOf`) so a reader can count a story once; claims an analyst marked wrong are not.
import type { ActorRef, ArticleRef, EventRow, RelationRow } from '../store/types.js';
import type { IsoDate, Location, Modality } from '../model/types.js';
import { relationModality, type WindowClaims } from '../analyze/window-claims.js';
import type { Tone } from '../analyze/graph.js';

interface ClaimLineBase {
  id: string;
  type: string;
  modality: Modality;
  /** When it happened or holds: an event's date (or its article's), a relation's validFrom (or its article's). */
  date: IsoDate | null;
  tone: Tone;
  confidence: number;
  sentence: string;
  evidenceId: string;
  /** Whom the article attributes the claim to; null when the outlet states it. */
  attributedTo: string | null;
  article: ArticleRef & { duplicateOf: string | null };
}

export interface EventLine extends ClaimLineBase {
  claim: 'event';
  mode: string | null;
  cameo: string | null;
  intensity: number | null;
  location: Location | null;
  sources: ActorRef[];
  targets: ActorRef[];
  /** The article's other sentences telling the same happening (the event is one, told several times). */
  retellings: string[];
}

/** A relation as the store lists it (RelationRow's fields), as one line. */
export interface RelationLine extends ClaimLineBase, Pick<RelationRow, 'source' | 'target' | 'role' | 'validFrom' | 'validTo' | 'negated'> {
  claim: 'relation';
}

export type ClaimLine = EventLine | RelationLine;

function common(row: EventRow | RelationRow, modality: Modality, date: IsoDate | null, originals: Map<string, string>) {
  return {
    id: row.id, type: row.type, modality, date, tone: row.tone, confidence: row.confidence, sentence: row.evidence.sentence,
    evidenceId: row.evidence.id, attributedTo: row.evidence.attributedTo,
    article: { ...row.article, duplicateOf: originals.get(row.article.id) ?? null },
  };
}

export function claimLines(claims: WindowClaims): ClaimLine[] {
  const lines: ClaimLine[] = [
    ...claims.events.map((e): EventLine => ({
      claim: 'event', ...common(e, e.modality, e.when, claims.originals),
      mode: e.mode, cameo: e.cameo, intensity: e.intensity, location: e.location, sources: e.sources, targets: e.targets,
      retellings: (e.retellings ?? []).map((t) => t.sentence),
    })),
    ...claims.relations.map((r): RelationLine => ({
      claim: 'relation', ...common(r, relationModality(r), r.validFrom ?? r.article.publishedAt, claims.originals),
      source: r.source, target: r.target, role: r.role, validFrom: r.validFrom, validTo: r.validTo, negated: r.negated,
    })),
  ];
  const key = (l: ClaimLine) => l.date ?? '~';
  return lines.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One JSON object per line, each line ended by \n (JSON.stringify escapes any line break inside). */
export function writeJsonl(lines: ClaimLine[]): string {
  return lines.map((l) => JSON.stringify(l) + '\n').join('');
}
