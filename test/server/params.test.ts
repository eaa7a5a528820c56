import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateWindow, HttpError, integer, isoDate } from '../../src/server/params.js';
import { Router } from '../../src/server/router.js';

const q = (search: string) => new URLSearchParams(search);

test('isoDate accepts year, month and day precision that exist on the calendar', () => {
  for (const date of ['2020', '2020-02', '2024-02-29', '1999-12-31']) assert.equal(isoDate(q(`d=${date}`), 'd'), date);
  for (const date of ['20', '2020-13', '2020-00', '2023-02-29', '2020-04-31', '2020-1-5', '2020/01/05', 'yesterday']) {
    assert.throws(() => isoDate(q(`d=${date}`), 'd'), (e: HttpError) => e.status === 400 && e.parameter === 'd', date);
  }
  assert.equal(isoDate(q(''), 'd'), undefined);
});

test('dateWindow lets to cover a whole year or month but not run backwards', () => {
  assert.deepEqual(dateWindow(q('from=2020-05&to=2020')), { from: '2020-05', to: '2020' });
  assert.throws(() => dateWindow(q('from=2020-05&to=2020-04-30')), /'to'/);
});

test('integer keeps to its bounds', () => {
  assert.equal(integer(q('n=7'), 'n', 0, 10), 7);
  assert.throws(() => integer(q('n=11'), 'n', 0, 10), /'n'/);
  assert.throws(() => integer(q('n=1.5'), 'n', 0, 10), /'n'/);
});

test('the router matches patterns, decodes segments and tells a wrong method from a missing route', () => {
  const router = new Router<string>().get('/api/actors', 'list').get('/api/actors/:id', 'one');
  assert.deepEqual(router.match('GET', '/api/actors/al%20sadr'), { kind: 'found', handler: 'one', params: { id: 'al sadr' } });
  assert.deepEqual(router.match('HEAD', '/api/actors/'), { kind: 'found', handler: 'list', params: {} });
  assert.deepEqual(router.match('DELETE', '/api/actors/x'), { kind: 'method-not-allowed', allowed: ['GET'] });
  assert.deepEqual(router.match('GET', '/api/actors/x/y'), { kind: 'not-found' });
});
