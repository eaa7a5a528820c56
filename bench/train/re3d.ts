// re3d-dev (../shared/data/re3d-dev: 61 Syria/Iraq documents from the UK Government, the US State
// Department and Wikipedia, with character-offset entities) as NER training documents, and its split
// into folds by document for cross-validation.
//
// Types: Person -> PER, Organisation -> ORG, Location -> LOC, Nationality -> MISC (CoNLL-2003 tags
// "Iraqi", "Syrian" as MISC); every other type (Temporal, Quantity, Weapon, Vehicle, Money ...) -> O.
// re3d also marks pronouns ("we", "they") and descriptions ("the regime", "civilians") as Person or
// Organisation; CoNLL marks neither, and a model taught both would find neither well. Pronouns are
// always O; descriptions (no capital letter once "the"/"a"/"its"... is dropped) are O unless
// `descriptions` is set. Overlapping entities: the longer wins.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import { nerWords } from '../../src/nlp/ner/words.js';
import { tagsOf, type TagSpan } from '../../src/nlp/ner/scheme.js';
import type { NerSentence } from '../../src/nlp/ner/train.js';

export const RE3D_TYPES: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };

export interface Re3dDocument {
  id: string;
  source: string;
  title: string;
  text: string;
  entities: { begin: number; end: number; type: string; value: string }[];
}

const jsonLines = (path: string) =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l, n) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      throw new Error(`${path}:${n + 1}: not JSON (${(e as Error).message})`);
    }
  });

/** The documents of every source folder under `dir`, sorted by source then id (a stable order for folds). */
export function readRe3d(dir: string): Re3dDocument[] {
  const docs: Re3dDocument[] = [];
  for (const src of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const entities = new Map<string, Re3dDocument['entities']>();
    for (const e of jsonLines(join(dir, src, 'entities.json'))) (entities.get(e.documentId) ?? entities.set(e.documentId, []).get(e.documentId)!).push(e);
    for (const d of jsonLines(join(dir, src, 'documents.json'))) docs.push({ id: d._id, source: src, title: d.title ?? '', text: d.text, entities: entities.get(d._id) ?? [] });
  }
  return docs.sort((a, b) => a.source.localeCompare(b.source) || a.id.localeCompare(b.id));
}

/** Fold of each document, 0..k-1, dealt round-robin in the stable order so that every fold holds each source. */
export const foldOf = (index: number, k: number) => index % k;

const PRONOUN = /^(?:i|me|we|us|you|he|him|she|her|it|they|them|this|that|these|those|who|which|our|their|his|its)$/i;
const DETERMINER = /^(?:the|a|an|his|her|their|its|our|this|that|these|those)\s+/i;

/** Whether an entity's text is a name by the CoNLL guidelines: a capital letter once its determiner is dropped. */
export function isNameLike(value: string): boolean {
  const t = value.trim().replace(DETERMINER, '');
  return !PRONOUN.test(t) && /^[\p{Lu}\p{N}]/u.test(t);
}

/** A document as NER sentences (the analyzer's sentences and words, BILOU tags from the entities). */
export function re3dSentences(doc: Re3dDocument, options: { descriptions?: boolean } = {}): NerSentence[] {
  const analyzer = sharedAnalyzer();
  const wanted = doc.entities
    .filter((e) => RE3D_TYPES[e.type] && !PRONOUN.test(e.value.trim()) && (options.descriptions || isNameLike(e.value)))
    .sort((a, b) => b.end - b.begin - (a.end - a.begin) || a.begin - b.begin);
  const out: NerSentence[] = [];
  for (const s of analyzer.sentences(doc.text)) {
    const words = nerWords(s.words, doc.text);
    if (!words.length) continue;
    const taken = new Array<boolean>(words.length).fill(false);
    const spans: TagSpan[] = [];
    for (const e of wanted) {
      // words whose middle lies inside the entity
      const inside = words.map((w, i) => ((w.start + w.end) / 2 >= e.begin && (w.start + w.end) / 2 < e.end ? i : -1)).filter((i) => i >= 0);
      if (!inside.length || inside.some((i) => taken[i])) continue;
      let start = inside[0];
      const end = inside.at(-1)! + 1;
      if (end - start !== inside.length) continue;
      // CoNLL leaves "the" out of "the United Nations"
      while (start < end - 1 && DETERMINER.test(words[start].form + ' ')) start++;
      for (let i = start; i < end; i++) taken[i] = true;
      spans.push({ start, end, type: RE3D_TYPES[e.type] });
    }
    const forms = words.map((w) => w.form);
    out.push({ forms, upos: analyzer.upos(forms), tags: tagsOf(spans, forms.length, 'BILOU') });
  }
  return out;
}
