// Standing ties stated in a sentence: the templates of models/lexicon/relations.yaml, and the offices
// that titles next to names give people (src/extract/relations.ts).
import type { Component } from '../../pipeline/component.js';
import type { Relation } from '../../model/types.js';
import { codeRelations, roleRelations } from '../relations.js';
import { kindOf, slotted } from '../doc-helpers.js';
import { VERSIONS } from '../producers.js';

export const relations: Component = {
  name: 'relations',
  requires: ['sentences', 'mentions', 'coreference', 'appositions', 'discovered'],
  assigns: ['relations'],
  version: VERSIONS.relations,
  description: 'relations from templates (models/lexicon/relations.yaml) and titles next to names',
  run(doc, { kb }) {
    const kind = kindOf(doc, kb);
    const found: Relation[] = [];
    for (const sentence of doc.sentences) {
      const s = slotted(doc, sentence, kb);
      if (s.slots.length) found.push(...roleRelations(s, doc.id, doc.appositions), ...codeRelations(s, doc.id, kind));
    }
    doc.relations = found;
  },
};
