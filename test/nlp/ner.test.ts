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

test("training-data names: a document never reads its own fold's names, the shipped list holds all, majority type wins", async () => {
  const { jackknifedNames, NAMES_CHANNEL } = await import('../../src/nlp/ner/names.js');
  const { Gazetteer } = await import('../../src/nlp/ner/gazetteer.js');
  const tagAs = (type: string) => new Gazetteer([{ name: 'Qaani', type }], NAMES_CHANNEL).tags(['Qaani'])[0];
  const doc = (forms: string[], tags: string[]) => [{ forms, tags }];
  const a = doc(['Kataib', 'Hezbollah', 'said'], ['B-ORG', 'L-ORG', 'O']);
  const b = doc(['Qaani', 'met', 'Kataib', 'Hezbollah', 'and', 'Qaani'], ['U-PER', 'O', 'B-ORG', 'L-ORG', 'O', 'U-PER']);
  const c = doc(['Qaani', 'spoke'], ['U-LOC', 'O']);
  const { all, perDocument } = jackknifedNames([a, b, c, a], 3);
  assert.deepEqual(all.map((e) => `${e.name}/${e.type}`).sort(), ['Kataib Hezbollah/ORG', 'Qaani/PER']);
  // a (fold 0) sees b and c: Kataib Hezbollah from b; a's second listing is the same document, same fold
  assert.equal(perDocument[0], perDocument[3]);
  assert.notEqual(perDocument[0].tags(['Kataib', 'Hezbollah'])[0], 0);
  // c (fold 2) sees only a and b: Qaani as PER (b's, twice; all names hold PER 2 to LOC 1), never its own LOC; b (fold 1) sees c's LOC only
  assert.equal(perDocument[2].tags(['Qaani'])[0], tagAs('PER'));
  assert.equal(perDocument[1].tags(['Qaani'])[0], tagAs('LOC'));
  assert.equal(perDocument[1].tags(['Kataib', 'Hezbollah'])[0], perDocument[0].tags(['Kataib', 'Hezbollah'])[0]);
});

test('gazetteer channels: the same name gives different features on the knowledge base and training-name channels', async () => {
  const { Gazetteer } = await import('../../src/nlp/ner/gazetteer.js');
  const kb = new Gazetteer([{ name: 'Quds Force', type: 'ORG' }]);
  const names = new Gazetteer([{ name: 'Quds Force', type: 'ORG' }], 'names');
  const forms = ['the', 'Quds', 'Force', 'struck'];
  assert.deepEqual([...kb.tags(forms)].map((t) => t !== 0), [false, true, true, false]);
  assert.notEqual(kb.tags(forms)[1], names.tags(forms)[1]);
});

test('a recognizer with domain copies reads the domains it has and names one it lacks', async () => {
  const { EntityRecognizer } = await import('../../src/nlp/ner/recognizer.js');
  const { Gazetteer } = await import('../../src/nlp/ner/gazetteer.js');
  const { PerceptronTrainer } = await import('../../src/nlp/perceptron/perceptron.js');
  const { nerLabels } = await import('../../src/nlp/ner/train.js');
  const labels = nerLabels(['PER', 'ORG']);
  const meta = { name: 't', version: '1', labels, clusters: false, domains: { trained: ['conll', 're3d'], news: 're3d' }, provenance: {} };
  const r = new EntityRecognizer(meta, { labels, scorer: new PerceptronTrainer(labels.length) }, null, new Gazetteer([]));
  const words = [{ forms: ['Qaani', 'visited', 'Baghdad', '.'], upos: ['PROPN', 'VERB', 'PROPN', 'PUNCT'] }];
  assert.equal(r.recognize(words, 'conll').length, 1);
  assert.equal(r.recognize(words).length, 1);
  assert.throws(() => r.recognize(words, 'tweets'), /no domain "tweets" in this model \(it has conll, re3d\)/);
});
