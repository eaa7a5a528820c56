// `orbit parse` as a user runs it: the compiled CLI in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
// The fixture's two sentences were written for Orbit (CoNLL-U, .txt so it is never taken for treebank data).
const SAMPLE = fileURLToPath(new URL('../../../test/nlp/fixtures/written-for-orbit.conllu.txt', import.meta.url));
const orbit = (...args: string[]) => spawnSync(process.execPath, [BIN, 'parse', ...args], { encoding: 'utf8' });

test('--conllu fills LEMMA, UPOS, XPOS, HEAD and DEPREL and keeps every other line', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'orbit-')), 'out.conllu');
  const r = orbit('--conllu', SAMPLE, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const input = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean);
  assert.equal(lines.length, input.length);
  input.forEach((line, i) => assert.equal(lines[i].split('\t').slice(0, 2).join('\t'), line.split('\t').slice(0, 2).join('\t')));
  assert.ok(lines.includes('# text = Iran\'s Quds Force didn\'t back the strike.'));
  assert.ok(lines.includes('5-6\tdidn\'t\t_\t_\t_\t_\t_\t_\t_\t_'));
  const words = lines.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  assert.equal(words.length, 15);
  for (const w of words) {
    assert.equal(w.length, 10);
    assert.match(w[3], /^[A-Z]+$/);
    assert.match(w[6], /^\d+$/);
    assert.notEqual(w[7], '_');
  }
  const strike = words.find((w) => w[1] === 'strike')!;
  assert.equal(strike[9], 'SpaceAfter=No');
  const attacked = words.find((w) => w[1] === 'attacked')!;
  assert.equal(attacked[7], 'root');
});

test('bad input: a missing file, a folder, a broken line, no sentences, each named', () => {
  assert.match(orbit('--conllu', '/no/such.conllu').stderr, /\/no\/such\.conllu: no such file/);
  const dir = mkdtempSync(join(tmpdir(), 'orbit-'));
  assert.match(orbit('--conllu', dir).stderr, /is a folder/);
  const broken = join(dir, 'broken.conllu');
  writeFileSync(broken, '1\tIt\nrained\n');
  const r = orbit('--conllu', broken);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /broken\.conllu:2: the ID column is 'rained'/);
  const empty = join(dir, 'empty.conllu');
  writeFileSync(empty, '\n\n');
  assert.match(orbit('--conllu', empty).stderr, /empty\.conllu: no sentences/);
});

test('plain text is printed as a tree under its root', () => {
  const r = orbit('Kataib Hezbollah fired rockets at the base.');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Kataib Hezbollah fired rockets at the base\.\nfired  VERB\/VBD  root  \(fire\)\n/);
  assert.match(r.stdout, /├─ rockets {2}NOUN\/NNS {2}obj {2}\(rocket\)/);
});
