import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../../src/nlp/parser-component.js';
import { assignments, predicateCandidates } from '../../../src/extract/coder/candidates.js';
import { isEventNoun } from '../../../src/extract/coder/event-nouns.js';
import { producedBy } from '../../../src/extract/producers.js';
import type { Mention } from '../../../src/model/types.js';

function mentionsOf(text: string, names: string[]): Mention[] {
  return names.map((name) => {
    const start = text.indexOf(name);
    return { actorId: name.toLowerCase(), text: name, start, end: start + name.length, method: 'alias', producer: producedBy('mentions', 'test') };
  });
}

function rolesOf(text: string, names: string[]) {
  const tokens = parseText(text);
  return predicateCandidates(tokens, mentionsOf(text, names), isEventNoun).map((c) => ({
    predicate: tokens[c.predicate].lemma,
    args: c.args.map((a) => `${a.role}:${a.mention.text}`),
  }));
}

test('candidates: subject and object of a verb, and control lends the object to the complement', () => {
  const found = rolesOf('Iran urged Baghdad to expel the Americans.', ['Iran', 'Baghdad', 'Americans']);
  const urge = found.find((c) => c.predicate === 'urge')!;
  assert.deepEqual(urge.args.sort(), ['agent:Iran', 'patient:Baghdad']);
  const expel = found.find((c) => c.predicate === 'expel')!;
  assert.ok(expel.args.includes('agent:Baghdad'), JSON.stringify(found));
  assert.ok(expel.args.includes('patient:Americans'));
});

test('candidates: coordinated subjects share the role; a modifier stands for its phrase', () => {
  const found = rolesOf('Amiri and Khazali met Iranian officials in Tehran.', ['Amiri', 'Khazali', 'Iranian']);
  const meet = found.find((c) => c.predicate === 'meet')!;
  assert.ok(meet.args.includes('agent:Amiri') && meet.args.includes('agent:Khazali'), JSON.stringify(found));
  assert.ok(meet.args.includes('patient:Iranian'));
});

test('candidates: the passive agent acts on the passive subject; every assignment is offered', () => {
  const text = 'The base was attacked by Kataib Hezbollah.';
  const tokens = parseText(text);
  const [c] = predicateCandidates(tokens, mentionsOf(text, ['Kataib Hezbollah']), isEventNoun);
  assert.equal(tokens[c.predicate].lemma, 'attack');
  assert.equal(c.args[0].role, 'agent');
  assert.equal(assignments(c).length, 2, 'as source alone, or as target alone');
});
