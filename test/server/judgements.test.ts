// The judgement routes through the real server: read-only without --allow-edits (403), JSON bodies
// only (415), capped (413), bad fields 400 and unknown ids 404 by name; a wrong claim, a merge and its
// split, an alias, seen through the other routes; honest counts in /api/health; `orbit serve`'s default
// store. On SQLite, and on PostgreSQL too when $ORBIT_TEST_PG names a database (it is emptied first).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { createServer } from '../../src/server/index.js';
import { MAX_BODY_BYTES } from '../../src/server/api-edits.js';
import { defaultStorePath, repoRoot } from '../../src/core/paths.js';
import { storePath } from '../../src/cli/ingest.js';
import { actor, ACTORS, corpus, processed } from '../store/builder.js';
import { close, listen as listenOn } from '../helpers/listen.js';

const PG = process.env.ORBIT_TEST_PG;
const who = { author: 'analyst', reason: 'read the source' };

// the web app's files are not asked for here: any folder serves as its root
async function listen(store: Store, allowEdits: boolean, webRoot: string): Promise<{ server: http.Server; base: string }> {
  const server = createServer(store, { log: () => {}, allowEdits, webRoot });
  return { server, base: await listenOn(server) };
}

function routeSuites(open: (dir: string) => Promise<Store>) {
  let dir: string;
  let store: Store;
  let edits: { server: http.Server; base: string };
  let readOnly: { server: http.Server; base: string };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-judge-api-'));
    store = await open(dir);
    await store.saveActors([...Object.values(ACTORS), actor('unmentioned', 'Nobody Here', 'person')]);
    for (const a of corpus()) await store.saveArticle(processed(a));
    edits = await listen(store, true, dir);
    readOnly = await listen(store, false, dir);
  });
  after(async () => {
    for (const s of [edits, readOnly]) await close(s.server);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string, base = edits.base) => {
    const response = await fetch(base + path);
    return { status: response.status, body: await response.json() as any };
  };
  const post = async (path: string, body: unknown, { base = edits.base, type = 'application/json' } = {}) => {
    const response = await fetch(base + path, {
      method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() as any };
  };

  test('without --allow-edits: health says so, reading works, POST is 403 with the way to turn edits on', async () => {
    const health = await get('/api/health', readOnly.base);
    assert.equal(health.body.edits, false);
    assert.equal((await get('/api/health')).body.edits, true);
    assert.equal((await get('/api/judgements', readOnly.base)).status, 200);
    const refused = await post('/api/judgements', { kind: 'claim_wrong', claim: 'e1', ...who }, { base: readOnly.base });
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, { error: 'edits are off: start the server with orbit serve --allow-edits' });
    assert.equal((await post('/api/judgements/1/undo', { author: 'x' }, { base: readOnly.base })).status, 403);
  });

  test('bodies must be JSON (415), small (413) and well formed (400); fields are named', async () => {
    assert.equal((await post('/api/judgements', 'kind=claim_wrong&claim=e1', { type: 'application/x-www-form-urlencoded' })).status, 415);
    assert.equal((await post('/api/judgements', JSON.stringify(who), { type: 'text/plain' })).status, 415);
    const big = await post('/api/judgements', { kind: 'alias', actor: 'iran', alias: 'x', ...who, pad: 'x'.repeat(MAX_BODY_BYTES) });
    assert.equal(big.status, 413);
    assert.equal((await post('/api/judgements', '{"kind": ')).status, 400);
    assert.equal((await post('/api/judgements', '[1, 2]')).status, 400);
    const cases: [unknown, number, string][] = [
      [{ kind: 'split', ...who }, 400, 'kind'],
      [{ kind: 'claim_wrong', claim: 'e1' }, 400, 'author'],
      [{ kind: 'claim_wrong', claim: 'e1', author: 7 }, 400, 'author'],
      [{ kind: 'claim_wrong', claim: 'no-such-claim', ...who }, 404, 'claim'],
      [{ kind: 'merge', actor: 'iran', ...who }, 400, 'into'],
      [{ kind: 'merge', actor: 'ghost', into: 'iran', ...who }, 404, 'actor'],
      [{ kind: 'alias', actor: 'iran', ...who }, 400, 'alias'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await post('/api/judgements', body);
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.equal(answer.body.parameter, field, JSON.stringify(answer.body));
      assert.match(answer.body.error, new RegExp(field === 'claim' ? 'no-such-claim' : field === 'actor' ? 'ghost' : field));
    }
    assert.equal((await post('/api/judgements/12345/undo', { author: 'lead' })).status, 404);
    assert.equal((await post('/api/judgements/abc/undo', { author: 'lead' })).status, 404);
  });

  test('a claim marked wrong leaves the graph, is flagged in the lists, and returns when undone', async () => {
    const edge = 'event:ASSAULT:usa>kataib-hezbollah';
    assert.ok((await get('/api/graph')).body.edges.some((e: any) => e.id === edge));
    const made = await post('/api/judgements', { kind: 'claim_wrong', claim: 'e1', ...who });
    assert.equal(made.status, 201);
    assert.equal(made.body.kind, 'claim_wrong');
    assert.equal(made.body.claim, 'e1');
    assert.equal(made.body.undoneAt, null);
    assert.ok(!(await get('/api/graph')).body.edges.some((e: any) => e.id === edge));
    const row = (await get('/api/events?limit=100')).body.items.find((e: any) => e.id === 'e1');
    assert.deepEqual(row.judgement, { id: made.body.id, kind: 'claim_wrong', author: 'analyst', reason: 'read the source' });
    assert.equal((await get('/api/relations?limit=100')).body.items[0].judgement, null);

    const listed = await get('/api/judgements?limit=10');
    assert.equal(listed.body.items[0].id, made.body.id);
    assert.equal(listed.body.total >= 1, true);

    const undone = await post(`/api/judgements/${made.body.id}/undo`, { author: 'lead', reason: 'it happened' });
    assert.equal(undone.status, 200);
    assert.equal(undone.body.undoneBy, 'lead');
    assert.ok((await get('/api/graph')).body.edges.some((e: any) => e.id === edge));
    assert.equal((await get('/api/events?limit=100')).body.items.find((e: any) => e.id === 'e1').judgement, null);
    assert.equal((await post(`/api/judgements/${made.body.id}/undo`, { author: 'lead' })).status, 409);
  });

  test('a merge shows on the actor pages, the graph and search; a cycle is refused; undo splits', async () => {
    const merge = await post('/api/judgements', { kind: 'merge', actor: 'kataib-hezbollah', into: 'iran', ...who });
    assert.equal(merge.status, 201);
    assert.equal((await get('/api/actors/kataib-hezbollah')).body.mergedInto, 'iran');
    const iran = (await get('/api/actors/iran')).body;
    assert.deepEqual(iran.merged, [{ id: 'kataib-hezbollah', name: 'Kataib Hezbollah', judgementId: merge.body.id }]);
    assert.ok(!(await get('/api/graph')).body.nodes.some((n: any) => n.id === 'kataib-hezbollah'));
    assert.deepEqual((await get('/api/actors?q=KH')).body.items.map((a: any) => a.id), ['iran']);
    assert.ok((await get('/api/events?actor=iran&limit=100')).body.items.some((e: any) => e.id === 'e1'));
    const cycle = await post('/api/judgements', { kind: 'merge', actor: 'iran', into: 'kataib-hezbollah', ...who });
    assert.equal(cycle.status, 409);
    assert.match(cycle.body.error, /cycle/);
    assert.equal((await post(`/api/judgements/${merge.body.id}/undo`, { author: 'lead', reason: 'two actors' })).status, 200);
    assert.ok((await get('/api/graph')).body.nodes.some((n: any) => n.id === 'kataib-hezbollah'));
    assert.equal((await get('/api/actors/kataib-hezbollah')).body.mergedInto, null);
  });

  test('an alias finds the actor until undone', async () => {
    const alias = await post('/api/judgements', { kind: 'alias', actor: 'iran', alias: 'Persia', ...who });
    assert.equal(alias.status, 201);
    assert.deepEqual((await get('/api/actors?q=persia')).body.items.map((a: any) => a.id), ['iran']);
    await post(`/api/judgements/${alias.body.id}/undo`, { author: 'lead' });
    assert.deepEqual((await get('/api/actors?q=persia')).body.items, []);
  });

  test('/api/health counts the actors the store mentions, not the whole knowledge base', async () => {
    const { counts } = (await get('/api/health')).body;
    assert.equal(counts.articles, 4);
    assert.equal(counts.actors, 5);
    assert.equal(counts.knowledgeBase, 6);
  });
}

describe('SQLite', () => {
  routeSuites((dir) => openStore(join(dir, 'orbit.db')));
});

describe('PostgreSQL', { skip: PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)' }, () => {
  routeSuites(async () => {
    await resetPostgres(PG!);
    return openStore(PG!);
  });
});

describe('honest counts from a real ingest', () => {
  test('three demo articles count the actors they name, not the knowledge base', async () => {
    const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'orbit-counts-'));
    const db = join(dir, 'small.db');
    try {
      const demo = join(repoRoot(), 'corpus', 'demo');
      const files = ['2019-10-05-baghdad-protests.txt', '2019-11-30-najaf-consulate-abdul-mahdi.txt', '2020-01-01-embassy-siege-ends.txt'];
      const ingest = spawnSync(process.execPath, [orbit, 'ingest', ...files.map((f) => join(demo, f)), '--db', db], { encoding: 'utf8' });
      assert.equal(ingest.status, 0, ingest.stderr);
      const store = await openStore(db);
      try {
        const stats = await store.stats();
        assert.equal(stats.articles, 3);
        const named = new Set<string>();
        for (const a of (await store.listArticles({ limit: 10 })).items) {
          for (const x of (await store.getArticle(a.id))!.actors) named.add(x.id);
        }
        assert.equal(stats.actors, named.size);
        assert.ok(stats.knowledgeBase > 10 * stats.actors, `${stats.knowledgeBase} saved, ${stats.actors} named`);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the default store', () => {
  test('ingest, serve and status open the checkout\'s .orbit/orbit.db without --db or $ORBIT_DB, as npm start does', () => {
    const expected = join(repoRoot(), '.orbit', 'orbit.db');
    assert.equal(defaultStorePath(), expected);
    const saved = process.env.ORBIT_DB;
    delete process.env.ORBIT_DB;
    try {
      assert.equal(storePath(undefined), expected);
    } finally {
      if (saved !== undefined) process.env.ORBIT_DB = saved;
    }
    // npm start passes no --db, so it ingests and serves that same store
    assert.doesNotMatch(readFileSync(join(repoRoot(), 'scripts', 'start.js'), 'utf8'), /'--db'/);
  });

  test('orbit serve without --db names the default store, whatever the working directory', () => {
    const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
    const { ORBIT_DB: _, ...env } = process.env;
    const elsewhere = mkdtempSync(join(tmpdir(), 'orbit-cwd-'));
    try {
      // a store that is absent is named; one that exists would be served (so ask for a port in use by no one: 0, and stop at once)
      const result = spawnSync(process.execPath, [orbit, 'serve', '--port', '0'], { encoding: 'utf8', env, cwd: elsewhere, timeout: 5000 });
      assert.ok(result.stderr.includes(defaultStorePath()) || result.stdout.includes(defaultStorePath()), result.stderr + result.stdout);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
