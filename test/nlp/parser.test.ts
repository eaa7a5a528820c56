// The committed tagger and parser weights (models/parser), loaded as the pipeline loads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import { tokenizeWords } from '../../src/nlp/ud-tokenize.js';

const analyze = (text: string) => {
  const forms = tokenizeWords(text).map((w) => w.form);
  return { forms, ...sharedAnalyzer().analyze(forms) };
};

test('a plain news sentence: subject, verb, object', () => {
  const a = analyze('American forces killed the commander in Baghdad.');
  const verb = a.forms.indexOf('killed');
  assert.equal(a.upos[verb], 'VERB');
  assert.equal(a.xpos[verb], 'VBD');
  assert.equal(a.head[verb], -1);
  assert.equal(a.deprel[verb], 'root');
  assert.equal(a.head[a.forms.indexOf('forces')], verb);
  assert.equal(a.deprel[a.forms.indexOf('forces')], 'nsubj');
  assert.equal(a.head[a.forms.indexOf('commander')], verb);
  assert.equal(a.deprel[a.forms.indexOf('commander')], 'obj');
  assert.equal(a.lemma[verb], 'kill');
  assert.equal(a.lemma[a.forms.indexOf('forces')], 'force');
});

test('a passive with its agent', () => {
  const a = analyze('The base was attacked by militias.');
  const verb = a.forms.indexOf('attacked');
  assert.equal(a.deprel[a.forms.indexOf('base')], 'nsubj:pass');
  assert.equal(a.head[a.forms.indexOf('militias')], verb);
  assert.match(a.deprel[a.forms.indexOf('militias')], /^obl/);
  assert.equal(a.xpos[verb], 'VBN');
});

test('one root per sentence, every head inside the sentence, no word its own head', () => {
  for (const text of ['Sadr, who leads the movement, urged his followers to leave the streets.', 'Why?', 'Baghdad']) {
    const a = analyze(text);
    assert.equal([...a.head].filter((h) => h === -1).length, 1, text);
    a.head.forEach((h, i) => {
      assert.ok(h >= -1 && h < a.forms.length && h !== i, `${text}: word ${i} has head ${h}`);
    });
  }
});
