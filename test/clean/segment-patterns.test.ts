// The patterns of real multi-story text dumps, on small hand-made dumps (the learned segmenter and line
// model are the committed ones; nothing here reads ../shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derivedTitle } from '../../src/clean/story-title.js';
import { cleanDocs, readFixture } from './helpers.js';

const textPage = (content: string) => ({ uri: 'dump.txt', part: 0, format: 'text' as const, content });

test('headline, caption twice, outlet line, headline again, caption twice again, body: one story each, titled, without its captions', () => {
  const stories = cleanDocs(textPage(readFixture('doubled-captions.txt')));
  assert.deepEqual(stories.map((s) => s.title), ['Rockets strike base hosting US troops in western Iraq', 'Kurdish oil exports remain halted']);
  assert.ok(stories[0].text.startsWith('ANBAR, March 3 (Wire)'));
  assert.ok(stories[1].text.startsWith('ERBIL, June 14 (Wire)'));
  for (const s of stories) assert.ok(!s.text.includes('(Photo: Wire)'), 'captions are not body');
});

test('"Read more:" teaser headlines never become articles or titles', () => {
  const stories = cleanDocs(textPage(readFixture('doubled-captions.txt')));
  const teasers = ["Who are Iraq's Iran-aligned militias?", 'Pope Francis to meet Grand Ayatollah Sistani in Najaf'];
  for (const s of stories) {
    assert.ok(!teasers.includes(s.title ?? ''), `titled with a teaser: ${s.title}`);
    for (const t of teasers) assert.ok(!s.text.includes(t), `teaser kept in the body: ${t}`);
  }
});

test('a story with no headline line gets its first sentence as title, marked as derived', () => {
  const body = [
    'BAGHDAD, March 3 (Wire) — Iraqi security forces arrested a commander of an armed group on Wednesday over a series of rocket attacks on bases. Two officials confirmed the arrest.',
    'The commander was detained in a raid in the south of the capital, the officials said on condition of anonymity, and was being questioned by the counter-terrorism service.',
    'Armed groups aligned with Iran have been blamed for dozens of attacks on bases hosting foreign troops since the start of the year.',
  ].join('\n\n');
  const [story] = cleanDocs(textPage(body));
  assert.equal(story.title, 'Iraqi security forces arrested a commander of an armed group on Wednesday over a…');
  assert.ok(story.messages.some((m) => m.id === 'clean.title-derived'));
});

test('derived titles: the dateline goes, a sentence ends at its full stop and not at an abbreviation, long ones are cut', () => {
  assert.equal(derivedTitle(['ERBIL — Gen. Smith visited the U.S. base on Sunday. He met commanders there.']), 'Gen. Smith visited the U.S. base on Sunday');
  assert.equal(derivedTitle(['Oil exports resumed on Monday.']), 'Oil exports resumed on Monday');
  assert.equal(derivedTitle(['Hi.']), null);
  const long = derivedTitle(['One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.']);
  assert.equal(long, 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen…');
});

test('rules segment.wire-opening and segment.headline-above-meta: a headline after a finished body, above a date line or a dateline', async () => {
  const { splitUnits } = await import('../../src/clean/paragraphs.js');
  const { labelDump } = await import('../../src/clean/segment.js');
  const { dumpFacts, headlineAboveMeta, wireOpening } = await import('../../src/clean/segment-features.js');
  const units = splitUnits([
    'BAGHDAD — Parliament approved the budget on Monday after months of wrangling, officials said.',
    'Kurdish oil exports remain halted',
    'June 14, 2023',
    'ERBIL, June 14 (Wire) — Oil exports through Turkey remained halted for a 12th week on Wednesday, officials said.',
    'A subhead inside the story',
    'The regional government said salaries could be delayed again this summer unless the flow resumed.',
  ].join('\n\n'));
  const facts = dumpFacts(units, labelDump(units));
  assert.deepEqual(units.map((_, i) => wireOpening(facts, i)), [false, true, false, false, false, false]);
  assert.equal(headlineAboveMeta(facts, 1), true);
  assert.equal(headlineAboveMeta(facts, 4), false, 'a subhead above plain prose is not');
});
