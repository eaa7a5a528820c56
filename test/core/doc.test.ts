import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../src/core/doc.js';
import { cleanPage } from '../../src/clean/index.js';
import { readFixture } from '../clean/helpers.js';

const textPage = (content: string) => ({ uri: 'dump.txt', part: 0, format: 'text' as const, content });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('sourceMap: each kept paragraph of a text dump leads back to where it stands in the input', () => {
  const content = readFixture('dump-with-banners.txt');
  const [doc] = cleanPage(textPage(content)).docs;
  const paragraphs = doc.text.split('\n\n');
  assert.equal(doc.sourceMap.length, paragraphs.length);
  assert.ok(doc.has('text') && doc.has('sourceMap'));
  doc.sourceMap.forEach((segment, k) => {
    assert.equal(doc.text.slice(segment.start, segment.end), paragraphs[k]);
    assert.notEqual(segment.sourceStart, null, `paragraph ${k} found`);
    // the same words, whitespace as the input had it (cleaning joins wrapped lines)
    assert.equal(squash(content.slice(segment.sourceStart!, segment.sourceEnd!)), paragraphs[k]);
  });
  // The banners before the body are dropped, so the first paragraph does not start the input.
  assert.ok(doc.sourceMap[0].sourceStart! > 0);
  // An offset of the text maps to the same word in the input.
  const second = doc.sourceMap[1];
  const word = paragraphs[1].split(' ')[0];
  assert.equal(content.slice(doc.toSource(second.start)!, doc.toSource(second.start)! + word.length), word);
});

test('sourceMap: a wrapped wire paragraph is found across its line breaks', () => {
  const body = 'BAGHDAD, June 12 (Wire) - Iraq\'s parliament passed a three-year budget on Monday after weeks of\nwrangling between the blocs over oil revenue and the share of the Kurdistan Region, lawmakers\nsaid, in a vote that the prime minister welcomed as a step towards stability in the country.';
  const content = `Home | World | Iraq\n\n${body}\n\nAll rights reserved.`;
  const [doc] = cleanPage(textPage(content)).docs;
  const segment = doc.sourceMap[0];
  assert.equal(segment.sourceStart, content.indexOf('BAGHDAD'));
  assert.equal(segment.sourceEnd, content.indexOf('country.') + 'country.'.length);
});

test('sourceMap: an HTML paragraph is mapped where its text stands verbatim, else null', () => {
  const html = '<html><body><article><p>BAGHDAD — Iraq recalled its ambassador from Tehran on Tuesday, the foreign ministry said in a statement.</p><p>The move follows <a href="/x">a week</a> of rocket attacks on the Green Zone that officials blamed on militias backed by Iran.</p></article></body></html>';
  const [doc] = cleanPage({ uri: 'p.html', part: 0, format: 'html', content: html }).docs;
  const [first, second] = doc.sourceMap;
  assert.equal(html.slice(first.sourceStart!, first.sourceEnd!), doc.text.slice(first.start, first.end));
  assert.equal(second.sourceStart, null, 'inline markup splits the text: no verbatim place');
  assert.equal(doc.toSource(second.start), null);
});

test('a Doc is plain data: JSON and back keeps its layers and helpers', () => {
  const doc = new Doc({ id: 'a1', source: { uri: 'x.txt', index: 0, outlet: null }, title: null, publishedAt: null, url: null, text: 'Iran spoke.', sourceMap: [{ start: 0, end: 11, sourceStart: 5, sourceEnd: 16 }] });
  doc.assign('tokens');
  const back = Doc.from(JSON.parse(JSON.stringify(doc)));
  assert.ok(back.has('tokens') && back.has('sourceMap') && !back.has('events'));
  assert.equal(back.toSource(6), 11);
  assert.deepEqual({ ...back }, { ...doc });
});

test('a Doc lets go of its NLP layers: tokens take lemmas, UPOS and the parse with them; claims stay', () => {
  const doc = new Doc({ id: 'a1', source: { uri: 'a.txt', index: 0, outlet: null }, title: null, publishedAt: null, url: null, text: 'Iran spoke.' });
  doc.tokens = [{ start: 0, end: 4, form: 'Iran', lemma: 'Iran', upos: 'PROPN', xpos: 'NNP', head: -1, deprel: 'root' }];
  doc.entities = [{ start: 0, end: 4, label: 'LOC', producer: { component: 'ner', version: '1' } }];
  doc.assign('tokens', 'sentences', 'lemmas', 'upos', 'deps', 'entities', 'mentions');
  doc.release('tokens', 'entities');
  assert.deepEqual(doc.tokens, []);
  assert.deepEqual(doc.entities, []);
  assert.deepEqual(doc.layers, ['text', 'sentences', 'mentions']);
  assert.equal(doc.has('upos'), false);
});
