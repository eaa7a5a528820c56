// A dateline becomes the article's place, never a mention of an actor: "TEHRAN –" is where the story
// was filed, not Iran acting (Tehran is an alias of Iran in the knowledge base).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testKb } from '../helpers/kb.js';
import { extractDoc } from '../helpers/article.js';

const kb = testKb();

test('"TEHRAN –" is the place, with its span, and no mention of Iran; Tehran later in the text still is', () => {
  const doc = extractDoc('TEHRAN – The foreign ministry said on Sunday that Tehran would send a delegation to Baghdad.', kb);
  assert.deepEqual({ name: doc.place?.name, start: doc.place?.start, end: doc.place?.end }, { name: 'Tehran', start: 0, end: 6 });
  assert.ok(doc.has('place'));
  assert.ok(!doc.mentions.some((m) => m.start < 8), JSON.stringify(doc.mentions));
  assert.ok(doc.mentions.some((m) => m.actorId === 'iran' && doc.text.slice(m.start, m.end) === 'Tehran' && m.start > 8));
});

test('a wire dateline names the knowledge base\'s place and its country; the credit in it is no mention', () => {
  const doc = extractDoc('BAGHDAD (Reuters) - Kataib Hezbollah attacked a base on Monday.', kb);
  assert.equal(doc.place?.name, 'Baghdad');
  assert.equal(doc.place?.country, 'IRQ');
  assert.equal(doc.place?.producer.component, 'place');
  assert.deepEqual(doc.mentions.map((m) => m.actorId), ['kataib-hezbollah']);
  assert.ok(doc.mentions.every((m) => m.start >= doc.place!.dateline.end));
});

test('"ERBIL, Iraq, March 3 (AP) —" is Erbil', () => {
  const doc = extractDoc('ERBIL, Iraq, March 3 (AP) — Kurdish officials met Iraqi ministers.', kb);
  assert.equal(doc.place?.name, 'Erbil');
  assert.equal(doc.text.slice(doc.place!.start, doc.place!.end), 'ERBIL');
  assert.ok(!doc.mentions.some((m) => m.actorId === 'iraq' && m.start < doc.place!.dateline.end));
});

test('no dateline, no place', () => {
  const doc = extractDoc('Kataib Hezbollah attacked a base near Baghdad on Monday.', kb);
  assert.equal(doc.place, null);
  assert.ok(doc.has('place'));
});

test('the dateline is the article\'s place, not its events\': an event whose clause names none has none', () => {
  // On hand-placed real events the dateline was the event's place 5 times in 165 (bench/gold/event-sites.ts).
  const doc = extractDoc('BAGHDAD — Kataib Hezbollah attacked US forces on Monday.', kb);
  assert.equal(doc.place?.name, 'Baghdad');
  assert.ok(doc.events.length > 0);
  assert.equal(doc.events[0].location, null);
});
