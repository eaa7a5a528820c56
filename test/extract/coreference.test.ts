import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveMorePronouns } from '../../src/extract/coreference.js';
import { producedBy } from '../../src/extract/producers.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import type { ActorKind, Mention } from '../../src/model/types.js';

const KINDS: Record<string, ActorKind> = { uk: 'state', daesh: 'armed_group', hammond: 'person', 'foreign office': 'government_body', washington: 'state', kh: 'armed_group' };

function resolve(text: string, names: string[], bodyOf: (id: string) => string | null = () => null) {
  const analyzer = sharedAnalyzer();
  const sentences = analyzer.sentences(text);
  const tokens = sentences.flatMap((s) => {
    const t = analyzer.tag(s.words.map((w) => w.form));
    return s.words.map((w, i) => ({ ...w, upos: t.upos[i] }));
  });
  const mentions: Mention[] = names.map((name) => {
    const start = text.indexOf(name);
    return { actorId: name.toLowerCase(), text: name, start, end: start + name.length, method: 'alias', producer: producedBy('mentions', 'test') };
  });
  return resolveMorePronouns(text, sentences, tokens, mentions, (id) => KINDS[id], bodyOf).map((m) => `${m.text}=${m.actorId}`);
}

test('"its" and "their" are the collective subject of their sentence, not the nearest name', () => {
  assert.deepEqual(resolve('Washington blames KH for attacks on its embassy.', ['Washington', 'KH']), ['its=washington']);
});

test('"we" is whoever speaks, or the body the speaker belongs to', () => {
  const text = 'Hammond said on Monday that the attack was appalling. We will not stand by.';
  assert.deepEqual(resolve(text, ['Hammond']), ['We=hammond']);
  assert.deepEqual(resolve(text, ['Hammond'], (id) => (id === 'hammond' ? 'foreign office' : null)), ['We=foreign office']);
});

test('"they" is the last collective actor named; a pronoun with no antecedent stays unresolved', () => {
  assert.deepEqual(resolve('Daesh fighters fled Mosul. They left their weapons behind.', ['Daesh']), ['They=daesh', 'their=daesh']);
  assert.deepEqual(resolve('They left at night.', []), []);
});

test('"we" in a long quotation is its speaker, though the speaker is sentences away', () => {
  const text = 'Hammond said: “The talks went well. The meeting was long.\n\n“In the end we agreed to meet again.”';
  assert.deepEqual(resolve(text, ['Hammond']), ['we=hammond']);
});

test('"we" in a statement\'s own voice is its issuer; after "X said:" it is X', () => {
  assert.deepEqual(resolve('Washington strongly condemns the attack on the camp. Our condolences go to the families. We will help.', ['Washington']), ['Our=washington', 'We=washington']);
  const statement = 'The UK sent aid to Daesh-held areas.\n\nSpeaking today Hammond said:\n\nWe will continue to protect those persecuted by Daesh.';
  assert.deepEqual(resolve(statement, ['UK', 'Daesh', 'Hammond']), ['We=hammond']);
});
