// The simplest coreference that pays. A sentence that opens with "He" or "She" continues about the
// person the previous sentence opened with; "the militia" or "the group" is the last armed group or
// organisation named just before; an object "him" or "her" is the last other person named in this
// sentence or the one before ("Esper telephoned him"). Anything subtler (plural "they", cataphora) is
// left alone rather than guessed.
import type { ActorKind, Mention, Span } from '../model/types.js';
import { producedBy } from './producers.js';

const OPENERS: { pattern: RegExp; kinds: ActorKind[] }[] = [{ pattern: /^(?:He|She)\b/u, kinds: ['person'] }];
/** "the militia", "the group's leader": the last armed group or organisation named, in this sentence or the two before. */
const GROUP = /\b[Tt]he (?:militia|group|faction|movement|organi[sz]ation)\b(?!\s+(?:of|that|which|who)\b)/gu;
const GROUP_KINDS: ActorKind[] = ['armed_group', 'organization', 'party', 'group'];
const OBJECT = /(?<=[\p{Ll}]\s)(?:him|her)\b(?!\s+(?:own|self))/gu;

const FOLLOWERS = /\b(?:(?<owner>his|her)|(?<possessive>['’]s))\s+(?:own\s+)?(?:supporters|followers|loyalists|partisans|backers)\b/gu;

/**
 * "Sadr's supporters", "ordered his followers": a leader's followers are the movement the knowledge base
 * says they form. "his" is the person the sentence is about (its first person named).
 */
export function resolveFollowers(
  text: string,
  sentences: Span[],
  mentions: Mention[],
  supportersOf: (actorId: string) => string | null,
  kindOf: (id: string) => ActorKind | undefined,
): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(FOLLOWERS)) {
    const at = m.index!;
    const sentence = sentences.find((s) => s.start <= at && at < s.end);
    if (!sentence) continue;
    let leader: Mention | undefined;
    if (m.groups!.possessive) leader = mentions.find((x) => x.end === at);
    else leader = mentions.find((x) => x.start >= sentence.start && x.end <= at && kindOf(x.actorId) === 'person');
    const movement = leader && supportersOf(leader.actorId);
    if (!movement) continue;
    const start = m.groups!.possessive ? leader!.start : at;
    const end = at + m[0].length;
    // "Sadr's supporters" replaces the mention of Sadr; "his supporters" is a mention of its own.
    found.push({ actorId: movement, text: text.slice(start, end), start, end, method: 'description', producer: producedBy('coreference', 'followers') });
  }
  return found;
}

export function resolvePronouns(text: string, sentences: Span[], mentions: Mention[], kindOf: (id: string) => ActorKind | undefined): Mention[] {
  const resolved: Mention[] = [];
  // Mentions by sentence, in one pass: long articles have hundreds of both.
  const bySentence: Mention[][] = sentences.map(() => []);
  let k = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (k < sentences.length && sentences[k].end <= m.start) k++;
    if (k < sentences.length && m.start >= sentences[k].start && m.end <= sentences[k].end) bySentence[k].push(m);
  }
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const here = bySentence[i];
    const previous = i > 0 ? bySentence[i - 1] : [];
    const head = text.slice(s.start, Math.min(s.end, s.start + 40));
    let subject: string | null = null;
    for (const { pattern, kinds } of OPENERS) {
      const m = pattern.exec(head);
      if (!m || i === 0) continue;
      const antecedent = previous.find((x) => kinds.includes(kindOf(x.actorId) ?? 'other'));
      if (antecedent && !here.some((x) => x.start === s.start)) {
        const mention = { actorId: antecedent.actorId, text: m[0], start: s.start, end: s.start + m[0].length, method: 'coreference', producer: producedBy('coreference', 'subject-pronoun') };
        resolved.push(mention);
        here.unshift(mention); // resolved pronouns are antecedents too: "He condemned it. Esper telephoned him."
        subject = antecedent.actorId;
      }
    }
    for (const m of text.slice(s.start, s.end).matchAll(GROUP)) {
      const at = s.start + m.index!;
      if (here.some((x) => x.start <= at && at < x.end)) continue;
      const earlier = [...(i > 1 ? bySentence[i - 2] : []), ...previous, ...here.filter((x) => x.end <= at)];
      const antecedent = earlier.reverse().find((x) => GROUP_KINDS.includes(kindOf(x.actorId) ?? 'other'));
      if (!antecedent) continue;
      const mention = { actorId: antecedent.actorId, text: m[0], start: at, end: at + m[0].length, method: 'coreference', producer: producedBy('coreference', 'group-noun') };
      resolved.push(mention);
      here.push(mention);
      here.sort((a, b) => a.start - b.start);
    }
    subject ??= here[0]?.actorId ?? null;
    for (const m of text.slice(s.start, s.end).matchAll(OBJECT)) {
      const at = s.start + m.index!;
      const candidates = [...previous, ...here.filter((x) => x.end <= at)];
      const antecedent = candidates.reverse().find((x) => kindOf(x.actorId) === 'person' && x.actorId !== subject);
      if (antecedent) resolved.push({ actorId: antecedent.actorId, text: m[0], start: at, end: at + m[0].length, method: 'coreference', producer: producedBy('coreference', 'object-pronoun') });
    }
  }
  return resolved;
}
