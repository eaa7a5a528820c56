// The grammatical facts events read from the parse, on sentences parsed by the committed model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../src/nlp/parser-component.js';
import { isPassive, isPastAct, isReducedRelative, syntaxOf } from '../../src/extract/syntax.js';

function word(text: string, form: string) {
  const tokens = parseText(text);
  const syntax = syntaxOf(tokens);
  const token = tokens.find((t) => t.form === form)!;
  assert.ok(token, `${form} in ${text}`);
  return { syntax, token, tokens };
}

test('passive verbs, with their auxiliary or conjoined to one; actives are not', () => {
  const p = word('The base was attacked by militias on Sunday.', 'attacked');
  assert.equal(isPassive(p.syntax, p.token, p.tokens), true);
  const a = word('Militias attacked the base on Sunday.', 'attacked');
  assert.equal(isPassive(a.syntax, a.token, a.tokens), false);
});

test('a participle modifying a noun is a reduced relative', () => {
  assert.equal(isReducedRelative(word('They buried the fighters killed in US air strikes.', 'killed').token), true);
  assert.equal(isReducedRelative(word('Security forces killed the protesters on Friday.', 'killed').token), false);
});

test('a past act, not a standing state', () => {
  const past = word('Iran armed the group in 2014.', 'armed');
  assert.equal(isPastAct(past.syntax, past.token), true);
  const state = word('Iran funds and arms the group.', 'funds');
  assert.equal(isPastAct(state.syntax, state.token), false);
});
