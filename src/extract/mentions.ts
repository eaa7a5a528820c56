// Who the article names: knowledge-base aliases and demonyms, offices resolved to their holder on the
// date the sentence speaks of ("Iraq's prime minister" in 2021 is Kadhimi), and actors found by the
// shape of their names. Mentions never overlap; the longer one wins.
import type { Actor, IsoDate, Mention, Span, Token } from '../model/types.js';
import type { KnowledgeBase } from '../kb/index.js';
import { aliasIndex } from '../kb/alias-index.js';
import { discoverSpans, discoveredActor } from './discover.js';

/** A title standing right before a name: "Iraqi Prime Minister Mustafa al-Kadhimi". */
export interface Apposition {
  mention: Mention;
  roleId: string;
  title: string;
  of: string | null;
  span: Span;
}

export interface MentionResult {
  mentions: Mention[];
  appositions: Apposition[];
  /** Actors found in the text that the knowledge base does not list. */
  discovered: Actor[];
}

export function findMentions(text: string, tokens: Token[], kb: KnowledgeBase, dateAt: (offset: number) => IsoDate | null): MentionResult {
  const index = aliasIndex(kb);
  const matches = index.names.findAll(tokens);
  const mentions: Mention[] = [];
  const roleMentions: { mention: Mention; roleId: string; span: Span }[] = [];

  for (const m of matches) {
    const surface = text.slice(m.start, m.end);
    if (m.value.kind === 'actor') {
      mentions.push({ actorId: m.value.actorId, text: surface, start: m.start, end: m.end, method: m.value.method });
    } else {
      const holder = kb.holderOn(m.value.roleId, dateAt(m.start));
      const span = { start: m.start, end: m.end };
      if (holder) {
        const mention = { actorId: holder, text: surface, start: m.start, end: m.end, method: 'role' };
        mentions.push(mention);
        roleMentions.push({ mention, roleId: m.value.roleId, span });
      } else {
        roleMentions.push({ mention: { actorId: '', text: surface, start: m.start, end: m.end, method: 'role' }, roleId: m.value.roleId, span });
      }
    }
  }

  // Names the knowledge base does not know, where no known name stands.
  const discovered = new Map<string, Actor>();
  for (const span of discoverSpans(text)) {
    const overlapping = mentions.filter((m) => m.start < span.end && span.start < m.end);
    // A known name inside a longer unknown one ("Iraq" in "Popular Front for Iraq") gives way; an unknown
    // span that starts with a known name, or only partly covers one, is dropped.
    if (overlapping.some((m) => m.start <= span.start || m.end > span.end)) continue;
    if (overlapping.some((m) => m.method === 'alias' && m.end - m.start >= (span.end - span.start) * 0.6)) continue;
    const actor = discoveredActor(span);
    if (kb.actor(actor.id)) continue;
    for (const m of overlapping) mentions.splice(mentions.indexOf(m), 1);
    discovered.set(actor.id, actor);
    mentions.push({ actorId: actor.id, text: span.text, start: span.start, end: span.end, method: 'pattern' });
  }
  mentions.sort((a, b) => a.start - b.start);

  // A title next to a person's name names that person, whoever the knowledge base says held the office:
  // "Iraqi Prime Minister Mustafa al-Kadhimi", "Esmail Ghaani, the commander of the Quds Force".
  const appositions: Apposition[] = [];
  const isPerson = (m: Mention | undefined) => !!m && (kb.actor(m.actorId)?.kind ?? discovered.get(m.actorId)?.kind) === 'person';
  for (const r of roleMentions) {
    const after = mentions.find((m) => m.start >= r.span.end && /^\s*$/.test(text.slice(r.span.end, m.start)));
    const before = [...mentions].reverse().find((m) => m.end <= r.span.start && /^,\s*(?:the |its |his |her |a )?(?:[\p{Ll}-]+ )?$/u.test(text.slice(m.end, r.span.start)));
    const person = isPerson(after) ? after! : isPerson(before) ? before! : null;
    if (!person) continue;
    if (r.mention.actorId && r.mention.actorId !== person.actorId) mentions.splice(mentions.indexOf(r.mention), 1);
    else if (person === after && r.mention.actorId) mentions.splice(mentions.indexOf(r.mention), 1);
    const role = kb.role(r.roleId)!;
    const span = person === after ? { start: r.span.start, end: person.end } : { start: person.start, end: r.span.end };
    appositions.push({ mention: person, roleId: role.id, title: role.title, of: role.of, span });
  }
  return { mentions: mentions.filter((m) => m.actorId), appositions, discovered: [...discovered.values()] };
}
