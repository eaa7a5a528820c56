import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testKb } from '../helpers/kb.js';
import { extractDoc } from '../helpers/article.js';

const kb = testKb();
const extract = (text: string, date: string | null = '2021-03-14') => extractDoc(text, kb, date);

test('mentions: aliases, transliterations, case-sensitive acronyms, demonyms', () => {
  const a = extract('Esmail Ghaani met KH leaders. Iranian officials said us and the US agreed.');
  const ids = a.mentions.map((m) => `${m.actorId}:${m.text}:${m.method}`);
  assert.deepEqual(ids, ['esmail-qaani:Esmail Ghaani:alias', 'kataib-hezbollah:KH:alias', 'iran:Iranian:demonym', 'united-states:US:alias']);
  for (const m of a.mentions) assert.equal(a.text.slice(m.start, m.end), m.text);
});

test('an office names whoever held it on the date the sentence speaks of', () => {
  const a = extract("Iraq's prime minister condemned the attack. In November 2019, Iraq's prime minister resigned.", '2021-03-14');
  assert.deepEqual(a.mentions.map((m) => m.actorId), ['mustafa-al-kadhimi', 'adil-abdul-mahdi']);
});

test('a title before a name gives the person the office', () => {
  const a = extract('Iraqi Prime Minister Mohammed Shia al-Sudani visited Tehran.', '2023-05-01');
  assert.deepEqual(a.mentions.map((m) => m.actorId), ['mohammed-shia-al-sudani', 'iran']);
  const role = a.relations.find((r) => r.type === 'holds_role');
  assert.equal(role?.source, 'mohammed-shia-al-sudani');
  assert.equal(role?.target, 'iraq');
  assert.equal(role?.role, 'iraq-prime-minister');
  const visit = a.events.find((e) => e.type === 'CONSULT');
  assert.deepEqual([visit?.sources, visit?.targets, visit?.mode], [['mohammed-shia-al-sudani'], ['iran'], 'visit']);
});

test('events: source, target, passive voice, evidence sentence', () => {
  const a = extract('BAGHDAD — The base was attacked by Kataib Hezbollah on Tuesday. The United States struck Kataib Hezbollah in Baghdad.');
  assert.equal(a.events.length, 2);
  const [first, second] = a.events;
  assert.deepEqual([first.type, first.sources, first.date], ['ASSAULT', ['kataib-hezbollah'], '2021-03-09']);
  assert.deepEqual([second.type, second.sources, second.targets], ['ASSAULT', ['united-states'], ['kataib-hezbollah']]);
  assert.equal(second.evidence.sentence, 'The United States struck Kataib Hezbollah in Baghdad.');
  assert.equal(a.text.slice(second.evidence.start, second.evidence.end), second.evidence.sentence);
  assert.equal(second.location?.name, 'Baghdad');
  assert.equal(second.intensity, -9);
});

test('events: coordinated actors share the role; passive with an instrument', () => {
  const a = extract('Kataib Hezbollah and Asaib Ahl al-Haq condemned the United States. Khazali was killed in a US drone strike.');
  assert.deepEqual(a.events[0].sources, ['kataib-hezbollah', 'asaib-ahl-al-haq']);
  assert.equal(a.events[0].type, 'ACCUSE');
  const killed = a.events.find((e) => e.type === 'ASSAULT');
  assert.deepEqual([killed?.sources, killed?.targets], [['united-states'], ['qais-al-khazali']]);
});

test('modality: denied, planned, possible, claimed', () => {
  const modality = (s: string) => extract(s).events.map((e) => e.modality);
  assert.deepEqual(modality('Kataib Hezbollah denied attacking the United States.'), ['negated']);
  assert.deepEqual(modality('Kadhimi will visit Iran next week.'), ['future']);
  assert.deepEqual(modality('Asaib Ahl al-Haq could attack the United States.'), ['hypothetical']);
  assert.deepEqual(modality('Kataib Hezbollah allegedly attacked the United States.'), ['claimed']);
  assert.deepEqual(modality('Kataib Hezbollah attacked the United States.'), ['asserted']);
  // A wish and a capability state no happening (models/lexicon/modality.yaml: modality.wished, modality.capability).
  assert.deepEqual(modality('Kataib Hezbollah wants the United States to attack Iran.'), []);
  assert.deepEqual(modality('The IRGC can destroy any US base in the region.'), []);
});

test('attribution names who made the claim', () => {
  const a = extract('Kataib Hezbollah attacked the United States, according to Iraqi security officials.');
  assert.equal(a.events[0].evidence.attributedTo, 'Iraqi security officials');
  const b = extract('The United States said Kataib Hezbollah attacked the base.');
  assert.equal(b.events[0].evidence.attributedTo, 'united-states');
});

test('relations from templates: backs, leads, part_of, negated', () => {
  const rel = (s: string) => extract(s).relations.map((r) => `${r.source} ${r.negated ? 'not ' : ''}${r.type} ${r.target}`);
  assert.deepEqual(rel('Iran-backed Kataib Hezbollah fired rockets.'), ['iran backs kataib-hezbollah']);
  assert.deepEqual(rel('Qais al-Khazali, the leader of Asaib Ahl al-Haq, spoke.'), ['qais-al-khazali leads asaib-ahl-al-haq']);
  assert.deepEqual(rel('Kataib Hezbollah, a faction of the Popular Mobilization Forces, fired.'), ['kataib-hezbollah part_of pmf']);
  assert.deepEqual(rel('Asaib Ahl al-Haq denied being funded by Iran.'), ['iran not funds asaib-ahl-al-haq']);
  assert.deepEqual(rel('The Quds Force trained Kataib Hezbollah and Asaib Ahl al-Haq.'), [
    'quds-force trains kataib-hezbollah',
    'quds-force trains asaib-ahl-al-haq',
  ]);
});

test('actors nobody listed are found by the shape of their names', () => {
  const article = extract('A group calling itself Ashab al-Kahf attacked a US convoy. Its commander Abu Ali al-Askari vowed more.');
  const { actors } = article;
  const discovered = actors.filter((a) => a.discovered).map((a) => `${a.name}:${a.kind}`);
  assert.deepEqual(discovered, ['Ashab al-Kahf:armed_group', 'Abu Ali al-Askari:person']);
  assert.ok(article.events.some((e) => e.type === 'ASSAULT' && e.sources[0] === 'x-ashab-al-kahf' && e.targets[0] === 'united-states'));
});

test('relevance: theater actors make an article relevant, others do not', () => {
  assert.ok(extract('Kataib Hezbollah attacked the base. Khazali spoke.').relevance > 0.9);
  assert.equal(extract('Armenia and Azerbaijan signed a deal. The weather was fine.').relevance, 0);
});

test('the same input gives the same ids', () => {
  const text = 'Kataib Hezbollah attacked the United States.';
  assert.deepEqual(extract(text).events.map((e) => e.id), extract(text).events.map((e) => e.id));
});

test('descriptions name the institution of the country the story is set in', () => {
  const inBaghdad = extract('BAGHDAD — Sadr urged the government to act. Iraqi officials agreed.');
  assert.ok(inBaghdad.mentions.some((m) => m.actorId === 'iraqi-government' && m.method === 'description'));
  const elsewhere = extract('Armenian officials said the government would resign.');
  assert.ok(!elsewhere.mentions.some((m) => m.actorId === 'iraqi-government'), 'not Iraq\'s government in a story about Armenia');
});

test('pronouns: a sentence opening with He, an object him', () => {
  const a = extract('Mustafa al-Kadhimi arrived in Baghdad. He condemned the United States. Mark Esper telephoned him on Sunday.');
  const coref = a.mentions.filter((m) => m.method === 'coreference').map((m) => `${m.text}=${m.actorId}`);
  assert.deepEqual(coref, ['He=mustafa-al-kadhimi', 'him=mustafa-al-kadhimi']);
  assert.ok(a.events.some((e) => e.type === 'ACCUSE' && e.sources[0] === 'mustafa-al-kadhimi'));
  assert.ok(a.events.some((e) => e.type === 'CONSULT' && e.sources[0] === 'mark-esper' && e.targets[0] === 'mustafa-al-kadhimi'));
});

test("a leader's supporters are the movement the knowledge base names", () => {
  const a = extract("Sadr's supporters stormed the parliament. Sadr ordered his followers to leave the Green Zone.");
  const movement = a.mentions.filter((m) => m.actorId === 'sadrist-movement').map((m) => m.text);
  assert.deepEqual(movement, ["Sadr's supporters", 'his followers']);
  assert.ok(a.events.some((e) => e.type === 'REQUEST' && e.sources[0] === 'muqtada-al-sadr' && e.targets[0] === 'sadrist-movement'));
});

test('event dates: the day the story is on carries to the next sentence; series and standing states have none', () => {
  const a = extract('Kataib Hezbollah attacked the United States on Tuesday. Khazali condemned the United States. The United States has been attacked 40 times since January.');
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.date}`), ['ASSAULT:2021-03-09', 'ACCUSE:2021-03-09', 'ASSAULT:null']);
});

test('"the group" is the last armed group named just before', () => {
  const a = extract('Kataib Hezbollah fired rockets at the base. Washington blamed the group on Monday.');
  const coref = a.mentions.filter((m) => m.method === 'coreference').map((m) => `${m.text}=${m.actorId}`);
  assert.deepEqual(coref, ['the group=kataib-hezbollah']);
  assert.ok(a.events.some((e) => e.type === 'ACCUSE' && e.sources[0] === 'united-states' && e.targets[0] === 'kataib-hezbollah'));
});

test('an event takes its source and target from the parse, not the nearest name', () => {
  // A real error of the slot rules (issue 6): "assassinated Iran's legendary commander Soleimani" -> target Iran.
  const a = extract("The United States assassinated Iran's legendary commander Qassem Soleimani in Baghdad on Friday.", '2020-01-03');
  const strike = a.events.find((e) => e.type === 'ASSAULT');
  // (the test knowledge base does not list Soleimani: the NER finds him)
  assert.deepEqual([strike?.sources, strike?.targets], [['united-states'], ['x-qassem-soleimani']]);
});

test('a title below its office or owned by it names no holder (models/lexicon/titles.yaml)', () => {
  const deputy = extract('Deputy Prime Minister Kadhimi visited Erbil on Monday. He met officials there.');
  assert.equal(deputy.relations.filter((r) => r.type === 'holds_role').length, 0);
  const envoy = extract("Khazali, the Iraqi Prime Minister's envoy, visited Erbil on Monday. He met officials there.");
  assert.ok(!envoy.mentions.some((m) => m.actorId === 'mustafa-al-kadhimi'), 'the envoy is not the prime minister');
  assert.equal(envoy.relations.filter((r) => r.type === 'holds_role').length, 0);
  const office = extract('Prime Minister Kadhimi visited Erbil on Monday. He met officials there.');
  assert.equal(office.relations.filter((r) => r.type === 'holds_role').length, 1);
});
