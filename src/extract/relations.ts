// Relations stated in a sentence ("Iran-backed Kataib Hezbollah", "Qais al-Khazali, the leader of
// Asaib Ahl al-Haq"), from the templates in models/lexicon/relations.yaml, and the offices that titles
// give people ("Iraqi Prime Minister Mustafa al-Kadhimi").
import type { ActorKind, IsoDate, Relation, RelationType } from '../model/types.js';
import { loadOntology } from '../core/ontology.js';
import { stableId } from '../core/ids.js';
import { relationTemplates } from './lexicon.js';
import type { SlottedSentence } from './slots.js';
import type { Apposition } from '../core/doc.js';
import { producedBy } from './producers.js';
import { attribution } from './modality.js';

const NEGATION = /\b(?:not|never|no longer|denied|denies|deny|denying|rejected claims|dismissed claims)\b|n['’]t\b/i;
const SINCE = /\bsince (?:(?:early|late|mid-?)\s*)?((?:19|20)\d{2})\b/i;
const relationTypes = () => loadOntology().relationTypes;
const SYMMETRIC = new Set<RelationType>(relationTypes().filter((r) => r.symmetric).map((r) => r.id));
const PERSONAL = new Set<RelationType>(relationTypes().filter((r) => r.personal).map((r) => r.id));

export function codeRelations(s: SlottedSentence, articleId: string, kindOf: (id: string) => ActorKind | undefined): Relation[] {
  const relations: Relation[] = [];
  const seen = new Set<string>();
  const attributedTo = attribution(s);
  const validFrom: IsoDate | null = SINCE.exec(s.text)?.[1] ?? null;

  const add = (type: RelationType, source: string, target: string, match: { start: number; end: number }, role: string | null, confidence: number, rule: string) => {
    if (source === target) return;
    const [a, b] = SYMMETRIC.has(type) && source > target ? [target, source] : [source, target];
    const key = `${type}|${a}|${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    // "denied being funded by Iran", "is not part of": a negation in the match or just before it
    const negated = NEGATION.test(s.masked.slice(Math.max(0, match.start - 60), match.end));
    relations.push({
      id: stableId('r', articleId, s.sentence.start, type, a, b),
      type,
      source: a,
      target: b,
      role,
      validFrom,
      validTo: null,
      negated,
      evidence: { sentence: s.text, start: s.sentence.start, end: s.sentence.end, attributedTo },
      confidence,
      producer: producedBy('relations', rule),
    });
  };

  for (const t of relationTemplates()) {
    t.pattern.lastIndex = 0;
    for (const m of s.masked.matchAll(t.pattern)) {
      const g = m.groups!;
      const pairs: [string, string][] = [];
      if (t.pairwise) {
        const ids = s.slots[Number(g.ab)].actorIds;
        for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
      } else {
        let as = s.slots[Number(g.a)].actorIds;
        let bs = s.slots[Number(g.b)].actorIds;
        if (as.length > 1 && as.length === bs.length) {
          // "Amiri and Khazali, the leaders of Badr and AAH": two lists of one length pair up in order.
          as.forEach((a, i) => pairs.push([a, bs[i]]));
        } else {
          if (PERSONAL.has(t.type)) {
            // A person leads or belongs one at a time: "Badr leader Hadi al-Amiri and Qais al-Khazali"
            // says nothing of Khazali. Keep the member that stands next to the rest of the pattern.
            const aFirst = Number(g.a) < Number(g.b);
            as = [aFirst ? as.at(-1)! : as[0]];
            bs = [aFirst ? bs[0] : bs.at(-1)!];
          }
          for (const a of as) for (const b of bs) pairs.push([a, b]);
        }
      }
      for (const [a, b] of pairs) {
        if (t.sourceKinds && !t.sourceKinds.includes(kindOf(a) ?? 'other')) continue;
        if (t.targetKinds && !t.targetKinds.includes(kindOf(b) ?? 'other')) continue;
        add(t.type, a, b, { start: m.index!, end: m.index! + m[0].length }, null, 0.7, t.id);
      }
    }
  }
  return relations;
}

/**
 * "Iraqi Prime Minister Mustafa al-Kadhimi", "Esmail Ghaani, the commander of the Quds Force": a title
 * the knowledge base knows as an office gives the person that office (`role` holds its id).
 */
export function roleRelations(s: SlottedSentence, articleId: string, appositions: Apposition[]): Relation[] {
  return appositions
    .filter((a) => a.of && a.span.start >= s.sentence.start && a.span.end <= s.sentence.end)
    .map((a) => ({
      id: stableId('r', articleId, s.sentence.start, 'holds_role', a.mention.actorId, a.of, a.roleId),
      type: 'holds_role' as const,
      source: a.mention.actorId,
      target: a.of!,
      role: a.roleId,
      validFrom: null,
      validTo: null,
      negated: false,
      evidence: { sentence: s.text, start: s.sentence.start, end: s.sentence.end, attributedTo: null },
      confidence: 0.9,
      producer: producedBy('relations', `apposition:${a.roleId}`),
    }));
}
