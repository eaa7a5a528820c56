import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadInfluenceModel, parseInfluenceModel } from '../../src/analyze/influence-model.js';
import { combine, pairsOf, saturate, scoreInfluence, type InfluenceClaim } from '../../src/analyze/influence.js';
import { judgedWrong, relationModality } from '../../src/analyze/window-claims.js';
import type { ActorRef } from '../../src/store/types.js';

const model = loadInfluenceModel();
const ref = (id: string): ActorRef => ({ id, name: id.toUpperCase(), kind: 'state' });

let next = 0;
function claim(kind: InfluenceClaim['kind'], type: string, source: string, target: string, extra: Partial<InfluenceClaim> = {}): InfluenceClaim {
  next += 1;
  return {
    kind, id: `c${next}`, type, mode: null, sources: [ref(source)], targets: [ref(target)], modality: 'asserted',
    articleId: `art${next}`, evidenceId: `ev${next}`, date: `2020-01-${String(next % 28 + 1).padStart(2, '0')}`, ...extra,
  };
}

const pair = (pairs: ReturnType<typeof scoreInfluence>, source: string, target: string) =>
  pairs.find((p) => p.source.id === source && p.target.id === target);

test('the model in models/influence loads, and every term names types of the ontology', () => {
  assert.ok(model.terms.length >= 8);
  assert.deepEqual(Object.keys(model.modalities).sort(), ['asserted', 'claimed']);
  assert.ok(model.modalities.claimed! < model.modalities.asserted!, 'claimed counts less than asserted');
  const ids = model.terms.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['commands', 'patronage', 'material-support', 'aid', 'coercion', 'yields-to', 'rejects']) assert.ok(ids.includes(id), id);
});

test('one asserted article of a term gives weight * 1 / (1 + halfAt), with its evidence', () => {
  const pairs = scoreInfluence([claim('relation', 'backs', 'iran', 'kh', { evidenceId: 'ev-backs' })], model);
  assert.equal(pairs.length, 1);
  const [p] = pairs;
  assert.deepEqual([p.source.id, p.target.id], ['iran', 'kh']);
  const patronage = model.terms.find((t) => t.id === 'patronage')!;
  const expected = patronage.weight / (1 + patronage.halfAt);
  assert.equal(p.score, Math.round(expected * 10000) / 10000);
  assert.deepEqual(p.terms.map((t) => [t.term, t.kind, t.types, t.count, t.claims, t.evidenceIds]), [['patronage', 'relation', ['backs'], 1, 1, ['ev-backs']]]);
  assert.equal(p.terms[0].contribution, p.score);
});

test('saturation: each further independent article adds less, and the term never passes its weight', () => {
  const aid = model.terms.find((t) => t.id === 'aid')!;
  const scores = [1, 2, 3, 4, 8, 50].map((n) => {
    const claims = Array.from({ length: n }, () => claim('event', 'AID', 'iran', 'kh'));
    return scoreInfluence(claims, model)[0].score;
  });
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i] > scores[i - 1], `more articles, more score: ${scores}`);
  assert.ok(scores[1] - scores[0] > scores[2] - scores[1], 'diminishing returns');
  assert.ok(scores.at(-1)! < aid.weight);
  assert.equal(saturate(aid, aid.halfAt), aid.weight / 2, 'half the weight at halfAt articles');
  assert.equal(saturate(aid, 0), 0);
});

test('claims of one article, or of a copy folded into it, count once; claimed counts half', () => {
  const same = [claim('relation', 'funds', 'iran', 'kh', { articleId: 'a1' }), claim('relation', 'arms', 'iran', 'kh', { articleId: 'a1' })];
  const [p] = scoreInfluence(same, model);
  assert.equal(p.terms[0].term, 'material-support');
  assert.equal(p.terms[0].count, 1);
  assert.equal(p.terms[0].claims, 2);
  assert.deepEqual(p.terms[0].types, ['funds', 'arms']);

  const claimed = scoreInfluence([claim('relation', 'funds', 'iran', 'kh', { modality: 'claimed' })], model)[0];
  const asserted = scoreInfluence([claim('relation', 'funds', 'iran', 'kh')], model)[0];
  assert.equal(claimed.terms[0].weightedCount, 0.5);
  assert.ok(claimed.score < asserted.score);
  // an article that asserts it and claims it counts as asserting it
  const both = scoreInfluence([claim('relation', 'funds', 'iran', 'kh', { articleId: 'x', modality: 'claimed' }), claim('relation', 'funds', 'iran', 'kh', { articleId: 'x' })], model)[0];
  assert.equal(both.terms[0].weightedCount, 1);
});

test('modalities that draw no tie, types outside the model and self-ties give nothing', () => {
  const none = [
    claim('relation', 'backs', 'iran', 'kh', { modality: 'negated' }),
    claim('event', 'AID', 'iran', 'kh', { modality: 'hypothetical' }),
    claim('event', 'AID', 'iran', 'kh', { modality: 'future' }),
    claim('event', 'ASSAULT', 'usa', 'kh'),
    claim('relation', 'allied_with', 'iran', 'kh'),
    claim('relation', 'controls', 'kh', 'kh'),
  ];
  assert.deepEqual(scoreInfluence(none, model), []);
});

test('direction: a member or a side that yields is influenced by the other side', () => {
  const pairs = scoreInfluence([
    claim('relation', 'member_of', 'amiri', 'badr'),
    claim('event', 'RETREAT', 'kh', 'iran', { mode: 'withdraw' }),
  ], model);
  assert.ok(pair(pairs, 'badr', 'amiri'));
  assert.ok(pair(pairs, 'iran', 'kh'));
  assert.equal(pair(pairs, 'amiri', 'badr'), undefined);
  assert.equal(pair(pairs, 'kh', 'iran'), undefined);
});

test('an event with two sources and two targets stands for the four pairs', () => {
  const pairs = scoreInfluence([{ ...claim('event', 'COERCE', 'a', 'c'), sources: [ref('a'), ref('b')], targets: [ref('c'), ref('d')] }], model);
  assert.deepEqual(pairs.map((p) => `${p.source.id}>${p.target.id}`).sort(), ['a>c', 'a>d', 'b>c', 'b>d']);
});

test('terms combine as independent signs; a negative term discounts and never scores alone', () => {
  const positive = [claim('relation', 'backs', 'iran', 'kh'), claim('event', 'AID', 'iran', 'kh')];
  const [p] = scoreInfluence(positive, model);
  const [c1, c2] = p.terms.map((t) => t.contribution);
  assert.ok(Math.abs(p.score - (1 - (1 - c1) * (1 - c2))) < 1e-4);
  assert.ok(p.score > Math.max(c1, c2) && p.score < c1 + c2);

  const rejected = scoreInfluence([...positive, claim('event', 'REJECT', 'kh', 'iran')], model)[0];
  const rejects = rejected.terms.find((t) => t.term === 'rejects')!;
  assert.ok(rejects.contribution < 0);
  assert.ok(Math.abs(rejected.score - p.score * (1 + rejects.contribution)) < 1e-3);
  assert.deepEqual(scoreInfluence([claim('event', 'REJECT', 'kh', 'iran')], model), []);
  assert.equal(combine([]), 0);
  assert.equal(combine([0.5, -0.5]), 0.25);
});

test('evidence is capped per term, the most recent first; pairs sort by score; pairsOf keeps an actor\'s', () => {
  const claims = Array.from({ length: 9 }, (_, i) => claim('event', 'REQUEST', 'usa', 'iraq', { evidenceId: `req${i}`, date: `2020-0${i + 1}` }));
  const pairs = scoreInfluence([...claims, claim('relation', 'controls', 'iran', 'kh')], model);
  const request = pair(pairs, 'usa', 'iraq')!;
  assert.equal(request.terms[0].evidenceIds.length, model.evidencePerTerm);
  assert.deepEqual(request.terms[0].evidenceIds.slice(0, 2), ['req8', 'req7']);
  assert.deepEqual(pairs.map((p) => p.source.id), ['iran', 'usa']);
  assert.deepEqual(pairsOf(pairs, 'iraq').map((p) => p.target.id), ['iraq']);
});

test('modes narrow a term to those PLOVER modes', () => {
  const narrow = parseInfluenceModel(`
version: 1
modalities: {asserted: 1, claimed: 0.5}
evidencePerTerm: 2
terms:
  - {id: violent-threats, kind: event, types: [THREATEN], modes: [violence], direction: forward, weight: 0.5, halfAt: 1, why: test}
`, 'narrow.yaml');
  assert.equal(scoreInfluence([claim('event', 'THREATEN', 'a', 'b', { mode: 'expel' })], narrow).length, 0);
  assert.equal(scoreInfluence([claim('event', 'THREATEN', 'a', 'b', { mode: null })], narrow).length, 0);
  assert.equal(scoreInfluence([claim('event', 'THREATEN', 'a', 'b', { mode: 'violence' })], narrow)[0].score, 0.25);
});

test('a bad model is an error naming the file, the term and the reason', () => {
  const base = (terms: string, modalities = '{asserted: 1, claimed: 0.5}') => `version: 1\nmodalities: ${modalities}\nevidencePerTerm: 3\nterms:\n${terms}`;
  const term = (fields: string) => `  - {id: t, kind: relation, types: [backs], direction: forward, weight: 0.5, halfAt: 1, why: w${fields}}\n`;
  const cases: [string, RegExp][] = [
    [base(term('').replace('[backs]', '[befriends]')), /terms\[0\] \(t\).*'befriends' is not a relation type/],
    [base(term('').replace('kind: relation', 'kind: event')), /'backs' is not a event type/],
    [base(term('').replace('weight: 0.5', 'weight: 2')), /'weight' must be a number from -1 to 1/],
    [base(term('').replace('halfAt: 1', 'halfAt: 0')), /'halfAt' must be a number above 0/],
    [base(term('').replace('direction: forward', 'direction: up')), /'direction' must be forward or reverse/],
    [base(term(', colour: red')), /unknown field 'colour'/],
    [base(term('') + term('').replace('id: t', 'id: u')), /relation type 'backs' is already in term 't'/],
    [base(term(''), '{asserted: 1, claimed: 0.5, future: 0.2}'), /modalities\.future: draws no tie/],
    [base(term(''), '{asserted: 1}'), /'claimed' draws a tie .* but has no weight/],
    [base(term('').replace('kind: relation', 'kind: event').replace('[backs]', '[AID]').replace('why: w', 'modes: [drone], why: w')), /mode 'drone' belongs to none of AID/],
  ];
  for (const [text, expected] of cases) assert.throws(() => parseInfluenceModel(text, 'bad.yaml'), (e: Error) => e.message.startsWith('bad.yaml: ') && expected.test(e.message), text);
});

test('a relation is claimed when attributed, negated when negated; a claim judged wrong is spotted', () => {
  const evidence = (attributedTo: string | null) => ({ id: 'e', articleId: 'a', start: 0, end: 1, sentence: 's', attributedTo });
  assert.equal(relationModality({ negated: false, evidence: evidence(null) }), 'asserted');
  assert.equal(relationModality({ negated: false, evidence: evidence('usa') }), 'claimed');
  assert.equal(relationModality({ negated: true, evidence: evidence('usa') }), 'negated');
  assert.equal(judgedWrong({ id: 'e1' }), false);
  assert.equal(judgedWrong({ id: 'e1', judgement: null }), false);
  assert.equal(judgedWrong({ id: 'e1', judgement: { id: 'j1', kind: 'claim_wrong', author: 'x', reason: 'y' } }), true);
});

test('the README beside the model gives every term with the weight and halfAt the model has', async () => {
  const { readFileSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const readme = readFileSync(join(dirname(model.file), 'README.md'), 'utf8');
  for (const term of model.terms) {
    const row = readme.split('\n').find((line) => line.startsWith(`| ${term.id} |`));
    assert.ok(row, `README has no row for ${term.id}`);
    const cells = row.split('|').map((c) => c.trim());
    assert.equal(Number(cells[4].replace('−', '-')), term.weight, `${term.id} weight`);
    assert.equal(Number(cells[5]), term.halfAt, `${term.id} halfAt`);
    assert.equal(cells[3], term.direction, `${term.id} direction`);
    for (const type of term.types) assert.ok(cells[2].includes(`\`${type}\``), `${term.id}: ${type}`);
  }
});
