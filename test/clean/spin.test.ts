import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Doc } from '../../src/core/doc.js';
import type { Message } from '../../src/core/messages.js';
import { DuplicateIndex } from '../../src/clean/dedupe.js';
import { MIN_SPIN_WORDS, readSpinModel, spinModel, writeSpinModel } from '../../src/clean/spin.js';
import { markDuplicates } from '../../src/pipeline/clean-inputs.js';
import { runDocument } from '../../src/pipeline/run-document.js';
import { createPipeline } from '../../src/pipeline/component.js';
import { GIVEN_LAYERS } from '../../src/pipeline/components.js';
import { spin } from '../../src/clean/spin-component.js';
import type { KnowledgeBase } from '../../src/kb/index.js';
import { lmTokens } from '../../src/clean/spin-lm.js';
import { slotScores } from '../../src/clean/spin-alternatives.js';
import { SynonymDictionary } from '../../src/clean/spin-synonyms.js';
import { readFixture } from './helpers.js';

const original = readFixture('dedupe/original.txt');
const heavySpin = readFixture('spin/spun-heavy.txt');

function docOf(id: string, text: string): Doc {
  return new Doc({ id, source: { uri: `${id}.txt`, index: 0, outlet: null }, title: null, publishedAt: null, url: null, text });
}

async function run(docs: Doc[], index = new DuplicateIndex()) {
  const messages: Message[] = [];
  async function* source() {
    yield* docs;
  }
  // dedupe, then the spin component, as a run of the pipeline does
  const pipeline = createPipeline([spin], GIVEN_LAYERS, { kb: {} as KnowledgeBase });
  const out: Doc[] = [];
  for await (const doc of markDuplicates(source(), index)) out.push(runDocument(pipeline, doc, (m) => messages.push(m))!);
  return { out, messages };
}

test('the committed spin model flags a synonym-spun rewrite and passes the real article it came from', () => {
  const model = spinModel();
  const spun = model.judge(heavySpin);
  const real = model.judge(original);
  assert.equal(spun.spun, true, `spun text p = ${spun.probability}`);
  assert.equal(real.spun, false, `real text p = ${real.probability}`);
  assert.ok(spun.probability > real.probability);
  assert.match(model.provenance, /train:spin/);
});

test('a rewrite by a phrase spinner ("most recent", "federal government", "team") is flagged without its original', () => {
  const verdict = spinModel().judge(readFixture('dedupe/spun.txt'));
  assert.equal(verdict.spun, true, `p = ${verdict.probability}`);
});

test("the issue's examples: a spinner's word reads far worse than its dictionary alternative, the real word does not", () => {
  const gapOf = (sentence: string, word: string) => {
    const tokens = lmTokens(sentence);
    const at = tokens.findIndex((t) => t.form === word);
    assert.ok(at >= 0, word);
    return slotScores(tokens, spinModel().lm, spinModel().lm.synonyms).gap[at];
  };
  const pairs: [string, string, string, string][] = [
    ['commanders of the Quds Drive said', 'drive', 'commanders of the Quds Force said', 'force'],
    ['the affect Iran wields over the group', 'affect', 'the influence Iran wields over the group', 'influence'],
    // "in style" is one dictionary entry: the gap stands on its first word.
    ['the In style Mobilisation Forces fought', 'in', 'the Popular Mobilisation Forces fought', 'popular'],
  ];
  for (const [spun, swapped, real, word] of pairs) {
    assert.ok(gapOf(spun, swapped) > 3, `${spun}: gap ${gapOf(spun, swapped)}`);
    assert.ok(gapOf(real, word) < 1, `${real}: gap ${gapOf(real, word)}`);
  }
});

test('the dictionary of alternatives carries a plural over and knows phrases', () => {
  const dict = new SynonymDictionary(new Map([['force', ['drive', 'power']], ['go to', ['visit']]]));
  assert.deepEqual(dict.alternatives(['forces']), ['drives', 'powers']);
  assert.deepEqual(dict.alternatives(['go', 'to']), ['visit']);
  assert.equal(dict.alternatives(['go']), undefined);
  assert.equal(dict.alternatives(['class']), undefined);
  assert.deepEqual(SynonymDictionary.parse(dict.serialize()).entries, dict.entries);
});

test('real articles of other kinds are not flagged', () => {
  for (const name of ['dedupe/unrelated.txt', 'dedupe/same-event.txt', 'dedupe/syndicated.txt']) {
    assert.equal(spinModel().judge(readFixture(name)).spun, false, name);
  }
});

test('a text too short to judge is never called spun', () => {
  const short = heavySpin.split(/\s+/).slice(0, MIN_SPIN_WORDS - 10).join(' ');
  const verdict = spinModel().judge(short);
  assert.equal(verdict.spun, false);
  assert.equal(verdict.probability, 0);
});

test('dedupe, then the spin component: a spun article without its original gets clean.spun-no-original, stored on the Doc', async () => {
  const { out, messages } = await run([docOf('spun', heavySpin)]);
  assert.equal(out[0].duplicateOf, null);
  const flagged = out[0].messages.filter((m) => m.id === 'clean.spun-no-original');
  assert.equal(flagged.length, 1);
  assert.equal(flagged[0].severity, 'warning');
  assert.equal(flagged[0].uri, 'spun.txt');
  assert.deepEqual(messages.map((m) => m.id), ['clean.spun-no-original']);
});

test('dedupe, then the spin component: a real article gets no spin message', async () => {
  const { out, messages } = await run([docOf('real', original)]);
  assert.deepEqual(out[0].messages, []);
  assert.deepEqual(messages, []);
});

test('the model file reads back as written, and a missing one is refused with its path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-spin-'));
  const path = join(dir, 'spin.bin.gz');
  writeSpinModel(path, spinModel());
  const copy = readSpinModel(path);
  assert.equal(copy.judge(heavySpin).probability, spinModel().judge(heavySpin).probability);
  assert.throws(() => readSpinModel(join(dir, 'missing.bin.gz')), /missing.bin.gz: the spin model is missing/);
});

test('dedupe, then the spin component: an article in another language is not judged by the English detector', async () => {
  const french = new Doc({ id: 'fr', source: { uri: 'fr.txt', index: 0, outlet: null }, title: null, publishedAt: null, url: null, language: 'fr', text: heavySpin });
  const { out, messages } = await run([french]);
  assert.deepEqual(out[0].messages, []);
  assert.deepEqual(messages, []);
});

test('dedupe, then the spin component: a spun copy whose original is known is linked to it, with no warning', async () => {
  // dedupe/spun.txt is a phrase spinner's rewrite of dedupe/original.txt; the spin model flags it alone
  const { out, messages } = await run([docOf('real', original), docOf('spun', readFixture('dedupe/spun.txt'))]);
  assert.equal(out[1].duplicateOf, out[0].id);
  assert.equal(out[1].spun, true);
  assert.deepEqual(messages, []);
});
