import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeWords } from '../../src/nlp/ud-tokenize.js';

const forms = (text: string) => tokenizeWords(text).map((w) => w.form);

test('clitics, possessives and punctuation stand apart as in UD English', () => {
  assert.deepEqual(forms("Iran's envoy didn't say (yet)."), ['Iran', "'s", 'envoy', 'did', "n't", 'say', '(', 'yet', ')', '.']);
  assert.deepEqual(forms('I’m sure they’ll go, won’t they?'), ['I', '’m', 'sure', 'they', '’ll', 'go', ',', 'wo', 'n’t', 'they', '?']);
});

test('hyphenated names split in three; abbreviations, numbers, times and addresses stay whole', () => {
  assert.deepEqual(forms('Iran-backed al-Muhandis met U.S. Gen. Votel at 3:30 p.m. on 1,500.5 e-mail a@b.org'), [
    'Iran', '-', 'backed', 'al', '-', 'Muhandis', 'met', 'U.S.', 'Gen.', 'Votel', 'at', '3:30', 'p.m.', 'on', '1,500.5', 'e-mail', 'a@b.org',
  ]);
  assert.deepEqual(forms('It cost $50, or 20%.'), ['It', 'cost', '$', '50', ',', 'or', '20', '%', '.']);
});

test('every word is the exact span of the text it covers', () => {
  const text = '  "Qaani," he said — in Baghdad.';
  for (const w of tokenizeWords(text, 100)) assert.equal(text.slice(w.start - 100, w.end - 100), w.form);
  assert.deepEqual(forms(text), ['"', 'Qaani', ',', '"', 'he', 'said', '—', 'in', 'Baghdad', '.']);
});
