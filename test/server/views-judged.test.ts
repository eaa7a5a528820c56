// Every view agrees with the network (issue 9): through the real server (--allow-edits), the timeline,
// incidents, map, dyad, actor page, article detail and event rows apply the analysts' judgements (a
// claim marked wrong is not counted, an actor merged into another is that actor); incidents follow
// src/analyze/incidents.ts's rule; the app's filters and search reach every event view; and the export
// takes the app's filters. On SQLite, and on PostgreSQL too when $ORBIT_TEST_PG names a database.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openStore, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { createServer } from '../../src/server/index.js';
import { ACTORS, article, corpus, event, processed } from '../store/builder.js';
import { close, listen } from '../helpers/listen.js';

const PG = process.env.ORBIT_TEST_PG;
const who = { author: 'analyst', reason: 'test' };

/**
 * More reports of a1's strike of 2020-01-02 (e1): a second article (e6, same day and sides), one that
 * only knows the month (e7), one naming Iran beside the US as its sources (e9); and a strike by Sadr
 * on the same day (e10), another happening until Sadr is merged into the US.
 */
function reports() {
  const t5 = 'American jets struck Kataib Hezbollah near Baghdad.';
  const t6 = 'Reports say an American strike hit Kataib Hezbollah in January.';
  const t8 = 'Iran and the US struck Kataib Hezbollah.';
  const t10 = 'Muqtada al-Sadr attacked Kataib Hezbollah.';
  const baghdad = { name: 'Baghdad', country: 'IRQ', lat: 33.3, lon: 44.4 };
  return [
    article('a5', t5, { publishedAt: '2020-01-03', events: [event('e6', 'ASSAULT', ['usa'], ['kataib-hezbollah'], t5, 'struck', { date: '2020-01-02', intensity: -9, location: baghdad })] }),
    article('a6', t6, { publishedAt: '2020-02-01', events: [event('e7', 'ASSAULT', ['usa'], ['kataib-hezbollah'], t6, 'hit', { date: '2020-01' })] }),
    article('a8', t8, { publishedAt: '2020-01-04', events: [event('e9', 'ASSAULT', ['iran', 'usa'], ['kataib-hezbollah'], t8, 'struck', { date: '2020-01-02' })] }),
    article('a10', t10, { publishedAt: '2020-01-04', events: [event('e10', 'ASSAULT', ['muqtada-al-sadr'], ['kataib-hezbollah'], t10, 'attacked', { date: '2020-01-02' })] }),
  ];
}

function suites(open: (dir: string) => Promise<Store>) {
  let dir: string;
  let store: Store;
  let server: http.Server;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-views-judged-'));
    store = await open(dir);
    await store.saveActors(Object.values(ACTORS));
    for (const a of [...corpus(), ...reports()]) await store.saveArticle(processed(a));
    server = createServer(store, { log: () => {}, allowEdits: true, webRoot: dir });
    base = await listen(server);
  });
  after(async () => {
    await close(server);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string): Promise<{ status: number; body: any; text: string; headers: Headers }> => {
    const response = await fetch(base + path);
    const text = await response.text();
    let body: unknown = null;
    try { body = JSON.parse(text); } catch { /* a download */ }
    return { status: response.status, body, text, headers: response.headers };
  };
  const judge = async (body: Record<string, string>): Promise<string> => {
    const response = await fetch(`${base}/api/judgements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, ...who }) });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { id: string }).id;
  };
  const undo = async (id: string) => {
    const response = await fetch(`${base}/api/judgements/${id}/undo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
    assert.equal(response.status, 200);
  };
  /** Runs `check` while the judgement holds, and undoes it even when the check fails. */
  const whileJudged = async (body: Record<string, string>, check: () => Promise<void>) => {
    const id = await judge(body);
    try {
      await check();
    } finally {
      await undo(id);
    }
  };
  const day = (timeline: any, start: string) => timeline.buckets.find((b: { start: string }) => b.start === start);
  const JANUARY = 'from=2020-01&to=2020-01';

  test("incidents follow the pipeline's rule: a month-dated report and one naming another source too join the day's", async () => {
    const { body } = await get('/api/incidents?from=2020&to=2020');
    assert.equal(body.total, 1);
    const [strike] = body.items;
    assert.deepEqual([strike.type, strike.date, strike.source.id, strike.target.id, strike.reports], ['ASSAULT', '2020-01-02', 'usa', 'kataib-hezbollah', 4]);
    assert.deepEqual([...strike.eventIds].sort(), ['e1', 'e6', 'e7', 'e9']);
    // the same incident the pipeline groups from the same events
    const { groupIncidents } = await import('../../src/analyze/incidents.js');
    const events = (await get('/api/events?from=2020&to=2020&limit=100')).body.items.map((e: any) => ({
      articleId: e.article.id, event: { ...e, sources: e.sources.map((a: any) => a.id), targets: e.targets.map((a: any) => a.id) },
    })).reverse();
    assert.deepEqual(groupIncidents(events).map((i) => i.id), [strike.id]);
    const timeline = (await get(`/api/timeline?${JANUARY}`)).body;
    assert.deepEqual(day(timeline, '2020-01-02'), { start: '2020-01-02', events: 4, incidents: 1, byFamily: { cooperation: 0, conflict: 4, neutral: 0 } });
    assert.equal(timeline.buckets.reduce((n: number, b: { incidents: number }) => n + b.incidents, 0), 1);
    // a window that cuts the month leaves the month-dated report alone: no happening told twice
    assert.equal((await get('/api/incidents?from=2020-01-03&to=2020-01-31')).body.total, 0);
    assert.equal((await get('/api/incidents?from=2020-01-02&to=2020-01-02')).body.items[0].reports, 4);
    // the month-dated report is in no day bucket, but in January's
    assert.equal((await get('/api/timeline?from=2020-01&to=2020-03&bucket=month')).body.buckets[0].incidents, 1);
  });

  test('a claim judged wrong is not counted by the timeline, incidents, map, actor page or article', async () => {
    await whileJudged({ kind: 'claim_wrong', claim: 'e1' }, async () => {
      const timeline = (await get(`/api/timeline?${JANUARY}&actor=usa`)).body;
      assert.equal(day(timeline, '2020-01-02').events, 3);
      assert.equal(timeline.lanes[0].buckets.find((b: { start: string }) => b.start === '2020-01-02').events, 2);
      const incidents = (await get('/api/incidents')).body;
      assert.deepEqual([incidents.total, incidents.items[0].reports, [...incidents.items[0].eventIds].sort()], [1, 3, ['e6', 'e7', 'e9']]);
      const map = (await get('/api/map?from=2020&to=2020')).body;
      assert.deepEqual([map.features[0].properties.count, map.features[0].properties.eventIds], [1, ['e6']]);
      assert.equal((await get('/api/map/governorates?from=2020&to=2020')).body.items[0].count, 1);
      const dyad = (await get(`/api/dyad?a=usa&b=kataib-hezbollah&${JANUARY}`)).body;
      assert.equal(dyad.totals.aToB.conflict, 2);
      assert.ok(!dyad.buckets.flatMap((b: any) => b.aToB.eventIds).includes('e1'));
      const usa = (await get('/api/actors/usa')).body;
      assert.deepEqual(usa.eventCounts.find((c: { type: string }) => c.type === 'ASSAULT'), { type: 'ASSAULT', asSource: 3, asTarget: 0 });
      assert.equal(usa.eventCount, 5);
      assert.deepEqual(usa.eventsByYear[0], { year: '2020', asSource: 3, asTarget: 1 });
      const a1 = (await get('/api/articles/a1')).body;
      assert.equal(a1.eventCount, 1);
      assert.equal(a1.events.find((e: { id: string }) => e.id === 'e1').judgement.kind, 'claim_wrong');
      assert.equal(a1.events.find((e: { id: string }) => e.id === 'e2').judgement, undefined);
      assert.equal((await get('/api/articles?limit=10')).body.items.find((a: { id: string }) => a.id === 'a1').eventCount, 1);
    });
    assert.equal(day((await get(`/api/timeline?${JANUARY}`)).body, '2020-01-02').events, 4);
    assert.equal((await get('/api/articles/a1')).body.eventCount, 2);
  });

  test('merged actors appear as the one they were merged into, in every view', async () => {
    await whileJudged({ kind: 'merge', actor: 'kataib-hezbollah', into: 'iran' }, async () => {
      // event rows, incidents and the article name the kept actor
      const [e1] = (await get('/api/events?ids=e1')).body.items;
      assert.deepEqual(e1.targets, [{ id: 'iran', name: 'Iran', kind: 'state' }]);
      const [e9] = (await get('/api/events?ids=e9')).body.items;
      assert.deepEqual(e9.sources.map((a: { id: string }) => a.id), ['iran', 'usa']);
      assert.equal((await get('/api/incidents')).body.items[0].target.id, 'iran');
      const a1 = (await get('/api/articles/a1')).body;
      assert.deepEqual(a1.events.find((e: { id: string }) => e.id === 'e1').targets, ['iran']);
      assert.ok(!a1.actors.some((a: { id: string }) => a.id === 'kataib-hezbollah'));
      assert.ok(a1.mentions.every((m: { actorId: string }) => m.actorId !== 'kataib-hezbollah'));
      // a lane for the merged actor is the kept actor's, with both actors' events
      const timeline = (await get(`/api/timeline?${JANUARY}&actor=kataib-hezbollah,iran`)).body;
      assert.deepEqual(timeline.lanes.map((l: { actor: { id: string } }) => l.actor.id), ['iran']);
      assert.equal(timeline.lanes[0].buckets.find((b: { start: string }) => b.start === '2020-01-02').events, 4);
      // the dyad asked of the merged actor is the kept one's; the two merged into one are no pair
      const dyad = (await get(`/api/dyad?a=usa&b=kataib-hezbollah&${JANUARY}`)).body;
      assert.equal(dyad.b.id, 'iran');
      assert.deepEqual([dyad.totals.aToB.conflict, dyad.totals.bToA.conflict], [3, 1]);
      const same = await get('/api/dyad?a=iran&b=kataib-hezbollah');
      assert.equal(same.status, 400);
      assert.equal(same.body.parameter, 'b');
      // the actor page's counterparts: the kept actor, its events counted once
      const usa = (await get('/api/actors/usa')).body;
      assert.deepEqual(usa.counterparts.map((c: any) => [c.actor.id, c.events, c.conflict]), [['iran', 5, 5]]);
      // relations to the merged actor are to the kept one; within the kept group they are no relation
      const iraq = (await get('/api/actors/iraq-government')).body;
      assert.ok(!iraq.relationsIn.some((r: any) => r.actor.id === 'kataib-hezbollah'));
      assert.deepEqual((await get('/api/actors/iran')).body.relationsOut, []);
    });
    await whileJudged({ kind: 'merge', actor: 'iraq-government', into: 'usa' }, async () => {
      const links = (await get('/api/actors/muqtada-al-sadr')).body.relationsOut;
      assert.deepEqual(links.map((r: any) => [r.type, r.actor.id]), [['allied_with', 'usa']]);
      const counterparts = (await get('/api/actors/muqtada-al-sadr')).body.counterparts;
      assert.deepEqual(counterparts.map((c: any) => [c.actor.id, c.events]), [['usa', 2], ['kataib-hezbollah', 1]]);
    });
    await whileJudged({ kind: 'merge', actor: 'muqtada-al-sadr', into: 'usa' }, async () => {
      // Sadr's strike, Sadr being the US, is one more report of the same happening
      const incidents = (await get('/api/incidents')).body;
      assert.deepEqual([incidents.total, incidents.items[0].reports], [1, 5]);
      assert.equal(day((await get(`/api/timeline?${JANUARY}`)).body, '2020-01-02').incidents, 1);
    });
    assert.equal((await get('/api/incidents')).body.items[0].reports, 4);
    assert.deepEqual((await get('/api/events?ids=e1')).body.items[0].targets.map((a: { id: string }) => a.id), ['kataib-hezbollah']);
  });

  test('with only relation types ticked the event views show no events; relation lists take types too', async () => {
    const timeline = (await get('/api/timeline?types=funds')).body;
    assert.equal(timeline.buckets.reduce((n: number, b: { events: number; incidents: number }) => n + b.events + b.incidents, 0), 0);
    assert.equal((await get('/api/incidents?types=funds')).body.total, 0);
    const map = (await get('/api/map?types=funds')).body;
    assert.deepEqual([map.features.length, map.unplaced], [0, 0]);
    assert.equal((await get('/api/map/governorates?types=funds')).body.items[0].count, 0);
    assert.equal((await get('/api/events?types=funds')).body.total, 0);
    assert.equal((await get('/api/events?types=funds,ASSAULT')).body.total, 5);
    assert.deepEqual((await get('/api/relations?types=funds,ASSAULT')).body.items.map((r: { id: string }) => r.id), ['r1']);
    assert.equal((await get('/api/relations?types=ASSAULT')).body.total, 0);
    for (const path of ['/api/timeline?types=HUG', '/api/map?types=HUG', '/api/incidents?types=HUG', '/api/relations?types=HUG']) {
      const { status, body } = await get(path);
      assert.equal(status, 400, path);
      assert.equal(body.parameter, 'types', path);
    }
  });

  test('the search narrows the map, timeline, incidents and lists as it narrows the network', async () => {
    // an actor's name: that actor's events (Sadr's strike, meeting and criticism)
    assert.deepEqual((await get('/api/events?q=sadr&limit=100')).body.items.map((e: { id: string }) => e.id).sort(), ['e10', 'e3', 'e5']);
    assert.equal(day((await get(`/api/timeline?${JANUARY}&q=sadr`)).body, '2020-01-02').events, 1);
    assert.equal((await get('/api/incidents?q=sadr')).body.total, 0);
    assert.equal((await get('/api/map?q=sadr')).body.features.length, 0);
    assert.equal((await get('/api/incidents?q=kataib')).body.total, 1);
    // no actor's name: the events whose sentence holds the words
    const jets = (await get('/api/map?q=jets')).body;
    assert.deepEqual([jets.features.length, jets.features[0].properties.eventIds], [1, ['e6']]);
    assert.equal(day((await get(`/api/timeline?${JANUARY}&q=jets`)).body, '2020-01-02').events, 1);
    const graph = (await get('/api/graph?q=jets')).body;
    assert.deepEqual(graph.edges.map((e: { id: string }) => e.id), ['event:ASSAULT:usa>kataib-hezbollah']);
    assert.equal(graph.edges[0].count, 1);
    assert.equal((await get('/api/timeline?q=zzzz')).body.buckets.reduce((n: number, b: { events: number }) => n + b.events, 0), 0);
  });

  test("the export takes the app's filters: kinds, types, modality, minEvidence, q", async () => {
    const edges = async (query: string) => {
      const { status, text } = await get(`/api/export?format=csv&${query}`);
      assert.equal(status, 200, text);
      return (parse(text, { columns: true }) as { id: string }[]).map((r) => r.id).sort();
    };
    assert.deepEqual(await edges('types=funds'), ['relation:funds:iran>kataib-hezbollah']);
    assert.deepEqual(await edges('minEvidence=3'), ['event:ASSAULT:usa>kataib-hezbollah']);
    assert.deepEqual(await edges('kinds=person,government_body'), ['event:ACCUSE:muqtada-al-sadr>iraq-government',
      'event:CONSULT:muqtada-al-sadr>iraq-government', 'relation:allied_with:muqtada-al-sadr>iraq-government']);
    assert.deepEqual(await edges('modality=hypothetical'), ['event:SANCTION:usa>iran']);
    assert.deepEqual(await edges('q=jets'), ['event:ASSAULT:usa>kataib-hezbollah']);
    assert.deepEqual(await edges('q=sadr&types=ASSAULT'), ['event:ASSAULT:muqtada-al-sadr>kataib-hezbollah']);
    // each filtered network is the one /api/graph draws with the same filters
    const graph = (await get('/api/graph?kinds=state,armed_group&minEvidence=2&limit=10000')).body;
    assert.deepEqual(await edges('kinds=state,armed_group&minEvidence=2'), graph.edges.map((e: { id: string }) => e.id).sort());

    const lines = async (query: string) => {
      const { status, text, headers } = await get(`/api/export?format=jsonl&${query}`);
      assert.equal(status, 200, text);
      assert.match(headers.get('content-disposition') ?? '', /filtered/);
      return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; type: string });
    };
    assert.deepEqual((await lines('types=ASSAULT&from=2020&to=2020')).map((l) => l.id).sort(), ['e1', 'e10', 'e6', 'e7', 'e9']);
    assert.deepEqual((await lines('q=sadr')).map((l) => l.id).sort(), ['e10', 'e3', 'e5', 'r3']);
    assert.deepEqual((await lines('q=jets')).map((l) => l.id), ['e6']);
    assert.deepEqual((await lines('modality=negated')).map((l) => l.id), ['r2']);
    assert.deepEqual((await lines('minEvidence=3')).map((l) => l.id).sort(), ['e1', 'e6', 'e7', 'e9']);
    assert.deepEqual((await lines('kinds=person')).map((l) => l.id), []);
    for (const [query, parameter] of [['kinds=robot', 'kinds'], ['types=HUG', 'types'], ['modality=sure', 'modality'], ['minEvidence=0', 'minEvidence']]) {
      const { status, body } = await get(`/api/export?format=gexf&${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.parameter, parameter, query);
    }
  });
}

describe('SQLite', () => {
  suites((dir) => openStore(join(dir, 'orbit.db')));
});

describe('PostgreSQL', { skip: PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)' }, () => {
  suites(async () => {
    await resetPostgres(PG!);
    return openStore(PG!);
  });
});
