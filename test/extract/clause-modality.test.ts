// Modality read from the clause's parse (models/lexicon/modality.yaml), on sentences parsed by the
// committed model: the predicate's own cues, then the words that govern its clause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../src/nlp/parser-component.js';
import { clauseModality, modalityLexicon } from '../../src/extract/clause-modality.js';
import { MODALITIES } from '../../src/model/types.js';

function modalityOf(text: string, form: string): string {
  const tokens = parseText(text);
  const at = tokens.findIndex((t) => t.form === form);
  assert.ok(at >= 0, `${form} in ${text}`);
  return clauseModality(tokens, at, { start: 0, end: tokens.length }).modality;
}

test('own cues: negation, future, possibility, condition, allegation', () => {
  assert.equal(modalityOf('Kataib Hezbollah did not attack the base.', 'attack'), 'negated');
  assert.equal(modalityOf('Kadhimi will visit Tehran next month.', 'visit'), 'future');
  assert.equal(modalityOf('Asaib Ahl al-Haq could attack the embassy.', 'attack'), 'hypothetical');
  assert.equal(modalityOf('The militia allegedly attacked the convoy.', 'attacked'), 'claimed');
  assert.equal(modalityOf('The militia attacked the convoy on Sunday.', 'attacked'), 'asserted');
  assert.equal(modalityOf('Iran said it would summon the ambassador.', 'summon'), 'future');
  assert.equal(modalityOf('The militia would resume attacks if US forces stayed.', 'resume'), 'hypothetical');
});

test('governors: denied, planned, claimed, and a denied claim', () => {
  assert.equal(modalityOf('Kataib Hezbollah denied attacking the embassy.', 'attacking'), 'negated');
  assert.equal(modalityOf('Iraq plans to expel the foreign troops.', 'expel'), 'future');
  assert.equal(modalityOf('Tehran accused Washington of attacking the convoy.', 'attacking'), 'claimed');
  assert.equal(modalityOf('Iran denied reports that it had closed the border.', 'closed'), 'negated');
});

test("a request's content is no event, whatever its auxiliaries", () => {
  assert.equal(modalityOf('Iran urged Iraq to expel the American forces.', 'expel'), 'none');
  assert.equal(modalityOf('Khamenei demanded that US forces should leave the region.', 'leave'), 'none');
  assert.equal(modalityOf('The minister called on Baghdad to close the border.', 'close'), 'none');
  assert.equal(modalityOf('A group calling itself Ashab al-Kahf attacked a US convoy.', 'attacked'), 'asserted');
});

test('arranged acts, focus "not only", and an object noun of another act', () => {
  assert.equal(modalityOf('The tower is to host a ceremony on Friday.', 'host'), 'future');
  assert.equal(modalityOf('Not only did the United States withdraw from the deal, it imposed sanctions.', 'withdraw'), 'asserted');
  assert.equal(modalityOf('Iran will pursue the assassination of the general in international courts.', 'assassination'), 'asserted');
  assert.equal(modalityOf('The militia will launch an attack on the base.', 'attack'), 'future');
  assert.equal(modalityOf('Iran will take revenge for assassinating the commander.', 'assassinating'), 'asserted');
});

test('wishes and capabilities are no events', () => {
  assert.equal(modalityOf('They want America to fight Iran.', 'fight'), 'none');
  assert.equal(modalityOf('Our missiles can destroy any target in the region.', 'destroy'), 'none');
});

test('a conjunct shares the auxiliary it hangs from but not the negation', () => {
  assert.equal(modalityOf('The two ministers will meet and sign the agreement.', 'sign'), 'future');
  assert.equal(modalityOf('The group did not attack the base but warned the Americans.', 'warned'), 'asserted');
});

test('every cue names a known modality', () => {
  const { own, governors } = modalityLexicon();
  const known = new Set<string>([...MODALITIES, 'none']);
  assert.ok(own.length > 5 && governors.size > 20);
  for (const cue of [...own, ...[...governors.values()].flat()]) assert.ok(known.has(cue.modality), cue.id);
});
