// "Sadr's supporters" as the movement, "he", "the group" as the actor they stand for
// (src/extract/coreference.ts). Replaces the mentions layer with named plus resolved mentions.
import type { Component } from '../../pipeline/component.js';
import { resolveFollowers, resolveMorePronouns, resolvePronouns } from '../coreference.js';
import { kindOf } from '../doc-helpers.js';
import { VERSIONS } from '../producers.js';

export const coreference: Component = {
  name: 'coreference',
  requires: ['sentences', 'tokens', 'upos', 'mentions', 'discovered'],
  assigns: ['coreference'],
  version: VERSIONS.coreference,
  description: "followers of a leader as the movement; pronouns (he, they, its, we) and 'the group' as their antecedent",
  run(doc, { kb }) {
    const kind = kindOf(doc, kb);
    const found = doc.mentions;
    const followers = resolveFollowers(doc.text, doc.sentences, found, (id) => kb.actor(id)?.supporters ?? null, kind);
    const named = found.filter((m) => !followers.some((f) => f.start <= m.start && m.end <= f.end));
    const first = [...named, ...followers, ...resolvePronouns(doc.text, doc.sentences, named, kind)].sort((a, b) => a.start - b.start);
    // A person's body, for "we": the organisation the knowledge base says they lead or belong to.
    const bodyOf = (id: string) => kb.affiliations.find((a) => a.source === id && (a.type === 'member_of' || a.type === 'leads') && !a.to)?.target ?? null;
    doc.mentions = [...first, ...resolveMorePronouns(doc.text, doc.sentences, doc.tokens, first, kind, bodyOf)].sort((a, b) => a.start - b.start);
  },
};
