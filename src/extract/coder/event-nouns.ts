// Which nouns can be event predicates: the lemmas of the trigger lexicon's nominal entries
// (models/lexicon/events.yaml, "visit to", "attack on"), first words only.
import { triggerLexicon } from '../lexicon.js';

let nouns: Set<string> | undefined;

export function isEventNoun(lemma: string): boolean {
  if (!nouns) {
    nouns = new Set();
    for (const entry of triggerLexicon().entries.values()) if (entry.nominal) nouns.add(entry.lemma.toLowerCase());
  }
  return nouns.has(lemma);
}
