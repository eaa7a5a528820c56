// The store's incidents are the pipeline's (src/analyze/incidents.ts groupIncidents) on the same events:
// random articles of a few types, dates of month and day precision, sides that overlap or not, some
// events not asserted; the store's answer (grouped once per store version and per type and month,
// regrouped where a window cuts a month) against groupIncidents run over the events in the order
// stored. On SQLite, and on PostgreSQL too when $ORBIT_TEST_PG names a database (it is emptied first).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupIncidents } from '../../src/analyze/incidents.js';
import { stableId } from '../../src/core/ids.js';
import type { Event, EventType, Modality } from '../../src/model/types.js';
import { openStore, type DateWindow, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { ACTORS, article, event, processed } from './builder.js';

const PG = process.env.ORBIT_TEST_PG;

// a fixed-seed generator, so every run stores the same articles
function generator(seed: number) {
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return { random, pick };
}

function randomArticles(count: number) {
  const { random, pick } = generator(7);
  const actors = ['usa', 'iran', 'kataib-hezbollah'];
  const side = () => actors.filter(() => random() < 0.4);
  const text = 'Someone struck someone.';
  return Array.from({ length: count }, (_, i) => article(`r${i}`, text, {
    publishedAt: '2020-03-01',
    events: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, j) => event(
      `r${i}e${j}`, pick(['ASSAULT', 'THREATEN'] as EventType[]), side(), side(), text, 'struck',
      { date: pick(['2020-01', '2020-01-02', '2020-01-03', '2020-02', '2020-02-02', '2020', null]), modality: random() < 0.85 ? 'asserted' : pick(['claimed', 'negated'] as Modality[]) },
    )),
  }));
}

const inWindow = (date: string | null, w: DateWindow) =>
  date !== null && (!w.from || (date >= w.from.slice(0, 4) && `${date}~` >= w.from)) && (!w.to || date <= `${w.to}~`);

function suite(open: (dir: string) => Promise<Store>) {
  let dir: string;
  let store: Store;
  const docs = randomArticles(120);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-incidents-'));
    store = await open(dir);
    await store.saveActors(Object.values(ACTORS));
    for (const doc of docs) await store.saveArticle(processed(doc));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the pipeline groups of the stored events in the window, by id with its number of reports. */
  const expected = (window: DateWindow) => {
    const events = docs.flatMap((d) => d.events.filter((e) => inWindow(e.date, window)).map((e: Event) => ({ articleId: d.id, event: e })));
    return Object.fromEntries(groupIncidents(events).map((i) => [i.id, i.eventIds.length]).sort());
  };
  const stored = async (window: DateWindow) =>
    Object.fromEntries((await store.listIncidents({ ...window, limit: 1000 })).items.map((i) => [i.id, i.reports]).sort());

  for (const window of [{}, { from: '2020-01-02' }, { from: '2020-01', to: '2020-01-02' }, { to: '2020-01-03' }, { from: '2020-02', to: '2020-02' }] as DateWindow[]) {
    test(`the same incidents as groupIncidents, window ${JSON.stringify(window)}`, async () => {
      const want = expected(window);
      assert.ok(Object.keys(want).length >= (Object.keys(window).length ? 1 : 5), `the random articles make incidents: ${JSON.stringify(want)}`);
      assert.deepEqual(await stored(window), want);
    });
  }

  test('a claim judged wrong leaves its incident, and comes back when the judgement is undone', async () => {
    const [first] = (await store.listIncidents({ limit: 1 })).items;
    const judgement = await store.addJudgement({ kind: 'claim_wrong', claim: first.eventIds[0], author: 'test' });
    const events = docs.flatMap((d) => d.events.filter((e) => e.id !== first.eventIds[0] && e.date).map((e) => ({ articleId: d.id, event: e })));
    const want = Object.fromEntries(groupIncidents(events).map((i) => [i.id, i.eventIds.length]).sort());
    assert.deepEqual(await stored({}), want);
    assert.ok(!(first.id in want), 'the incident without that report is another one');
    await store.undoJudgement(judgement.id, { author: 'test' });
    assert.equal((await store.listIncidents({ limit: 1 })).items[0].id, stableId('i', ...[...first.eventIds].sort()));
  });
}

describe('SQLite', () => {
  suite((dir) => openStore(join(dir, 'orbit.db')));
});

describe('PostgreSQL', { skip: PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)' }, () => {
  suite(async () => {
    await resetPostgres(PG!);
    return openStore(PG!);
  });
});
