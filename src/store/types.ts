// The shapes the store's queries return: what the API serves and the web app reads.
import type { Tone } from '../analyze/graph.js';
import type { DocPlace } from '../core/doc.js';
import type {
  ActorKind, Event, EventType, Evidence, IsoDate, Location, Mention, Modality, Producer, Relation, RelationType,
} from '../model/types.js';
import type { Message } from '../core/messages.js';
import type { JudgementRef } from './judgements.js';

export type { Judgement, JudgementKind, JudgementRef, NewJudgement, Undo } from './judgements.js';

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

export interface ArticleRef {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedAt: IsoDate | null;
}

export interface StoredEvidence extends Evidence {
  id: string;
  articleId: string;
}

export interface ArticleSummary extends ArticleRef {
  /** The byline's names, null when the page gives none. */
  author: string | null;
  /** ISO 639-1 code. */
  language: string | null;
  url: string | null;
  sourceUri: string;
  sourceIndex: number;
  duplicateOf: string | null;
  spun: boolean;
  relevance: number;
  /** Where the story was filed, from its dateline (src/core/doc.ts DocPlace); null when none. */
  place: DocPlace | null;
  ingestedAt: string;
  /** Its events and relations, those judged wrong left out. */
  eventCount: number;
  relationCount: number;
}

/** Provenance as stored: null for what was saved before the store kept it. */
type StoredProducer = { producer: Producer | null };

/** An event as the pipeline gave it, plus the id of its stored evidence. */
export type StoredEvent = Omit<Event, 'producer' | 'retellings'> & StoredProducer & { evidence: StoredEvidence; retellings?: StoredEvidence[] };
export type StoredRelation = Omit<Relation, 'producer'> & StoredProducer & { evidence: StoredEvidence };
export type StoredMention = Omit<Mention, 'producer'> & StoredProducer;

export interface ArticleDetail extends ArticleSummary {
  text: string;
  /** Mentions, events and relations name the actor kept where an analyst merged one into another. */
  mentions: StoredMention[];
  /** Each as saved; one an analyst judged wrong carries the live claim_wrong judgement (`judgement`). */
  events: (StoredEvent & { judgement?: JudgementRef })[];
  relations: (StoredRelation & { judgement?: JudgementRef })[];
  evidence: StoredEvidence[];
  /** Every actor the mentions, events and relations refer to (the kept ones), to name them. */
  actors: ActorRef[];
  /** What cleaning and extraction doubted about the article, with rule id and position. */
  messages: Message[];
}

export interface ActorSummary extends ActorRef {
  country: string | null;
  discovered: boolean;
  mentionCount: number;
  eventCount: number;
}

/** Relations between an actor and one other, of one type, gathered over all the articles stating them. */
export interface RelationLink {
  type: RelationType;
  actor: ActorRef;
  role: string | null;
  negated: boolean;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  count: number;
  evidenceIds: string[];
}

/** One holder of a knowledge-base office, as saved by store.saveRoles. */
export interface RoleHolding {
  roleId: string;
  title: string;
  /** Actor id of the state or body the office belongs to. */
  of: string | null;
  actorId: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** An office the actor held: from the knowledge base, or from a holds_role relation a text states. */
export interface ActorRole {
  roleId: string | null;
  title: string;
  of: ActorRef | null;
  from: IsoDate | null;
  to: IsoDate | null;
  source: 'kb' | 'relation';
  /** The relation's evidence (source 'relation'); null for the knowledge base. */
  evidenceId: string | null;
}

/** Another actor the actor has events with, either way. */
export interface Counterpart {
  actor: ActorRef;
  events: number;
  cooperation: number;
  conflict: number;
}

export interface ActorDetail extends ActorSummary {
  description: string | null;
  aliases: string[];
  articleCount: number;
  /** Publication dates of the first and last articles that mention the actor. */
  firstSeen: IsoDate | null;
  lastSeen: IsoDate | null;
  eventCounts: { type: EventType; asSource: number; asTarget: number }[];
  relationsOut: RelationLink[];
  relationsIn: RelationLink[];
  /** Offices held, oldest first (undated last). */
  roles: ActorRole[];
  /** Events with the actor on either side per year of their date, for a small chart. */
  eventsByYear: { year: string; asSource: number; asTarget: number }[];
  /** The actors it has most events with (at most 10). */
  counterparts: Counterpart[];
  /** The actor an analyst merged this one into (chains followed), else null. */
  mergedInto: string | null;
  /** Actors merged into this one (their mentions, events and relations count here), with the judgement to undo (split). */
  merged: { id: string; name: string; judgementId: string }[];
}

export interface EventRow {
  id: string;
  type: EventType;
  mode: string | null;
  cameo: string | null;
  intensity: number | null;
  date: IsoDate | null;
  /** `date`, or the article's publication date when the text gives none. */
  when: IsoDate | null;
  modality: Modality;
  confidence: number;
  /** Cooperation or conflict, from the intensity's sign or else the type's family. */
  tone: Tone;
  location: Location | null;
  sources: ActorRef[];
  targets: ActorRef[];
  evidence: StoredEvidence;
  /** The article's other sentences telling the same happening, in text order (none when told once). */
  retellings: StoredEvidence[];
  article: ArticleRef;
  /** In event lists: the live claim_wrong judgement on it (the app strikes it through), else null. */
  judgement?: JudgementRef | null;
}

export interface RelationRow {
  id: string;
  type: RelationType;
  source: ActorRef;
  target: ActorRef;
  role: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  negated: boolean;
  confidence: number;
  tone: Tone;
  evidence: StoredEvidence;
  article: ArticleRef;
  /** In relation lists: the live claim_wrong judgement on it, else null. */
  judgement?: JudgementRef | null;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** Dates at any ISO precision; a window bound of '2020' covers all of 2020. */
export interface DateWindow {
  from?: IsoDate;
  to?: IsoDate;
}

export interface PageOptions {
  limit?: number;
  offset?: number;
}

export interface ArticleQuery extends PageOptions, DateWindow {
  q?: string;
  /** Only articles that mention this actor. */
  actor?: string;
}

export interface EventQuery extends PageOptions, DateWindow {
  q?: string;
  /** Events with this actor on either side. */
  actor?: string;
  source?: string;
  target?: string;
  type?: EventType;
  /** The app's ticked types, event and relation ones in one list: the event types among them (none: no event). */
  types?: (EventType | RelationType)[];
  modality?: Modality[];
  /** Only these events (a map place's). */
  ids?: string[];
}

export interface RelationQuery extends PageOptions, DateWindow {
  actor?: string;
  source?: string;
  target?: string;
  type?: RelationType;
  /** As EventQuery's: the relation types among them (none: no relation). */
  types?: (EventType | RelationType)[];
}

export interface SearchHits {
  /** Snippets mark each match between \u0002 and \u0003 so the client can highlight it after escaping. */
  articles: (ArticleRef & { snippet: string })[];
  evidence: (StoredEvidence & { article: ArticleRef; snippet: string })[];
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  /** Actors the stored articles mention or their claims name: what the store holds of them. */
  actors: number;
  /** Every actor saved, the knowledge base's included: most are never mentioned. */
  knowledgeBase: number;
  mentions: number;
  events: number;
  relations: number;
  evidence: number;
  /** The earliest and latest dates of the articles and events held. */
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
}

export interface MessageCount {
  id: string;
  severity: 'error' | 'warning' | 'info';
  count: number;
}

export type SaveStatus = 'new' | 'updated' | 'unchanged';

/** What saving an article did, and its duplicate link as stored. */
export interface SaveResult {
  status: SaveStatus;
  duplicateOf: string | null;
  spun: boolean;
}
