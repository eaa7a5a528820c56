// PLOVER events from trigger words, sentence by sentence, each with its sentence as evidence, then
// reactions linked to what they react to and repeats merged (src/extract/events.ts).
import type { Component } from '../../pipeline/component.js';
import type { Doc, Sentence } from '../../core/doc.js';
import type { Event, IsoDate, Location, Span } from '../../model/types.js';
import type { KnowledgeBase } from '../../kb/index.js';
import { aliasIndex } from '../../kb/alias-index.js';
import { codeEvents, linkReactions, mergeRepeatedEvents, type EventSite } from '../events.js';
import { eventPlace } from '../event-place.js';
import { codeSentenceEvents } from '../coded-events.js';
import { datelinePlace, datesIn, sentenceTokens, slotted } from '../doc-helpers.js';
import { rolesFromParse } from '../event-roles.js';
import { VERSIONS } from '../producers.js';
import { syntaxOf } from '../syntax.js';

export const events: Component = {
  name: 'events',
  requires: ['tokens', 'sentences', 'mentions', 'coreference', 'discovered', 'deps', 'place'],
  assigns: ['events'],
  version: VERSIONS.events,
  description: 'PLOVER events from the trigger lexicon (models/lexicon/events.yaml), source and target from the parse where it gives them, modality from the clause (models/lexicon/modality.yaml), place from the clause or a local dateline, date',
  run(doc, { kb }) {
    const context = { articleId: doc.id, publishedAt: doc.publishedAt, locate: locator(doc, kb), narrativeDate: narrativeDate(doc), datesIn: datesIn(doc), syntax: syntaxOf(doc.tokens), tokens: doc.tokens };
    const found: Event[] = [];
    for (const sentence of doc.sentences) {
      const s = slotted(doc, sentence, kb);
      if (!s.slots.length) continue;
      const coded = process.env.ORBIT_EVENT_CODER === 'coder' ? codeSentenceEvents(doc, sentence, s, context) : codeEvents(s, context);
      found.push(...rolesFromParse(coded, sentenceTokens(doc, sentence), s.slots.flatMap((x) => x.mentions)));
    }
    linkReactions(found, doc.text);
    doc.events = mergeRepeatedEvents(found);
  },
};

/** Where an event happened: its clause's place, else the dateline when the event is local (event-place.ts). */
function locator(doc: Doc, kb: KnowledgeBase): (sentence: Span, site: EventSite) => Location | null {
  const finder = {
    places: aliasIndex(kb).places,
    dateline: datelinePlace(doc, kb),
    countryOf: (id: string) => kb.actor(id)?.country ?? null,
    stateAsPlace: (id: string) => {
      const actor = kb.actor(id);
      return actor?.kind === 'state' ? { name: actor.name, country: actor.country, lat: null, lon: null } : null;
    },
  };
  return (sentence, site) => eventPlace(doc, sentence as Sentence, site, finder);
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
