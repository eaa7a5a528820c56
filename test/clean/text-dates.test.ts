// The headline and publication date of whole-page text dumps, from their header lines: the date
// line under the headline, published before updated, never a caption, a teaser, "last month" or a
// copyright line. Small dumps written here; nothing reads ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/clean/text.js';
import { dateNearTitle, headerDateLine } from '../../src/clean/text-dates.js';

const BODY = [
  'BAGHDAD — Rockets struck near the airport on Tuesday night, security officials said, in the third such attack on the base this month.',
  'No group claimed responsibility for the attack, which caused no casualties, the officials said, speaking on condition of anonymity because they were not allowed to brief reporters.',
  'The base hosts troops of the international coalition, and earlier attacks were blamed on armed factions opposed to their presence in the country.',
  'The prime minister ordered an investigation and said those responsible would be brought to justice, according to a statement from his office.',
];

function dump(header: string[], footer: string[] = []): string {
  return ['Home', 'World', 'Middle East', 'Sport', ...header, ...BODY, ...footer].join('\n\n');
}

test('a dump: the headline and the date line under it ("By Jane Doe | Feb. 6, 2024")', () => {
  const { title, publishedAt } = cleanText(dump(['Rockets hit base near Baghdad airport', 'By Jane Doe | Feb. 6, 2024']));
  assert.equal(title, 'Rockets hit base near Baghdad airport');
  assert.equal(publishedAt, '2024-02-06');
});

test('a dump: published wins over updated, and an update date stands when nothing else does', () => {
  assert.equal(cleanText(dump(['Rockets hit base near Baghdad airport', 'Updated: March 5, 2021', 'Published: March 3, 2021'])).publishedAt, '2021-03-03');
  assert.equal(cleanText(dump(['Rockets hit base near Baghdad airport', 'By Jane Doe Updated Nov 13, 2019, 10:28am EST'])).publishedAt, '2019-11-13');
});

test('a dump: an old photo\'s FILED caption under the headline is never the date', () => {
  const { publishedAt } = cleanText(dump(['Rockets hit base near Baghdad airport', 'FILED - 06 February 2009, Baghdad: the airport road at night.']));
  assert.equal(publishedAt, null);
  assert.equal(headerDateLine('FILED - 06 February 2009'), null);
});

test('a dump: a teaser of another story, "last month" and the copyright line give no date', () => {
  const teaser = cleanText(dump(['Rockets hit base near Baghdad airport', 'Related: Drone downed near Erbil, March 3, 2020'], ['© 2019 Example Herald']));
  assert.equal(teaser.publishedAt, null);
  assert.equal(cleanText(dump(['Rockets hit base near Baghdad airport', 'Published last month'])).publishedAt, null);
  assert.equal(headerDateLine('© 2019 Example Herald'), null);
});

test('a date line is a date with a byline, place, time or reading time around it, not a sentence naming a date', () => {
  assert.equal(headerDateLine('Associated Press November 19, 2019, 9:02 AM')?.date, '2019-11-19');
  assert.equal(headerDateLine('Nov 18, 2019 at 9:24 pm ET • 2 min read')?.date, '2019-11-18');
  assert.equal(headerDateLine('Carlos Nadalim 27/09/2018 2 comentários')?.date, '2018-09-27');
  assert.equal(headerDateLine('Текст: Венера Ерофеева·24 сентября 2018')?.date, '2018-09-24');
  assert.equal(headerDateLine('The talks, held on June 5, 2019, in Vienna, ended without a deal after the ministers walked out.'), null);
});

test('the date line may stand just above the headline, never far below it', () => {
  const units = ['Menu', 'October 9, 2018 at 4:02 pm', 'Senate adjourns over deaths of two members', ...BODY];
  assert.equal(dateNearTitle(units, 2), '2018-10-09');
  const far = ['Senate adjourns over deaths of two members', ...Array.from({ length: 12 }, (_, i) => `Line ${i}`), 'October 9, 2018'];
  assert.equal(dateNearTitle(far, 0), null);
});

test('a byline, a date or time line and the page\'s interface are never a dump\'s headline', async () => {
  const { notAHeadline } = await import('../../src/clean/dump-title.js');
  assert.equal(notAHeadline('Published 1 day ago'), 'title.relative-time');
  assert.equal(notAHeadline('Today 12:01 AM'), 'title.relative-time');
  assert.equal(notAHeadline('Greg Beacham, AP Sports Writer'), 'title.byline-role');
  assert.equal(notAHeadline('Analysis by Chris Cillizza, CNN Editor-at-large'), 'title.byline-role');
  assert.equal(notAHeadline('Open Navigation Menu'), 'title.interface');
  assert.equal(notAHeadline('By Jane Doe | March 3, 2021'), 'title.byline');
  assert.equal(notAHeadline('Rockets hit base near Baghdad airport'), null);
  assert.equal(notAHeadline('Writer who exposed the scandal wins award'), null);
  const { title } = cleanText(dump(['Published 2 hours ago', 'Rockets hit base near Baghdad airport', 'By Jane Doe']));
  assert.equal(title, 'Rockets hit base near Baghdad airport');
});

test('without a headline, a date line just above the body still dates the dump', async () => {
  const { dateAboveBody } = await import('../../src/clean/text-dates.js');
  const units = ['Menu', 'Sign in', 'Jane Doe 27/09/2018 2 comments', ...BODY];
  assert.equal(dateAboveBody(units, 3), '2018-09-27');
  assert.equal(dateAboveBody(['Menu', 'Copyright 2018 Example Herald', ...BODY], 2), null);
});
