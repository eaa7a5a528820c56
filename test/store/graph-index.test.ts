// The in-memory graph index (src/store/graph-index.ts) against the SQL aggregation it replaces: the
// same graph for the fixtures and for random windows and filters on a generated store, on SQLite and,
// where $ORBIT_TEST_PG names a database, on PostgreSQL; rebuilt when the store changes, one build at a time.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { openPostgres, resetPostgres } from '../../src/store/postgres.js';
import { createGraphQuery, type GraphQuery } from '../../src/store/graph.js';
import { createGraphIndexCache } from '../../src/store/graph-index.js';
import type { Sql } from '../../src/store/sql.js';
import { EVENT_TYPES, MODALITIES, RELATION_TYPES, type ActorKind, type Modality } from '../../src/model/types.js';
import { makeActors, writeCorpus } from '../../bench/app-corpus.js';
import { ACTORS, corpus, processed } from './builder.js';

const PG = process.env.ORBIT_TEST_PG;
const SHAPE = { actors: 40, articles: 400, eventsPerArticle: 5 };

interface Opened { store: Store; db: Sql & { close(): Promise<void> }; close(): Promise<void> }

/** A fresh store on the backend, and a second connection to it for the graph queries under test. */
async function openBackend(backend: 'sqlite' | 'postgres'): Promise<Opened> {
  if (backend === 'postgres') {
    await resetPostgres(PG!);
    const store = await openStore(PG!);
    const db = await openPostgres(PG!);
    return { store, db, close: async () => { await db.close(); await store.close(); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'orbit-gindex-'));
  const store = await openStore(join(dir, 'orbit.db'));
  const db = openSqlite(join(dir, 'orbit.db'));
  return { store, db, close: async () => { await db.close(); await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** mulberry32, so a failing query can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const some = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.4);
  return { next, pick, some };
}

/** A date of random precision in or around the generated corpus's years. */
function randomDate(r: ReturnType<typeof random>): string {
  const year = String(2002 + Math.floor(r.next() * 26));
  const month = String(1 + Math.floor(r.next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r.next() * 28)).padStart(2, '0');
  return r.pick([year, `${year}-${month}`, `${year}-${month}-${day}`, `${year}-${month}-${day}`]);
}

/**
 * Asserts two graphs equal, mean intensities within 0.011: sums of REAL in another order (PostgreSQL's
 * SUM, SQLite's, the index's) can land either side of the second decimal's rounding.
 */
type AnyGraph = Awaited<ReturnType<ReturnType<typeof createGraphQuery>>>;
function comparable(graph: AnyGraph) {
  return { ...graph, edges: graph.edges.map((e) => ({ ...e, meanIntensity: e.meanIntensity === null ? null : 0 })) };
}
function sameGraph(actual: AnyGraph, expected: AnyGraph, message: string): void {
  assert.deepEqual(comparable(actual), comparable(expected), message);
  actual.edges.forEach((e, i) => {
    const want = expected.edges[i].meanIntensity;
    if (e.meanIntensity !== null && want !== null) assert.ok(Math.abs(e.meanIntensity - want) <= 0.011, `${message}: edge ${e.id} mean intensity ${e.meanIntensity} vs ${want}`);
  });
}

function randomQuery(r: ReturnType<typeof random>, actorIds: string[], kinds: ActorKind[]): GraphQuery {
  const query: GraphQuery = {};
  const window = r.next();
  if (window < 0.4) {
    const [a, b] = [randomDate(r), randomDate(r)].sort();
    Object.assign(query, { from: a, to: b });
  } else if (window < 0.6) query.from = randomDate(r);
  else if (window < 0.75) query.to = randomDate(r);
  if (r.next() < 0.25) query.kinds = r.some(kinds);
  if (r.next() < 0.25) query.types = r.some([...EVENT_TYPES, ...RELATION_TYPES]);
  if (r.next() < 0.25) query.modality = r.some(MODALITIES as readonly Modality[]);
  if (r.next() < 0.3) query.minEvidence = 1 + Math.floor(r.next() * 3);
  const focus = r.next();
  if (focus < 0.2) {
    query.actor = r.pick(actorIds);
    if (r.next() < 0.5) query.cap = 1 + Math.floor(r.next() * 10);
  } else if (focus < 0.3) query.q = `A${Math.floor(r.next() * 12)}`;
  if (r.next() < 0.2) query.maxNodes = 1 + Math.floor(r.next() * 30);
  if (r.next() < 0.2) query.maxEdges = 1 + Math.floor(r.next() * 40);
  return query;
}

for (const backend of ['sqlite', ...(PG ? ['postgres'] as const : [])] as const) {
  describe(`graph index, ${backend}`, () => {
    describe('the fixtures', () => {
      let opened: Opened;
      before(async () => {
        opened = await openBackend(backend);
        await opened.store.saveActors(Object.values(ACTORS));
        for (const a of corpus()) await opened.store.saveArticle(processed(a));
      });
      after(() => opened.close());

      test('the index gives the graph the SQL gives', async () => {
        const bySql = createGraphQuery(opened.db, { index: false });
        const byIndex = createGraphQuery(opened.db);
        const queries: GraphQuery[] = [
          {}, { from: '2021' }, { to: '2020' }, { from: '2020-01-02', to: '2020-01-02' }, { from: '2020-01-15' },
          { modality: ['asserted', 'hypothetical', 'negated'] }, { minEvidence: 2 }, { kinds: ['person', 'state'] },
          { types: ['ASSAULT', 'funds'] }, { types: [] }, { actor: 'usa' }, { actor: 'muqtada-al-sadr', cap: 1 },
          { q: 'Iran' }, { q: 'nobody-at-all' }, { maxNodes: 2 }, { maxEdges: 1 }, { from: '2030' },
        ];
        for (const query of queries) sameGraph(await byIndex(query), await bySql(query), JSON.stringify(query));
        // not a vacuous comparison: the fixtures draw edges
        assert.ok((await byIndex({})).edges.length >= 5);
      });
    });

    describe('a generated store', () => {
      let opened: Opened;
      before(async () => {
        opened = await openBackend(backend);
        await writeCorpus(opened.store, SHAPE);
      });
      after(() => opened.close());

      test('random windows and filters: the index gives the graph the SQL gives', async () => {
        const bySql = createGraphQuery(opened.db, { index: false });
        const byIndex = createGraphQuery(opened.db);
        const actors = makeActors(SHAPE);
        const kinds = [...new Set(actors.map((a) => a.kind))];
        const r = random(9);
        let edges = 0;
        for (let i = 0; i < 150; i++) {
          const query = randomQuery(r, actors.map((a) => a.id), kinds);
          const expected = await bySql(query);
          sameGraph(await byIndex(query), expected, `query ${i}: ${JSON.stringify(query)}`);
          edges += expected.edges.length;
        }
        assert.ok(edges > 1000, `the random queries drew ${edges} edges in all`);
      });

      test('under judgements (claims judged wrong, actors merged) and evidence text search, the index gives the graph the SQL gives', async () => {
        const bySql = createGraphQuery(opened.db, { index: false });
        const byIndex = createGraphQuery(opened.db);
        const who = { author: 'test', reason: 'index against SQL' };
        const events = await opened.db.all<{ id: string }>('SELECT id FROM events ORDER BY id LIMIT 40');
        const relations = await opened.db.all<{ id: string }>('SELECT id FROM relations ORDER BY id LIMIT 10');
        const judged = [];
        for (const { id } of [...events, ...relations]) judged.push(await opened.store.addJudgement({ kind: 'claim_wrong', claim: id, ...who }));
        // a chain (actor-5 -> actor-4 -> actor-3) and a pair of well-tied actors
        judged.push(await opened.store.addJudgement({ kind: 'merge', actor: 'actor-4', into: 'actor-3', ...who }));
        judged.push(await opened.store.addJudgement({ kind: 'merge', actor: 'actor-5', into: 'actor-4', ...who }));
        judged.push(await opened.store.addJudgement({ kind: 'merge', actor: 'actor-1', into: 'actor-0', ...who }));
        try {
          const actors = makeActors(SHAPE);
          const kinds = [...new Set(actors.map((a) => a.kind))];
          const r = random(11);
          let edges = 0;
          for (let i = 0; i < 80; i++) {
            const query = randomQuery(r, actors.map((a) => a.id), kinds);
            if (i % 8 === 0) query.q = r.pick(['attacked', 'sent aid', 'officials said', 'mobilised Erbil', 'zzzz']);
            const expected = await bySql(query);
            sameGraph(await byIndex(query), expected, `judged query ${i}: ${JSON.stringify(query)}`);
            edges += expected.edges.length;
          }
          assert.ok(edges > 500, `the random queries drew ${edges} edges in all`);
          const whole = await byIndex({});
          assert.ok(!whole.nodes.some((n) => ['actor-1', 'actor-4', 'actor-5'].includes(n.id)), 'merged actors are folded away');
          assert.ok(whole.edges.some((e) => e.source === 'actor-0' || e.target === 'actor-0'));
        } finally {
          for (const j of judged.reverse()) await opened.store.undoJudgement(j.id, { author: 'test' });
        }
        sameGraph(await byIndex({}), await bySql({}), 'after the undo');
      });

      test('a store written after the index was built is read again', async () => {
        const byIndex = createGraphQuery(opened.db);
        const bySql = createGraphQuery(opened.db, { index: false });
        const before = await byIndex({ from: '2020-01' , to: '2020-01' });
        await opened.store.saveActors(Object.values(ACTORS));
        for (const a of corpus()) await opened.store.saveArticle(processed(a));
        const afterWrite = await byIndex({ from: '2020-01', to: '2020-01' });
        assert.notDeepEqual(afterWrite, before);
        sameGraph(afterWrite, await bySql({ from: '2020-01', to: '2020-01' }), 'after a write');
        assert.ok(afterWrite.edges.some((e) => e.id === 'event:ASSAULT:usa>kataib-hezbollah'));
      });

      test('requests arriving together share one build', async () => {
        const currentIndex = createGraphIndexCache(opened.db);
        const indexes = await Promise.all([currentIndex(), currentIndex(), currentIndex()]);
        assert.ok(indexes.every((current) => current.index === indexes[0].index));
        assert.equal((await currentIndex()).index, indexes[0].index, 'an unchanged store keeps its index');
        assert.ok(indexes[0].index.size.events >= SHAPE.articles * SHAPE.eventsPerArticle * 0.9);
      });
    });
  });
}
