// Where an event happened (issue 6, item 3): a place its own clause names ("struck a base in Anbar",
// "the attack near Erbil"), read from the parse; else the story's dateline, but only when the event is
// local to it (one of its actors belongs to the dateline's country: "TEHRAN - Iran's foreign ministry
// condemned" is in Tehran; "TEHRAN - US jets struck Syria" is not). A place named in another clause of
// the sentence ("X, who returned from Moscow, met Y") is not the event's.
import type { Doc, DocToken, Sentence } from '../core/doc.js';
import type { Place } from '../kb/index.js';
import type { Location } from '../model/types.js';
import type { PhraseTrie } from '../kb/phrase-trie.js';
import type { EventSite } from './events.js';

/** Relations that open a clause of its own: climbing through one leaves the event's clause. */
const CLAUSE = new Set(['acl', 'acl:relcl', 'advcl', 'ccomp', 'csubj', 'parataxis', 'xcomp', 'conj', 'list']);

/** Whether token `i` lies in the clause of `predicate` (Doc indexes): its heads reach the predicate first. */
export function inClauseOf(tokens: readonly DocToken[], i: number, predicate: number): boolean {
  for (let k = i, guard = 0; k >= 0 && guard < 30; guard++) {
    if (k === predicate) return true;
    const rel = tokens[k].deprel ?? '';
    const up = tokens[k].head;
    if (up === null || up < 0) return false;
    // The place's own phrase may be a clause ("near the city that..."); a clause above it on the way is another event's.
    if (k !== i && CLAUSE.has(rel)) return false;
    k = up;
  }
  return false;
}

export interface PlaceFinder {
  places: PhraseTrie<Place>;
  dateline: Place | null;
  /** The country (ISO 3166 alpha-3) an actor belongs to, when the knowledge base says. */
  countryOf(actorId: string): string | null;
  /** A state actor as a place ("in Syria"): its name and country, no point; null for other actors. */
  stateAsPlace(actorId: string): Location | null;
}

/** Prepositions that make a state's name the place of what is done ("strikes in Syria", "across Iraq"). */
const LOCATIVE = new Set(['in', 'inside', 'across', 'throughout', 'into', 'within', 'near', 'around', 'outside', 'over', 'at']);

/** The token of a mention that a locative preposition governs ("in Syria"), -1 when none does. */
function locativeHead(doc: Doc, sentence: Sentence, mention: { start: number; end: number }): number {
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const t = doc.tokens[k];
    if (t.start < mention.start || t.end > mention.end) continue;
    const cased = doc.tokens.some((d, j) => j >= sentence.tokenStart && j < sentence.tokenEnd && d.head === k && d.deprel === 'case' && LOCATIVE.has(d.form.toLowerCase()));
    if (cased) return k;
  }
  return -1;
}

const at = (p: Place | null): Location | null => (p ? { name: p.name, country: p.country, lat: p.lat, lon: p.lon } : null);

export function eventPlace(doc: Doc, sentence: Sentence, site: EventSite, finder: PlaceFinder): Location | null {
  const named = finder.places.findAll(doc.tokensIn(sentence));
  // Without a parse of the trigger, the sentence's first place stands (the clause cannot be read).
  if (site.predicate < 0 || doc.tokens[site.predicate]?.head === null) return at(named[0]?.value ?? finder.dateline);
  for (const m of named) {
    for (let k = sentence.tokenStart + m.from; k < sentence.tokenStart + m.to; k++) {
      if (inClauseOf(doc.tokens, k, site.predicate)) return at(m.value);
    }
  }
  // No town or site in the clause: a country it names as a place ("air strikes in Syria").
  for (const mention of doc.mentions) {
    if (mention.start < sentence.start || mention.end > sentence.end) continue;
    const state = finder.stateAsPlace(mention.actorId);
    if (!state) continue;
    const head = locativeHead(doc, sentence, mention);
    if (head >= 0 && inClauseOf(doc.tokens, head, site.predicate)) return state;
  }
  const dateline = finder.dateline;
  if (!dateline) return null;
  const countries = site.actors.map((id) => finder.countryOf(id)).filter((c): c is string => c !== null);
  // Actors of unknown country cannot tell: the dateline stands, as a reader would take it.
  return countries.length === 0 || (dateline.country !== null && countries.includes(dateline.country)) ? at(dateline) : null;
}
