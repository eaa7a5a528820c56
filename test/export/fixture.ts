// A small store for the analysis and export tests: the store suite's corpus (test/store/builder.ts)
// plus a few articles of our own, so that two windows differ (2020 and 2021), a copy repeats its
// original's claim, and an actor's name holds what XML and spreadsheets must not take as markup.
import type { Actor } from '../../src/model/types.js';
import type { Doc } from '../../src/core/doc.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ACTORS, actor, article, corpus, event, mentions, processed, relation } from '../store/builder.js';

/** Untrusted text as an actor's name: a formula, markup, quotes, a control character. */
export const HOSTILE_NAME = `=HYPERLINK("x")<b>Brigade & 'Co'</b>\u0001`;
export const HOSTILE = actor('hostile-brigade', HOSTILE_NAME, 'armed_group');

const T5 = 'Iran backs Kataib Hezbollah. Kataib Hezbollah withdrew from the base at the request of Iran.';
const T7 = 'The brigade backs Kataib Hezbollah, the US said.';
const T8 = 'Muqtada al-Sadr leads the Iraqi government bloc.';

function withActors(doc: Doc, extra: Actor[] = []): Doc {
  processed(doc);
  doc.actors.push(...extra);
  return doc;
}

export function fixtureArticles(): Doc[] {
  const a5 = article('a5', T5, {
    publishedAt: '2021-03-01',
    title: 'Iran and its ally',
    mentions: [...mentions(T5, 'Iran', 'iran'), ...mentions(T5, 'Kataib Hezbollah', 'kataib-hezbollah')],
    relations: [relation('r5', 'backs', 'iran', 'kataib-hezbollah', T5, 'Iran backs')],
    events: [event('e6', 'RETREAT', ['kataib-hezbollah'], ['iran'], T5, 'withdrew', { mode: 'withdraw', intensity: 6 })],
  });
  // a syndicated copy, saying the same: it must count once
  const a6 = article('a6', T5, {
    publishedAt: '2021-03-02', title: 'Iran and its ally (copy)', duplicateOf: 'a5',
    relations: [relation('r6', 'backs', 'iran', 'kataib-hezbollah', T5, 'Iran backs')],
  });
  const a7 = article('a7', T7, {
    publishedAt: '2021-04-01', title: 'A brigade',
    relations: [relation('r7', 'backs', 'hostile-brigade', 'kataib-hezbollah', T7, 'brigade backs', {
      evidence: { start: 0, end: T7.length, sentence: T7, attributedTo: 'usa' },
    })],
  });
  const a8 = article('a8', T8, {
    publishedAt: '2020-05-01', title: 'Sadr leads',
    relations: [relation('r8', 'leads', 'muqtada-al-sadr', 'iraq-government', T8, 'leads')],
  });
  return [...corpus().map((doc) => withActors(doc)), withActors(a5), withActors(a6), withActors(a7, [HOSTILE]), withActors(a8)];
}

/** The fixture saved into a store at `location` (a SQLite file or a reset PostgreSQL database). */
export async function fixtureStore(location: string): Promise<Store> {
  const store = await openStore(location);
  await store.saveActors([...Object.values(ACTORS), HOSTILE]);
  for (const doc of fixtureArticles()) await store.saveArticle(doc);
  return store;
}
