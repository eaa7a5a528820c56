import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadInfluenceModel } from '../../src/analyze/influence-model.js';
import { scoreInfluence, type InfluenceClaim } from '../../src/analyze/influence.js';
import { movesOf, whoMoved } from '../../src/analyze/moved.js';

const model = loadInfluenceModel();
let next = 0;
function claims(n: number, kind: InfluenceClaim['kind'], type: string, source: string, target: string, date: string): InfluenceClaim[] {
  return Array.from({ length: n }, () => {
    next += 1;
    return {
      kind, id: `c${next}`, type, mode: null, sources: [{ id: source, name: source, kind: 'state' }],
      targets: [{ id: target, name: target, kind: 'armed_group' }], modality: 'asserted', articleId: `a${next}`,
      evidenceId: `ev${next}`, date,
    };
  });
}

// window 1 (2019) and window 2 (2020), hand-made:
//   iran > kh: backs in 1 article, then backs in 4 and aid in 2      -> rose
//   usa > kh: controls in 3 articles, then none                     -> left
//   turkey > kh: nothing, then commands in 2 articles               -> entered
//   iran > badr: backs in 4 articles, then 1                        -> fell
//   qatar > kh: a demand each time                                  -> below the threshold: no move
//   saudi > badr: backs in 2 articles each time                     -> unchanged: no move
const window1 = scoreInfluence([
  ...claims(1, 'relation', 'backs', 'iran', 'kh', '2019-05'),
  ...claims(3, 'relation', 'controls', 'usa', 'kh', '2019-06'),
  ...claims(4, 'relation', 'backs', 'iran', 'badr', '2019-07'),
  ...claims(1, 'event', 'REQUEST', 'qatar', 'kh', '2019-08'),
  ...claims(2, 'relation', 'backs', 'saudi', 'badr', '2019-09'),
], model);
const window2 = scoreInfluence([
  ...claims(4, 'relation', 'backs', 'iran', 'kh', '2020-05'),
  ...claims(2, 'event', 'AID', 'iran', 'kh', '2020-05'),
  ...claims(2, 'relation', 'controls', 'turkey', 'kh', '2020-06'),
  ...claims(1, 'relation', 'backs', 'iran', 'badr', '2020-07'),
  ...claims(1, 'event', 'REQUEST', 'qatar', 'kh', '2020-08'),
  ...claims(2, 'relation', 'backs', 'saudi', 'badr', '2020-09'),
], model);

test('entered, left, rose and fell, per actor influenced, the biggest move first', () => {
  const moved = whoMoved(window1, window2, { threshold: 0.3, minChange: 0.1 });
  const summary = Object.fromEntries(moved.map((a) => [a.actor.id, a.moves.map((m) => `${m.source.id}:${m.change}`)]));
  assert.deepEqual(summary, { kh: ['usa:left', 'turkey:entered', 'iran:rose'], badr: ['iran:fell'] });
  for (const entry of moved) {
    for (const move of entry.moves) {
      assert.equal(move.delta, Math.round((move.score2 - move.score1) * 10000) / 10000);
      assert.ok(Math.abs(move.delta) >= 0.1);
    }
  }
});

test('a move names the terms that changed with each window\'s evidence: the why', () => {
  const kh = whoMoved(window1, window2).find((a) => a.actor.id === 'kh')!;
  const rose = kh.moves.find((m) => m.source.id === 'iran')!;
  // the biggest change of contribution first: aid 0 -> 0.3 before patronage 0.4 -> 0.64
  assert.deepEqual(rose.terms.map((t) => [t.term, t.count1, t.count2]), [['aid', 0, 2], ['patronage', 1, 4]]);
  assert.deepEqual(rose.terms.map((t) => [t.evidenceIds.window1.length, t.evidenceIds.window2.length]), [[0, 2], [1, 4]]);
  const left = kh.moves.find((m) => m.source.id === 'usa')!;
  assert.equal(left.score2, 0);
  assert.deepEqual(left.terms.map((t) => [t.term, t.count1, t.count2, t.contribution2]), [['commands', 3, 0, 0]]);
  assert.equal(left.terms[0].evidenceIds.window1.length, 3);
});

test('the threshold and the least change decide what counts as a move', () => {
  const strict = whoMoved(window1, window2, { threshold: 0.3, minChange: 0.9 });
  assert.deepEqual(strict.flatMap((a) => a.moves.map((m) => m.change)).sort(), ['entered', 'left']);
  const low = whoMoved(window1, window2, { threshold: 0.01, minChange: 0.1 });
  assert.ok(!low.flatMap((a) => a.moves).some((m) => m.source.id === 'qatar'), 'the same demand each time does not move');
  assert.deepEqual(whoMoved(window1, window1), [], 'a window against itself: nothing moved');
});

test('movesOf keeps an actor\'s moves as the one influenced or the influencer', () => {
  const moved = whoMoved(window1, window2);
  assert.deepEqual(movesOf(moved, 'badr').map((a) => a.actor.id), ['badr']);
  const iran = movesOf(moved, 'iran');
  assert.deepEqual(iran.map((a) => [a.actor.id, a.moves.map((m) => m.source.id)]), [['kh', ['iran']], ['badr', ['iran']]]);
});
