import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { createServer, jsonText } from '../../src/server/index.js';
import { ACTORS, corpus, processed } from '../store/builder.js';
import { close, listen } from '../helpers/listen.js';

let dir: string;
let store: Store;
let server: http.Server;
let base: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-server-'));
  store = await openStore(join(dir, 'orbit.db'));
  await store.saveActors(Object.values(ACTORS));
  for (const article of corpus()) (await store.saveArticle(processed(article)));
  server = createServer(store, { log: () => {} });
  base = await listen(server);
});

after(async () => {
  await close(server);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; type: string; body: any }> {
  const response = await fetch(base + path, init);
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, body: type.startsWith('application/json') ? await response.json() : await response.text() };
}

test('GET /api/health answers ok with the counts', async () => {
  const { status, type, body } = await get('/api/health');
  assert.equal(status, 200);
  assert.match(type, /^application\/json/);
  assert.equal(body.ok, true);
  assert.equal(body.counts.articles, 4);
  assert.equal(body.counts.events, 5);
});

test('GET /api/actors searches names and aliases; /api/actors/:id gives the profile or a 404', async () => {
  assert.deepEqual((await get('/api/actors?q=KH')).body.items.map((a: { id: string }) => a.id), ['kataib-hezbollah']);
  assert.equal((await get('/api/actors')).body.items.length, 5);
  const kh = await get('/api/actors/kataib-hezbollah');
  assert.equal(kh.body.name, 'Kataib Hezbollah');
  assert.equal(kh.body.relationsIn.length, 2);
  const missing = await get('/api/actors/nobody');
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /nobody/);
});

test('GET /api/events filters and pages, and names a bad parameter', async () => {
  const { body } = await get('/api/events?actor=usa&from=2020&to=2020&limit=10');
  assert.deepEqual(body.items.map((e: { id: string }) => e.id), ['e2', 'e1']);
  assert.equal(body.total, 2);
  assert.equal(body.items[1].evidence.sentence, 'US forces struck Kataib Hezbollah near Baghdad on Thursday.');
  assert.equal(body.items[1].article.title, 'Strikes on Kataib Hezbollah');
  assert.equal(body.items[1].tone, 'conflict');
  assert.deepEqual((await get('/api/events?type=CONSULT&q=najaf')).body.items.map((e: { id: string }) => e.id), ['e3']);
  assert.deepEqual((await get('/api/events?source=usa&target=kataib-hezbollah')).body.total, 1);

  for (const [query, parameter] of [
    ['from=2020-13-45', 'from'], ['to=2021-02-29', 'to'], ['type=HUG', 'type'], ['limit=-1', 'limit'],
    ['offset=abc', 'offset'], ['from=2021&to=2020', 'to'],
  ]) {
    const bad = await get(`/api/events?${query}`);
    assert.equal(bad.status, 400, query);
    assert.equal(bad.body.parameter, parameter, query);
    assert.match(bad.body.error, new RegExp(parameter), query);
  }
  assert.match((await get('/api/events?from=2020-13-45')).body.error, /2020-13-45/);
});

test('GET /api/relations lists relation claims', async () => {
  const { body } = await get('/api/relations?type=funds');
  assert.deepEqual(body.items.map((r: { id: string }) => r.id), ['r1']);
  assert.equal(body.items[0].source.name, 'Iran');
});

test('a frozen answer (a graph the store keeps) is serialised once; any other each time', async () => {
  let serialised = 0;
  const answer = (nodes: string[]) => ({ toJSON: () => (serialised++, { nodes }) });
  const kept = Object.freeze(answer([]));
  assert.equal(jsonText(kept), '{"nodes":[]}');
  assert.equal(jsonText(kept), '{"nodes":[]}');
  assert.equal(serialised, 1, 'a frozen answer: its text made once');
  const open = answer(['a']);
  jsonText(open);
  jsonText(open);
  assert.equal(serialised, 3, 'an answer that can change: serialised each time');
  // over HTTP: asked twice, the graph is the same; the store keeps it (test/store/graph-answers.test.ts)
  assert.deepEqual((await get('/api/graph?from=2020')).body, (await get('/api/graph?from=2020')).body);
});

test('GET /api/graph gives nodes and edges for the window', async () => {
  const { body } = await get('/api/graph?from=2020-01-01&to=2020-12-31');
  assert.deepEqual(body.nodes.map((n: { id: string }) => n.id).sort(), ['iran', 'kataib-hezbollah', 'usa']);
  assert.deepEqual(body.edges.map((e: { id: string }) => e.id).sort(), [
    'event:ASSAULT:usa>kataib-hezbollah', 'event:THREATEN:kataib-hezbollah>usa', 'relation:funds:iran>kataib-hezbollah',
  ]);
  const all = await get('/api/graph');
  assert.equal(all.body.nodes.length, 5);
  assert.equal((await get('/api/graph?limit=2')).body.nodes.length, 2);
  assert.equal((await get('/api/graph?from=20')).status, 400);
});

test('GET /api/articles lists, searches, and /api/articles/:id gives the article or a 404', async () => {
  const list = await get('/api/articles?q=najaf');
  assert.deepEqual(list.body.items.map((a: { id: string }) => a.id), ['a2']);
  assert.equal((await get('/api/articles?actor=muqtada-al-sadr')).body.total, 2);
  const a1 = await get('/api/articles/a1');
  assert.equal(a1.body.events.length, 2);
  assert.equal(a1.body.text.slice(a1.body.events[0].evidence.start, a1.body.events[0].evidence.end), a1.body.events[0].evidence.sentence);
  assert.equal((await get('/api/articles/nope')).status, 404);
});

test('GET /api/search searches articles and evidence; q is required', async () => {
  const { body } = await get('/api/search?q=threatened');
  assert.deepEqual(body.articles.map((a: { id: string }) => a.id).sort(), ['a1', 'a3']);
  assert.deepEqual(body.evidence.map((e: { articleId: string }) => e.articleId), ['a1']);
  const missing = await get('/api/search');
  assert.equal(missing.status, 400);
  assert.equal(missing.body.parameter, 'q');
});

test('unknown routes are 404 JSON, other methods 405', async () => {
  const unknown = await get('/api/nothing');
  assert.equal(unknown.status, 404);
  assert.match(unknown.type, /json/);
  assert.equal((await get('/api/health', { method: 'POST' })).status, 405);
  assert.equal((await get('/nothing-here.html')).status, 404);
});

test('serves the built web app: its page, every script and stylesheet the page names, and the map outlines', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.match(page.type, /text\/html/);
  const assets = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), `the page names its bundle: ${assets.join(', ')}`);
  for (const path of assets) {
    const file = await get(path);
    assert.equal(file.status, 200, path);
    assert.match(file.type, path.endsWith('.css') ? /text\/css/ : /javascript/, path);
  }
  for (const path of ['/geo/iraq-governorates.geojson', '/geo/states.geojson']) {
    const file = await get(path);
    assert.equal(file.status, 200, path);
    assert.match(file.type, /geo\+json/);
    assert.ok(JSON.parse(file.body).features.length > 10, path);
  }
  // the map's and the layout's workers start from blob: URLs; nothing else is let in
  const headers = (await fetch(base + '/')).headers;
  assert.match(headers.get('content-security-policy') ?? '', /worker-src 'self' blob:/);
});

test('nothing outside web/ is served', async () => {
  // fetch would normalise the dots away: send the raw path
  for (const path of ['/..%2fpackage.json', '/%2e%2e/package.json', '/.git/config']) {
    const status = await new Promise<number>((resolve, reject) => {
      http.get(base + path, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    assert.equal(status, 404, path);
  }
});

test('a query too long for the server gets a 431 that says why, and the server goes on', async () => {
  const long = await get(`/api/events?actor=${'x'.repeat(20_000)}`);
  assert.equal(long.status, 431);
  assert.match(long.body.error, /over \d+ KB; shorten the query/);
  assert.equal((await get('/api/health')).status, 200);
});

test('a client over the API rate gets 429 with Retry-After, others and later requests go on', async () => {
  const limited = createServer(store, { log: () => {}, rateLimit: { perSecond: 5, burst: 10 } });
  const url = `${await listen(limited)}/api/health`;
  try {
    const statuses = await Promise.all(Array.from({ length: 30 }, () => fetch(url).then(async (r) => [r.status, r.headers.get('retry-after'), await r.json()] as const)));
    assert.equal(statuses.filter(([s]) => s === 200).length, 10);
    const refused = statuses.find(([s]) => s === 429)!;
    assert.equal(refused[1], '1');
    assert.match(refused[2].error, /too many requests; try again in 1 s/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await fetch(url)).status, 200);
  } finally {
    await close(limited);
  }
});
