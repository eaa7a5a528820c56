// The shapes every stage shares: spans, claims and actors. The document that carries them from
// cleaning to the store is the Doc (src/core/doc.ts); every span is a pair of UTF-16 offsets into its text.

/** ISO date at the precision that is known: YYYY, YYYY-MM or YYYY-MM-DD. */
export type IsoDate = string;

export interface Span {
  start: number;
  end: number;
}

/** What made a span or claim, so a wrong one can be traced: the component, its rule or model, its version. */
export interface Producer {
  component: string;
  /** The rule that fired: a lexicon entry, a template id, a resolution method. */
  rule?: string;
  /** A trained model's name, when a model decided. */
  model?: string;
  version: string;
}

/** One page as read from a source, before cleaning. A JSONL file or feed yields many. */
export interface RawPage {
  /** File path or URL the page was read from. */
  uri: string;
  /** Position of this page among the pages of that input (0-based line of a JSONL file, item of a feed). */
  part: number;
  /** Where the page stands in its input, for messages: the 1-based line of a JSONL file or item of a feed. */
  line?: number;
  item?: number;
  format: 'html' | 'text';
  content: string;
  /** Metadata the source itself gave (JSONL fields, feed items, HTTP headers). Cleaning may fill what is missing. */
  title?: string | null;
  url?: string | null;
  publishedAt?: IsoDate | null;
  outlet?: string | null;
  author?: string | null;
  language?: string | null;
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
  producer: Producer;
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
  /**
   * The article's other sentences that tell the same happening (the lead, the details, the recap), in
   * text order: one event with every telling as evidence, not one event per telling. Empty when told once.
   */
  retellings?: Evidence[];
  confidence: number;
  /** The word(s) that triggered the coding, for the evidence panel. */
  trigger?: Span;
  producer: Producer;
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
  producer: Producer;
}

export interface ArticleSource {
  /** File path or URL the article was read from. */
  uri: string;
  /** Position of this article among the articles found in that input (a page may hold several). */
  index: number;
  outlet: string | null;
}

/** A word token of the text: `form` is the text it covers. */
export interface Token extends Span {
  form: string;
}

/** An article as `orbit extract --json` prints it (the Doc's metadata and claims; its NLP layers stay internal). */
export interface ContractArticle {
  id: string;
  source: ArticleSource;
  title: string | null;
  publishedAt: IsoDate | null;
  /** The byline's names joined with ", "; null when the page names none (optional in the contract). */
  author?: string | null;
  /** ISO 639-1 code of the text (optional in the contract). */
  language?: string | null;
  url: string | null;
  text: string;
  duplicateOf: string | null;
  spun: boolean;
  relevance: number;
  mentions: Mention[];
  events: Event[];
  relations: Relation[];
}

/** What `orbit extract --json` prints (src/model/extraction.schema.json). */
export interface ExtractionResult {
  version: '1';
  generator: string;
  articles: ContractArticle[];
  actors: Actor[];
  incidents?: { id: string; eventIds: string[] }[];
}
