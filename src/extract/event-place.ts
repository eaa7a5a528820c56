// Where an event happened (issue 6, item 3): a place its own clause names ("struck a base in Anbar",
// "the attack near Erbil", "strikes in Syria"), read from the parse; for a visit, where it goes; for a
// happening told again, where its first telling put it. A place named in another clause of the
// sentence ("X, who returned from Moscow, met Y") is not the event's, and the dateline says where the
// story was filed, not where its events happened: on 165 hand-placed Tehran Times events (half A of
// corpus/real-gold/event-sites.jsonl) the dateline was the place of 5, and placing events there when
// one of their actors was of its country ("local") made 38.8% of places right against 48.5% without.
import type { Doc, DocToken, Sentence } from '../core/doc.js';
import type { Place } from '../kb/index.js';
import type { Event, Location } from '../model/types.js';
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

/** Where an event's place came from: its clause, the country it visits, the sentence (unparsed), or nowhere. */
export type PlaceBasis = 'clause' | 'visited' | 'unparsed' | null;

export interface SitedPlace {
  location: Location | null;
  basis: PlaceBasis;
}

export function eventPlace(doc: Doc, sentence: Sentence, site: EventSite, finder: PlaceFinder): SitedPlace {
  const named = finder.places.findAll(doc.tokensIn(sentence));
  // Without a parse of the trigger, the sentence's first place stands (the clause cannot be read).
  if (site.predicate < 0 || doc.tokens[site.predicate]?.head === null) {
    const place = at(named[0]?.value ?? null);
    return { location: place, basis: place ? 'unparsed' : null };
  }
  for (const m of named) {
    for (let k = sentence.tokenStart + m.from; k < sentence.tokenStart + m.to; k++) {
      if (inClauseOf(doc.tokens, k, site.predicate)) return { location: at(m.value), basis: 'clause' };
    }
  }
  // No town or site in the clause: a country it names as a place ("air strikes in Syria").
  for (const mention of doc.mentions) {
    if (mention.start < sentence.start || mention.end > sentence.end) continue;
    const state = finder.stateAsPlace(mention.actorId);
    if (!state) continue;
    const head = locativeHead(doc, sentence, mention);
    if (head >= 0 && inClauseOf(doc.tokens, head, site.predicate)) return { location: state, basis: 'clause' };
  }
  // "visited Iraq", "a trip to Turkey": a visit happens where it goes.
  for (const id of site.visited ?? []) {
    const state = finder.stateAsPlace(id);
    if (state) return { location: state, basis: 'visited' };
  }
  return { location: null, basis: null };
}

/**
 * A happening told again later in the story ("the assassination of General Soleimani") happened where
 * its first telling said ("killed in a US drone strike at Baghdad airport"): an event whose own clause
 * names no place takes the place of another event of the article of the same type, not dated apart, that
 * shares an actor on the same side and whose clause named one (the nearest before it, else after it). Only for acts
 * that happen somewhere (`carries`: material acts and meetings); a statement is made where it is made.
 */
export function carryIncidentPlaces(events: Event[], basisOf: (e: Event) => PlaceBasis, carries: (type: Event['type']) => boolean): void {
  const named = events.filter((e) => carries(e.type) && (basisOf(e) === 'clause' || basisOf(e) === 'visited'));
  const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
  for (const [i, e] of events.entries()) {
    const basis = basisOf(e);
    if (basis === 'clause' || basis === 'visited' || !carries(e.type)) continue;
    // Two tellings dated apart are two happenings.
    const same = (x: Event) => x !== e && x.type === e.type && (x.date === null || e.date === null || x.date === e.date) && (shares(x.sources, e.sources) || shares(x.targets, e.targets));
    const before = named.filter((x) => events.indexOf(x) < i && same(x)).at(-1);
    const source = before ?? named.find((x) => events.indexOf(x) > i && same(x));
    if (source) e.location = source.location;
  }
}
