// "Sadr's supporters" as the movement, "he", "the group" as the actor they stand for
// (src/extract/coreference.ts). Replaces the mentions layer with named plus resolved mentions.
import type { Component } from '../../pipeline/component.js';
import { resolveFollowers, resolveMorePronouns, resolvePronouns } from '../coreference.js';
import { resolveDescriptions, type ActorFacts } from '../descriptions.js';
import type { KnowledgeBase } from '../../kb/index.js';
import { kindOf } from '../doc-helpers.js';
import { VERSIONS } from '../producers.js';

export const coreference: Component = {
  name: 'coreference',
  requires: ['sentences', 'tokens', 'upos', 'mentions', 'discovered'],
  assigns: ['coreference'],
  version: VERSIONS.coreference,
  description: "followers of a leader as the movement; offices as the person the article gave them ('the prime minister-designate'); pronouns (he, they, its, we) and 'the group' as their antecedent",
  run(doc, { kb }) {
    const kind = kindOf(doc, kb);
    const found = doc.mentions;
    const followers = resolveFollowers(doc.text, doc.sentences, found, (id) => kb.actor(id)?.supporters ?? null, kind);
    const named = found.filter((m) => !followers.some((f) => f.start <= m.start && m.end <= f.end));
    const pronouns = [...named, ...followers, ...resolvePronouns(doc.text, doc.sentences, named, kind)].sort((a, b) => a.start - b.start);
    const discovered = new Map(doc.discovered.map((a) => [a.id, a]));
    const facts: ActorFacts = {
      kindOf: kind,
      countryOf: (id) => kb.actor(id)?.country ?? discovered.get(id)?.country ?? null,
      titlesOf: (id) => officesOf(kb).get(id) ?? [],
    };
    const first = [...pronouns, ...resolveDescriptions(doc.text, doc.sentences, doc.tokens, pronouns, facts)].sort((a, b) => a.start - b.start);
    // A person's body, for "we": the organisation the knowledge base says they lead or belong to.
    const bodyOf = (id: string) => kb.affiliations.find((a) => a.source === id && (a.type === 'member_of' || a.type === 'leads') && !a.to)?.target ?? null;
    doc.mentions = [...first, ...resolveMorePronouns(doc.text, doc.sentences, doc.tokens, first, kind, bodyOf)].sort((a, b) => a.start - b.start);
  },
};

const offices = new WeakMap<KnowledgeBase, Map<string, { title: string; country: string | null }[]>>();

/** Each holder's offices in the knowledge base, with the office's country: built once per knowledge base. */
function officesOf(kb: KnowledgeBase): Map<string, { title: string; country: string | null }[]> {
  let byActor = offices.get(kb);
  if (byActor) return byActor;
  byActor = new Map();
  for (const role of kb.roles) {
    const country = role.of ? (kb.actor(role.of)?.country ?? null) : null;
    for (const h of role.holders) {
      const list = byActor.get(h.actor) ?? [];
      list.push({ title: role.title, country });
      byActor.set(h.actor, list);
    }
  }
  offices.set(kb, byActor);
  return byActor;
}
