import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { Doc } from '../../src/core/doc.js';
import { ACTORS, article, corpus, event, mentions, processed } from './builder.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-store-'));
  store = openStore(join(dir, 'nested', 'orbit.db'));
  store.saveActors(Object.values(ACTORS));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const saveCorpus = () => corpus().map((a) => store.saveArticle(processed(a)).status);
const counts = () => {
  const { firstDate: _f, lastDate: _l, ...rest } = store.stats();
  return rest;
};

describe('saving', () => {
  test('stores every article with all that was read from it', () => {
    assert.deepEqual(saveCorpus(), ['new', 'new', 'new', 'new']);
    assert.deepEqual(counts(), {
      articles: 4, duplicates: 1, actors: 5, mentions: 15, events: 5, relations: 3,
      // e3 and r3 share a sentence: stored once
      evidence: 7,
    });
    assert.deepEqual(store.stats().firstDate, '2020-01-02');
    assert.deepEqual(store.stats().lastDate, '2021-07');
  });

  test('saving the same input twice stores nothing twice', () => {
    saveCorpus();
    const before = counts();
    assert.deepEqual(saveCorpus(), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(counts(), before);
  });

  test('a changed article replaces its earlier version', () => {
    saveCorpus();
    const [a1] = corpus();
    a1.events = a1.events.slice(0, 1);
    a1.title = 'Retitled';
    assert.equal(store.saveArticle(processed(a1)).status, 'updated');
    assert.equal(store.stats().events, 4);
    assert.equal(store.getArticle('a1')?.title, 'Retitled');
    assert.equal(store.search('Retitled').articles[0]?.id, 'a1');
    assert.equal(store.search('Strikes').articles.some((hit) => hit.id === 'a1'), false);
  });

  test('gives back the article as it was saved', () => {
    saveCorpus();
    const [a1] = corpus();
    const stored = store.getArticle('a1')!;
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

  test('a save that fails half-way rolls back and keeps the previous version', () => {
    saveCorpus();
    const before = counts();
    const previous = store.getArticle('a2');
    const [, a2] = corpus();
    // e1 belongs to a1: inserting it fails after a2's old contents were deleted
    a2.events = [...a2.events, event('e1', 'AID', ['iran'], ['usa'], a2.text, 'armed')];
    a2.title = 'Half-saved';
    assert.throws(() => store.saveArticle(processed(a2)), /UNIQUE|PRIMARY KEY/);
    assert.deepEqual(store.getArticle('a2'), previous);
    assert.deepEqual(counts(), before);
    assert.equal(store.getArticle('a1')!.events.length, 2);
  });

  test('an article naming an actor nobody knows is refused with the actor named', () => {
    const text = 'Nobody met somebody.';
    const bad = article('bad', text, { mentions: mentions(text, 'Nobody', 'nobody') });
    assert.throws(() => store.saveArticle(bad), /unknown actor nobody/);
    assert.equal(store.getArticle('bad'), null);
  });

  test('actors are upserted with their aliases replaced', () => {
    store.saveActors([{ ...ACTORS.kh, name: 'Kata’ib Hezbollah', aliases: ['Hezbollah Brigades'] }]);
    const kh = store.getActor('kataib-hezbollah')!;
    assert.equal(kh.name, 'Kata’ib Hezbollah');
    assert.deepEqual(kh.aliases, ['Hezbollah Brigades']);
    assert.equal(store.stats().actors, 5);
  });

  test('articleTexts gives every stored article in the order stored', () => {
    saveCorpus();
    assert.deepEqual([...store.articleTexts()].map((a) => a.id), ['a1', 'a2', 'a3', 'a4']);
  });
});

describe('opening', () => {
  test('reopening keeps what was stored', () => {
    saveCorpus();
    const file = store.file;
    store.close();
    store = openStore(file);
    assert.equal(store.stats().articles, 4);
  });

  test('a file that is not a database is named in the error', () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'this is not sqlite at all, just some text that is long enough to have a header');
    assert.throws(() => openStore(file), (error: Error) => error.message.includes(file) && /not an Orbit store/.test(error.message));
  });

  test('a folder that cannot be made is named in the error', () => {
    const blocker = join(dir, 'plain-file');
    writeFileSync(blocker, '');
    const file = join(blocker, 'orbit.db');
    assert.throws(() => openStore(file), (error: Error) => error.message.includes(file));
  });
});

describe('queries', () => {
  beforeEach(saveCorpus);

  test('listArticles pages newest first, filters by text, actor and window', () => {
    const all = store.listArticles();
    assert.equal(all.total, 4);
    assert.deepEqual(all.items.map((a) => a.id), ['a2', 'a3', 'a1', 'a4']);
    const a1 = all.items.find((a) => a.id === 'a1')!;
    assert.equal(a1.eventCount, 2);
    assert.equal(a1.relationCount, 1);
    assert.equal(all.items.find((a) => a.id === 'a3')!.duplicateOf, 'a1');
    assert.equal(all.items.find((a) => a.id === 'a3')!.spun, true);

    const page = store.listArticles({ limit: 1, offset: 1 });
    assert.equal(page.total, 4);
    assert.deepEqual(page.items.map((a) => a.id), ['a3']);

    assert.deepEqual(store.listArticles({ q: 'najaf' }).items.map((a) => a.id), ['a2']);
    assert.deepEqual(store.listArticles({ q: 'hezboll' }).items.map((a) => a.id), ['a3', 'a1']);
    assert.deepEqual(store.listArticles({ actor: 'muqtada-al-sadr' }).items.map((a) => a.id), ['a2', 'a4']);
    assert.deepEqual(store.listArticles({ from: '2021' }).items.map((a) => a.id), ['a2']);
    assert.deepEqual(store.listArticles({ to: '2020-01-03' }).items.map((a) => a.id), ['a1']);
    assert.equal(store.listArticles({ q: '"(*' }).total, 0);
  });

  test('searchActors finds by name, alias and folded spelling, with counts', () => {
    assert.deepEqual(store.searchActors('KH').map((a) => a.id), ['kataib-hezbollah']);
    assert.deepEqual(store.searchActors('kataib hizballah').map((a) => a.id), ['kataib-hezbollah']);
    assert.deepEqual(store.searchActors('sadr').map((a) => a.id), ['muqtada-al-sadr']);
    assert.deepEqual(store.searchActors('ṣadr').map((a) => a.id), ['muqtada-al-sadr']);
    const ranked = store.searchActors();
    assert.deepEqual(ranked.map((a) => a.id), ['iran', 'kataib-hezbollah', 'usa', 'iraq-government', 'muqtada-al-sadr']);
    assert.deepEqual([ranked[1].mentionCount, ranked[1].eventCount], [4, 2]);
    assert.deepEqual(store.searchActors('zzz'), []);
  });

  test('getActor gives aliases, relations both ways, event counts and when it was seen', () => {
    const kh = store.getActor('kataib-hezbollah')!;
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
    assert.equal(store.getActor('nobody'), null);
  });

  test('listEvents names the actors, gives the sentence and the article, and filters', () => {
    const all = store.listEvents();
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

    const ids = (query: Parameters<Store['listEvents']>[0]) => store.listEvents(query).items.map((e) => e.id);
    assert.deepEqual(ids({ actor: 'usa' }), ['e4', 'e2', 'e1']);
    assert.deepEqual(ids({ source: 'usa' }), ['e4', 'e1']);
    assert.deepEqual(ids({ source: 'usa', target: 'kataib-hezbollah' }), ['e1']);
    assert.deepEqual(ids({ type: 'CONSULT' }), ['e3']);
    assert.deepEqual(ids({ q: 'threatened' }), ['e2']);
    // '2021-06' (a month) overlaps a window from the 15th; an undated event is in no bounded window
    assert.deepEqual(ids({ from: '2021-06-15' }), ['e4', 'e3']);
    assert.deepEqual(ids({ from: '2020-01-03', to: '2020' }), ['e2']);
    assert.deepEqual(ids({ limit: 2, offset: 1 }), ['e3', 'e2']);
  });

  test('listRelations filters by actor, type and the time a relation holds', () => {
    const ids = (query: Parameters<Store['listRelations']>[0]) => store.listRelations(query).items.map((r) => r.id);
    assert.deepEqual(ids({}), ['r2', 'r3', 'r1']);
    assert.deepEqual(ids({ actor: 'kataib-hezbollah', type: 'funds' }), ['r1']);
    // r3 holds from 2021-05 on, with no end
    assert.deepEqual(ids({ from: '2024' }), ['r3']);
    assert.deepEqual(ids({ to: '2020-12' }), ['r1']);
    const [r1] = store.listRelations({ type: 'funds' }).items;
    assert.equal(r1.source.name, 'Iran');
    assert.equal(r1.evidence.sentence, 'Iran funds Kataib Hezbollah.');
  });

  test('search finds articles and evidence sentences with marked matches', () => {
    const hits = store.search('Najaf');
    assert.deepEqual(hits.articles.map((a) => a.id), ['a2']);
    assert.match(hits.articles[0].snippet, /\u0002Najaf\u0003/);
    assert.equal(hits.evidence[0].sentence, 'Muqtada al-Sadr met the Iraqi government in Najaf.');
    assert.equal(hits.evidence[0].article.title, 'Sadr meets the government');
    assert.deepEqual(store.search('"(*'), { articles: [], evidence: [] });
    assert.doesNotThrow(() => store.search('al-Sadr AND (NOT "'));
  });
});

describe('re-reading', () => {
  test('an article linked to itself (duplicate detection primed from the store) keeps its stored link', () => {
    saveCorpus();
    const a3 = corpus()[2];
    assert.deepEqual(store.saveArticle(processed(Doc.from({ ...a3, duplicateOf: 'a3', spun: false }))), { status: 'unchanged', duplicateOf: 'a1', spun: true });
    const a1 = corpus()[0];
    assert.deepEqual(store.saveArticle(processed(Doc.from({ ...a1, duplicateOf: 'a1', spun: true }))), { status: 'unchanged', duplicateOf: null, spun: false });
    assert.equal(store.getArticle('a1')!.duplicateOf, null);
    assert.equal(store.getArticle('a3')!.duplicateOf, 'a1');
  });
});

describe('graph', () => {
  beforeEach(saveCorpus);

  test('draws what is asserted, once per story, within the window', () => {
    const all = store.graph();
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
    assert.equal(store.listEvents().items.find((e) => e.id === 'e1')!.evidence.id, assault.evidenceIds[0]);

    // 2021 on: a2's events and r3 (open-ended); the undated a4 is in no bounded window
    const later = store.graph({ from: '2021' });
    assert.deepEqual(later.edges.map((e) => e.id).sort(), [
      'event:CONSULT:muqtada-al-sadr>iraq-government', 'relation:allied_with:muqtada-al-sadr>iraq-government',
    ]);
    assert.equal(later.nodes.find((n) => n.id === 'iran')!.weight, 2);
  });
});
