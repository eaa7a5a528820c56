// The analysis routes through the real server: /api/influence, /api/moved, /api/export. On SQLite, and
// on PostgreSQL too when $ORBIT_TEST_PG is set (the copies query is new SQL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { createServer } from '../../src/server/index.js';
import { fixtureStore } from '../export/fixture.js';
import { close, listen } from '../helpers/listen.js';

const PG = process.env.ORBIT_TEST_PG;
const backends: [string, string | false][] = [['sqlite', false], ['postgres', PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)']];

for (const [backend, skip] of backends) {
  let dir: string;
  let store: Store;
  let server: http.Server;
  let base: string;

  before(async () => {
    if (skip) return;
    dir = mkdtempSync(join(tmpdir(), 'orbit-analysis-'));
    if (backend === 'postgres') await resetPostgres(PG!);
    store = await fixtureStore(backend === 'postgres' ? PG! : join(dir, 'orbit.db'));
    server = createServer(store, { log: () => {} });
    base = await listen(server);
  });

  after(async () => {
    if (skip) return;
    await close(server);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const response = await fetch(base + path);
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status, type, disposition: response.headers.get('content-disposition'),
      body: type.startsWith('application/json') ? await response.json() : await response.text(),
    };
  };

  const badParameters = async (route: string, cases: [string, string, number?][]) => {
    for (const [query, parameter, status = 400] of cases) {
      const bad = await get(`${route}?${query}`);
      assert.equal(bad.status, status, query);
      assert.equal(bad.body.parameter, parameter, query);
      assert.match(bad.body.error, /./);
    }
  };

  test(`${backend}: GET /api/influence scores pairs with their terms and evidence, copies counted once`, { skip }, async () => {
    const { status, body } = await get('/api/influence?from=2021&to=2021');
    assert.equal(status, 200);
    assert.equal(body.modelVersion, 1);
    assert.deepEqual(body.window, { from: '2021', to: '2021' });
    const iran = body.pairs.find((p: { source: { id: string }; target: { id: string } }) => p.source.id === 'iran' && p.target.id === 'kataib-hezbollah');
    assert.equal(iran.source.name, 'Iran');
    assert.deepEqual(iran.terms.map((t: { term: string; count: number; claims: number }) => [t.term, t.count, t.claims]), [['patronage', 1, 2], ['yields-to', 1, 1]],
      'the copy repeats the backing: two claims, one article');
    const patronage = iran.terms[0];
    assert.equal(patronage.contribution, 0.4);
    assert.ok(patronage.evidenceIds.length >= 1);
    assert.ok(Math.abs(iran.score - (1 - 0.6 * (1 - iran.terms[1].contribution))) < 1e-3);
    const brigade = body.pairs.find((p: { source: { id: string } }) => p.source.id === 'hostile-brigade');
    assert.equal(brigade.terms[0].weightedCount, 0.5, 'attributed to the US: claimed, so half');
    const scores = body.pairs.map((p: { score: number }) => p.score);
    assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a));
    assert.equal(body.total, body.pairs.length);

    const sadr = await get('/api/influence?actor=muqtada-al-sadr');
    assert.deepEqual(sadr.body.pairs.map((p: { target: { id: string } }) => p.target.id), ['iraq-government']);
    assert.equal((await get('/api/influence?limit=1')).body.pairs.length, 1);
    await badParameters('/api/influence', [['from=2020-13', 'from'], ['from=2021&to=2020', 'to'], ['limit=0', 'limit'], ['actor=nobody', 'actor', 404]]);
  });

  test(`${backend}: GET /api/moved tells who entered and who left between two windows, and why`, { skip }, async () => {
    const { status, body } = await get('/api/moved?from1=2020&to1=2020&from2=2021&to2=2021');
    assert.equal(status, 200);
    assert.deepEqual([body.threshold, body.minChange], [0.3, 0.1]);
    const moves = Object.fromEntries(body.actors.map((a: { actor: { id: string }; moves: { source: { id: string }; change: string }[] }) =>
      [a.actor.id, a.moves.map((m) => `${m.source.id}:${m.change}`)]));
    assert.deepEqual(moves['kataib-hezbollah'], ['iran:entered']);
    assert.deepEqual(moves['iraq-government'], ['muqtada-al-sadr:left']);
    const entered = body.actors.find((a: { actor: { id: string } }) => a.actor.id === 'kataib-hezbollah').moves[0];
    const patronage = entered.terms.find((t: { term: string }) => t.term === 'patronage');
    assert.deepEqual([patronage.count1, patronage.count2], [0, 1]);
    assert.ok(patronage.evidenceIds.window2.length >= 1);
    assert.equal(entered.terms.find((t: { term: string }) => t.term === 'material-support').count2, 0, 'the 2020 funding is gone in 2021');

    const lower = await get('/api/moved?from1=2020&to1=2020&from2=2021&to2=2021&threshold=0.05&actor=iran');
    assert.ok(lower.body.actors.every((a: { actor: { id: string }; moves: { source: { id: string } }[] }) =>
      a.actor.id === 'iran' || a.moves.every((m) => m.source.id === 'iran')));
    await badParameters('/api/moved', [
      ['from1=2020-02-30', 'from1'], ['from1=2021&to1=2020', 'to1'], ['to2=x', 'to2'], ['threshold=2', 'threshold'],
      ['minChange=-1', 'minChange'], ['limit=abc', 'limit'], ['actor=nobody', 'actor', 404],
    ]);
  });

  test(`${backend}: GET /api/export downloads each format with a file name`, { skip }, async () => {
    const gexf = await get('/api/export?format=gexf&from=2021&to=2021&actor=iran');
    assert.equal(gexf.status, 200);
    assert.match(gexf.type, /^application\/xml/);
    assert.equal(gexf.disposition, 'attachment; filename="orbit-network-2021_2021-iran.gexf"');
    assert.match(gexf.body, /<gexf xmlns="http:\/\/gexf.net\/1.3"[^>]*version="1.3">/);
    assert.match(gexf.body, /<spell start="2021-03-01" end="2021-03-01"\/>/);
    const csv = await get('/api/export?format=csv&what=nodes');
    assert.match(csv.type, /^text\/csv/);
    assert.match(csv.disposition!, /filename="orbit-nodes\.csv"/);
    assert.match(csv.body, /^id,name,kind,country,weight,start,end\r\n/);
    const jsonl = await get('/api/export?format=jsonl&actor=usa,muqtada-al-sadr&from=2020&to=2020');
    assert.match(jsonl.type, /^application\/x-ndjson/);
    assert.deepEqual(jsonl.body.trimEnd().split('\n').map((l: string) => JSON.parse(l).id).sort(), ['e1', 'e2', 'r8']);
    const graphml = await get('/api/export?format=graphml&actor=iran&actor=usa');
    assert.match(graphml.disposition!, /filename="orbit-network-iran-usa\.graphml"/);
    await badParameters('/api/export', [
      ['', 'format'], ['format=pdf', 'format'], ['format=gexf&what=nodes', 'what'], ['format=csv&what=rows', 'what'],
      ['format=gexf&from=2021-00', 'from'], ['format=gexf&actor=nobody', 'actor', 404],
    ]);
  });
}
