import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../src/nlp/parser-component.js';
import { stanceTies } from '../../src/extract/stances.js';
import { producedBy } from '../../src/extract/producers.js';
import type { Mention } from '../../src/model/types.js';

function ties(text: string, names: string[]) {
  const mentions: Mention[] = names.map((name) => {
    const start = text.indexOf(name);
    return { actorId: name.toLowerCase(), text: name, start, end: start + name.length, method: 'alias', producer: producedBy('mentions', 'test') };
  });
  return stanceTies(parseText(text), mentions).map((t) => `${t.source} ${t.type} ${t.target}${t.negated ? ' (negated)' : ''}`);
}

test('a stance verb with an actor as subject and one as object states the tie, through control too', () => {
  assert.deepEqual(ties('Iraq and Iran will fight Daesh together.', ['Iraq', 'Iran', 'Daesh']).sort(), ['iran opposes daesh', 'iraq opposes daesh']);
  assert.deepEqual(ties('Turkey decided to confront the PKK.', ['Turkey', 'PKK']), ['turkey opposes pkk']);
});

test('a stance noun takes its possessor as agent and its "against" oblique as target; negation is kept', () => {
  assert.deepEqual(ties("Iraq's campaign against Daesh went on.", ['Iraq', 'Daesh']), ['iraq opposes daesh']);
  assert.deepEqual(ties('Iraq does not oppose Turkey.', ['Iraq', 'Turkey']), ['iraq opposes turkey (negated)']);
  assert.deepEqual(ties('Iraq met Turkey in Baghdad.', ['Iraq', 'Turkey']), [], 'a meeting states no stance');
});
