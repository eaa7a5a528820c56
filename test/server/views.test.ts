// The views' routes (issue 9) through the real server: graph filters and ego network, timeline and
// incidents, map and governorates, dyad, actor roles, search with the window. On SQLite, and on
// PostgreSQL too when $ORBIT_TEST_PG names a database (it is emptied first).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { createServer } from '../../src/server/index.js';
import { ACTORS, article, corpus, event, mentions, processed, relation } from '../store/builder.js';
import { close, listen } from '../helpers/listen.js';

const PG = process.env.ORBIT_TEST_PG;

/** A second report of a1's strike (same type, day and sides, another article), and a stated office. */
function moreArticles() {
  const text = 'American jets struck Kataib Hezbollah near Baghdad. Muqtada al-Sadr is the head of the Iraqi government.';
  return [article('a5', text, {
    publishedAt: '2020-01-03', title: 'Second report of the strike',
    mentions: [...mentions(text, 'Kataib Hezbollah', 'kataib-hezbollah'), ...mentions(text, 'Muqtada al-Sadr', 'muqtada-al-sadr')],
    events: [event('e6', 'ASSAULT', ['usa'], ['kataib-hezbollah'], text, 'struck', {
      date: '2020-01-02', intensity: -9, location: { name: 'Baghdad', country: 'IRQ', lat: 33.3, lon: 44.4 },
    })],
    relations: [relation('r4', 'holds_role', 'muqtada-al-sadr', 'iraq-government', text, 'head of', { role: 'iraq-head', validFrom: '2020-01' })],
  })];
}

function viewSuites(open: (dir: string) => Promise<Store>) {
  let dir: string;
  let store: Store;
  let server: http.Server;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-views-'));
    store = await open(dir);
    await store.saveActors(Object.values(ACTORS));
    await store.saveRoles([
      { roleId: 'iraq-head', title: 'Head of the Iraqi government', of: 'iraq-government', actorId: 'muqtada-al-sadr', from: '2019', to: '2020-06' },
      { roleId: 'iraq-head', title: 'Head of the Iraqi government', of: 'iraq-government', actorId: 'iran', from: '2020-06', to: null },
    ]);
    for (const a of [...corpus(), ...moreArticles()]) await store.saveArticle(processed(a));
    server = createServer(store, { log: () => {} });
    base = await listen(server);
  });

  after(async () => {
    await close(server);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(base + path);
    return { status: response.status, body: await response.json() };
  };
  const ids = (items: { id: string }[]) => items.map((x) => x.id).sort();
  const badParameter = async (path: string, parameter: string) => {
    const { status, body } = await get(path);
    assert.equal(status, 400, path);
    assert.equal(body.parameter, parameter, path);
    assert.match(body.error, new RegExp(parameter), path);
  };

  test('graph: kinds, types, modality and minEvidence filter the edges', async () => {
    const window = 'from=2020&to=2021';
    const both = await get(`/api/graph?${window}&kinds=state,armed_group`);
    assert.deepEqual(ids(both.body.nodes), ['iran', 'kataib-hezbollah', 'usa']);
    assert.deepEqual(ids(both.body.edges), ['event:ASSAULT:usa>kataib-hezbollah', 'event:THREATEN:kataib-hezbollah>usa', 'relation:funds:iran>kataib-hezbollah']);
    const assault = both.body.edges.find((e: { type: string }) => e.type === 'ASSAULT');
    assert.deepEqual([assault.count, assault.evidenceCount, assault.meanIntensity, assault.first], [2, 2, -9.5, '2020-01-02']);
    assert.equal(assault.evidenceIds.length, 2);
    assert.deepEqual(ids((await get(`/api/graph?${window}&types=ASSAULT,funds`)).body.edges), ['event:ASSAULT:usa>kataib-hezbollah', 'relation:funds:iran>kataib-hezbollah']);
    assert.deepEqual(ids((await get(`/api/graph?${window}&modality=hypothetical`)).body.edges), ['event:SANCTION:usa>iran']);
    assert.deepEqual(ids((await get(`/api/graph?${window}&modality=negated&types=arms`)).body.edges), ['relation:arms:iran>kataib-hezbollah']);
    assert.deepEqual(ids((await get(`/api/graph?${window}&minEvidence=2`)).body.edges), ['event:ASSAULT:usa>kataib-hezbollah']);
    assert.equal((await get(`/api/graph?${window}&edges=1`)).body.edges.length, 1);
  });

  test("graph: q takes the actors named and their ties, else the claims whose sentence matches", async () => {
    const sadr = await get('/api/graph?q=sadr');
    assert.deepEqual(ids(sadr.body.nodes), ['iraq-government', 'muqtada-al-sadr']);
    assert.deepEqual(ids(sadr.body.edges), [
      'event:ACCUSE:muqtada-al-sadr>iraq-government', 'event:CONSULT:muqtada-al-sadr>iraq-government',
      'relation:allied_with:muqtada-al-sadr>iraq-government', 'relation:holds_role:muqtada-al-sadr>iraq-government',
    ]);
    const jets = await get('/api/graph?q=jets');
    assert.deepEqual(ids(jets.body.edges), ['event:ASSAULT:usa>kataib-hezbollah']);
    assert.deepEqual(jets.body.edges[0].count, 1);
    assert.deepEqual((await get('/api/graph?q=zzzz')).body, { nodes: [], edges: [] });
  });

  test('graph: the ego network keeps the actor and its strongest neighbours', async () => {
    const ego = await get('/api/graph?actor=usa&hops=1&cap=1');
    assert.deepEqual(ids(ego.body.nodes), ['kataib-hezbollah', 'usa']);
    assert.deepEqual(ids(ego.body.edges), ['event:ASSAULT:usa>kataib-hezbollah', 'event:THREATEN:kataib-hezbollah>usa']);
    const wider = await get('/api/graph?actor=kataib-hezbollah&cap=5');
    assert.deepEqual(ids(wider.body.nodes), ['iran', 'kataib-hezbollah', 'usa']);
    assert.deepEqual((await get('/api/graph?actor=nobody')).body.nodes, []);
    for (const [query, parameter] of [
      ['kinds=robot', 'kinds'], ['types=HUG', 'types'], ['modality=maybe', 'modality'], ['minEvidence=0', 'minEvidence'],
      ['actor=usa&hops=2', 'hops'], ['cap=3', 'cap'], ['hops=1', 'hops'], ['actor=usa&cap=0', 'cap'], ['edges=0', 'edges'],
    ]) await badParameter(`/api/graph?${query}`, parameter);
  });

  test('timeline: day buckets for a month, tones, incidents, lanes; the bucket is checked', async () => {
    const { body } = await get('/api/timeline?from=2020-01-01&to=2020-01-31&actor=usa,iran');
    assert.equal(body.bucket, 'day');
    assert.equal(body.buckets.length, 31);
    const day2 = body.buckets.find((b: { start: string }) => b.start === '2020-01-02');
    assert.deepEqual(day2, { start: '2020-01-02', events: 2, incidents: 1, byFamily: { cooperation: 0, conflict: 2, neutral: 0 } });
    assert.equal(body.buckets.find((b: { start: string }) => b.start === '2020-01-03').events, 1);
    assert.equal(body.buckets.reduce((n: number, b: { events: number }) => n + b.events, 0), 3);
    assert.deepEqual(body.lanes.map((l: { actor: { id: string } }) => l.actor.id), ['usa', 'iran']);
    assert.equal(body.lanes[0].buckets.find((b: { start: string }) => b.start === '2020-01-03').events, 1);
    assert.equal(body.lanes[1].buckets.reduce((n: number, b: { events: number }) => n + b.events, 0), 0);

    const years = await get('/api/timeline?from=2003&to=2026&types=ASSAULT,CONSULT');
    assert.equal(years.body.bucket, 'month');
    assert.equal(years.body.buckets.length, 24 * 12);
    assert.equal(years.body.buckets.find((b: { start: string }) => b.start === '2021-06').events, 1);
    const byYear = await get('/api/timeline?bucket=year');
    assert.equal(byYear.status, 200, JSON.stringify(byYear.body));
    assert.equal(byYear.body.buckets.map((b: { start: string }) => b.start).join(), '2020,2021');
    // 2021-06 (month precision) is in no day bucket, and said so
    assert.equal((await get('/api/timeline?from=2021-06-01&to=2021-06-30')).body.coarser, 1);
    await badParameter('/api/timeline?from=2003&to=2026&bucket=day', 'bucket');
    await badParameter('/api/timeline?bucket=week', 'bucket');
    await badParameter('/api/timeline?types=HUG', 'types');
    // a relation type is a type the app's filter lists: ticked alone, no event is counted
    const relationsOnly = (await get('/api/timeline?types=funds')).body;
    assert.equal(relationsOnly.buckets.reduce((n: number, b: { events: number }) => n + b.events, 0), 0);
  });

  test('incidents: each happening once, with its reports and events', async () => {
    const { body } = await get('/api/incidents?from=2020&to=2020');
    assert.equal(body.total, 1);
    const [incident] = body.items;
    assert.deepEqual([incident.type, incident.date, incident.source.id, incident.target.id, incident.reports], ['ASSAULT', '2020-01-02', 'usa', 'kataib-hezbollah', 2]);
    assert.deepEqual([...incident.eventIds].sort(), ['e1', 'e6']);
    assert.match(incident.id, /^i/);
    assert.equal((await get('/api/incidents?from=2021')).body.total, 0);
    await badParameter('/api/incidents?limit=x', 'limit');
  });

  test('map: points by place with their governorate, and counts per governorate', async () => {
    const { body } = await get('/api/map');
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.features.length, 1);
    const [baghdad] = body.features;
    assert.deepEqual(baghdad.geometry, { type: 'Point', coordinates: [44.4, 33.3] });
    assert.deepEqual([baghdad.properties.name, baghdad.properties.count, baghdad.properties.governorate], ['Baghdad', 2, { id: 'IQ-BG', name: 'Baghdad' }]);
    assert.deepEqual(baghdad.properties.types, [{ type: 'ASSAULT', count: 2 }]);
    assert.deepEqual([...baghdad.properties.eventIds].sort(), ['e1', 'e6']);
    assert.equal(body.unplaced, 3);
    assert.equal((await get('/api/map?from=2021')).body.features.length, 0);
    assert.equal((await get('/api/map?types=CONSULT')).body.features.length, 0);
    const governorates = await get('/api/map/governorates?from=2020&to=2020');
    assert.equal(governorates.body.items.length, 18);
    assert.deepEqual(governorates.body.items[0], { id: 'IQ-BG', name: 'Baghdad', count: 2, places: 1 });
    assert.equal(governorates.body.items[1].count, 0);
    await badParameter('/api/map?modality=sure', 'modality');
    await badParameter('/api/map/governorates?from=2020-02-30', 'from');
  });

  test('dyad: what each side did to the other per bucket, with event ids', async () => {
    const { status, body } = await get('/api/dyad?a=usa&b=kataib-hezbollah&from=2020-01&to=2020-01');
    assert.equal(status, 200);
    assert.equal(body.bucket, 'day');
    assert.deepEqual(body.buckets.map((b: { start: string }) => b.start), ['2020-01-02', '2020-01-03']);
    assert.deepEqual([body.buckets[0].aToB.conflict, body.buckets[0].aToB.meanIntensity, body.buckets[0].bToA.conflict], [2, -9.5, 0]);
    assert.deepEqual([...body.buckets[0].aToB.eventIds].sort(), ['e1', 'e6']);
    assert.deepEqual(body.buckets[1].bToA.eventIds, ['e2']);
    assert.deepEqual(body.totals.bToA, { cooperation: 0, conflict: 1, neutral: 0, meanIntensity: -7 });
    assert.equal((await get('/api/dyad?a=usa&b=nobody')).status, 404);
    await badParameter('/api/dyad?a=usa', 'b');
    await badParameter('/api/dyad?b=usa', 'a');
    await badParameter('/api/dyad?a=usa&b=usa', 'b');
    await badParameter('/api/dyad?a=usa&b=iran&bucket=hour', 'bucket');
  });

  test('actor page: roles from the knowledge base and the texts, events per year, counterparts', async () => {
    const sadr = (await get('/api/actors/muqtada-al-sadr')).body;
    assert.deepEqual(sadr.roles.map((r: { source: string; from: string; title: string }) => [r.source, r.from, r.title]), [
      ['kb', '2019', 'Head of the Iraqi government'], ['relation', '2020-01', 'Head of the Iraqi government'],
    ]);
    assert.equal(sadr.roles[1].evidenceId.length > 0, true);
    assert.deepEqual(sadr.roles[0].of, { id: 'iraq-government', name: 'Government of Iraq', kind: 'government_body' });
    const usa = (await get('/api/actors/usa')).body;
    assert.deepEqual(usa.eventsByYear, [{ year: '2020', asSource: 2, asTarget: 1 }, { year: '2021', asSource: 1, asTarget: 0 }]);
    assert.deepEqual(usa.counterparts.map((c: { actor: { id: string }; events: number; conflict: number }) => [c.actor.id, c.events, c.conflict]), [['kataib-hezbollah', 3, 3]]);
  });

  test('search and actor search take the window', async () => {
    assert.deepEqual(ids((await get('/api/search?q=threatened&to=2020')).body.articles), ['a1', 'a3']);
    const later = (await get('/api/search?q=threatened&from=2021')).body;
    assert.deepEqual([later.articles.length, later.evidence.length], [0, 0]);
    assert.deepEqual(ids((await get('/api/actors?from=2020-01-04&to=2020-01-04')).body.items), ['iran']);
    assert.deepEqual(ids((await get('/api/actors?q=KH&from=2021')).body.items), ['kataib-hezbollah']);
    assert.deepEqual((await get('/api/actors?q=KH&from=2025')).body.items, []);
    await badParameter('/api/search?q=x&from=2021&to=2020', 'to');
    await badParameter('/api/actors?from=soon', 'from');
  });
}

describe('SQLite', () => {
  viewSuites((dir) => openStore(join(dir, 'orbit.db')));
});

describe('PostgreSQL', { skip: PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)' }, () => {
  viewSuites(async () => {
    await resetPostgres(PG!);
    return openStore(PG!);
  });
});
