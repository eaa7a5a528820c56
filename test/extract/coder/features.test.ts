import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateOfText } from '../../../src/extract/coder/candidate-of-text.js';
import { candidateFeatures } from '../../../src/extract/coder/features.js';
import { triggerLexicon } from '../../../src/extract/lexicon.js';
import { loadClusters } from '../../../src/nlp/clusters.js';
import { parseMarkedPair } from '../../../src/extract/pairs.js';

const ctx = () => ({ clusters: loadClusters(), lexicon: triggerLexicon() });

test('coder features read the predicate between the marked actors from the parse', () => {
  const pair = parseMarkedPair('<s>Iranian Foreign Minister Zarif</s> has condemned <t>the US decision</t> to impose sanctions.')!;
  const f = candidateFeatures(candidateOfText(pair.text, pair.source, pair.target), ctx());
  assert.ok(f.includes('p=condemn'), f.join(' '));
  assert.ok(f.includes('sd=nsubj'));
  assert.ok(f.includes('td=obj'));
  assert.ok(f.some((x) => x.startsWith('lxpath=ACCUSE')), 'the lexicon hit on the predicate is a feature');
});

test('coder features of an unmarked sentence take the main verb and its arguments', () => {
  const c = candidateOfText('Protesters stormed the embassy in Baghdad on Tuesday.');
  assert.equal(c.tokens[c.predicate!].lemma, 'storm');
  assert.equal(c.text.slice(c.source!.start, c.source!.end), 'Protesters');
  assert.equal(c.text.slice(c.target!.start, c.target!.end), 'the embassy in Baghdad');
  assert.ok(candidateFeatures(c, ctx()).includes('neg') === false);
});
