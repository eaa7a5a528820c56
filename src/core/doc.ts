// The one document object. Cleaning creates it; each component then adds a layer (tokens, mentions,
// events ...) and says so in `layers`, the way spaCy's Doc collects annotations and unified's VFile
// collects messages. It holds plain data only, so JSON.stringify gives all of it and `Doc.from` brings
// it back (a worker thread, a cache file); the few methods are reading helpers.
//
// Offsets are the spine: every span below is a pair of UTF-16 offsets into `text`, and `sourceMap`
// leads from `text` back to the raw page.
import type { Actor, ArticleSource, ContractArticle, Event, IsoDate, Mention, Producer, Relation, Span, Token } from '../model/types.js';
import type { Message } from './messages.js';

/** What a component may assign. Cleaning assigns text and sourceMap; see src/pipeline/components.ts for the rest. */
export const LAYERS = [
  'text', 'sourceMap', 'duplicates', 'sentences', 'tokens', 'lemmas', 'upos', 'deps', 'entities', 'place',
  'mentions', 'appositions', 'discovered', 'coreference', 'events', 'relations', 'relevance', 'actors',
] as const;
export type Layer = (typeof LAYERS)[number];

/** Layers a Doc can let go of once extraction has read them (`Doc.release`). */
export const RELEASABLE_LAYERS = ['tokens', 'entities', 'appositions'] as const;
export type ReleasableLayer = (typeof RELEASABLE_LAYERS)[number];
/** Layers that live on the tokens. */
const TOKEN_LAYERS: readonly Layer[] = ['lemmas', 'upos', 'deps'];

/**
 * A range of `text` and where it stands in the raw page content. For a text dump, the kept
 * paragraph's place in the input (found with whitespace allowed to differ, since cleaning joins
 * wrapped lines and collapses spaces). For HTML, where the paragraph's text stands verbatim in the
 * page's HTML, or null when it does not (entities, inline tags or Readability's rewriting split it).
 */
export interface SourceSegment extends Span {
  sourceStart: number | null;
  sourceEnd: number | null;
}

export interface Sentence extends Span {
  /** Doc-level token indexes: [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/** A token with the annotations a tagger and parser add; null until a component fills them. */
export interface DocToken extends Token {
  lemma: string | null;
  upos: string | null;
  /** The treebank's language-specific tag (Penn for English), when a tagger gives one. */
  xpos: string | null;
  /** Doc-level index of the head token, -1 for a sentence root. */
  head: number | null;
  deprel: string | null;
}

/** A labelled span (named entities from NER, later). */
export interface EntitySpan extends Span {
  label: string;
  producer: Producer;
}

/** A title next to a name: "Iraqi Prime Minister Mustafa al-Kadhimi", "Ghaani, the Quds Force commander". */
export interface Apposition {
  mention: Mention;
  roleId: string;
  title: string;
  of: string | null;
  span: Span;
}

/**
 * Where the story was filed, from its dateline ("TEHRAN –", "ERBIL, Iraq, March 3 (AP) —"): the
 * place's name (the knowledge base's when it knows it, else the dateline's words) and its span; the
 * whole dateline's span too, since nothing in it is an actor acting ("(Reuters)" is a credit).
 */
export interface DocPlace extends Span {
  name: string;
  /** ISO 3166-1 alpha-3 of the knowledge base's place, when it knows it. */
  country: string | null;
  dateline: Span;
  producer: Producer;
}

/** A Doc's fields without its methods: what JSON or a structured clone carries. */
export type DocData = { [K in keyof Doc as Doc[K] extends (...args: never[]) => unknown ? never : K]: Doc[K] };

/** What cleaning knows of a story when it makes the Doc. */
export type DocInit = Pick<ContractArticle, 'id' | 'source' | 'title' | 'publishedAt' | 'url' | 'text' | 'author' | 'language'> & {
  sourceMap?: SourceSegment[];
  messages?: Message[];
};

export class Doc {
  id: string;
  source: ArticleSource;
  title: string | null;
  /** Null when the input does not say; never a date from an old caption or a related link. */
  publishedAt: IsoDate | null;
  url: string | null;
  /** The byline's names joined with ", " (an agency counts); null when the page names none. */
  author: string | null;
  /** ISO 639-1 code of the text: as the page declares it, else guessed from its words. */
  language: string | null;
  /** Id of the earlier article this one (nearly) copies; set by the dedupe stage. */
  duplicateOf: string | null = null;
  spun = false;
  /** How much the article is about the loaded theater (0 to 1). */
  relevance = 0;
  /** Where the story was filed, from its dateline; null when it has none. */
  place: DocPlace | null = null;
  /** The cleaned article text, paragraphs separated by a blank line. */
  text: string;
  sourceMap: SourceSegment[];
  sentences: Sentence[] = [];
  tokens: DocToken[] = [];
  entities: EntitySpan[] = [];
  mentions: Mention[] = [];
  appositions: Apposition[] = [];
  /** Actors found in the text that the knowledge base does not list. */
  discovered: Actor[] = [];
  events: Event[] = [];
  relations: Relation[] = [];
  /** Every actor the mentions, events and relations refer to (KB or discovered), once. */
  actors: Actor[] = [];
  messages: Message[];
  /** The layers assigned so far, in the order they were. */
  layers: Layer[];

  constructor(init: DocInit) {
    this.id = init.id;
    this.source = init.source;
    this.title = init.title;
    this.publishedAt = init.publishedAt;
    this.url = init.url;
    this.author = init.author ?? null;
    this.language = init.language ?? null;
    this.text = init.text;
    this.sourceMap = init.sourceMap ?? [];
    this.messages = init.messages ?? [];
    this.layers = init.sourceMap ? ['text', 'sourceMap'] : ['text'];
  }

  /** A Doc from its JSON form (or a structured clone, which loses the prototype). */
  static from(data: DocData): Doc {
    return Object.assign(Object.create(Doc.prototype) as Doc, data);
  }

  has(layer: Layer): boolean {
    return this.layers.includes(layer);
  }

  assign(...layers: Layer[]): void {
    for (const layer of layers) if (!this.layers.includes(layer)) this.layers.push(layer);
  }

  /**
   * Drops NLP layers a reader no longer needs (a store keeps none of them), so a Doc on its way to
   * the store weighs what the store keeps. Lemmas, UPOS and the parse live on the tokens and go with them.
   */
  release(...layers: ReleasableLayer[]): void {
    const gone = new Set<Layer>(layers);
    if (gone.has('tokens')) {
      this.tokens = [];
      for (const layer of TOKEN_LAYERS) gone.add(layer);
    }
    if (gone.has('entities')) this.entities = [];
    if (gone.has('appositions')) this.appositions = [];
    this.layers = this.layers.filter((layer) => !gone.has(layer));
  }

  /** The offset in the raw page content that `offset` of the text comes from, or null when unknown. */
  toSource(offset: number): number | null {
    const segment = segmentAt(this.sourceMap, offset);
    if (!segment || segment.sourceStart === null || segment.sourceEnd === null) return null;
    // Inside a segment found with whitespace differences the offset is near, not exact: clamp it.
    return Math.min(segment.sourceStart + (offset - segment.start), segment.sourceEnd);
  }

  /** The sentence holding an offset, by binary search. */
  sentenceAt(offset: number): Sentence | undefined {
    return segmentAt(this.sentences, offset);
  }

  /** The tokens of a sentence (or of any span, by binary search on the token starts). */
  tokensIn(span: Span): DocToken[] {
    if ('tokenStart' in span) return this.tokens.slice((span as Sentence).tokenStart, (span as Sentence).tokenEnd);
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.tokens.length && this.tokens[end].end <= span.end) end++;
    return this.tokens.slice(lo, end);
  }
}

/** The span of a sorted, non-overlapping list that holds an offset. */
function segmentAt<T extends Span>(spans: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}
