// What a phrase in the text can name: an actor (by alias or demonym), an office (resolved to its
// holder by date), or a place. Built once per knowledge base.
import type { KnowledgeBase, Place } from './index.js';
import { PhraseTrie } from './phrase-trie.js';

export type NameEntry =
  | { kind: 'actor'; actorId: string; method: 'alias' | 'demonym' }
  | { kind: 'role'; roleId: string };

export interface AliasIndex {
  names: PhraseTrie<NameEntry>;
  places: PhraseTrie<Place>;
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
  }
  const places = new PhraseTrie<Place>();
  for (const place of kb.places) for (const name of [place.name, ...place.aliases]) places.add(name, place);
  return { names, places };
}
