// Where an event happened: its clause's place, a country named as a place, else the dateline only
// when the event is local to it (src/extract/event-place.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testKb } from '../helpers/kb.js';
import { extractDoc } from '../helpers/article.js';

const kb = testKb();
const placeOf = (text: string, type: string) => {
  const doc = extractDoc(text, kb);
  const event = doc.events.find((e) => e.type === type);
  assert.ok(event, `a ${type} event in: ${text} (found ${doc.events.map((e) => e.type).join(', ')})`);
  return event.location?.name ?? null;
};

test("the place the event's own clause names", () => {
  assert.equal(placeOf('Kataib Hezbollah attacked US forces in Erbil on Tuesday.', 'ASSAULT'), 'Erbil');
});

test('a place in another clause of the sentence is not the event\'s', () => {
  assert.equal(placeOf('Khazali, who had returned from Erbil, met Kadhimi in Baghdad.', 'CONSULT'), 'Baghdad');
});

test('a country named as a place', () => {
  assert.equal(placeOf('The United States struck Kataib Hezbollah in Iraq.', 'ASSAULT'), 'Iraq');
});

test('the dateline only for an event local to it', () => {
  assert.equal(placeOf('BAGHDAD – Kadhimi condemned the United States on Sunday.', 'ACCUSE'), 'Baghdad');
  assert.equal(placeOf('BAGHDAD – Iran condemned the United States on Sunday.', 'ACCUSE'), null);
});
