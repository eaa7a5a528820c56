// The graph answers the store keeps (src/store/graph.ts, GRAPH_ANSWERS_KEPT): the same query on an
// unchanged store is the same frozen answer; any write, from this connection or another, is seen at
// once; the oldest answer leaves first; with none kept each answer is made again. What is kept is the
// graph the uncached query gives. SQLite only: on PostgreSQL the index is refreshed on every request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { openSqlite, type SqliteDb } from '../../src/store/sqlite.js';
import { createGraphQuery } from '../../src/store/graph.js';
import { ACTORS, corpus, processed } from './builder.js';

let dir: string;
let store: Store;
let db: SqliteDb;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-answers-'));
  store = await openStore(join(dir, 'orbit.db'));
  await store.saveActors(Object.values(ACTORS));
  for (const article of corpus()) await store.saveArticle(processed(article));
  db = openSqlite(join(dir, 'orbit.db'));
});

after(async () => {
  await db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the same query on an unchanged store is the same frozen answer, equal to the one made afresh', async () => {
  const graph = createGraphQuery(db);
  const fresh = createGraphQuery(db, { answers: 0 });
  const first = await graph({ from: '2020' });
  assert.ok(first.edges.length > 0, 'the fixtures draw ties in 2020');
  assert.equal(await graph({ from: '2020' }), first, 'asked again: the kept answer');
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.nodes) && Object.isFrozen(first.edges[0]) && Object.isFrozen(first.edges[0].evidenceIds));
  assert.throws(() => (first.nodes as unknown[]).push({}), TypeError);
  assert.deepEqual(first, await fresh({ from: '2020' }));
  const again = await fresh({ from: '2020' });
  assert.notEqual(await fresh({ from: '2020' }), again, 'none kept: made again each time');
  assert.notEqual(await graph({ from: '2021' }), first, 'another query, another answer');
});

test('a write through another connection is seen by the next request', async () => {
  const graph = createGraphQuery(db);
  const before = await graph({});
  const edge = before.edges.find((e) => e.kind === 'event')!;
  const [claim] = await db.all<{ id: string }>(
    `SELECT e.id FROM events e JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
     WHERE e.type = @type AND s.actor_id = @source AND e.evidence_id = @evidence`,
    { type: edge.type, source: edge.source, evidence: edge.evidenceIds[0] },
  );
  const judgement = await store.addJudgement({ kind: 'claim_wrong', claim: claim.id, author: 'test', reason: 'kept answers' });
  try {
    const after = await graph({});
    assert.notEqual(after, before);
    assert.deepEqual(after, await createGraphQuery(db, { answers: 0 })({}));
    const judged = after.edges.find((e) => e.id === edge.id);
    assert.ok(!judged || judged.count === edge.count - 1, `the claim judged wrong no longer counts on ${edge.id}`);
  } finally {
    await store.undoJudgement(judgement.id, { author: 'test' });
  }
  assert.deepEqual(await graph({}), before, 'undone: the graph as it was');
});

test('the answers kept are bounded, the least recently asked leaving first', async () => {
  const graph = createGraphQuery(db, { answers: 2 });
  const a = await graph({ from: '2019' });
  const b = await graph({ from: '2020' });
  assert.equal(await graph({ from: '2019' }), a, 'a asked again: now the most recent');
  await graph({ from: '2021' });
  assert.equal(await graph({ from: '2019' }), a, 'a stays');
  assert.notEqual(await graph({ from: '2020' }), b, 'b was the least recently asked: made again');
});
