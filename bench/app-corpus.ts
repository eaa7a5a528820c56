// A synthetic store shaped like a long ingest, for the app's latency benchmark (bench/app.ts): about
// 2,000 actors whose share of the news is heavy-tailed (a few states and militias are in most
// stories, most actors in a handful), 20,000 articles from 2003 to 2026 with five events and one
// relation each, places from the knowledge base's gazetteer, re-reports of earlier happenings (so
// incidents group) and a few near-copies. Written through the store's own saveArticle.
// Fixed seed: the same version makes the same store, so bench/app.ts caches it by GENERATOR_VERSION.
import type { Actor, ActorKind, Event, EventType, Modality, Producer, Relation } from '../src/model/types.js';
import { Doc } from '../src/core/doc.js';
import { EVENT_TYPES, RELATION_TYPES } from '../src/model/types.js';
import { loadOntology } from '../src/core/ontology.js';
import { loadKnowledgeBase } from '../src/kb/index.js';
import type { Store } from '../src/store/index.js';

/** Bump when the corpus below changes: it names the cached store. */
export const GENERATOR_VERSION = 1;

export interface CorpusShape {
  actors: number;
  articles: number;
  eventsPerArticle: number;
}

export const DEFAULT_SHAPE: CorpusShape = { actors: 2000, articles: 20000, eventsPerArticle: 5 };

const BENCH: Producer = { component: 'bench-app', version: String(GENERATOR_VERSION) };

/** mulberry32: small, fast, and the same sequence everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return { random, pick };
}

/** Picks an index by weights through their running sum (binary search). */
function weightedPicker(weights: number[], random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const SYLLABLES = 'al ka ta ib hez bol lah sa dr ma li ki ba gh da ir an ra qu ds nu ja fa ha sh mi ya zi'.split(' ');
const KINDS: [ActorKind, number][] = [
  ['person', 45], ['armed_group', 15], ['organization', 10], ['party', 8], ['government_body', 10], ['state', 4],
  ['group', 4], ['igo', 2], ['media', 2],
];
const VERBS: Record<EventType, string> = {
  AGREE: 'agreed with', CONSULT: 'met', SUPPORT: 'praised', CONCEDE: 'conceded to', COOPERATE: 'worked with',
  AID: 'sent aid to', RETREAT: 'withdrew from', REQUEST: 'asked', ACCUSE: 'accused', REJECT: 'rejected',
  THREATEN: 'threatened', PROTEST: 'protested against', SANCTION: 'sanctioned', MOBILIZE: 'mobilised against',
  COERCE: 'arrested members of', ASSAULT: 'attacked',
};
const MODALITIES: [Modality, number][] = [['asserted', 80], ['claimed', 8], ['negated', 5], ['hypothetical', 4], ['future', 3]];

const FIRST_DAY = Date.UTC(2003, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 30);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function makeActors(shape: CorpusShape): Actor[] {
  const { random, pick } = generator(7);
  const kind = weightedPicker(KINDS.map(([, w]) => w), random);
  return Array.from({ length: shape.actors }, (_, i) => {
    const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
    const name = `${word()[0].toUpperCase()}${word().slice(1)} ${word()[0].toUpperCase()}${word().slice(1)} ${i}`;
    return {
      id: `actor-${i}`, name, kind: KINDS[kind()][0], country: pick(['IRQ', 'IRN', 'USA', 'SYR', null]),
      aliases: [`A${i}`, `${name.split(' ')[0]} group ${i}`], discovered: false, description: null,
    };
  });
}

/** The Docs, one at a time, in publication order within each year's stream (ids a-0 ... a-N). */
export function* makeArticles(shape: CorpusShape, actors: Actor[]): Generator<Doc> {
  const { random, pick } = generator(42);
  // Zipf-like: actor i is in the news in proportion to 1 / (i + 1)^1.1
  const actor = weightedPicker(actors.map((_, i) => 1 / (i + 1) ** 1.1), random);
  const places = loadKnowledgeBase().places.filter((p) => p.country === 'IRQ' || random() < 0.3);
  const place = weightedPicker(places.map((_, i) => 1 / (i + 1) ** 0.8), random);
  const modality = weightedPicker(MODALITIES.map(([, w]) => w), random);
  const ontology = loadOntology();
  // news grows after 2011 and peaks around 2014-2020
  const year = weightedPicker(Array.from({ length: 24 }, (_, y) => (y < 8 ? 2 : y < 11 ? 3 : y < 18 ? 6 : 4)), random);
  const earlier: { type: EventType; date: string; sources: string[]; targets: string[] }[] = [];

  for (let n = 0; n < shape.articles; n++) {
    const y = 2003 + year();
    const published = Math.min(LAST_DAY, Math.max(FIRST_DAY, Date.UTC(y, 0, 1) + Math.floor(random() * 365) * 86400000));
    const publishedAt = day(published);
    let text = '';
    const sentence = (words: string) => {
      const start = text.length;
      text += words + ' ';
      return { start, end: start + words.length, sentence: words, attributedTo: null };
    };
    const name = (id: string) => actors[Number(id.slice(6))].name;
    const events: Event[] = [];
    for (let i = 0; i < shape.eventsPerArticle; i++) {
      // one in eight events re-reports a happening an earlier article told: same type, day and sides
      const again = earlier.length > 50 && random() < 0.125 ? earlier[earlier.length - 1 - Math.floor(random() * 50)] : null;
      const type = again?.type ?? pick(EVENT_TYPES);
      const sources = again?.sources ?? (random() < 0.1 ? [`actor-${actor()}`, `actor-${actor()}`] : [`actor-${actor()}`]);
      let targets = again?.targets ?? [`actor-${actor()}`];
      if (!again && targets[0] === sources[0]) targets = [`actor-${(Number(sources[0].slice(6)) + 1) % actors.length}`];
      const dateRoll = random();
      const date = again?.date ?? (dateRoll < 0.6 ? day(published - Math.floor(random() * 3) * 86400000) : dateRoll < 0.8 ? publishedAt.slice(0, 7) : null);
      const at = random() < 0.7 ? places[place()] : null;
      const tone = ontology.eventType(type)!.tone;
      const intensity = random() < 0.85 ? Math.round((tone === 'conflict' ? -1 : tone === 'cooperation' ? 1 : 0) * (1 + random() * 9) * 10) / 10 : null;
      const words = `${sources.map(name).join(' and ')} ${VERBS[type]} ${targets.map(name).join(' and ')}${at ? ` in ${at.name}` : ''}, officials said.`;
      const event: Event = {
        id: `e-${n}-${i}`, type, mode: null, cameo: null, intensity, sources, targets, date,
        location: at ? { name: at.name, country: at.country, lat: at.lat, lon: at.lon } : null,
        modality: again ? 'asserted' : MODALITIES[modality()][0], evidence: sentence(words), confidence: 0.5 + random() / 2, producer: BENCH,
      };
      events.push(event);
      if (!again && event.modality === 'asserted' && date) earlier.push({ type, date, sources, targets });
    }
    if (earlier.length > 200) earlier.splice(0, earlier.length - 200);
    const [source, target] = [`actor-${actor()}`, `actor-${actor()}`];
    const dated = random() < 0.3;
    const relations: Relation[] = source === target ? [] : [{
      id: `r-${n}`, type: pick(RELATION_TYPES), source, target, role: null,
      validFrom: dated ? String(y - Math.floor(random() * 3)) : null, validTo: dated && random() < 0.5 ? String(y + 1) : null,
      negated: random() < 0.05, evidence: sentence(`${name(source)} and ${name(target)} have long ties, a report said.`), confidence: 0.6, producer: BENCH,
    }];
    const doc = new Doc({
      id: `a-${n}`, source: { uri: `bench/app/${n}.txt`, index: 0, outlet: pick(['Wire One', 'Wire Two', 'Daily Three', 'Radio Four']) },
      title: `Story ${n}: ${VERBS[events[0].type]} ${name(events[0].targets[0])}`, publishedAt, url: null, text: text.trim(),
    });
    doc.relevance = 0.5;
    // about one article in thirty is a near-copy of one shortly before it
    if (n > 10 && random() < 0.033) doc.duplicateOf = `a-${n - 1 - Math.floor(random() * 10)}`;
    const mentioned = new Set([...events.flatMap((e) => [...e.sources, ...e.targets]), ...relations.flatMap((r) => [r.source, r.target])]);
    doc.mentions = [...mentioned].map((id) => {
      const start = text.indexOf(name(id));
      return { start, end: start + name(id).length, actorId: id, text: name(id), method: 'alias', producer: BENCH };
    });
    doc.events = events;
    doc.relations = relations;
    yield doc;
  }
}

/** Saves the actors, then every article through saveArticle; `progress` after each thousand. */
export async function writeCorpus(store: Store, shape: CorpusShape, progress?: (saved: number) => void): Promise<void> {
  const actors = makeActors(shape);
  await store.saveActors(actors);
  let saved = 0;
  for (const doc of makeArticles(shape, actors)) {
    await store.saveArticle(doc);
    if (++saved % 1000 === 0) progress?.(saved);
  }
}
