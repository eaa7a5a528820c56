// Who a sentence attributes its claims to ("according to Iraqi security officials", "X said").
// Whether an event happened is read from its clause's parse: clause-modality.ts.
import type { SlottedSentence } from './slots.js';

const ATTRIBUTION_SLOT = [
  /\baccording to (?:the )?(?:[\p{Ll}-]+ ){0,2}⟦(\d+)⟧/iu,
  /⟦(\d+)⟧(?:['’]s)? (?:[\p{Ll}-]+ ){0,2}(?:said|says|claimed|claims|told|announced|stated|alleged|reported)\b/iu,
  /\b(?:said|says|claimed|told reporters|announced|stated) (?:the )?(?:[\p{Ll}-]+ ){0,2}⟦(\d+)⟧/iu,
];
const ATTRIBUTION_PHRASE = [
  /\baccording to ((?:the |a |an )?(?:[\p{L}-]+ ){0,3}(?:officials?|sources?|sources close to [\p{L} ]+|spokesm[ae]n|statement|report|witnesses|residents|officers|commanders|members|media|agency|ministry))\b/iu,
  /\b((?:[\p{L}-]+ ){0,2}(?:officials|sources|witnesses|residents)) (?:said|say|told|claimed)\b/u,
];

/** Who the sentence says made the claim: an actor id, a plain phrase ("militia officials"), or null. */
export function attribution(s: SlottedSentence): string | null {
  // "according to Iraqi security officials": a generic source, even when a demonym stands in it.
  for (const pattern of ATTRIBUTION_PHRASE) {
    const m = pattern.exec(s.text);
    if (m) return m[1].trim();
  }
  for (const pattern of ATTRIBUTION_SLOT) {
    const m = pattern.exec(s.masked);
    if (m) return s.slots[Number(m[1])].actorIds[0];
  }
  return null;
}
