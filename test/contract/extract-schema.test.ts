// The extraction contract: `orbit extract --json` validates against the schema for every input kind,
// and bad inputs are named with the reason while the good ones still go through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ExtractionResult } from '../../src/model/types.js';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/contract');
const schema = JSON.parse(readFileSync(join(root, 'src/model/extraction.schema.json'), 'utf8'));
const validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const validate = (data: unknown): boolean => validator(data);

function orbit(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/orbit.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function extract(...inputs: string[]) {
  const r = orbit('extract', ...inputs, '--json');
  const json = JSON.parse(r.stdout) as ExtractionResult;
  assert.ok(validate(json), JSON.stringify(validator.errors, null, 2));
  return { ...r, json };
}

for (const [kind, input] of [
  ['plain text', 'story.txt'],
  ['HTML', 'story.html'],
  ['JSONL', 'feed.jsonl'],
  ['RSS', 'feed.rss'],
  ['Atom', 'feed.atom'],
  ['folder', 'folder'],
] as const) {
  test(`extract --json validates against the schema: ${kind}`, () => {
    const { code, json, stderr } = extract(join(fixtures, input));
    assert.equal(code, 0, stderr);
    assert.ok(json.articles.length > 0);
    for (const a of json.articles) {
      assert.ok(a.text.length > 50);
      for (const m of a.mentions) assert.equal(a.text.slice(m.start, m.end), m.text);
      for (const e of [...a.events, ...a.relations]) assert.equal(a.text.slice(e.evidence.start, e.evidence.end), e.evidence.sentence);
      const ids = new Set(json.actors.map((x) => x.id));
      for (const e of a.events) for (const id of [...e.sources, ...e.targets]) assert.ok(ids.has(id), `actor ${id} listed`);
    }
  });
}

test('extract finds the actors, events and relations of a cluttered page', () => {
  const { json } = extract(join(fixtures, 'story.txt'));
  const [a] = json.articles;
  assert.equal(a.publishedAt, '2021-03-14');
  assert.doesNotMatch(a.text, /Download our app|Share this article|All rights reserved/);
  const actorIds = new Set(a.mentions.map((m) => m.actorId));
  for (const id of ['united-states', 'kataib-hezbollah', 'qais-al-khazali', 'asaib-ahl-al-haq', 'mustafa-al-kadhimi']) assert.ok(actorIds.has(id), id);
  const types = a.events.map((e) => `${e.type}:${e.modality}`);
  assert.ok(types.includes('ASSAULT:negated'), types.join());
  assert.ok(types.includes('CONSULT:future'), types.join());
  const rel = a.relations.map((r) => `${r.source} ${r.type} ${r.target}`);
  assert.ok(rel.includes('qais-al-khazali leads asaib-ahl-al-haq'), rel.join());
});

test('bad inputs are named with the reason; the rest still go through; exit code 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-bad-'));
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00]));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'broken.jsonl'), '{"text": "Kataib Hezbollah attacked the base on Monday, officials in Baghdad said on Tuesday."}\n{not json\n');
  const missing = join(dir, 'missing.txt');
  const r = orbit('extract', join(dir, 'binary.html'), join(dir, 'empty.txt'), join(dir, 'broken.jsonl'), missing, join(fixtures, 'story.txt'), '--json');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /binary\.html: .*binary/i);
  assert.match(r.stderr, /empty\.txt: .*empty/i);
  assert.match(r.stderr, /broken\.jsonl:2: .*\[ingest.bad-jsonl-line\]/);
  assert.match(r.stderr, /missing\.txt: .*(no such file|not found|does not exist)/i);
  const json = JSON.parse(r.stdout) as ExtractionResult;
  assert.ok(validate(json));
  assert.equal(json.articles.length, 2, 'the good JSONL line and the story still come out');
});

test('no inputs is a usage error', () => {
  const r = orbit('extract');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no inputs/);
});
