// The types every stage shares. An Article flows left to right through the pipeline
// (ingest -> clean -> nlp -> extract -> store), each stage filling in more of it.
// Every span is a pair of UTF-16 offsets into `Article.text`.

/** ISO date at the precision that is known: YYYY, YYYY-MM or YYYY-MM-DD. */
export type IsoDate = string;

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** What a stage skipped or doubted, with where (the unified/vfile way: a message, not an exception). */
export interface Diagnostic {
  severity: Severity;
  /** The stage that raised it: 'ingest', 'clean', 'nlp', 'extract', 'store'. */
  stage: string;
  /** The input it is about (file path or URL, with `#N` for a line or item when useful). */
  uri: string;
  message: string;
}

/** One page as read from a source, before cleaning. A JSONL file or feed yields many. */
export interface RawPage {
  /** File path or URL the page was read from. */
  uri: string;
  /** Position of this page among the pages of that input (line of a JSONL file, item of a feed). */
  part: number;
  format: 'html' | 'text';
  content: string;
  /** Metadata the source itself gave (JSONL fields, feed items, HTTP headers). Cleaning may fill what is missing. */
  title?: string | null;
  url?: string | null;
  publishedAt?: IsoDate | null;
  outlet?: string | null;
}

// The ontology's ids and unions are generated from models/ontology.yaml (npm run gen:ontology).
import type { ActorKind, EventType, Modality, RelationType } from '../core/ontology.generated.js';
export type { ActorKind, EventType, Modality, RelationType };

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3. */
  country: string | null;
  aliases: string[];
  /** True when the actor is not in the knowledge base and was found in the text. */
  discovered: boolean;
  description: string | null;
}

export interface Mention extends Span {
  actorId: string;
  /** The surface form as it stands in the text. */
  text: string;
  /** How it was resolved: alias, role, pattern, ner ... */
  method: string;
}

export interface Evidence extends Span {
  /** The sentence, exactly as it stands in the article's text. */
  sentence: string;
  /** Actor id or plain name of whoever the article says made the claim; null when the outlet states it. */
  attributedTo: string | null;
}

export { EVENT_TYPES, MODALITIES } from '../core/ontology.generated.js';

export interface Location {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Event {
  id: string;
  type: EventType;
  mode: string | null;
  cameo: string | null;
  intensity: number | null;
  sources: string[];
  targets: string[];
  /** When it happened (not when reported), at the precision the text gives. */
  date: IsoDate | null;
  location: Location | null;
  modality: Modality;
  evidence: Evidence;
  confidence: number;
  /** The word(s) that triggered the coding, for the evidence panel. */
  trigger?: Span;
}

export { RELATION_TYPES } from '../core/ontology.generated.js';

export interface Relation {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  role: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  negated: boolean;
  evidence: Evidence;
  confidence: number;
}

export interface ArticleSource {
  /** File path or URL the article was read from. */
  uri: string;
  /** Position of this article among the articles found in that input (a page may hold several). */
  index: number;
  outlet: string | null;
}

/** What cleaning produces: an article with its body, before any NLP. */
export interface CleanArticle {
  id: string;
  source: ArticleSource;
  title: string | null;
  /** Null when the input does not say; never a date from an old caption or a related link. */
  publishedAt: IsoDate | null;
  url: string | null;
  text: string;
  duplicateOf: string | null;
  spun: boolean;
  diagnostics: Diagnostic[];
}

export interface Token extends Span {
  text: string;
}

/** A fully read article: cleaning plus NLP plus extraction. */
export interface Article extends CleanArticle {
  relevance: number;
  sentences: Span[];
  mentions: Mention[];
  events: Event[];
  relations: Relation[];
}

/** An article as `orbit extract --json` prints it: the NLP scaffolding stays internal. */
export type ContractArticle = Omit<Article, 'sentences' | 'diagnostics'>;

/** What `orbit extract --json` prints (src/model/extraction.schema.json). */
export interface ExtractionResult {
  version: '1';
  generator: string;
  articles: ContractArticle[];
  actors: Actor[];
  incidents?: { id: string; eventIds: string[] }[];
}
