// The simplest coreference that pays: a sentence that opens with "He" or "She" continues about the
// person the previous sentence opened with; "The militia" or "The group" about its armed group.
// Anything subtler (objects, plural "they", cataphora) is left alone rather than guessed.
import type { ActorKind, Mention, Span } from '../model/types.js';

const OPENERS: { pattern: RegExp; kinds: ActorKind[] }[] = [
  { pattern: /^(?:He|She)\b/u, kinds: ['person'] },
  { pattern: /^The (?:militia|group|faction|movement|organi[sz]ation)\b/u, kinds: ['armed_group', 'organization', 'party', 'group'] },
];

export function resolvePronouns(text: string, sentences: Span[], mentions: Mention[], kindOf: (id: string) => ActorKind | undefined): Mention[] {
  const resolved: Mention[] = [];
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    const head = text.slice(s.start, Math.min(s.end, s.start + 40));
    for (const { pattern, kinds } of OPENERS) {
      const m = pattern.exec(head);
      if (!m) continue;
      const previous = sentences[i - 1];
      const antecedent = mentions.find((x) => x.start >= previous.start && x.end <= previous.end && kinds.includes(kindOf(x.actorId) ?? 'other'));
      if (antecedent && !mentions.some((x) => x.start === s.start)) {
        resolved.push({ actorId: antecedent.actorId, text: m[0], start: s.start, end: s.start + m[0].length, method: 'coreference' });
      }
    }
  }
  return resolved;
}
