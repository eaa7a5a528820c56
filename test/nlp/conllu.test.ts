import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConllu, parseConllu } from '../../src/nlp/conllu.js';

const SAMPLE = '# text = It rained.\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2-3\trained.\t_\t_\t_\t_\t_\t_\t_\t_\n2\trained\train\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n';

test('a sentence keeps its comments, ranges and columns; heads become 0-based with -1 for the root', () => {
  const [s] = parseConllu(SAMPLE);
  assert.deepEqual(s.words.map((w) => w.form), ['It', 'rained', '.']);
  assert.deepEqual(s.words.map((w) => w.head), [1, -1, 1]);
  assert.equal(s.words[1].spaceAfter, false);
  assert.equal(s.comments[0], '# text = It rained.');
  const out = formatConllu(s, s.words.map((w) => ({ lemma: w.lemma!, upos: w.upos!, xpos: w.xpos!, head: w.head!, deprel: w.deprel! })));
  assert.equal(out, SAMPLE);
});

test('ID and FORM alone are enough; the other columns are filled with _', () => {
  const [s] = parseConllu('1\tMilitias\n2\tattacked\n');
  assert.equal(s.words.length, 2);
  assert.equal(s.words[0].columns.length, 10);
  assert.equal(s.words[0].head, null);
});

test('a malformed line is an error naming the line and the reason', () => {
  assert.throws(() => parseConllu('1\tIt\nx\trained\n', 'in.conllu'), /in\.conllu:2: the ID column is 'x'/);
  assert.throws(() => parseConllu('1\tIt\t_\t_\t_\t_\t7\n', 'in.conllu'), /in\.conllu:1: word 1 has head 7/);
});
