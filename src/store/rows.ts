// The SELECTs for events and relations with everything needed to show them (actors' names, the evidence
// sentence, the article), and the mapping of their rows to API shapes. Shared by the article, event
// and relation queries so each claim reads the same wherever it is shown.
import type { ActorKind, EventType, IsoDate, Modality, Producer, RelationType } from '../model/types.js';
import { toneOf } from '../analyze/graph.js';
import type { DocPlace } from '../core/doc.js';
import type { Dialect } from './dialect.js';
import { NOT_JUDGED_WRONG } from './judgements.js';
import type {
  ActorRef, ArticleRef, ArticleSummary, EventRow, RelationRow, StoredEvent, StoredEvidence, StoredRelation,
} from './types.js';

const EVIDENCE_COLUMNS = `ev.id AS evidence_id, ev.article_id, ev.start AS evidence_start, ev."end" AS evidence_end,
  ev.sentence AS evidence_sentence, ev.attributed_to AS evidence_attributed_to`;
const ARTICLE_REF_COLUMNS = 'a.title AS article_title, a.outlet AS article_outlet, a.published_at AS article_published_at';

const eventActors = (d: Dialect, role: 'source' | 'target') => `(SELECT ${d.jsonArray(d.jsonObject([['id', 'x.id'], ['name', 'x.name'], ['kind', 'x.kind']]), 'ea.position')}
    FROM event_actors ea JOIN actors x ON x.id = ea.actor_id WHERE ea.event_id = e.id AND ea.role = '${role}')`;

/** The event's other tellings in its article (event_retellings), as a JSON array of evidence. */
const eventRetellings = (d: Dialect) => `(SELECT ${d.jsonArray(d.jsonObject([['id', 'rv.id'], ['articleId', 'rv.article_id'], ['start', 'rv.start'], ['end', 'rv."end"'], ['sentence', 'rv.sentence'], ['attributedTo', 'rv.attributed_to']]), 'er.position')}
    FROM event_retellings er JOIN evidence rv ON rv.id = er.evidence_id WHERE er.event_id = e.id)`;

/** FROM events e, evidence ev, articles a: add WHERE / ORDER BY. */
export const eventSelect = (d: Dialect) => `SELECT e.id, e.type, e.mode, e.cameo, e.intensity, e.date, e.effective_date, e.location_name,
  e.location_country, e.lat, e.lon, e.modality, e.confidence, e.trigger_start, e.trigger_end, e.producer,
  ${EVIDENCE_COLUMNS}, ${ARTICLE_REF_COLUMNS},
  ${eventActors(d, 'source')} AS sources_json, ${eventActors(d, 'target')} AS targets_json,
  ${eventRetellings(d)} AS retellings_json
FROM events e
JOIN evidence ev ON ev.id = e.evidence_id
JOIN articles a ON a.id = e.article_id`;

/** FROM relations r, actors s (source) and t (target), evidence ev, articles a. */
export const RELATION_SELECT = `SELECT r.id, r.type, r.role, r.valid_from, r.valid_to, r.negated, r.confidence, r.producer,
  s.id AS source_id, s.name AS source_name, s.kind AS source_kind,
  t.id AS target_id, t.name AS target_name, t.kind AS target_kind,
  ${EVIDENCE_COLUMNS}, ${ARTICLE_REF_COLUMNS}
FROM relations r
JOIN actors s ON s.id = r.source_id
JOIN actors t ON t.id = r.target_id
JOIN evidence ev ON ev.id = r.evidence_id
JOIN articles a ON a.id = r.article_id`;

/** Article columns for summaries, with counts of what was read from each (claims marked wrong left out). */
export const ARTICLE_SUMMARY_COLUMNS = `a.id, a.title, a.outlet, a.published_at, a.author, a.language, a.url, a.source_uri, a.source_index,
  a.duplicate_of, a.spun, a.relevance, a.place, a.ingested_at,
  (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id AND ${NOT_JUDGED_WRONG('e.id')}) AS event_count,
  (SELECT COUNT(*) FROM relations r WHERE r.article_id = a.id AND ${NOT_JUDGED_WRONG('r.id')}) AS relation_count`;

interface EvidenceColumns {
  evidence_id: string;
  article_id: string;
  evidence_start: number;
  evidence_end: number;
  evidence_sentence: string;
  evidence_attributed_to: string | null;
  article_title: string | null;
  article_outlet: string | null;
  article_published_at: IsoDate | null;
}

export interface EventSqlRow extends EvidenceColumns {
  id: string;
  type: EventType;
  mode: string | null;
  cameo: string | null;
  intensity: number | null;
  date: IsoDate | null;
  effective_date: IsoDate | null;
  location_name: string | null;
  location_country: string | null;
  lat: number | null;
  lon: number | null;
  modality: Modality;
  confidence: number;
  trigger_start: number | null;
  trigger_end: number | null;
  producer: string | null;
  sources_json: string;
  targets_json: string;
  retellings_json?: string | null;
}

export interface RelationSqlRow extends EvidenceColumns {
  id: string;
  type: RelationType;
  role: string | null;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
  negated: number;
  confidence: number;
  producer: string | null;
  source_id: string;
  source_name: string;
  source_kind: ActorKind;
  target_id: string;
  target_name: string;
  target_kind: ActorKind;
}

export interface ArticleSqlRow {
  id: string;
  title: string | null;
  outlet: string | null;
  published_at: IsoDate | null;
  author: string | null;
  language: string | null;
  url: string | null;
  source_uri: string;
  source_index: number;
  duplicate_of: string | null;
  spun: number;
  relevance: number;
  place: string | null;
  ingested_at: string;
  event_count: number;
  relation_count: number;
}

function evidenceOf(row: EvidenceColumns): StoredEvidence {
  return {
    id: row.evidence_id,
    articleId: row.article_id,
    start: row.evidence_start,
    end: row.evidence_end,
    sentence: row.evidence_sentence,
    attributedTo: row.evidence_attributed_to,
  };
}

function articleRefOf(row: EvidenceColumns): ArticleRef {
  return { id: row.article_id, title: row.article_title, outlet: row.article_outlet, publishedAt: row.article_published_at };
}

function locationOf(row: EventSqlRow) {
  return row.location_name === null
    ? null
    : { name: row.location_name, country: row.location_country, lat: row.lat, lon: row.lon };
}

export function toEventRow(row: EventSqlRow): EventRow {
  return {
    id: row.id,
    type: row.type,
    mode: row.mode,
    cameo: row.cameo,
    intensity: row.intensity,
    date: row.date,
    when: row.effective_date,
    modality: row.modality,
    confidence: row.confidence,
    tone: toneOf('event', row.type, row.intensity),
    location: locationOf(row),
    sources: JSON.parse(row.sources_json) as ActorRef[],
    targets: JSON.parse(row.targets_json) as ActorRef[],
    evidence: evidenceOf(row),
    retellings: retellingsOf(row),
    article: articleRefOf(row),
  };
}

function retellingsOf(row: EventSqlRow): StoredEvidence[] {
  return row.retellings_json ? (JSON.parse(row.retellings_json) as StoredEvidence[]) : [];
}

/** The event in the pipeline's own shape (actor ids), as an article's detail gives it. */
export function toStoredEvent(row: EventSqlRow): StoredEvent {
  const ids = (json: string) => (JSON.parse(json) as ActorRef[]).map((a) => a.id);
  const event: StoredEvent = {
    id: row.id,
    type: row.type,
    mode: row.mode,
    cameo: row.cameo,
    intensity: row.intensity,
    sources: ids(row.sources_json),
    targets: ids(row.targets_json),
    date: row.date,
    location: locationOf(row),
    modality: row.modality,
    evidence: evidenceOf(row),
    confidence: row.confidence,
    producer: producerOf(row.producer),
  };
  const retellings = retellingsOf(row);
  if (retellings.length) event.retellings = retellings;
  if (row.trigger_start !== null && row.trigger_end !== null) event.trigger = { start: row.trigger_start, end: row.trigger_end };
  return event;
}

export function toRelationRow(row: RelationSqlRow): RelationRow {
  return {
    id: row.id,
    type: row.type,
    source: { id: row.source_id, name: row.source_name, kind: row.source_kind },
    target: { id: row.target_id, name: row.target_name, kind: row.target_kind },
    role: row.role,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    negated: row.negated === 1,
    confidence: row.confidence,
    tone: toneOf('relation', row.type, null),
    evidence: evidenceOf(row),
    article: articleRefOf(row),
  };
}

export function toStoredRelation(row: RelationSqlRow): StoredRelation {
  return {
    id: row.id,
    type: row.type,
    source: row.source_id,
    target: row.target_id,
    role: row.role,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    negated: row.negated === 1,
    evidence: evidenceOf(row),
    confidence: row.confidence,
    producer: producerOf(row.producer),
  };
}

/** The stored provenance JSON, null for rows saved before it was kept. */
export function producerOf(json: string | null): Producer | null {
  return json === null ? null : (JSON.parse(json) as Producer);
}

export function toArticleSummary(row: ArticleSqlRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    publishedAt: row.published_at,
    author: row.author,
    language: row.language,
    url: row.url,
    sourceUri: row.source_uri,
    sourceIndex: row.source_index,
    duplicateOf: row.duplicate_of,
    spun: row.spun === 1,
    relevance: row.relevance,
    place: row.place === null ? null : (JSON.parse(row.place) as DocPlace),
    ingestedAt: row.ingested_at,
    eventCount: row.event_count,
    relationCount: row.relation_count,
  };
}
