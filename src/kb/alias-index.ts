// What a phrase in the text can name: an actor (by alias or demonym), an office (resolved to its
// holder by date), or a place. Built once per knowledge base.
import type { KnowledgeBase, Place } from './index.js';
import { PhraseTrie } from './phrase-trie.js';

export type NameEntry =
  | { kind: 'actor'; actorId: string; method: 'alias' | 'demonym' }
  | { kind: 'description'; actorId: string; country: string | null }
  | { kind: 'role'; roleId: string };

export interface AliasIndex {
  names: PhraseTrie<NameEntry>;
  places: PhraseTrie<Place>;
  /** Each office's bare titles ("prime minister", "chairman"), for "Prime Minister Adil Abdul-Mahdi". */
  shortTitles: Map<string, string[]>;
}

const built = new WeakMap<KnowledgeBase, AliasIndex>();

export function aliasIndex(kb: KnowledgeBase): AliasIndex {
  let index = built.get(kb);
  if (!index) built.set(kb, (index = buildAliasIndex(kb)));
  return index;
}

function buildAliasIndex(kb: KnowledgeBase): AliasIndex {
  const names = new PhraseTrie<NameEntry>();
  for (const role of kb.roles) for (const p of role.patterns) names.add(p, { kind: 'role', roleId: role.id });
  for (const actor of kb.actors) {
    for (const alias of [actor.name, ...actor.aliases]) names.add(alias, { kind: 'actor', actorId: actor.id, method: 'alias' });
    for (const d of actor.demonyms) names.add(d, { kind: 'actor', actorId: actor.id, method: 'demonym' });
    for (const d of actor.descriptions) names.add(d, { kind: 'description', actorId: actor.id, country: actor.country });
  }
  const places = new PhraseTrie<Place>();
  for (const place of kb.places) for (const name of [place.name, ...place.aliases]) places.add(name, place);
  return { names, places, shortTitles: shortTitles(kb) };
}

/**
 * "Iraqi Prime Minister" and "prime minister of Iraq" without the country: "prime minister". A bare title
 * names nobody on its own; it only marks a person the knowledge base knows held the office.
 */
function shortTitles(kb: KnowledgeBase): Map<string, string[]> {
  const titles = new Map<string, string[]>();
  for (const role of kb.roles) {
    const owner = role.of ? kb.actor(role.of) : undefined;
    const ownerNames = owner ? [owner.name, ...owner.aliases, ...owner.demonyms].map((n) => n.toLowerCase()) : [];
    const forms = new Set<string>();
    for (const pattern of role.patterns) {
      let form = pattern.replace(/\s+of\s+(?:the\s+)?.+$/i, '');
      const lower = form.toLowerCase();
      const lead = ownerNames.filter((n) => lower.startsWith(n + ' ') || lower.startsWith(n + "'s ") || lower.startsWith(n + '’s ')).sort((a, b) => b.length - a.length)[0];
      if (lead) form = form.slice(lead.length).replace(/^['’]s/, '').trim();
      if (form && form.toLowerCase() !== lower || /\s+of\s+/i.test(pattern)) forms.add(form.toLowerCase());
    }
    titles.set(role.id, [...forms].filter((f) => f.length > 2));
  }
  return titles;
}
