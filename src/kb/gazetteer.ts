// The knowledge base's names as NER gazetteer entries: people PER, states and places LOC, demonyms
// MISC (CoNLL's class for nationalities), every other kind of actor ORG.
import type { GazetteerEntry } from '../nlp/ner/gazetteer.js';
import type { KnowledgeBase } from './index.js';

export function gazetteerEntries(kb: KnowledgeBase): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const a of kb.actors) {
    const type = a.kind === 'person' ? 'PER' : a.kind === 'state' || a.kind === 'place' ? 'LOC' : 'ORG';
    for (const name of [a.name, ...a.aliases]) out.push({ name, type });
    for (const d of a.demonyms) out.push({ name: d, type: 'MISC' });
  }
  for (const p of kb.places) for (const name of [p.name, ...p.aliases]) out.push({ name, type: 'LOC' });
  return out;
}
