// Hand-built articles and actors for store and server tests: spans are found in the text, so a test
// reads as sentences, not offsets.
import type { Actor, ActorKind, Event, EventType, Evidence, Mention, Producer, Relation, RelationType } from '../../src/model/types.js';
import { Doc, type DocData } from '../../src/core/doc.js';

/** What made the hand-built claims. */
export const BUILDER: Producer = { component: 'test', rule: 'builder', version: '1' };

export function actor(id: string, name: string, kind: ActorKind, aliases: string[] = [], country: string | null = null): Actor {
  return { id, name, kind, country, aliases, discovered: false, description: `${name} (test)` };
}

export const ACTORS = {
  iran: actor('iran', 'Iran', 'state', ['Islamic Republic of Iran', 'Tehran'], 'IRN'),
  usa: actor('usa', 'United States', 'state', ['US', 'Washington'], 'USA'),
  kh: actor('kataib-hezbollah', 'Kataib Hezbollah', 'armed_group', ["Kata'ib Hizballah", 'KH'], 'IRQ'),
  sadr: actor('muqtada-al-sadr', 'Muqtada al-Sadr', 'person', ['Moqtada al-Ṣadr'], 'IRQ'),
  iraq: actor('iraq-government', 'Government of Iraq', 'government_body', ['Iraqi government'], 'IRQ'),
};

function locate(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`builder: '${needle}' is not in the text`);
  return { start, end: start + needle.length };
}

/** The sentence of `text` holding `needle` (sentences end with '. '). */
export function evidence(text: string, needle: string, attributedTo: string | null = null): Evidence {
  const at = locate(text, needle).start;
  const start = text.lastIndexOf('. ', at) < 0 ? 0 : text.lastIndexOf('. ', at) + 2;
  const stop = text.indexOf('.', at + needle.length);
  const end = stop < 0 ? text.length : stop + 1;
  return { start, end, sentence: text.slice(start, end), attributedTo };
}

/** Every occurrence of `surface` in the text, as mentions of one actor. */
export function mentions(text: string, surface: string, actorId: string): Mention[] {
  const found: Mention[] = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + surface.length)) {
    found.push({ start: at, end: at + surface.length, actorId, text: surface, method: 'alias', producer: BUILDER });
  }
  if (!found.length) throw new Error(`builder: '${surface}' is not in the text`);
  return found;
}

export function event(
  id: string, type: EventType, sources: string[], targets: string[], text: string, needle: string,
  extra: Partial<Event> = {},
): Event {
  return {
    id, type, mode: null, cameo: null, intensity: null, sources, targets, date: null, location: null,
    modality: 'asserted', evidence: evidence(text, needle), confidence: 0.8, producer: BUILDER, ...extra,
  };
}

export function relation(
  id: string, type: RelationType, source: string, target: string, text: string, needle: string,
  extra: Partial<Relation> = {},
): Relation {
  return {
    id, type, source, target, role: null, validFrom: null, validTo: null, negated: false,
    evidence: evidence(text, needle), confidence: 0.7, producer: BUILDER, ...extra,
  };
}

export function article(id: string, text: string, extra: Partial<DocData> = {}): Doc {
  const doc = new Doc({ id, source: { uri: `test/${id}.txt`, index: 0, outlet: 'Test Wire' }, title: `Article ${id}`, publishedAt: null, url: null, text });
  doc.relevance = 0.5;
  return Object.assign(doc, extra);
}

/** The Doc as the pipeline yields it: with the actors it refers to. */
export function processed(a: Doc): Doc {
  const ids = new Set([
    ...a.mentions.map((m) => m.actorId),
    ...a.events.flatMap((e) => [...e.sources, ...e.targets]),
    ...a.relations.flatMap((r) => [r.source, r.target]),
  ]);
  a.actors = Object.values(ACTORS).filter((x) => ids.has(x.id));
  return a;
}

const T1 = 'US forces struck Kataib Hezbollah near Baghdad on Thursday. Iran funds Kataib Hezbollah. Kataib Hezbollah threatened the US.';
const T2 = 'Iran denied that it armed KH. Muqtada al-Sadr met the Iraqi government in Najaf. Washington may sanction Tehran.';
const T3 = 'An undated note: Moqtada al-Ṣadr criticised the Iraqi government.';

/** A small corpus: two dated articles, a near-copy of the first, and an undated one. */
export function corpus(): Doc[] {
  const a1 = article('a1', T1, {
    publishedAt: '2020-01-03',
    title: 'Strikes on Kataib Hezbollah',
    mentions: [...mentions(T1, 'US', 'usa'), ...mentions(T1, 'Kataib Hezbollah', 'kataib-hezbollah'), ...mentions(T1, 'Iran', 'iran')],
    events: [
      event('e1', 'ASSAULT', ['usa'], ['kataib-hezbollah'], T1, 'struck', {
        date: '2020-01-02', intensity: -10, cameo: '195', mode: 'aerial',
        location: { name: 'Baghdad', country: 'IRQ', lat: 33.3, lon: 44.4 }, trigger: locate(T1, 'struck'),
      }),
      event('e2', 'THREATEN', ['kataib-hezbollah'], ['usa'], T1, 'threatened', { intensity: -7 }),
    ],
    relations: [relation('r1', 'funds', 'iran', 'kataib-hezbollah', T1, 'Iran funds')],
  });
  const a2 = article('a2', T2, {
    publishedAt: '2021-06',
    title: 'Sadr meets the government',
    source: { uri: 'test/feed.jsonl', index: 3, outlet: null },
    mentions: [
      ...mentions(T2, 'Iran', 'iran'), ...mentions(T2, 'KH', 'kataib-hezbollah'), ...mentions(T2, 'Muqtada al-Sadr', 'muqtada-al-sadr'),
      ...mentions(T2, 'Iraqi government', 'iraq-government'), ...mentions(T2, 'Washington', 'usa'), ...mentions(T2, 'Tehran', 'iran'),
    ],
    events: [
      event('e3', 'CONSULT', ['muqtada-al-sadr'], ['iraq-government'], T2, 'met', { intensity: 1, location: { name: 'Najaf', country: 'IRQ', lat: null, lon: null } }),
      event('e4', 'SANCTION', ['usa'], ['iran'], T2, 'sanction', { modality: 'hypothetical', date: '2021-07' }),
    ],
    relations: [
      relation('r2', 'arms', 'iran', 'kataib-hezbollah', T2, 'armed', { negated: true }),
      relation('r3', 'allied_with', 'muqtada-al-sadr', 'iraq-government', T2, 'met', { validFrom: '2021-05', validTo: null }),
    ],
  });
  const a3 = article('a3', T1, {
    publishedAt: '2020-01-04', title: 'Strikes on KH (copy)', duplicateOf: 'a1', spun: true,
    mentions: mentions(T1, 'Iran', 'iran'),
  });
  const a4 = article('a4', T3, {
    title: 'Undated',
    mentions: [...mentions(T3, 'Moqtada al-Ṣadr', 'muqtada-al-sadr'), ...mentions(T3, 'Iraqi government', 'iraq-government')],
    events: [event('e5', 'ACCUSE', ['muqtada-al-sadr'], ['iraq-government'], T3, 'criticised', { intensity: -2 })],
  });
  return [a1, a2, a3, a4];
}
