// Standing ties stated in a sentence: the templates of models/lexicon/relations.yaml, and the offices
// that titles next to names give people (src/extract/relations.ts).
import type { Component } from '../../pipeline/component.js';
import type { Relation } from '../../model/types.js';
import { codeRelations, roleRelations } from '../relations.js';
import { kindOf, sentenceTokens, slotted } from '../doc-helpers.js';
import { stanceTies } from '../stances.js';
import { stableId } from '../../core/ids.js';
import { attribution } from '../modality.js';
import { producedBy } from '../producers.js';
import { VERSIONS } from '../producers.js';

export const relations: Component = {
  name: 'relations',
  requires: ['sentences', 'mentions', 'coreference', 'appositions', 'discovered', 'deps'],
  assigns: ['relations'],
  version: VERSIONS.relations,
  description: 'relations from templates (models/lexicon/relations.yaml), stance words read from the parse (models/lexicon/stances.yaml), titles next to names',
  run(doc, { kb }) {
    const kind = kindOf(doc, kb);
    const found: Relation[] = [];
    for (const sentence of doc.sentences) {
      const s = slotted(doc, sentence, kb);
      if (!s.slots.length) continue;
      found.push(...roleRelations(s, doc.id, doc.appositions), ...codeRelations(s, doc.id, kind));
      const tokens = sentenceTokens(doc, sentence);
      if (tokens.every((t) => t.head === null)) continue;
      for (const tie of stanceTies(tokens, s.slots.flatMap((x) => x.mentions))) {
        if (found.some((r) => r.type === tie.type && r.evidence.start === sentence.start && ((r.source === tie.source && r.target === tie.target) || (r.source === tie.target && r.target === tie.source)))) continue;
        const [a, b] = tie.source < tie.target ? [tie.source, tie.target] : [tie.target, tie.source];
        found.push({
          id: stableId('r', doc.id, sentence.start, tie.type, a, b),
          type: tie.type, source: a, target: b, role: null, validFrom: null, validTo: null, negated: tie.negated,
          evidence: { sentence: s.text, start: sentence.start, end: sentence.end, attributedTo: attribution(s) },
          confidence: 0.6,
          producer: producedBy('relations', tie.rule),
        });
      }
    }
    doc.relations = found;
  },
};
