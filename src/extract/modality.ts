// Whether a coded event happened, was denied, is planned, is only possible, or is someone's claim,
// read from the words just before the trigger; and who the sentence attributes the claim to.
import type { Modality } from '../model/types.js';
import type { SlottedSentence } from './slots.js';

const NEGATED = /\b(?:not|never|no longer|neither|nor|denied|denies|deny|denying|refused to|refuses to|failed to|without)\b|n['’]t\b/i;
const FUTURE = /\b(?:will|shall|plans? to|planned to|planning to|intends? to|intended to|is to|are to|was to|set to|scheduled to|expected to|due to|going to|prepares? to|preparing to|aims? to|would soon)\b|['’]ll\b/i;
const HYPOTHETICAL = /\b(?:could|might|may|would|if|unless|should|possibly|considering|consider|considers|mulling|weighing|threatened to|threatens to|vowed to|vows to|warned (?:it|they|he|she) (?:would|could))\b/i;
const CLAIMED = /\b(?:claimed|claims|claiming|alleged|allegedly|reportedly|purportedly|accused\b.*\bof|accuses\b.*\bof|said to have|believed to have|suspected of|is thought to have)\b/i;

/** The clause before the trigger: back to the previous clause break, at most eight words. */
function windowBefore(masked: string, triggerStart: number): string {
  const before = masked.slice(Math.max(0, triggerStart - 200), triggerStart);
  const clause = before.split(/[;:]|,\s*(?:but|while|whereas|and)\s|\bbut\b/).at(-1) ?? before;
  return clause.split(/\s+/).slice(-8).join(' ');
}

export function modalityAt(s: SlottedSentence, triggerStart: number): Modality {
  const window = windowBefore(s.masked, triggerStart);
  if (NEGATED.test(window)) return 'negated';
  if (FUTURE.test(window) || /\bnext (?:week|month|year)\b|\btomorrow\b/i.test(s.masked.slice(triggerStart))) return 'future';
  // "said it would summon the ambassadors" reports a plan; "would step down if ..." a condition.
  if (/\bwould\b|['’]d\b/i.test(window) && !/\b(?:if|unless|otherwise|could|might)\b/i.test(s.masked)) return 'future';
  if (HYPOTHETICAL.test(window) || /\bthe right to\s+$/i.test(window)) return 'hypothetical';
  // "would resume attacks if US forces stayed": a condition after the act makes it conditional.
  if (/^[^.;]{0,80}?\b(?:if|unless)\b/i.test(s.masked.slice(triggerStart))) return 'hypothetical';
  if (CLAIMED.test(window) || /^(?:⟦\d+⟧ )?(?:claimed|alleged)\b/i.test(s.masked.trim())) return 'claimed';
  return 'asserted';
}

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
