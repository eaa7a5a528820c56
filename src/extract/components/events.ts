// PLOVER events from trigger words, sentence by sentence, each with its sentence as evidence, then
// reactions linked to what they react to and repeats merged (src/extract/events.ts).
import type { Component } from '../../pipeline/component.js';
import type { Doc, Sentence } from '../../core/doc.js';
import type { Event, IsoDate, Location, Span } from '../../model/types.js';
import type { KnowledgeBase } from '../../kb/index.js';
import { aliasIndex } from '../../kb/alias-index.js';
import { codeEvents, linkReactions, mergeRepeatedEvents, type EventSite } from '../events.js';
import { carryIncidentPlaces, eventPlace, type PlaceBasis } from '../event-place.js';
import { codeSentenceEvents } from '../coded-events.js';
import { datesIn, sentenceTokens, slotted } from '../doc-helpers.js';
import { rolesFromParse } from '../event-roles.js';
import { VERSIONS } from '../producers.js';
import { loadOntology } from '../../core/ontology.js';
import { syntaxOf } from '../syntax.js';

export const events: Component = {
  name: 'events',
  requires: ['tokens', 'sentences', 'mentions', 'coreference', 'discovered', 'deps', 'place'],
  assigns: ['events'],
  version: VERSIONS.events,
  description: 'PLOVER events from the trigger lexicon (models/lexicon/events.yaml), source and target from the parse where it gives them, modality from the clause (models/lexicon/modality.yaml), place from the clause (never the dateline alone), date',
  run(doc, { kb }) {
    const bases = new Map<number, PlaceBasis>();
    const context = { articleId: doc.id, publishedAt: doc.publishedAt, locate: locator(doc, kb, bases), narrativeDate: narrativeDate(doc), datesIn: datesIn(doc), syntax: syntaxOf(doc.tokens), tokens: doc.tokens };
    const found: Event[] = [];
    for (const sentence of doc.sentences) {
      const s = slotted(doc, sentence, kb);
      if (!s.slots.length) continue;
      const coded = process.env.ORBIT_EVENT_CODER === 'coder' ? codeSentenceEvents(doc, sentence, s, context) : codeEvents(s, context);
      found.push(...rolesFromParse(coded, sentenceTokens(doc, sentence), s.slots.flatMap((x) => x.mentions)));
    }
    linkReactions(found, doc.text);
    carryIncidentPlaces(found, (e) => (e.trigger ? bases.get(context.syntax.indexAt(e.trigger.start)) ?? null : null), happensSomewhere);
    doc.events = mergeRepeatedEvents(found);
  },
};

/** Material acts and meetings happen at a place a later telling can carry; statements are made where they are made. */
const PLACED_TYPES = new Set<string>(loadOntology().eventTypes.filter((t) => t.quad.startsWith('material') || t.id === 'CONSULT').map((t) => t.id));
const happensSomewhere = (type: string) => PLACED_TYPES.has(type);

/** Where an event happened: its clause's place, or where a visit goes (event-place.ts); each basis kept by predicate. */
function locator(doc: Doc, kb: KnowledgeBase, bases: Map<number, PlaceBasis>): (sentence: Span, site: EventSite) => Location | null {
  const finder = {
    places: aliasIndex(kb).places,
    stateAsPlace: (id: string) => {
      const actor = kb.actor(id);
      return actor?.kind === 'state' ? { name: actor.name, country: actor.country, lat: null, lon: null } : null;
    },
  };
  return (sentence, site) => {
    const { location, basis } = eventPlace(doc, sentence as Sentence, site, finder);
    bases.set(site.predicate, basis);
    return location;
  };
}

/**
 * The day a story is on carries from a dated sentence to the next ones of its paragraph ("Parliament
 * voted on Sunday ... Abdul-Mahdi urged lawmakers to back it"), two sentences at most.
 */
function narrativeDate(doc: Doc): (sentence: Span) => IsoDate | null {
  const { text, sentences } = doc;
  const dates = datesIn(doc);
  return (sentence) => {
    const at = sentences.indexOf(sentence as Sentence);
    for (let i = at - 1; i >= Math.max(0, at - 2); i--) {
      if (text.slice(sentences[i].end, sentences[i + 1].start).includes('\n')) break;
      const said = dates(sentences[i]).filter((d) => d.date.length === 10);
      if (said.length) return said[0].date;
    }
    return null;
  };
}
