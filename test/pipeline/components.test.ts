import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkOrder, createPipeline, runComponent, type Component } from '../../src/pipeline/component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from '../../src/pipeline/components.js';
import { tokenizer } from '../../src/nlp/tokenizer-component.js';
import { mentions } from '../../src/extract/components/mentions.js';
import { ner } from '../../src/nlp/ner-component.js';
import { tagger } from '../../src/nlp/tagger-component.js';
import { events } from '../../src/extract/components/events.js';
import { testKb } from '../helpers/kb.js';
import { cleanDoc } from '../helpers/article.js';

const kb = testKb();
const byName = (name: string) => DOCUMENT_COMPONENTS.find((c) => c.name === name)!;

test('the registered order passes the requires/assigns check', () => {
  assert.doesNotThrow(() => checkOrder(DOCUMENT_COMPONENTS, GIVEN_LAYERS));
  assert.deepEqual(DOCUMENT_COMPONENTS.map((c) => c.name), ['spin', 'tokenizer', 'tagger', 'ner', 'place', 'mentions', 'coreference', 'parser', 'events', 'relations', 'relevance', 'actors']);
});

test('a misordered list fails at start-up, naming both components and the layer', () => {
  const misordered = [tokenizer, events, ...DOCUMENT_COMPONENTS.filter((c) => c !== tokenizer && c !== events)];
  assert.throws(() => createPipeline(misordered, GIVEN_LAYERS, { kb }), /'events' requires 'mentions', which 'mentions' assigns only after it/);
  const orphan: Component = { name: 'tagger', requires: ['tokens'], assigns: ['upos'], version: '0', description: 'test', run() {} };
  assert.throws(() => checkOrder([orphan], GIVEN_LAYERS), /'tagger' requires 'tokens', which no component before it assigns/);
});

test('one component runs alone on a Doc: the tokenizer gives tokens and sentences with their token ranges', () => {
  const doc = cleanDoc('Iran\'s Quds Force backs Kataib Hezbollah. KH attacked a base.');
  runComponent(tokenizer, doc, { kb });
  assert.ok(doc.has('tokens') && doc.has('sentences') && !doc.has('mentions'));
  assert.equal(doc.sentences.length, 2);
  const [first, second] = doc.sentences;
  assert.deepEqual(doc.tokens.slice(first.tokenStart, first.tokenEnd).map((t) => t.form), ['Iran', "'s", 'Quds', 'Force', 'backs', 'Kataib', 'Hezbollah', '.']);
  assert.equal(second.tokenStart, first.tokenEnd);
  assert.equal(second.tokenEnd, doc.tokens.length);
  assert.ok(doc.tokens.every((t) => t.lemma === null && t.upos === null && t.head === null && t.deprel === null));
});

test('a wire dateline is a sentence of its own, so the lead parses without it', () => {
  const doc = cleanDoc('BAGHDAD — US aircraft struck five weapons depots on Thursday. Nobody was hurt.');
  runComponent(tokenizer, doc, { kb });
  assert.deepEqual(doc.sentences.map((s) => doc.text.slice(s.start, s.end)), ['BAGHDAD —', 'US aircraft struck five weapons depots on Thursday.', 'Nobody was hurt.']);
});

test('a component refuses a Doc that lacks what it requires', () => {
  const doc = cleanDoc('Kataib Hezbollah attacked a base.');
  assert.throws(() => runComponent(mentions, doc, { kb }), /'mentions' requires 'tokens', 'sentences', 'entities', 'place'/);
  runComponent(tokenizer, doc, { kb });
  runComponent(tagger, doc, { kb });
  runComponent(ner, doc, { kb });
  runComponent(byName('place'), doc, { kb });
  assert.deepEqual(doc.entities.map((e) => doc.text.slice(e.start, e.end)), ['Kataib Hezbollah']);
  runComponent(mentions, doc, { kb });
  assert.deepEqual(doc.mentions.map((m) => [m.actorId, m.producer]), [['kataib-hezbollah', { component: 'mentions', rule: 'alias', version: mentions.version }]]);
});

test('every span and claim says what produced it', () => {
  const doc = createPipeline(DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb }).run(
    cleanDoc('Iran funds Kataib Hezbollah. Kataib Hezbollah attacked US forces on Monday. He said it would go on.'),
  );
  assert.ok(doc.mentions.length && doc.events.length && doc.relations.length);
  for (const m of doc.mentions) assert.ok(['mentions', 'coreference'].includes(m.producer.component) && m.producer.rule, JSON.stringify(m));
  for (const e of doc.events) {
    assert.equal(e.producer.component, 'events');
    assert.match(e.producer.rule!, new RegExp(`^${e.type}:`));
  }
  for (const r of doc.relations) {
    assert.equal(r.producer.component, 'relations');
    assert.match(r.producer.rule!, /^[a-z_]+#\d+\.\d+$|^apposition:/);
  }
  assert.equal(doc.events[0].producer.version, byName('events').version);
  assert.deepEqual(doc.layers.slice(0, GIVEN_LAYERS.length), [...GIVEN_LAYERS]);
  assert.ok(doc.has('actors') && doc.actors.some((a) => a.id === 'kataib-hezbollah'));
});

test('orbit pipeline prints the components in order with requires, assigns and version', () => {
  const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
  const r = spawnSync(process.execPath, [orbit, 'pipeline'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const order = DOCUMENT_COMPONENTS.map((c) => r.stdout.indexOf(` ${c.name} `));
  assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), r.stdout);
  assert.match(r.stdout, /events +v\d+ +requires tokens, sentences, mentions, coreference, discovered, deps, place +assigns events/);
  assert.match(r.stdout, /dedupe/);
  assert.match(r.stdout, /incidents/);
  const help = spawnSync(process.execPath, [orbit, 'extract', '--help'], { encoding: 'utf8' });
  assert.match(help.stdout, /orbit pipeline/);
});
