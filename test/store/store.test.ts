import { test, describe, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { resetPostgres } from '../../src/store/postgres.js';
import { Doc } from '../../src/core/doc.js';
import { ACTORS, article, corpus, event, evidence, mentions, processed } from './builder.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

let dir: string;
let store: Store;

// The suites below run on SQLite, and on PostgreSQL too where $ORBIT_TEST_PG names a database
// (scripts/pg-cluster.sh makes one; .ci/run does). 'opening' is about files: SQLite only.
const PG = process.env.ORBIT_TEST_PG;
const sqlite = () => openStore(join(dir, 'nested', 'orbit.db'));
let open: () => Promise<Store> = sqlite;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-store-'));
  store = await open();
  await store.saveActors(Object.values(ACTORS));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const saveCorpus = async () => {
  const statuses: string[] = [];
  for (const a of corpus()) statuses.push((await store.saveArticle(processed(a))).status);
  return statuses;
};
const counts = async () => {
  const { firstDate: _f, lastDate: _l, ...rest } = await store.stats();
  return rest;
};


describe('opening', () => {
  test('reopening keeps what was stored', async () => {
    await saveCorpus();
    const file = store.location;
    await store.close();
    store = await openStore(file);
    assert.equal((await store.stats()).articles, 4);
  });

  test('a file that is not a database is named in the error', async () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'this is not sqlite at all, just some text that is long enough to have a header');
    await assert.rejects(openStore(file), (error: Error) => error.message.includes(file) && /not an Orbit store/.test(error.message));
  });

  test('a folder that cannot be made is named in the error', async () => {
    const blocker = join(dir, 'plain-file');
    writeFileSync(blocker, '');
    const file = join(blocker, 'orbit.db');
    await assert.rejects(openStore(file), (error: Error) => error.message.includes(file));
  });
});

function storeSuites(): void {
  describe('saving', () => {
    test('stores every article with all that was read from it', async () => {
      assert.deepEqual(await saveCorpus(), ['new', 'new', 'new', 'new']);
      assert.deepEqual(await counts(), {
        articles: 4, duplicates: 1, actors: 5, knowledgeBase: 5, mentions: 15, events: 5, relations: 3,
        // e3 and r3 share a sentence: stored once
        evidence: 7,
      });
      assert.deepEqual((await store.stats()).firstDate, '2020-01-02');
      assert.deepEqual((await store.stats()).lastDate, '2021-07');
    });

    test('saving the same input twice stores nothing twice', async () => {
      await saveCorpus();
      const before = await counts();
      assert.deepEqual(await saveCorpus(), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
      assert.deepEqual(await counts(), before);
    });

    test('a changed article replaces its earlier version', async () => {
      await saveCorpus();
      const [a1] = corpus();
      a1.events = a1.events.slice(0, 1);
      a1.title = 'Retitled';
      assert.equal((await store.saveArticle(processed(a1))).status, 'updated');
      assert.equal((await store.stats()).events, 4);
      assert.equal((await store.getArticle('a1'))?.title, 'Retitled');
      assert.equal((await store.search('Retitled')).articles[0]?.id, 'a1');
      assert.equal((await store.search('Strikes')).articles.some((hit) => hit.id === 'a1'), false);
    });

    test('an event told in several sentences is one event with every telling as its evidence', async () => {
      const text = 'US forces struck Kataib Hezbollah near Baghdad on Thursday. Iran funds Kataib Hezbollah. The strike by US forces on Kataib Hezbollah killed four.';
      const told = article('told', text, {
        publishedAt: '2020-01-03',
        mentions: [...mentions(text, 'US', 'usa'), ...mentions(text, 'Kataib Hezbollah', 'kataib-hezbollah')],
        events: [event('t1', 'ASSAULT', ['usa'], ['kataib-hezbollah'], text, 'struck', { retellings: [evidence(text, 'The strike by')] })],
      });
      await store.saveArticle(processed(told));
      const [row] = (await store.listEvents()).items;
      assert.equal(row.evidence.sentence, 'US forces struck Kataib Hezbollah near Baghdad on Thursday.');
      assert.deepEqual(row.retellings.map((t) => t.sentence), ['The strike by US forces on Kataib Hezbollah killed four.']);
      assert.deepEqual((await store.getArticle('told'))!.events[0].retellings?.map((t) => t.start), [text.indexOf('The strike by')]);
      assert.equal((await store.stats()).events, 1);
      // saved again without the retelling: none is left behind
      told.events = [event('t1', 'ASSAULT', ['usa'], ['kataib-hezbollah'], text, 'struck')];
      assert.equal((await store.saveArticle(processed(told))).status, 'updated');
      assert.deepEqual((await store.listEvents()).items[0].retellings, []);
    });

    test("keeps each article's author and language, null when cleaning found none", async () => {
      await saveCorpus();
      const [a1] = corpus();
      a1.author = 'Jane Doe, John Roe';
      a1.language = 'en';
      assert.equal((await store.saveArticle(processed(a1))).status, 'updated');
      const stored = (await store.getArticle('a1'))!;
      assert.equal(stored.author, 'Jane Doe, John Roe');
      assert.equal(stored.language, 'en');
      assert.equal((await store.getArticle('a2'))?.author, null);
    });

    test('gives back the article as it was saved', async () => {
      await saveCorpus();
      const [a1] = corpus();
      const stored = (await store.getArticle('a1'))!;
      assert.equal(stored.text, a1.text);
      assert.equal(stored.publishedAt, '2020-01-03');
      assert.equal(stored.sourceUri, 'test/a1.txt');
      assert.equal(stored.outlet, 'Test Wire');
      assert.deepEqual(stored.mentions, [...a1.mentions].sort((x, y) => x.start - y.start));
      // the store adds the evidence's id and article; the rest is as given
      const strip = <T extends { evidence: object }>(x: T) => ({ ...x, evidence: { ...x.evidence, id: undefined, articleId: undefined } });
      assert.deepEqual(stored.events.map(strip), a1.events.map(strip));
      assert.deepEqual(stored.relations.map(strip), a1.relations.map(strip));
      assert.equal(stored.events[0].evidence.articleId, 'a1');
      assert.deepEqual(stored.actors.map((a) => a.id), ['iran', 'kataib-hezbollah', 'usa']);
      for (const evidence of stored.evidence) assert.equal(stored.text.slice(evidence.start, evidence.end), evidence.sentence);
    });

    test('a save that fails half-way rolls back and keeps the previous version', async () => {
      await saveCorpus();
      const before = await counts();
      const previous = await store.getArticle('a2');
      const [, a2] = corpus();
      // e1 belongs to a1: inserting it fails after a2's old contents were deleted
      a2.events = [...a2.events, event('e1', 'AID', ['iran'], ['usa'], a2.text, 'armed')];
      a2.title = 'Half-saved';
      await assert.rejects(store.saveArticle(processed(a2)), /UNIQUE|PRIMARY KEY|unique constraint/);
      assert.deepEqual((await store.getArticle('a2')), previous);
      assert.deepEqual(await counts(), before);
      assert.equal((await store.getArticle('a1'))!.events.length, 2);
    });

    test('an article naming an actor nobody knows is refused with the actor named', async () => {
      const text = 'Nobody met somebody.';
      const bad = article('bad', text, { mentions: mentions(text, 'Nobody', 'nobody') });
      await assert.rejects(store.saveArticle(bad), /unknown actor nobody/);
      assert.equal((await store.getArticle('bad')), null);
    });

    test('actors are upserted with their aliases replaced', async () => {
      await store.saveActors([{ ...ACTORS.kh, name: 'Kata’ib Hezbollah', aliases: ['Hezbollah Brigades'] }]);
      const kh = (await store.getActor('kataib-hezbollah'))!;
      assert.equal(kh.name, 'Kata’ib Hezbollah');
      assert.deepEqual(kh.aliases, ['Hezbollah Brigades']);
      // upserted, not added; none is mentioned yet
      assert.deepEqual([(await store.stats()).knowledgeBase, (await store.stats()).actors], [5, 0]);
    });

    test('articleTexts gives every stored article in the order stored', async () => {
      await saveCorpus();
      assert.deepEqual((await collect(store.articleTexts())).map((a) => a.id), ['a1', 'a2', 'a3', 'a4']);
    });
  });

  describe('queries', () => {
    beforeEach(saveCorpus);

    test('listArticles pages newest first, filters by text, actor and window', async () => {
      const all = await store.listArticles();
      assert.equal(all.total, 4);
      assert.deepEqual(all.items.map((a) => a.id), ['a2', 'a3', 'a1', 'a4']);
      const a1 = all.items.find((a) => a.id === 'a1')!;
      assert.equal(a1.eventCount, 2);
      assert.equal(a1.relationCount, 1);
      assert.equal(all.items.find((a) => a.id === 'a3')!.duplicateOf, 'a1');
      assert.equal(all.items.find((a) => a.id === 'a3')!.spun, true);

      const page = await store.listArticles({ limit: 1, offset: 1 });
      assert.equal(page.total, 4);
      assert.deepEqual(page.items.map((a) => a.id), ['a3']);

      assert.deepEqual((await store.listArticles({ q: 'najaf' })).items.map((a) => a.id), ['a2']);
      assert.deepEqual((await store.listArticles({ q: 'hezboll' })).items.map((a) => a.id), ['a3', 'a1']);
      assert.deepEqual((await store.listArticles({ actor: 'muqtada-al-sadr' })).items.map((a) => a.id), ['a2', 'a4']);
      assert.deepEqual((await store.listArticles({ from: '2021' })).items.map((a) => a.id), ['a2']);
      assert.deepEqual((await store.listArticles({ to: '2020-01-03' })).items.map((a) => a.id), ['a1']);
      assert.equal((await store.listArticles({ q: '"(*' })).total, 0);
    });

    test('searchActors finds by name, alias and folded spelling, with counts', async () => {
      assert.deepEqual((await store.searchActors('KH')).map((a) => a.id), ['kataib-hezbollah']);
      assert.deepEqual((await store.searchActors('kataib hizballah')).map((a) => a.id), ['kataib-hezbollah']);
      assert.deepEqual((await store.searchActors('sadr')).map((a) => a.id), ['muqtada-al-sadr']);
      assert.deepEqual((await store.searchActors('ṣadr')).map((a) => a.id), ['muqtada-al-sadr']);
      const ranked = await store.searchActors();
      assert.deepEqual(ranked.map((a) => a.id), ['iran', 'kataib-hezbollah', 'usa', 'iraq-government', 'muqtada-al-sadr']);
      assert.deepEqual([ranked[1].mentionCount, ranked[1].eventCount], [4, 2]);
      assert.deepEqual((await store.searchActors('zzz')), []);
    });

    test('getActor gives aliases, relations both ways, event counts and when it was seen', async () => {
      const kh = (await store.getActor('kataib-hezbollah'))!;
      assert.deepEqual(kh.aliases, ['KH', "Kata'ib Hizballah"]);
      assert.equal(kh.articleCount, 2);
      assert.equal(kh.firstSeen, '2020-01-03');
      assert.equal(kh.lastSeen, '2021-06');
      assert.deepEqual(kh.eventCounts, [
        { type: 'ASSAULT', asSource: 0, asTarget: 1 },
        { type: 'THREATEN', asSource: 1, asTarget: 0 },
      ]);
      assert.deepEqual(kh.relationsOut, []);
      assert.deepEqual(kh.relationsIn.map((r) => [r.type, r.actor.id, r.negated, r.count]), [
        ['arms', 'iran', true, 1],
        ['funds', 'iran', false, 1],
      ]);
      assert.equal(kh.relationsIn[1].evidenceIds.length, 1);
      assert.equal((await store.getActor('nobody')), null);
    });

    test('listEvents names the actors, gives the sentence and the article, and filters', async () => {
      const all = await store.listEvents();
      assert.equal(all.total, 5);
      // by the event's date, else the article's; undated last
      assert.deepEqual(all.items.map((e) => e.id), ['e4', 'e3', 'e2', 'e1', 'e5']);
      const e1 = all.items.find((e) => e.id === 'e1')!;
      assert.deepEqual(e1.sources, [{ id: 'usa', name: 'United States', kind: 'state' }]);
      assert.deepEqual(e1.targets.map((a) => a.name), ['Kataib Hezbollah']);
      assert.equal(e1.evidence.sentence, 'US forces struck Kataib Hezbollah near Baghdad on Thursday.');
      assert.deepEqual(e1.article, { id: 'a1', title: 'Strikes on Kataib Hezbollah', outlet: 'Test Wire', publishedAt: '2020-01-03' });
      assert.equal(e1.location?.name, 'Baghdad');
      assert.equal(all.items.find((e) => e.id === 'e2')!.when, '2020-01-03');

      const ids = async (query: Parameters<Store['listEvents']>[0]) => (await store.listEvents(query)).items.map((e) => e.id);
      assert.deepEqual(await ids({ actor: 'usa' }), ['e4', 'e2', 'e1']);
      assert.deepEqual(await ids({ source: 'usa' }), ['e4', 'e1']);
      assert.deepEqual(await ids({ source: 'usa', target: 'kataib-hezbollah' }), ['e1']);
      assert.deepEqual(await ids({ type: 'CONSULT' }), ['e3']);
      assert.deepEqual(await ids({ q: 'threatened' }), ['e2']);
      // '2021-06' (a month) overlaps a window from the 15th; an undated event is in no bounded window
      assert.deepEqual(await ids({ from: '2021-06-15' }), ['e4', 'e3']);
      assert.deepEqual(await ids({ from: '2020-01-03', to: '2020' }), ['e2']);
      assert.deepEqual(await ids({ limit: 2, offset: 1 }), ['e3', 'e2']);
    });

    test('listRelations filters by actor, type and the time a relation holds', async () => {
      const ids = async (query: Parameters<Store['listRelations']>[0]) => (await store.listRelations(query)).items.map((r) => r.id);
      assert.deepEqual(await ids({}), ['r2', 'r3', 'r1']);
      assert.deepEqual(await ids({ actor: 'kataib-hezbollah', type: 'funds' }), ['r1']);
      // r3 holds from 2021-05 on, with no end
      assert.deepEqual(await ids({ from: '2024' }), ['r3']);
      assert.deepEqual(await ids({ to: '2020-12' }), ['r1']);
      const [r1] = (await store.listRelations({ type: 'funds' })).items;
      assert.equal(r1.source.name, 'Iran');
      assert.equal(r1.evidence.sentence, 'Iran funds Kataib Hezbollah.');
    });

    test('search finds articles and evidence sentences with marked matches', async () => {
      const hits = await store.search('Najaf');
      assert.deepEqual(hits.articles.map((a) => a.id), ['a2']);
      assert.match(hits.articles[0].snippet, /\u0002Najaf\u0003/);
      assert.equal(hits.evidence[0].sentence, 'Muqtada al-Sadr met the Iraqi government in Najaf.');
      assert.equal(hits.evidence[0].article.title, 'Sadr meets the government');
      assert.deepEqual((await store.search('"(*')), { articles: [], evidence: [] });
      await store.search('al-Sadr AND (NOT "');
    });
  });

  describe('re-reading', () => {
    test('an article linked to itself (duplicate detection primed from the store) keeps its stored link', async () => {
      await saveCorpus();
      const a3 = corpus()[2];
      assert.deepEqual((await store.saveArticle(processed(Doc.from({ ...a3, duplicateOf: 'a3', spun: false })))), { status: 'unchanged', duplicateOf: 'a1', spun: true });
      const a1 = corpus()[0];
      assert.deepEqual((await store.saveArticle(processed(Doc.from({ ...a1, duplicateOf: 'a1', spun: true })))), { status: 'unchanged', duplicateOf: null, spun: false });
      assert.equal((await store.getArticle('a1'))!.duplicateOf, null);
      assert.equal((await store.getArticle('a3'))!.duplicateOf, 'a1');
    });
  });

  describe('graph', () => {
    beforeEach(saveCorpus);

    test('draws what is asserted, once per story, within the window', async () => {
      const all = await store.graph();
      const weight = Object.fromEntries(all.nodes.map((n) => [n.id, n.weight]));
      // a3 copies a1: its mention of Iran is not counted again
      assert.deepEqual(weight, { iran: 3, 'kataib-hezbollah': 4, usa: 3, 'muqtada-al-sadr': 2, 'iraq-government': 2 });
      const edges = all.edges.map((e) => `${e.id} ${e.count}`).sort();
      // e4 is hypothetical and r2 negated: neither draws a tie
      assert.deepEqual(edges, [
        'event:ACCUSE:muqtada-al-sadr>iraq-government 1',
        'event:ASSAULT:usa>kataib-hezbollah 1',
        'event:CONSULT:muqtada-al-sadr>iraq-government 1',
        'event:THREATEN:kataib-hezbollah>usa 1',
        'relation:allied_with:muqtada-al-sadr>iraq-government 1',
        'relation:funds:iran>kataib-hezbollah 1',
      ]);
      const assault = all.edges.find((e) => e.type === 'ASSAULT')!;
      assert.deepEqual([assault.first, assault.meanIntensity, assault.tone], ['2020-01-02', -10, 'conflict']);
      assert.equal((await store.listEvents()).items.find((e) => e.id === 'e1')!.evidence.id, assault.evidenceIds[0]);

      // 2021 on: a2's events and r3 (open-ended); the undated a4 is in no bounded window
      const later = await store.graph({ from: '2021' });
      assert.deepEqual(later.edges.map((e) => e.id).sort(), [
        'event:CONSULT:muqtada-al-sadr>iraq-government', 'relation:allied_with:muqtada-al-sadr>iraq-government',
      ]);
      assert.equal(later.nodes.find((n) => n.id === 'iran')!.weight, 2);
    });
  });
}

describe('SQLite', () => {
  storeSuites();
});

describe('PostgreSQL', { skip: PG ? false : 'set ORBIT_TEST_PG to a PostgreSQL URL (scripts/pg-cluster.sh makes one)' }, () => {
  before(() => {
    open = async () => {
      await resetPostgres(PG!);
      return openStore(PG!);
    };
  });
  after(() => {
    open = sqlite;
  });
  storeSuites();
});
