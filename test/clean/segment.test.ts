import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentUnits } from '../../src/clean/segment.js';
import { splitUnits } from '../../src/clean/paragraphs.js';
import { cleanDocs, readFixture } from './helpers.js';

const textPage = (content: string) => ({ uri: 'page.txt', part: 0, format: 'text' as const, content });

test('a page of three stories becomes three, each with its own title and date', () => {
  const stories = cleanDocs(textPage(readFixture('three-stories.txt')));
  assert.equal(stories.length, 3);
  assert.deepEqual(stories.map((s) => s.title), ['Parliament passes three-year budget', 'Kurdish oil exports remain halted', 'Azerbaijan halts Lachin corridor traffic']);
  // The third story has no date line: its dateline "BAKU, June 15" takes the year from the story before.
  assert.deepEqual(stories.map((s) => s.publishedAt), ['2023-06-13', '2023-06-14', '2023-06-15']);
  assert.ok(stories[0].text.startsWith('BAGHDAD, June 12 (Wire)'));
  assert.ok(stories[1].text.startsWith('ERBIL, June 14 (Wire)'));
  assert.ok(!stories[0].text.includes('Kurdish oil'));
  assert.ok(stories[2].text.endsWith('until further notice.'));
});

test('one long article with subheads and an inner dateline stays one story', () => {
  const stories = cleanDocs(textPage(readFixture('long-article.txt')));
  assert.equal(stories.length, 1);
  assert.equal(stories[0].title, "Iraq's militias and the long shadow of Soleimani");
  assert.equal(stories[0].publishedAt, '2021-01-03');
  assert.ok(stories[0].text.includes('A fragile truce'));
  assert.ok(stories[0].text.endsWith('as they did in 2018.'));
});

test('an HTML page holding several stories is split too', () => {
  const story = (title: string, place: string, date: string) =>
    `<h2>${title}</h2><p class="date">${date}</p><p>${place} — ${'Officials said the attack on the base was the latest in a series of strikes on facilities used by foreign forces in the country. '.repeat(3)}</p><p>${'The government condemned the attack and ordered an investigation into who had launched it. '.repeat(2)}</p>`;
  const html = `<html><body><main><article>${story('Rockets hit base in Anbar', 'ANBAR', 'March 3, 2021')}${story('Drone strikes convoy near Qaim', 'QAIM', 'June 28, 2021')}</article></main></body></html>`;
  const stories = cleanDocs({ uri: 'digest.html', part: 0, format: 'html', content: html });
  assert.deepEqual(stories.map((s) => [s.title, s.publishedAt]), [['Rockets hit base in Anbar', '2021-03-03'], ['Drone strikes convoy near Qaim', '2021-06-28']]);
});

test('segmentation is conservative: a thin "story" joins its neighbour', () => {
  const units = splitUnits('Rockets hit base in Anbar\nMarch 3, 2021\n\nANBAR — Three rockets struck the base, officials said.\n\nShort follow-up line here\nBy Staff\n\nMore text that is short.');
  assert.equal(segmentUnits(units).length, 1);
});
