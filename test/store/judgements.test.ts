// Analysts' judgements applied when the store reads, and undone: a wrong claim draws no edge and is
// flagged in lists; a merge folds an actor into another everywhere (graph, lists, actor page, search),
// chains resolve and cycles are refused; an added alias finds the actor. Honest counts. On SQLite, and
// on PostgreSQL too when $ORBIT_TEST_PG names a database (it is emptied first).
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JudgementError, openStore, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { actor, ACTORS, corpus, processed } from './builder.js';

const PG = process.env.ORBIT_TEST_PG;
const who = { author: 'analyst', reason: 'checked the source' };
const edgeIds = async (store: Store) => (await store.graph()).edges.map((e) => e.id).sort();
const nodeIds = async (store: Store) => (await store.graph()).nodes.map((n) => n.id).sort();

const refused = (status: number, field: string | null) => (error: unknown) =>
  error instanceof JudgementError && error.status === status && error.field === field;

function suites(open: (dir: string) => Promise<Store>) {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-judge-'));
    store = await open(dir);
    await store.saveActors([...Object.values(ACTORS), actor('unmentioned', 'Nobody Here', 'person')]);
    for (const a of corpus()) await store.saveArticle(processed(a));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a wrong event draws no edge, is flagged in the list, and comes back when undone', async () => {
    const before = await store.graph();
    assert.ok(before.edges.some((e) => e.id === 'event:ASSAULT:usa>kataib-hezbollah'));
    const j = await store.addJudgement({ kind: 'claim_wrong', claim: 'e1', ...who });
    assert.equal(j.kind, 'claim_wrong');
    assert.equal(j.claimKind, 'event');
    assert.ok(!(await edgeIds(store)).includes('event:ASSAULT:usa>kataib-hezbollah'));
    const rows = (await store.listEvents({ limit: 100 })).items;
    assert.deepEqual(rows.find((r) => r.id === 'e1')!.judgement, { id: j.id, kind: 'claim_wrong', author: 'analyst', reason: 'checked the source' });
    assert.equal(rows.find((r) => r.id === 'e2')!.judgement, null);
    const undone = await store.undoJudgement(j.id, { author: 'lead', reason: 'it was right' });
    assert.equal(undone!.undoneBy, 'lead');
    assert.ok(undone!.undoneAt);
    assert.deepEqual(await store.graph(), before);
    assert.equal((await store.listEvents({ limit: 100 })).items.find((r) => r.id === 'e1')!.judgement, null);
    // the history stays
    const list = await store.listJudgements();
    assert.equal(list.total, 1);
    assert.equal(list.items[0].undoReason, 'it was right');
  });

  test('a wrong relation draws no edge and is flagged in the relation list', async () => {
    const j = await store.addJudgement({ kind: 'claim_wrong', claim: 'r1', ...who });
    assert.equal(j.claimKind, 'relation');
    assert.ok(!(await edgeIds(store)).includes('relation:funds:iran>kataib-hezbollah'));
    const rows = (await store.listRelations({ limit: 100 })).items;
    assert.equal(rows.find((r) => r.id === 'r1')!.judgement!.id, j.id);
    await store.undoJudgement(j.id, { author: 'lead' });
    assert.ok((await edgeIds(store)).includes('relation:funds:iran>kataib-hezbollah'));
  });

  test('a merge folds the actor into the kept one in graph, lists, actor page and search; its undo splits them', async () => {
    const before = await store.graph();
    const iranBefore = (await store.getActor('iran'))!;
    const khBefore = (await store.getActor('kataib-hezbollah'))!;
    const j = await store.addJudgement({ kind: 'merge', actor: 'kataib-hezbollah', into: 'iran', ...who });

    const graph = await store.graph();
    assert.ok(!graph.nodes.some((n) => n.id === 'kataib-hezbollah'));
    const iranNode = graph.nodes.find((n) => n.id === 'iran')!;
    const weight = (g: typeof before, id: string) => g.nodes.find((n) => n.id === id)!.weight;
    assert.equal(iranNode.weight, weight(before, 'iran') + weight(before, 'kataib-hezbollah'));
    const ids = graph.edges.map((e) => e.id).sort();
    assert.ok(ids.includes('event:ASSAULT:usa>iran'));
    assert.ok(ids.includes('event:THREATEN:iran>usa'));
    // Iran funds KH became a self-loop: dropped
    assert.ok(!ids.some((id) => id.includes('kataib-hezbollah') || id === 'relation:funds:iran>iran'));

    const events = await store.listEvents({ actor: 'iran', limit: 100 });
    assert.ok(['e1', 'e2'].every((id) => events.items.some((e) => e.id === id)));
    assert.ok((await store.listEvents({ source: 'iran', limit: 100 })).items.some((e) => e.id === 'e2'));
    assert.ok((await store.listRelations({ target: 'iran', limit: 100 })).items.some((r) => r.id === 'r1'));

    const iran = (await store.getActor('iran'))!;
    assert.deepEqual(iran.merged, [{ id: 'kataib-hezbollah', name: 'Kataib Hezbollah', judgementId: j.id }]);
    assert.equal(iran.mentionCount, iranBefore.mentionCount + khBefore.mentionCount);
    assert.equal(iran.eventCount, iranBefore.eventCount + khBefore.eventCount);
    assert.ok(iran.aliases.includes('Kataib Hezbollah') && iran.aliases.includes('KH'));
    assert.equal(iran.mergedInto, null);
    assert.equal((await store.getActor('kataib-hezbollah'))!.mergedInto, 'iran');

    const found = await store.searchActors('Kataib');
    assert.deepEqual(found.map((a) => a.id), ['iran']);
    assert.equal(found[0].mentionCount, iran.mentionCount);

    await store.undoJudgement(j.id, { author: 'lead', reason: 'split' });
    assert.deepEqual(await store.graph(), before);
    assert.deepEqual((await store.getActor('iran'))!.merged, []);
    assert.deepEqual((await store.searchActors('Kataib')).map((a) => a.id), ['kataib-hezbollah']);
  });

  test('chains resolve to the last kept actor; a merge that would make a cycle is refused', async () => {
    await store.addJudgement({ kind: 'merge', actor: 'usa', into: 'kataib-hezbollah', ...who });
    await store.addJudgement({ kind: 'merge', actor: 'kataib-hezbollah', into: 'iran', ...who });
    assert.equal((await store.getActor('usa'))!.mergedInto, 'iran');
    assert.deepEqual((await store.getActor('iran'))!.merged.map((m) => m.id), ['kataib-hezbollah', 'usa']);
    assert.deepEqual(await nodeIds(store), ['iran', 'iraq-government', 'muqtada-al-sadr']);
    assert.ok((await store.listEvents({ actor: 'iran', limit: 100 })).items.some((e) => e.id === 'e1'));
    await assert.rejects(store.addJudgement({ kind: 'merge', actor: 'iran', into: 'usa', ...who }), refused(409, 'into'));
    await assert.rejects(store.addJudgement({ kind: 'merge', actor: 'usa', into: 'iraq-government', ...who }), refused(409, 'actor'));
  });

  test('an added alias finds the actor in search and the graph until undone', async () => {
    assert.deepEqual(await store.searchActors('Persia'), []);
    const j = await store.addJudgement({ kind: 'alias', actor: 'iran', alias: 'Persia', ...who });
    assert.deepEqual((await store.searchActors('persia')).map((a) => a.id), ['iran']);
    assert.ok((await store.getActor('iran'))!.aliases.includes('Persia'));
    assert.ok((await store.graph({ q: 'Persia' })).nodes.some((n) => n.id === 'iran'));
    await store.undoJudgement(j.id, { author: 'lead' });
    assert.deepEqual(await store.searchActors('Persia'), []);
  });

  test('bad judgements are refused naming the field; unknown ids are 404', async () => {
    await assert.rejects(store.addJudgement({ kind: 'split' as never, ...who }), refused(400, 'kind'));
    await assert.rejects(store.addJudgement({ kind: 'claim_wrong', claim: 'e1', author: ' ' }), refused(400, 'author'));
    await assert.rejects(store.addJudgement({ kind: 'claim_wrong', ...who }), refused(400, 'claim'));
    await assert.rejects(store.addJudgement({ kind: 'claim_wrong', claim: 'nope', ...who }), refused(404, 'claim'));
    await assert.rejects(store.addJudgement({ kind: 'merge', actor: 'iran', into: 'ghost', ...who }), refused(404, 'into'));
    await assert.rejects(store.addJudgement({ kind: 'merge', actor: 'iran', into: 'iran', ...who }), refused(400, 'into'));
    await assert.rejects(store.addJudgement({ kind: 'alias', actor: 'ghost', alias: 'X', ...who }), refused(404, 'actor'));
    await assert.rejects(store.addJudgement({ kind: 'alias', actor: 'iran', alias: '--', ...who }), refused(400, 'alias'));
    const j = await store.addJudgement({ kind: 'claim_wrong', claim: 'e1', ...who });
    await assert.rejects(store.addJudgement({ kind: 'claim_wrong', claim: 'e1', ...who }), refused(409, 'claim'));
    assert.equal(await store.undoJudgement('999', { author: 'lead' }), null);
    await store.undoJudgement(j.id, { author: 'lead' });
    await assert.rejects(store.undoJudgement(j.id, { author: 'lead' }), refused(409, null));
    assert.equal((await store.listJudgements()).total, 1);
  });

  test('judgements are listed newest first, paginated', async () => {
    const a = await store.addJudgement({ kind: 'claim_wrong', claim: 'e1', ...who });
    const b = await store.addJudgement({ kind: 'alias', actor: 'iran', alias: 'Persia', ...who });
    const page = await store.listJudgements({ limit: 1 });
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map((j) => j.id), [b.id]);
    assert.deepEqual((await store.listJudgements({ limit: 1, offset: 1 })).items.map((j) => j.id), [a.id]);
  });

  test('stats count the actors the articles mention or claims name, and the knowledge base apart', async () => {
    const stats = await store.stats();
    assert.equal(stats.actors, 5);
    assert.equal(stats.knowledgeBase, 6);
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

test('the judgement kinds are declared once: both schemas\' CHECK lists exactly JUDGEMENT_KINDS', async () => {
  const { JUDGEMENT_KINDS } = await import('../../src/store/judgements.js');
  const { MIGRATIONS } = await import('../../src/store/migrations.js');
  const { POSTGRES_MIGRATIONS } = await import('../../src/store/migrations-postgres.js');
  for (const steps of [MIGRATIONS, POSTGRES_MIGRATIONS]) {
    const sql = steps.find((m) => m.version === 7)!.sql;
    const listed = /kind\s+\S+(?: COLLATE "C")? NOT NULL CHECK \(kind IN \(([^)]*)\)\)/.exec(sql)![1].match(/'[^']+'/g)!.map((k) => k.slice(1, -1));
    assert.deepEqual(listed, [...JUDGEMENT_KINDS]);
  }
});
