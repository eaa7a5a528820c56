import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDescriptions, type ActorFacts } from '../../src/extract/descriptions.js';
import { producedBy } from '../../src/extract/producers.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import type { ActorKind, Mention } from '../../src/model/types.js';

const ACTORS: Record<string, { kind: ActorKind; country: string | null; titles?: { title: string; country: string | null }[] }> = {
  allawi: { kind: 'person', country: null },
  suhail: { kind: 'person', country: null },
  hussein: { kind: 'person', country: null },
  zarif: { kind: 'person', country: 'IRN', titles: [{ title: 'Foreign Minister', country: 'IRN' }] },
  abdollahian: { kind: 'person', country: 'IRN' },
  khazali: { kind: 'person', country: 'IRQ' },
  aah: { kind: 'armed_group', country: 'IRQ' },
  iraq: { kind: 'state', country: 'IRQ' },
  iran: { kind: 'state', country: 'IRN' },
};
const facts: ActorFacts = {
  kindOf: (id) => ACTORS[id]?.kind,
  countryOf: (id) => ACTORS[id]?.country ?? null,
  titlesOf: (id) => ACTORS[id]?.titles ?? [],
};

/** names: [surface, actor id], each surface's every occurrence a mention. */
function resolve(text: string, names: [string, string][]): string[] {
  const analyzer = sharedAnalyzer();
  const sentences = analyzer.sentences(text);
  const tokens = sentences.flatMap((s) => {
    const t = analyzer.tag(s.words.map((w) => w.form));
    return s.words.map((w, i) => ({ ...w, upos: t.upos[i] }));
  });
  const mentions: Mention[] = [];
  for (const [surface, id] of names) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      mentions.push({ actorId: id, text: surface, start: at, end: at + surface.length, method: 'alias', producer: producedBy('mentions', 'test') });
    }
  }
  return resolveDescriptions(text, sentences, tokens, mentions, facts).map((m) => `${m.text}=${m.actorId}`);
}

test('an office the article gave a person stands for them later: "the Prime Minister-designate"', () => {
  const text = 'Parliament will examine the cabinet of Iraqi Prime Minister-designate Mohammed Tawfiq Allawi on Wednesday. Hisham Al-Suhail called on the Prime Minister-designate to restore dialogue.';
  assert.deepEqual(resolve(text, [['Iraqi', 'iraq'], ['Mohammed Tawfiq Allawi', 'allawi'], ['Hisham Al-Suhail', 'suhail']]), ['the Prime Minister-designate=allawi']);
});

test('the country a description names must be the person\'s: the Iranian foreign minister is not the Iraqi one', () => {
  const text = 'Zarif met Iraqi Foreign Minister Fuad Hussein in Baghdad on Sunday. The Iranian foreign minister said the talks were useful.';
  assert.deepEqual(resolve(text, [['Iraqi', 'iraq'], ['Fuad Hussein', 'hussein'], ['Zarif', 'zarif'], ['Iranian', 'iran']]), ['The Iranian foreign minister=zarif']);
  // without the country, the person named last whose title fits
  const plain = 'Zarif met Iraqi Foreign Minister Fuad Hussein in Baghdad on Sunday. Later the foreign minister flew home.';
  assert.deepEqual(resolve(plain, [['Iraqi', 'iraq'], ['Fuad Hussein', 'hussein'], ['Zarif', 'zarif']]), ['the foreign minister=hussein']);
});

test('"Iran\'s top diplomat" is its foreign minister (a synonym written as data)', () => {
  const text = 'Zarif arrived in Baghdad on Sunday. Iran\'s top diplomat met the prime minister.';
  assert.deepEqual(resolve(text, [['Zarif', 'zarif'], ['Iran', 'iran']]), ["Iran's top diplomat=zarif"]);
});

test('a lede that opens on an indefinite description is about the person the next sentence names', () => {
  const text = 'TEHRAN – A senior foreign policy advisor to the parliament speaker on Sunday praised Iraq for protecting its independence. “Iraq has a major role in the region,” Hossein Amir Abdollahian said. These are a great achievement, the advisor remarked.';
  assert.deepEqual(resolve(text, [['Iraq', 'iraq'], ['Hossein Amir Abdollahian', 'abdollahian']]), ['A senior foreign policy advisor=abdollahian', 'the advisor=abdollahian']);
});

test('appositions, offices named in full, plurals and descriptions that fit nobody stay as they are', () => {
  assert.deepEqual(resolve('Khazali, the leader of Asaib Ahl al-Haq, said the group would fight.', [['Khazali', 'khazali'], ['Asaib Ahl al-Haq', 'aah']]), []);
  assert.deepEqual(resolve('Zarif met Khazali. The ministers of both countries will meet again.', [['Zarif', 'zarif'], ['Khazali', 'khazali']]), []);
  assert.deepEqual(resolve('Zarif met Khazali on Sunday. The ambassador said nothing.', [['Zarif', 'zarif'], ['Khazali', 'khazali']]), []);
});
