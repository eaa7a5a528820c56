// The store's speed on a synthetic corpus shaped like extraction output: how fast articles are saved
// (new, then unchanged on a re-run), and how long the API's queries take at that size; on SQLite, and
// on PostgreSQL beside it when $ORBIT_TEST_PG gives a database (it is emptied first).
// Needs nothing outside the repo. Prints figures; decides nothing.
// Run: node dist/bench/store.js [articles, default 5000]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor, Event, EventType, Producer, Relation, RelationType } from '../src/model/types.js';
import { Doc } from '../src/core/doc.js';
import { EVENT_TYPES, RELATION_TYPES } from '../src/model/types.js';
import { openStore } from '../src/store/index.js';
import { resetPostgres } from '../src/store/postgres.js';

const ARTICLES = Number(process.argv[2] ?? 5000);
const ACTORS = 300;

// a fixed-seed generator, so every run stores the same corpus
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
// a few actors are in most of the news: a skewed pick
const pickActor = () => `actor-${Math.floor(ACTORS * random() ** 2.5)}`;

const actors: Actor[] = Array.from({ length: ACTORS }, (_, i) => ({
  id: `actor-${i}`, name: `Actor Number ${i}`, kind: pick(['state', 'person', 'armed_group', 'party'] as const),
  country: null, aliases: [`AN${i}`, `Number ${i} Group`], discovered: false, description: null,
}));

const WORDS = 'militia forces minister government strike talks sanctions attack base troops parliament protest agreement aid'.split(' ');

const BENCH: Producer = { component: 'bench', version: '1' };

function makeArticle(n: number): Doc {
  const sentences = Array.from({ length: 20 }, () => {
    const a = pickActor();
    const b = pickActor();
    return { a, b, text: `${actors[+a.slice(6)].name} ${pick(WORDS)} ${pick(WORDS)} ${actors[+b.slice(6)].name} ${pick(WORDS)} near the ${pick(WORDS)}.` };
  });
  let text = '';
  const spans = sentences.map((s) => {
    const start = text.length;
    text += s.text + ' ';
    return { ...s, start, end: start + s.text.length };
  });
  const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 5 * 365) * 86400000).toISOString().slice(0, 10);
  const evidence = (i: number) => ({ start: spans[i].start, end: spans[i].end, sentence: spans[i].text, attributedTo: null });
  const events: Event[] = spans.slice(0, 8).map((s, i) => ({
    id: `e-${n}-${i}`, type: pick(EVENT_TYPES) as EventType, mode: null, cameo: null, intensity: Math.round(random() * 20 - 10),
    sources: [s.a], targets: [s.b], date: random() < 0.5 ? day : null, location: null,
    modality: random() < 0.9 ? 'asserted' : 'hypothetical', evidence: evidence(i), confidence: 0.7, producer: BENCH,
  }));
  const relations: Relation[] = spans.slice(8, 10).map((s, i) => ({
    id: `r-${n}-${i}`, type: pick(RELATION_TYPES) as RelationType, source: s.a, target: s.b, role: null,
    validFrom: null, validTo: null, negated: false, evidence: evidence(8 + i), confidence: 0.6, producer: BENCH,
  }));
  const doc = new Doc({ id: `a-${n}`, source: { uri: `bench/${n}.txt`, index: 0, outlet: 'Bench Wire' }, title: `Bench article ${n}`, publishedAt: day, url: null, text });
  doc.relevance = 0.5;
  doc.mentions = spans.map((s) => (
    { start: s.start, end: s.start + actors[+s.a.slice(6)].name.length, actorId: s.a, text: actors[+s.a.slice(6)].name, method: 'alias', producer: BENCH }
  ));
  doc.events = events;
  doc.relations = relations;
  return doc;
}

async function time<T>(fn: () => Promise<T>, runs = 1): Promise<{ ms: number; value: T }> {
  let value!: T;
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = await fn();
  return { ms: (performance.now() - start) / runs, value };
}

async function bench(location: string, label: string): Promise<void> {
  const corpus = Array.from({ length: ARTICLES }, (_, n) => makeArticle(n));
  const store = await openStore(location);
  await store.saveActors(actors);
  const used = (a: Doc) => actors.filter((x) => a.mentions.some((m) => m.actorId === x.id) || a.events.some((e) => e.sources.includes(x.id) || e.targets.includes(x.id)) || a.relations.some((r) => r.source === x.id || r.target === x.id));
  for (const doc of corpus) doc.actors = used(doc);

  const saveAll = async () => { for (const p of corpus) await store.saveArticle(p); };
  const first = await time(saveAll);
  const again = await time(saveAll);
  const stats = await store.stats();
  console.log(`store bench (${label}): ${ARTICLES} articles, ${stats.events} events, ${stats.relations} relations, ${stats.mentions} mentions, ${ACTORS} actors`);
  console.log(`  save new        ${(ARTICLES / (first.ms / 1000)).toFixed(0)} articles/s`);
  console.log(`  save unchanged  ${(ARTICLES / (again.ms / 1000)).toFixed(0)} articles/s`);
  if (store.kind === 'sqlite') console.log(`  db size         ${(statSync(location).size / 2 ** 20).toFixed(1)} MB (+ WAL)`);

  const queries: [string, () => Promise<unknown>][] = [
    ['health (stats)', () => store.stats()],
    ['actors?q=number 1', () => store.searchActors('number 1')],
    ['actors/:id (busiest)', () => store.getActor('actor-0')],
    ['events (first page)', () => store.listEvents({ limit: 50 })],
    ['events?actor= (busiest)', () => store.listEvents({ actor: 'actor-0', limit: 50 })],
    ['events?q=militia&from=2020', () => store.listEvents({ q: 'militia', from: '2020', limit: 50 })],
    ['graph (all time)', () => store.graph()],
    ['graph (one year)', () => store.graph({ from: '2020', to: '2020' })],
    ['articles?q=sanctions', () => store.listArticles({ q: 'sanctions', limit: 50 })],
    ['articles/:id', () => store.getArticle('a-17')],
    ['search?q=attack', () => store.search('attack')],
  ];
  for (const [name, query] of queries) {
    await query();
    const { ms } = await time(query, 5);
    console.log(`  ${name.padEnd(28)} ${ms.toFixed(1)} ms`);
  }
  const graph = await store.graph();
  console.log(`  graph size: ${graph.nodes.length} nodes, ${graph.edges.length} edges`);
  await store.close();
}

const dir = process.env.ORBIT_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'orbit-bench-'));
try {
  await bench(join(dir, 'bench.db'), 'SQLite');
  const pgUrl = process.env.ORBIT_TEST_PG;
  if (pgUrl) {
    await resetPostgres(pgUrl);
    await bench(pgUrl, 'PostgreSQL');
  } else {
    console.log('store bench (PostgreSQL): skipped, $ORBIT_TEST_PG is not set (scripts/pg-cluster.sh makes a database)');
  }
} finally {
  if (!process.env.ORBIT_BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}
