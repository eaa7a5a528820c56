import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { codePair, parseMarkedPair } from '../../src/extract/pairs.js';

const root = resolve(import.meta.dirname, '../../..');

function pair(marked: string) {
  const parsed = parseMarkedPair(marked)!;
  return codePair(parsed.text, parsed.source, parsed.target).type;
}

test('codes what the marked source does to the marked target', () => {
  assert.equal(pair('<s>Kataib Hezbollah</s> fired rockets at <t>the US embassy</t> on Sunday.'), 'ASSAULT');
  assert.equal(pair('<s>The minister</s> condemned <t>the sanctions</t>.'), 'ACCUSE');
  assert.equal(pair('<t>Two activists</t> were arrested by <s>police</s> in Basra.'), 'COERCE');
  assert.equal(pair('<s>The US</s> suspended humanitarian aid to <t>Gaza</t>.'), 'SANCTION');
  assert.equal(pair('<s>Kadhimi</s> will visit <t>Tehran</t> next week.'), 'CONSULT');
  assert.equal(pair('<s>The weather</s> was fine in <t>Basra</t>.'), null);
});

test('orbit code --pairs answers one line per line and names bad lines', () => {
  const input = [
    JSON.stringify({ id: 'a', text: 'Iran urged Iraq to act.', source: { start: 0, end: 4 }, target: { start: 11, end: 15 } }),
    '{broken',
    JSON.stringify({ id: 'c', text: 'short', source: { start: 0, end: 2 }, target: { start: 3, end: 99 } }),
  ].join('\n');
  const r = spawnSync(process.execPath, [join(root, 'bin/orbit.js'), 'code', '--pairs', '-'], { input, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l)), [{ id: 'a', type: 'REQUEST' }]);
  assert.match(r.stderr, /stdin:2: not valid JSON \[code.bad-pair-line\]/);
  assert.match(r.stderr, /stdin:3: "target" must be/);
});
