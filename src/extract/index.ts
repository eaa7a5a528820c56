// Extraction for one cleaned article: sentences and tokens, mentions, then per sentence the events and
// relations, each with its sentence as evidence. Pure: the same article and knowledge base give the same output.
import type { Actor, Article, CleanArticle, IsoDate, Location, Span, Token } from '../model/types.js';
import type { KnowledgeBase, Place } from '../kb/index.js';
import { aliasIndex } from '../kb/alias-index.js';
import { tokenize } from '../nlp/tokenize.js';
import { splitSentences } from '../nlp/sentences.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import { findMentions } from './mentions.js';
import { slotSentence } from './slots.js';
import { codeEvents, linkReactions, mergeRepeatedEvents } from './events.js';
import { codeRelations, roleRelations } from './relations.js';
import { relevance } from './relevance.js';
import { resolveFollowers, resolvePronouns } from './coreference.js';

export interface Extracted {
  article: Article;
  actors: Actor[];
}

export function extractArticle(clean: CleanArticle, kb: KnowledgeBase): Extracted {
  const { text, publishedAt } = clean;
  const sentences = splitSentences(text);
  const tokens = tokenize(text);
  const sentenceOf = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end);

  // Date phrases are parsed once per sentence (and direction): offices, event dates and the story's
  // current day all ask for them.
  const parsed = new Map<string, DateMention[]>();
  const datesIn = (s: Span, ahead = false): DateMention[] => {
    const key = `${s.start}:${ahead}`;
    let dates = parsed.get(key);
    if (!dates) parsed.set(key, (dates = findDates(text.slice(s.start, s.end), s.start, publishedAt, ahead)));
    return dates;
  };
  // Offices are resolved on the date the sentence speaks of, else the report date.
  const dateAt = (offset: number): IsoDate | null => {
    const s = sentenceOf(offset);
    return (s && datesIn(s)[0]?.date) || publishedAt;
  };

  const places = aliasIndex(kb).places;
  const dateline = datelinePlace(text, tokens, places.findAll.bind(places));

  const found = findMentions(text, tokens, kb, dateAt, dateline?.country ?? null);
  const { appositions, discovered } = found;
  const discoveredById = new Map(discovered.map((a) => [a.id, a]));
  const kindOf = (id: string) => kb.actor(id)?.kind ?? discoveredById.get(id)?.kind;
  const followers = resolveFollowers(text, sentences, found.mentions, (id) => kb.actor(id)?.supporters ?? null, kindOf);
  const named = found.mentions.filter((m) => !followers.some((f) => f.start <= m.start && m.end <= f.end));
  const mentions = [...named, ...followers, ...resolvePronouns(text, sentences, named, kindOf)].sort((a, b) => a.start - b.start);
  const locate = (sentence: Span): Location | null => {
    const inSentence = tokensWithin(tokens, sentence);
    const place = places.findAll(inSentence)[0]?.value ?? dateline;
    return place ? { name: place.name, country: place.country, lat: place.lat, lon: place.lon } : null;
  };

  // The day a story is on carries from a dated sentence to the next ones of its paragraph ("Parliament
  // voted on Sunday ... Abdul-Mahdi urged lawmakers to back it"), two sentences at most.
  const narrativeDate = (sentence: Span): IsoDate | null => {
    const at = sentences.indexOf(sentence);
    for (let i = at - 1; i >= Math.max(0, at - 2); i--) {
      if (text.slice(sentences[i].end, sentences[i + 1].start).includes('\n')) break;
      const said = datesIn(sentences[i]).filter((d) => d.date.length === 10);
      if (said.length) return said[0].date;
    }
    return null;
  };

  const article: Article = { ...clean, relevance: 0, sentences, mentions, events: [], relations: [] };
  for (const sentence of sentences) {
    const slotted = slotSentence(text, sentence, mentions, (id) => kindOf(id) === 'state');
    if (!slotted.slots.length) continue;
    article.events.push(...codeEvents(slotted, { articleId: clean.id, publishedAt, locate, narrativeDate, datesIn }));
    article.relations.push(...roleRelations(slotted, clean.id, appositions), ...codeRelations(slotted, clean.id, kindOf));
  }
  linkReactions(article.events, text);
  article.events = mergeRepeatedEvents(article.events);
  article.relevance = relevance(sentences, mentions, kb);
  return { article, actors: referencedActors(article, kb, discoveredById) };
}

/** The tokens inside a span, found by binary search: articles run to thousands of tokens. */
function tokensWithin(tokens: Token[], span: Span): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && tokens[end].end <= span.end) end++;
  return tokens.slice(lo, end);
}

/** "BAGHDAD —" or "ERBIL, Iraq (Wire) -" at the head of the text names where the story was filed. */
function datelinePlace(text: string, tokens: Token[], find: (t: Token[]) => { value: Place }[]): Place | null {
  const head = /^\s*([A-Z][A-Z .'-]{2,30})(?:,[^—–\n]{0,40})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s/.exec(text);
  if (!head) return null;
  const end = head.index + head[0].indexOf(head[1]) + head[1].length;
  return find(tokens.filter((t) => t.end <= end))[0]?.value ?? null;
}

function referencedActors(article: Article, kb: KnowledgeBase, discovered: Map<string, Actor>): Actor[] {
  const ids = new Set<string>();
  for (const m of article.mentions) ids.add(m.actorId);
  for (const e of article.events) for (const id of [...e.sources, ...e.targets]) ids.add(id);
  for (const r of article.relations) ids.add(r.source).add(r.target);
  const actors: Actor[] = [];
  for (const id of ids) {
    const known = kb.actor(id);
    if (known) {
      const { id: _id, name, kind, country, aliases, description } = known;
      actors.push({ id, name, kind, country, aliases, discovered: false, description });
    } else if (discovered.has(id)) actors.push(discovered.get(id)!);
  }
  return actors;
}
