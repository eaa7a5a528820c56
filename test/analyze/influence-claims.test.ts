// The influence score's claims held in memory (src/store/influence-claims.ts) against the paged lists they
// replace (analyze/window-claims.ts): the same claims, and so the same scores, for the fixtures and for
// random windows and actors on a generated store, with claims judged wrong and actors merged; on SQLite
// and, where $ORBIT_TEST_PG names a database, on PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { influenceClaims, readWindowClaims } from '../../src/analyze/window-claims.js';
import { scoreInfluence, type InfluenceClaim } from '../../src/analyze/influence.js';
import { loadInfluenceModel } from '../../src/analyze/influence-model.js';
import type { DateWindow } from '../../src/store/types.js';
import { makeActors, writeCorpus } from '../../bench/app-corpus.js';
import { ACTORS, corpus, processed } from '../store/builder.js';

const PG = process.env.ORBIT_TEST_PG;
const SHAPE = { actors: 30, articles: 150, eventsPerArticle: 4 };
const model = loadInfluenceModel();

async function openBackend(backend: 'sqlite' | 'postgres'): Promise<{ store: Store; close(): Promise<void> }> {
  if (backend === 'postgres') {
    await resetPostgres(PG!);
    const store = await openStore(PG!);
    return { store, close: () => store.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'orbit-influence-claims-'));
  const store = await openStore(join(dir, 'orbit.db'));
  return { store, close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const byClaim = (a: InfluenceClaim, b: InfluenceClaim) => (`${a.kind}:${a.id}` < `${b.kind}:${b.id}` ? -1 : 1);

async function sameClaims(store: Store, window: DateWindow, actors: string[], message: string): Promise<number> {
  const expected = influenceClaims(await readWindowClaims(store, window, actors)).sort(byClaim);
  const actual = (await store.influenceClaims()).claims(window, actors).sort(byClaim);
  assert.deepEqual(actual, expected, message);
  assert.deepEqual(scoreInfluence(actual, model), scoreInfluence(expected, model), `${message}: scores`);
  return expected.length;
}

for (const backend of ['sqlite', ...(PG ? ['postgres'] as const : [])] as const) {
  describe(`influence claims in memory, ${backend}`, () => {
    describe('the fixtures', () => {
      let opened: Awaited<ReturnType<typeof openBackend>>;
      before(async () => {
        opened = await openBackend(backend);
        await opened.store.saveActors(Object.values(ACTORS));
        for (const a of corpus()) await opened.store.saveArticle(processed(a));
      });
      after(() => opened.close());

      test('the same claims as the paged lists, for windows and actors', async () => {
        let claims = 0;
        for (const window of [{}, { from: '2021' }, { to: '2020' }, { from: '2020-01-02', to: '2020-01-02' }, { from: '2030' }]) {
          for (const actors of [[], ['iran'], ['usa', 'kataib-hezbollah']]) claims += await sameClaims(opened.store, window, actors, JSON.stringify({ window, actors }));
        }
        assert.ok(claims > 20, `${claims} claims compared`);
      });

      test('a judgement made is read: the claim judged wrong leaves, the merged actor answers for the kept one', async () => {
        const who = { author: 'test', reason: 'in memory against the lists' };
        const before = (await opened.store.influenceClaims()).claims({});
        const wrong = await opened.store.addJudgement({ kind: 'claim_wrong', claim: before[0].id, ...who });
        const merge = await opened.store.addJudgement({ kind: 'merge', actor: 'kataib-hezbollah', into: 'iran', ...who });
        const after = (await opened.store.influenceClaims()).claims({});
        assert.ok(!after.some((c) => c.kind === before[0].kind && c.id === before[0].id));
        await sameClaims(opened.store, {}, ['iran'], 'after a merge');
        await opened.store.undoJudgement(merge.id, { author: 'test' });
        await opened.store.undoJudgement(wrong.id, { author: 'test' });
        assert.equal((await opened.store.influenceClaims()).claims({}).length, before.length);
      });
    });

    describe('a generated store', () => {
      let opened: Awaited<ReturnType<typeof openBackend>>;
      before(async () => {
        opened = await openBackend(backend);
        await writeCorpus(opened.store, SHAPE);
      });
      after(() => opened.close());

      test('random windows and actors: the same claims and scores as the paged lists', async () => {
        const ids = makeActors(SHAPE).map((a) => a.id);
        const who = { author: 'test', reason: 'in memory against the lists' };
        const some = (await opened.store.listEvents({ limit: 15 })).items;
        for (const e of some) await opened.store.addJudgement({ kind: 'claim_wrong', claim: e.id, ...who });
        await opened.store.addJudgement({ kind: 'merge', actor: 'actor-2', into: 'actor-1', ...who });
        let seed = 5;
        const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        const date = () => {
          const year = String(2002 + Math.floor(next() * 26));
          return next() < 0.5 ? year : `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`;
        };
        let claims = 0;
        for (let i = 0; i < 12; i++) {
          const [a, b] = [date(), date()].sort();
          const window: DateWindow = i % 4 === 0 ? {} : i % 4 === 1 ? { from: a } : i % 4 === 2 ? { to: b } : { from: a, to: b };
          const actors = i % 3 === 0 ? [] : [ids[Math.floor(next() * ids.length)]];
          claims += await sameClaims(opened.store, window, actors, `query ${i}: ${JSON.stringify({ window, actors })}`);
        }
        assert.ok(claims > 300, `${claims} claims compared`);
      });
    });
  });
}
