import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeWords } from '../../src/nlp/ud-tokenize.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import { findDates } from '../../src/nlp/dates.js';
import { verbForms } from '../../src/nlp/inflect.js';

test('tokens keep offsets and split possessives and hyphens', () => {
  const text = "Iran's Quds Force backs Kata'ib al-Hizballah.";
  const tokens = tokenizeWords(text);
  assert.deepEqual(tokens.map((t) => t.form), ['Iran', "'s", 'Quds', 'Force', 'backs', "Kata'ib", 'al', '-', 'Hizballah', '.']);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.form);
});

test('sentences split on stops but not on abbreviations and initials; a line always ends one', () => {
  const text = 'Gen. Qaani met U.S. officials on Monday. They said nothing.\nA second paragraph without a stop';
  const spans = sharedAnalyzer().sentences(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['Gen. Qaani met U.S. officials on Monday.', 'They said nothing.', 'A second paragraph without a stop']);
});

test('a headline pasted before its story without a stop is a sentence of its own', () => {
  const text = 'US, UK criticize readmission but Russia hails it The US and UK are unhappy with the vote.';
  const spans = sharedAnalyzer().sentences(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['US, UK criticize readmission but Russia hails it', 'The US and UK are unhappy with the vote.']);
});

test('relative dates resolve against the report date, at the precision the text gives', () => {
  const dates = (s: string, future = false) => findDates(s, 0, '2021-03-14', future).map((d) => d.date);
  assert.deepEqual(dates('Rockets hit the base on Tuesday.'), ['2021-03-09'], 'the Tuesday before a Sunday report');
  assert.deepEqual(dates('He will visit on Tuesday.', true), ['2021-03-16']);
  assert.deepEqual(dates('Last month, the militia fired rockets.'), ['2021-02']);
  assert.deepEqual(dates('On 3 January 2020 a drone struck.'), ['2020-01-03']);
  assert.deepEqual(dates('The protests that began in 2019 went on.'), ['2019']);
  assert.deepEqual(dates('In May, the talks stalled.'), ['2020-05'], 'a past May, not a future one');
  assert.deepEqual(dates('at 10:42 GMT'), [], 'a clock time dates nothing');
  assert.deepEqual(dates('They stormed it for the second time in a week on Saturday.'), ['2021-03-13'], 'a span is no date');
  assert.deepEqual(dates('The vote came two days after the strike.'), [], 'counted from another happening, not from the report');
  assert.deepEqual(findDates('since a strike killed him in January', 0, '2024-09-28').map((d) => d.date), ['2024-01']);
  assert.deepEqual(findDates('talks will resume in January', 0, '2024-09-28', true).map((d) => d.date), ['2025-01']);
  assert.deepEqual(findDates('on Tuesday', 0, null).map((d) => d.date), [], 'no report date, no relative dates');
});

test('verbs inflect, regular and irregular', () => {
  assert.deepEqual(verbForms('strike').sort(), ['strike', 'strikes', 'striking', 'struck', 'stricken'].sort());
  assert.ok(verbForms('target').includes('targeted'));
  assert.ok(verbForms('ban').includes('banned'));
  assert.ok(verbForms('visit').includes('visited'));
  assert.ok(verbForms('agree').includes('agreed'));
});
