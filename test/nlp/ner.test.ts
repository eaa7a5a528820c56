import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { detectScheme, spansOf, tagsOf } from '../../src/nlp/ner/scheme.js';
import { parseConll, writeConll } from '../../src/nlp/ner/conll.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { sharedRecognizer } from '../../src/nlp/ner-component.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';

test('tag schemes: IOB1, IOB2 and BILOU give the same spans and convert into each other', () => {
  const iob1 = ['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'];
  const spans = spansOf(iob1);
  assert.deepEqual(spans, [{ start: 0, end: 2, type: 'PER' }, { start: 2, end: 3, type: 'PER' }, { start: 4, end: 5, type: 'LOC' }]);
  assert.deepEqual(tagsOf(spans, 5, 'IOB2'), ['B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC']);
  assert.deepEqual(tagsOf(spans, 5, 'BILOU'), ['B-PER', 'L-PER', 'U-PER', 'O', 'U-LOC']);
  assert.deepEqual(tagsOf(spans, 5, 'IOB1'), iob1);
  assert.equal(detectScheme(iob1), 'IOB1');
  assert.equal(detectScheme(['B-PER', 'I-PER', 'O']), 'IOB2');
  assert.equal(detectScheme(['U-PER', 'O']), 'BILOU');
});

test('CoNLL files: documents, sentences and every line kept when a column is appended', () => {
  const text = '-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n';
  const file = parseConll(text, 't.conll');
  assert.equal(file.documents.length, 1);
  assert.equal(file.documents[0].sentences.length, 2);
  assert.equal(writeConll(file, () => 'X'), '-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG X\nrejects VBZ I-VP O X\n\nPeter NNP I-NP I-PER X\n');
});

test('the trained NER finds people, organisations and places in news text', () => {
  const analyzer = sharedAnalyzer();
  const text = 'Iraqi Prime Minister Mohammed Tawfiq Allawi met Masrour Barzani of the Kurdistan Regional Government in Baghdad .';
  const forms = text.split(' ');
  const [spans] = sharedRecognizer(loadKnowledgeBase()).recognize([{ forms, upos: analyzer.upos(forms) }]);
  const found = spans.map((s) => `${s.type}:${forms.slice(s.start, s.end).join(' ')}`);
  for (const want of ['PER:Mohammed Tawfiq Allawi', 'PER:Masrour Barzani', 'ORG:Kurdistan Regional Government', 'LOC:Baghdad']) assert.ok(found.includes(want), `${want} in ${found}`);
});

test('orbit ner --conll appends a tag to every row in the input scheme and names a bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-ner-'));
  const input = join(dir, 'in.conll');
  writeFileSync(input, 'Qassem NNP B-PER\nSoleimani NNP I-PER\nvisited VBD O\nBaghdad NNP B-LOC\n. . O\n');
  const out = join(dir, 'out.conll');
  const r = spawnSync(process.execPath, ['bin/orbit.js', 'ner', '--conll', input, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(' '));
  assert.equal(rows.length, 5);
  assert.deepEqual(rows.map((c) => c.length), [4, 4, 4, 4, 4]);
  assert.equal(rows[0][3], 'B-PER', 'IOB2 in, IOB2 out');
  assert.equal(rows[3][3], 'B-LOC');
  const missing = spawnSync(process.execPath, ['bin/orbit.js', 'ner', '--conll', join(dir, 'nope.conll')], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.conll: no such file/);
});
