// The simplest coreference that pays. A sentence that opens with "He" or "She" continues about the
// person the previous sentence opened with; "The militia" or "The group" about its armed group; an
// object "him" or "her" is the last other person named in this sentence or the one before ("Esper
// telephoned him"). Anything subtler (plural "they", cataphora) is left alone rather than guessed.
import type { ActorKind, Mention, Span } from '../model/types.js';

const OPENERS: { pattern: RegExp; kinds: ActorKind[] }[] = [
  { pattern: /^(?:He|She)\b/u, kinds: ['person'] },
  { pattern: /^The (?:militia|group|faction|movement|organi[sz]ation)\b/u, kinds: ['armed_group', 'organization', 'party', 'group'] },
];
const OBJECT = /(?<=[\p{Ll}]\s)(?:him|her)\b(?!\s+(?:own|self))/gu;

export function resolvePronouns(text: string, sentences: Span[], mentions: Mention[], kindOf: (id: string) => ActorKind | undefined): Mention[] {
  const resolved: Mention[] = [];
  // Resolved pronouns count as antecedents too: "He condemned it. Esper telephoned him."
  const within = (span: Span) => [...mentions, ...resolved].filter((x) => x.start >= span.start && x.end <= span.end).sort((a, b) => a.start - b.start);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const previous = i > 0 ? sentences[i - 1] : null;
    const head = text.slice(s.start, Math.min(s.end, s.start + 40));
    let subject: string | null = null;
    for (const { pattern, kinds } of OPENERS) {
      const m = pattern.exec(head);
      if (!m || !previous) continue;
      const antecedent = within(previous).find((x) => kinds.includes(kindOf(x.actorId) ?? 'other'));
      if (antecedent && !mentions.some((x) => x.start === s.start)) {
        resolved.push({ actorId: antecedent.actorId, text: m[0], start: s.start, end: s.start + m[0].length, method: 'coreference' });
        subject = antecedent.actorId;
      }
    }
    subject ??= within(s)[0]?.actorId ?? null;
    for (const m of text.slice(s.start, s.end).matchAll(OBJECT)) {
      const at = s.start + m.index!;
      const candidates = [...(previous ? within(previous) : []), ...within(s).filter((x) => x.end <= at)];
      const antecedent = candidates.reverse().find((x) => kindOf(x.actorId) === 'person' && x.actorId !== subject);
      if (antecedent) resolved.push({ actorId: antecedent.actorId, text: m[0], start: at, end: at + m[0].length, method: 'coreference' });
    }
  }
  return resolved;
}
