// The actor records the Doc's mentions, events and relations refer to, once each, so a store or the
// extraction contract can name them: the knowledge base's entry, or the actor discovered in the text.
import type { Component } from '../../pipeline/component.js';
import type { Actor } from '../../model/types.js';
import { VERSIONS } from '../producers.js';

export const actors: Component = {
  name: 'actors',
  requires: ['mentions', 'coreference', 'discovered', 'events', 'relations'],
  assigns: ['actors'],
  version: VERSIONS.actors,
  description: 'the actor records that mentions, events and relations refer to',
  run(doc, { kb }) {
    const discovered = new Map(doc.discovered.map((a) => [a.id, a]));
    const ids = new Set<string>();
    for (const m of doc.mentions) ids.add(m.actorId);
    for (const e of doc.events) for (const id of [...e.sources, ...e.targets]) ids.add(id);
    for (const r of doc.relations) ids.add(r.source).add(r.target);
    const found: Actor[] = [];
    for (const id of ids) {
      const known = kb.actor(id);
      if (known) {
        const { name, kind, country, aliases, description } = known;
        found.push({ id, name, kind, country, aliases, discovered: false, description });
      } else if (discovered.has(id)) found.push(discovered.get(id)!);
    }
    doc.actors = found;
  },
};
