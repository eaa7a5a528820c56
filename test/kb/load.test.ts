import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase, KnowledgeBaseError } from '../../src/kb/index.js';
import { ACTORS_YAML, ROLES_YAML, testKb, writeKb } from '../helpers/kb.js';

test('loads actors, roles and places with their dates', () => {
  const kb = testKb();
  assert.equal(kb.actor('kataib-hezbollah')?.kind, 'armed_group');
  assert.deepEqual(kb.affiliations.find((a) => a.source === 'kataib-hezbollah'), {
    type: 'part_of', source: 'kataib-hezbollah', target: 'pmf', role: null, from: '2016', to: null,
  });
  assert.equal(kb.places.length, 2);
  assert.equal(kb.actor('kataib-hezbollah')?.theater, true, 'a theater pack counts toward relevance');
});

test('resolves an office to whoever held it on the date', () => {
  const kb = testKb();
  assert.equal(kb.holderOn('iraq-prime-minister', '2019-11-30'), 'adil-abdul-mahdi');
  assert.equal(kb.holderOn('iraq-prime-minister', '2021-06'), 'mustafa-al-kadhimi');
  assert.equal(kb.holderOn('iraq-prime-minister', '2020-05-07'), 'mustafa-al-kadhimi', 'the handover day belongs to the newcomer');
  assert.equal(kb.holderOn('iraq-prime-minister', '2024-01-01'), 'mohammed-shia-al-sudani');
  assert.equal(kb.holderOn('iraq-prime-minister', '2010-01-01'), null);
  assert.equal(kb.holderOn('iraq-prime-minister', null), null, 'unknown date, office changed hands: no guess');
});

test('reports every problem with its file: bad kind, unknown reference, duplicate id', () => {
  const dir = writeKb({
    'a/actors.yaml': `actors:\n  - {id: x, name: X, kind: warlord}\n  - {id: y, name: Y, kind: person, affiliations: [{type: leads, target: nobody}]}\n  - {id: y, name: Y2, kind: person}\n`,
    'a/roles.yaml': ROLES_YAML,
  });
  assert.throws(
    () => loadKnowledgeBase([dir]),
    (error: unknown) => {
      assert.ok(error instanceof KnowledgeBaseError);
      const text = error.problems.join('\n');
      assert.match(text, /a\/actors\.yaml: \/actors\/0\/kind must be equal to one of the allowed values/);
      return true;
    },
  );
  const dir2 = writeKb({
    'a/actors.yaml': `actors:\n  - {id: y, name: Y, kind: person, affiliations: [{type: leads, target: nobody}]}\n  - {id: y, name: Y2, kind: person}\n`,
    'a/roles.yaml': ROLES_YAML,
  });
  assert.throws(() => loadKnowledgeBase([dir2]), (error: unknown) => {
    const text = (error as KnowledgeBaseError).problems.join('\n');
    assert.match(text, /actor id 'y' is defined twice/);
    assert.match(text, /unknown actor 'nobody'/);
    assert.match(text, /unknown holder 'adil-abdul-mahdi'/);
    return true;
  });
});

test('a YAML syntax error names the file', () => {
  const dir = writeKb({ 'p/actors.yaml': 'actors: [\n' });
  assert.throws(() => loadKnowledgeBase([dir]), /p\/actors\.yaml: /);
});

test('the bundled knowledge base loads and is consistent', () => {
  const kb = loadKnowledgeBase();
  assert.ok(kb.actors.length >= 20, `only ${kb.actors.length} actors`);
  assert.ok(kb.roles.length > 0);
  void ACTORS_YAML;
});

test('a pack names its focus states; they count toward relevance without being theater actors', () => {
  const dir = writeKb({ 'world/actors.yaml': ACTORS_YAML, 'theater/pack.yaml': 'name: Test\nfocus: [iran, iraq]\n' });
  const kb = loadKnowledgeBase([dir]);
  assert.equal(kb.actor('iran')?.focus, true);
  assert.equal(kb.actor('iran')?.theater, false);
  assert.equal(kb.actor('united-states')?.focus, false);
  const bad = writeKb({ 'world/actors.yaml': ACTORS_YAML, 'theater/pack.yaml': 'name: Test\nfocus: [atlantis]\n' });
  assert.throws(() => loadKnowledgeBase([bad]), /pack focus names unknown actor 'atlantis'/);
});
