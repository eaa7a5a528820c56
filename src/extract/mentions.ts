// Who the article names: knowledge-base aliases and demonyms, offices resolved to their holder on the
// date the sentence speaks of ("Iraq's prime minister" in 2021 is Kadhimi), and actors found by the
// shape of their names. Mentions never overlap; the longer one wins.
import type { Actor, IsoDate, Mention, Span, Token } from '../model/types.js';
import type { Apposition, EntitySpan } from '../core/doc.js';
import { producedBy } from './producers.js';
import type { KnowledgeBase } from '../kb/index.js';
import { aliasIndex, type NameEntry } from '../kb/alias-index.js';
import { discoverSpans, discoveredActor } from './discover.js';
import { ownedBy, rankBelow } from './title-rank.js';

export type { Apposition };

export interface MentionResult {
  mentions: Mention[];
  appositions: Apposition[];
  /** Actors found in the text that the knowledge base does not list. */
  discovered: Actor[];
}

/** Honorifics before a surname: "Mr Johnson", "Dr. Zarif". */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady)\.?\s+(?=\p{Lu})/u;

/** "Mohammed Tawfiq Allawi" ends with "Allawi" and with "Tawfiq Allawi", word for word. */
function endsWithWords(name: string, tail: string): boolean {
  return name !== tail && (name.endsWith(' ' + tail) || name.endsWith('-' + tail));
}

export function findMentions(
  text: string,
  tokens: Token[],
  kb: KnowledgeBase,
  dateAt: (offset: number) => IsoDate | null,
  datelineCountry: string | null,
  entities: readonly EntitySpan[] = [],
): MentionResult {
  const index = aliasIndex(kb);
  const matches = index.names.findAll(tokens);
  const mentions: Mention[] = [];
  const roleMentions: { mention: Mention; roleId: string; span: Span }[] = [];
  // "the parliament" is the one the story last named outright ("the Iraqi parliament ... the parliament");
  // else the one of the country the story names most (a Tehran dateline over a story about Baghdad's
  // cabinet is still about Baghdad's); else the dateline's; else nobody's in particular.
  const named = mostNamedCountry(matches, kb, datelineCountry);
  const namedOutright = new Set<string>();
  let previousActor: { actorId: string; end: number } | null = null;

  for (const m of matches) {
    const surface = text.slice(m.start, m.end);
    if (m.value.kind === 'description') {
      const options = m.values.filter((v): v is Extract<NameEntry, { kind: 'description' }> => v.kind === 'description');
      // "the Iranian parliament": a country named right before says whose
      const before = previousActor && /^\s*$/u.test(text.slice(previousActor.end, m.start)) ? kb.actor(previousActor.actorId)?.country : undefined;
      const fit = (before ? options.find((v) => v.country === before) : undefined) ?? options.find((v) => namedOutright.has(v.actorId)) ?? options.find((v) => v.country === named) ?? options.find((v) => v.country === datelineCountry);
      // "Sadr's lawmakers", "its security forces" belong to someone: not the institution itself.
      const owned = /(?:['’]s|\b(?:his|her|its|their|our))\s+$/iu.test(text.slice(Math.max(0, m.start - 8), m.start));
      if (fit && !owned) mentions.push({ actorId: fit.actorId, text: surface, start: m.start, end: m.end, method: 'description', producer: producedBy('mentions', 'description') });
    } else if (m.value.kind === 'actor') {
      namedOutright.add(m.value.actorId);
      previousActor = { actorId: m.value.actorId, end: m.end };
      // "American citizens", "Iraqi voters": people of a country, not the state acting.
      if (m.value.method === 'demonym' && PEOPLE_AFTER.test(text.slice(m.end, m.end + 30))) continue;
      mentions.push({ actorId: m.value.actorId, text: surface, start: m.start, end: m.end, method: m.value.method, producer: producedBy('mentions', m.value.method) });
    } else {
      // "Deputy Secretary of State", "the foreign minister's envoy": a title that names no holder of the office.
      if (rankBelow(text, m.start) || ownedBy(text, m.end)) continue;
      const holder = kb.holderOn(m.value.roleId, dateAt(m.start));
      const span = { start: m.start, end: m.end };
      if (holder) {
        const mention = { actorId: holder, text: surface, start: m.start, end: m.end, method: 'role', producer: producedBy('mentions', 'role') };
        mentions.push(mention);
        roleMentions.push({ mention, roleId: m.value.roleId, span });
      } else {
        roleMentions.push({ mention: { actorId: '', text: surface, start: m.start, end: m.end, method: 'role', producer: producedBy('mentions', 'role') }, roleId: m.value.roleId, span });
      }
    }
  }

  // Names the knowledge base does not know, where no known name stands.
  const discovered = new Map<string, Actor>();
  for (const span of discoverSpans(text)) {
    const overlapping = mentions.filter((m) => m.start < span.end && span.start < m.end);
    // A known name inside a longer unknown one ("Iraq" in "Popular Front for Iraq") gives way; an unknown
    // span that starts with a known name, or only partly covers one, is dropped.
    // (A demonym opening it is part of the name: "Iraqi Resistance Coordination Commission".)
    if (overlapping.some((m) => (m.start <= span.start && m.method !== 'demonym') || m.end > span.end)) continue;
    if (overlapping.some((m) => m.method === 'alias' && m.end - m.start >= (span.end - span.start) * 0.6)) continue;
    const actor = discoveredActor(span);
    if (kb.actor(actor.id)) continue;
    for (const m of overlapping) mentions.splice(mentions.indexOf(m), 1);
    discovered.set(actor.id, actor);
    mentions.push({ actorId: actor.id, text: span.text, start: span.start, end: span.end, method: 'pattern', producer: producedBy('mentions', 'pattern') });
  }
  // People and organisations the NER found where no name stands yet. A later "Allawi" is the
  // "Mohammed Tawfiq Allawi" named before it.
  for (const e of entities) {
    if (e.label !== 'PER' && e.label !== 'ORG') continue;
    if (mentions.some((m) => m.start < e.end && e.start < m.end)) continue;
    const surface = text.slice(e.start, e.end).replace(/[’'.,-]+$/u, '');
    if (surface.length < 3 || !/\p{Lu}/u.test(surface)) continue;
    const kind = e.label === 'PER' ? 'person' : 'organization';
    // "Mr Johnson" is the "Boris Johnson" named before, known or found: the honorific names nobody
    const bare = kind === 'person' ? surface.replace(HONORIFIC, '') : surface;
    if (bare !== surface) {
      const known = mentions.find((m) => m.end <= e.start && kb.actor(m.actorId)?.kind === 'person' && endsWithWords(kb.actor(m.actorId)!.name, bare));
      if (known) {
        mentions.push({ actorId: known.actorId, text: surface, start: e.start, end: e.start + surface.length, method: 'ner', producer: producedBy('mentions', 'ner-surname') });
        continue;
      }
    }
    const earlier = kind === 'person' ? [...discovered.values()].find((a) => a.kind === 'person' && endsWithWords(a.name, bare)) : undefined;
    const actor = earlier ?? discoveredActor({ start: e.start, end: e.start + surface.length, text: surface, name: bare, kind });
    if (kb.actor(actor.id)) continue;
    discovered.set(actor.id, actor);
    mentions.push({ actorId: actor.id, text: surface, start: e.start, end: e.start + surface.length, method: 'ner', producer: producedBy('mentions', 'ner') });
  }
  mentions.sort((a, b) => a.start - b.start);

  // A title next to a person's name names that person, whoever the knowledge base says held the office:
  // "Iraqi Prime Minister Mustafa al-Kadhimi", "Esmail Ghaani, the commander of the Quds Force".
  const appositions: Apposition[] = [];
  const isPerson = (m: Mention | undefined) => !!m && (kb.actor(m.actorId)?.kind ?? discovered.get(m.actorId)?.kind) === 'person';
  for (const r of roleMentions) {
    const after = mentions.find((m) => m.start >= r.span.end && HONORIFIC_GAP.test(text.slice(r.span.end, m.start)));
    const before = [...mentions].reverse().find((m) => m.end <= r.span.start && /^,\s*(?:the |its |his |her |a )?(?:[\p{Ll}-]+ )?$/u.test(text.slice(m.end, r.span.start)));
    const person = isPerson(after) ? after! : isPerson(before) ? before! : null;
    if (!person) continue;
    if (r.mention.actorId && r.mention.actorId !== person.actorId) mentions.splice(mentions.indexOf(r.mention), 1);
    else if (person === after && r.mention.actorId) mentions.splice(mentions.indexOf(r.mention), 1);
    const role = kb.role(r.roleId)!;
    const span = person === after ? { start: r.span.start, end: person.end } : { start: person.start, end: r.span.end };
    appositions.push({ mention: person, roleId: role.id, title: role.title, of: role.of, span });
  }
  appositions.push(...bareTitles(text, mentions, appositions, kb, index.shortTitles));
  return { mentions: mentions.filter((m) => m.actorId), appositions, discovered: [...discovered.values()] };
}

const PEOPLE_AFTER = /^\s+(?:[\p{Ll}-]+\s+)?(?:citizens|people|nationals|civilians|voters|protesters|demonstrators|pilgrims|Christians|Shiites|Shias|Sunnis|Kurds|families|students|workers|residents|refugees|journalists|women|children|youth|public|society|businessmen|traders|Jews|Muslims|fans|tourists)\b/u;

/** What may stand between a title and a name: "Iraq's prime minister, Adil Abdul-Mahdi", "supreme leader, Ayatollah Ali Khamenei". */
const HONORIFIC_GAP = /^\s*,?\s*(?:(?:Grand\s+)?Ayatollah\s+|Sheikh\s+|General\s+|Gen\.\s+|Maj\.\s+Gen\.\s+|Dr\.?\s+)?$/u;
const QUALIFIER = String.raw`(?:(?:caretaker|acting|interim|outgoing|former|then-|new|incoming|late|the)\s+)*`;

/**
 * "Prime Minister Adil Abdul-Mahdi", "Kadhimi, the prime minister": a bare title next to a person the
 * knowledge base lists as a holder of that office gives them the office.
 */
function bareTitles(text: string, mentions: Mention[], known: Apposition[], kb: KnowledgeBase, titles: Map<string, string[]>): Apposition[] {
  const found: Apposition[] = [];
  for (const person of mentions) {
    if (kb.actor(person.actorId)?.kind !== 'person' || known.some((a) => a.mention === person)) continue;
    const before = text.slice(Math.max(0, person.start - 70), person.start);
    const after = text.slice(person.end, person.end + 70);
    for (const role of kb.roles) {
      if (!role.holders.some((h) => h.actor === person.actorId)) continue;
      for (const title of titles.get(role.id) ?? []) {
        const t = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
        const pre = new RegExp(`(?<![\\p{L}])${QUALIFIER}${t}\\s*,?\\s*(?:(?:Grand\\s+)?Ayatollah\\s+|Sheikh\\s+|General\\s+|Gen\\.\\s+)?$`, 'iu').exec(before);
        const post = pre ? null : new RegExp(`^,\\s*(?:the\\s+|its\\s+|[\\p{L}]+['’]s\\s+)?${QUALIFIER}${t}(?![\\p{L}])`, 'iu').exec(after);
        if (!pre && !post) continue;
        const span = pre ? { start: person.start - (before.length - pre.index), end: person.end } : { start: person.start, end: person.end + post![0].length };
        if (pre ? rankBelow(text, span.start) : ownedBy(text, span.end)) continue;
        found.push({ mention: person, roleId: role.id, title: role.title, of: role.of, span });
        break;
      }
      if (found.at(-1)?.mention === person) break;
    }
  }
  return found;
}

/**
 * The country whose states, demonyms and bodies the story names most, the dateline's counting as two
 * names more: where the story is set.
 */
function mostNamedCountry(matches: { value: NameEntry }[], kb: KnowledgeBase, datelineCountry: string | null): string | null {
  const counts = new Map<string, number>();
  if (datelineCountry) counts.set(datelineCountry, 2);
  for (const m of matches) {
    if (m.value.kind !== 'actor') continue;
    const actor = kb.actor(m.value.actorId);
    if (actor?.country && (actor.kind === 'state' || actor.kind === 'government_body')) counts.set(actor.country, (counts.get(actor.country) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [country, n] of counts) if (!best || n > counts.get(best)!) best = country;
  return best;
}
