import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDate, parseDate, parseMonthDay } from '../../src/clean/dates.js';

test('publication dates to ISO at the precision given', () => {
  const cases: [string, string | null][] = [
    ['2021-03-14T10:42:00+03:00', '2021-03-14'],
    ['2021-03-13T23:30:00Z', '2021-03-13'],
    ['Published 14 March 2021', '2021-03-14'],
    ['March 14, 2021 10:42 GMT', '2021-03-14'],
    ['Sunday, 14th Mar. 2021', '2021-03-14'],
    ['Tue, 03 Mar 2020 10:00:00 +0000', '2020-03-03'],
    ['14/03/2021', '2021-03-14'],
    ['03/14/2021', '2021-03-14'],
    ['14.03.2021', '2021-03-14'],
    ['Updated: March 2021', '2021-03'],
    ['2019', '2019'],
    ['20210314', '2021-03-14'],
    ['31 February 2021', null],
    ['today', null],
    ['Friday', null],
    ['no date here', null],
  ];
  for (const [text, expected] of cases) assert.equal(parseDate(text), expected, text);
});

test('findDate says where the date stands', () => {
  const found = findDate('BAGHDAD, March 3, 2021 (Wire) — Rockets');
  assert.deepEqual(found, { date: '2021-03-03', start: 9, end: 22 });
});

test('a dateline without a year takes the year given', () => {
  assert.equal(parseMonthDay('June 15 (Wire)', 2023), '2023-06-15');
  assert.equal(parseMonthDay('15 June', 2023), '2023-06-15');
  assert.equal(parseMonthDay('Baghdad', 2023), null);
});
