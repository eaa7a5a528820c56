// What several extraction components ask of the same Doc: an actor's kind, the dates of a sentence,
// the dateline's place, a sentence with its mentions slotted. Each is a pure function of the Doc's
// layers; the caches are keyed on the layer objects themselves, so a component that replaces a layer
// (coreference rewrites `mentions`) never reads a stale answer, and a Doc that is dropped frees them.
import type { Doc, DocToken, Sentence } from '../core/doc.js';
import type { ActorKind, IsoDate, Span } from '../model/types.js';
import type { KnowledgeBase, Place } from '../kb/index.js';
import { aliasIndex } from '../kb/alias-index.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import { slotSentence, type SlottedSentence } from './slots.js';

type KindOf = (id: string) => ActorKind | undefined;
const kindCaches = new WeakMap<object, KindOf>();

/** An actor's kind, from the knowledge base or the actors the Doc discovered. */
export function kindOf(doc: Doc, kb: KnowledgeBase): KindOf {
  let cached = kindCaches.get(doc.discovered);
  if (cached) return cached;
  const discovered = new Map(doc.discovered.map((a) => [a.id, a]));
  cached = (id) => kb.actor(id)?.kind ?? discovered.get(id)?.kind;
  kindCaches.set(doc.discovered, cached);
  return cached;
}

type DatesIn = (s: Span, ahead?: boolean) => DateMention[];
const dateCaches = new WeakMap<Sentence[], DatesIn>();

/** The date phrases of a sentence, parsed once per sentence and direction: offices, event dates and the story's day all ask. */
export function datesIn(doc: Doc): DatesIn {
  let cached = dateCaches.get(doc.sentences);
  if (cached) return cached;
  const parsed = new Map<string, DateMention[]>();
  const { text, publishedAt } = doc;
  cached = (s, ahead = false) => {
    const key = `${s.start}:${ahead}`;
    let dates = parsed.get(key);
    if (!dates) parsed.set(key, (dates = findDates(text.slice(s.start, s.end), s.start, publishedAt, ahead)));
    return dates;
  };
  dateCaches.set(doc.sentences, cached);
  return cached;
}

/** The date an offset's sentence speaks of, else the report date: what offices are resolved on. */
export function dateAt(doc: Doc): (offset: number) => IsoDate | null {
  const dates = datesIn(doc);
  return (offset) => {
    const s = doc.sentenceAt(offset);
    return (s && dates(s)[0]?.date) || doc.publishedAt;
  };
}

/** The knowledge base's place the Doc's dateline names (the place component found it), or null. */
export function datelinePlace(doc: Doc, kb: KnowledgeBase): Place | null {
  return doc.place ? placeIn(doc, doc.place, kb) : null;
}

/** The knowledge base's place named in a span of the Doc. */
export function placeIn(doc: Doc, span: Span, kb: KnowledgeBase): Place | null {
  return aliasIndex(kb).places.findAll(doc.tokensIn(span))[0]?.value ?? null;
}

const slotCaches = new WeakMap<object, Map<Sentence, SlottedSentence>>();

/** A sentence with its mentions replaced by slots; events and relations both read it. */
export function slotted(doc: Doc, sentence: Sentence, kb: KnowledgeBase): SlottedSentence {
  let cache = slotCaches.get(doc.mentions);
  if (!cache) slotCaches.set(doc.mentions, (cache = new Map()));
  let s = cache.get(sentence);
  if (!s) {
    const kind = kindOf(doc, kb);
    cache.set(sentence, (s = slotSentence(doc.text, sentence, doc.mentions, (id) => kind(id) === 'state')));
  }
  return s;
}

/** A sentence's tokens with heads local to it, as the parse-reading code indexes them. */
export function sentenceTokens(doc: Doc, sentence: Sentence): DocToken[] {
  const from = sentence.tokenStart;
  return doc.tokens.slice(from, sentence.tokenEnd).map((t) => ({ ...t, head: t.head === null || t.head < 0 ? t.head : t.head - from }));
}
