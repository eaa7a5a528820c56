// Where an event happened: its clause's place, a country named as a place, where a visit goes, where a
// first telling put it; never the dateline alone (src/extract/event-place.ts).
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

test('the dateline says where the story was filed, not where its events happened', () => {
  assert.equal(placeOf('BAGHDAD – Kadhimi condemned the United States on Sunday.', 'ACCUSE'), null);
  assert.equal(placeOf('BAGHDAD – Iran condemned the United States on Sunday.', 'ACCUSE'), null);
});

test('a visit happens where it goes', () => {
  assert.equal(placeOf('Kadhimi visited Iran on Sunday. He met officials there.', 'CONSULT'), 'Iran');
});

test('a happening told again keeps the place its first telling gave', () => {
  const told = extractDoc('The United States struck Kataib Hezbollah in Erbil on March 7. Iraq condemned the strike. The United States has struck Kataib Hezbollah repeatedly, officials said.', kb);
  const strikes = told.events.filter((e) => e.type === 'ASSAULT');
  assert.equal(strikes.length, 2, 'a dated telling and an undated one');
  for (const e of strikes) assert.equal(e.location?.name, 'Erbil');
  const apart = extractDoc('The United States struck Kataib Hezbollah in Erbil on March 7. The United States struck Kataib Hezbollah on March 10.', kb);
  assert.deepEqual(apart.events.filter((e) => e.type === 'ASSAULT').map((e) => e.location?.name ?? null), ['Erbil', null]);
});
