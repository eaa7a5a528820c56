import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/clean/text.js';
import { readFixture } from './helpers.js';

test('a text dump: app banners, nav, share prompts, a caption repeated three times, teasers and footer are dropped', () => {
  const dump = readFixture('dump-with-banners.txt');
  const { paragraphs, title, publishedAt, outlet } = cleanText(dump);
  assert.equal(title, 'Protesters storm parliament in Baghdad for second time in a week');
  assert.equal(outlet, 'Example Herald', 'named by the copyright footer');
  // Published wins over Updated, and the teaser dates (2019, January 2022) are never read.
  assert.equal(publishedAt, '2022-07-30');
  assert.equal(paragraphs.length, 4);
  assert.ok(paragraphs[0].startsWith('BAGHDAD — Thousands of supporters'));
  assert.ok(paragraphs[3].endsWith('he wrote on Twitter.'));
  const text = paragraphs.join('\n\n');
  for (const clutter of ['Download our app', 'Open in app', 'breaking news alerts', 'Home', 'Share', 'Tweet', 'Photo:', 'Read more', 'Who is Muqtada', 'newsletter', 'Follow us', '©', 'By Herald staff', 'Published']) {
    assert.ok(!text.includes(clutter), `dropped: ${clutter}`);
  }
  // The body is kept exactly as written.
  for (const p of paragraphs) assert.ok(dump.includes(p));
});

test('a repeated paragraph that is clearly prose keeps its first occurrence', () => {
  const prose = 'The Coordination Framework, an alliance of Iran-aligned parties, said it would press ahead with its candidate for prime minister despite the protests, and called on all sides to respect the institutions of the state and the constitution.';
  const { paragraphs } = cleanText(['BAGHDAD — Protesters stormed parliament on Saturday, officials said, for the second time in a week.', prose, 'Security forces fired tear gas at crowds gathered at the gates of the Green Zone.', prose].join('\n\n'));
  assert.equal(paragraphs.filter((p) => p === prose).length, 1);
  assert.equal(paragraphs.length, 3);
});

test('dates: "Updated" only when nothing says published; numeric day-first dates', () => {
  assert.equal(cleanText('Headline of the story here\nUpdated: 15/03/2021 10:42 GMT\n\nBAGHDAD — Rockets hit the Green Zone on Sunday, officials said.').publishedAt, '2021-03-15');
  assert.equal(cleanText('Headline of the story here\nMarch 14, 2021 10:42 GMT\n\nBAGHDAD — Rockets hit the Green Zone on Sunday, officials said.').publishedAt, '2021-03-14');
  assert.equal(cleanText('BAGHDAD — Rockets hit the Green Zone on Sunday, officials said, in an attack like one on March 3, 2020.').publishedAt, null);
});

test('hard-wrapped wire copy is joined back into paragraphs', () => {
  const wire = [
    'BAGHDAD, March 3 (Wire) - Iraqi security forces arrested a commander of an',
    'armed group on Wednesday over a series of rocket attacks on bases that host',
    'foreign troops, two security officials said on condition of anonymity.',
  ].join('\n');
  const { paragraphs } = cleanText(wire);
  assert.equal(paragraphs.length, 1);
  assert.ok(paragraphs[0].includes('of an armed group'));
});

test('reader comments close the article', () => {
  const body = Array.from({ length: 4 }, (_, i) => `Paragraph ${i + 1} of the article says what officials said about the rocket attack on the base on Tuesday.`);
  const { paragraphs } = cleanText([...body, '12 responses to "Rockets hit base"', 'jane_doe says:', 'This is a long comment that a reader wrote about the rocket attack and who might be behind it all.'].join('\n\n'));
  assert.deepEqual(paragraphs, body);
});
