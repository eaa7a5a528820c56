import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateIndex, similarity } from '../../src/clean/dedupe.js';
import { readFixture } from './helpers.js';

const original = readFixture('dedupe/original.txt');
const read = (name: string) => readFixture(`dedupe/${name}.txt`);

function indexWithOriginal(): DuplicateIndex {
  const index = new DuplicateIndex();
  index.add('a-original', original);
  index.add('a-unrelated', read('unrelated'));
  return index;
}

test('a syndicated copy (same text, other footer) matches, not spun', () => {
  const match = indexWithOriginal().match(read('syndicated'));
  assert.equal(match?.id, 'a-original');
  assert.equal(match?.spun, false);
  assert.ok(match!.similarity > 0.7);
});

test('a synonym-spun copy matches as spun', () => {
  const match = indexWithOriginal().match(read('spun'));
  assert.equal(match?.id, 'a-original');
  assert.equal(match?.spun, true);
  // Few 5-grams survive spinning; the sentences still align.
  const measures = similarity(original, read('spun'));
  assert.ok(measures.jaccard < 0.3);
  assert.ok(measures.skeleton > 0.8);
  assert.ok(measures.aligned > 0.75);
});

test('a spun copy whose names were spun word by word ("Evergreen State", "Teheran", "Pontiff") still links to its original', () => {
  const swaps: Record<string, string> = {
    struck: 'smote', air: 'atmosphere', Wednesday: 'Wed', coalition: 'alliance', Coalition: 'Alliance', latest: 'up-to-date',
    troops: 'soldiery', spokesman: 'mouthpiece', landed: 'alighted', immediate: 'instant', casualties: 'fatalities',
    assessment: 'appraisal', security: 'surety', forces: 'drives', truck: 'motortruck', town: 'township', military: 'martial',
    statement: 'affirmation', group: 'radical', Washington: 'Evergreen State', Pope: 'Pontiff', Iraq: 'Irak', Iraqi: 'Iraki',
    Tehran: 'Teheran', Minister: 'Curate', visit: 'go to', investigation: 'probe', ordered: 'consecrated',
  };
  const spun = original.replace(/[\p{L}-]+/gu, (w) => swaps[w] ?? w);
  // Half the names changed: the skeleton gate must be loose, the sentence alignment does the work.
  assert.ok(similarity(original, spun).skeleton < 0.6);
  const match = indexWithOriginal().match(spun);
  assert.equal(match?.id, 'a-original');
  assert.equal(match?.spun, true);
});

test('another outlet\'s own story on the same attack does not match', () => {
  assert.equal(indexWithOriginal().match(read('same-event')), null);
  const measures = similarity(original, read('same-event'));
  assert.ok(measures.aligned < 0.4, 'sentences do not align');
});

test('an unrelated article does not match', () => {
  const index = new DuplicateIndex();
  index.add('a-original', original);
  assert.equal(index.match(read('unrelated')), null);
});

test('an identical text matches itself with similarity 1; an empty index matches nothing', () => {
  assert.equal(new DuplicateIndex().match(original), null);
  assert.deepEqual(indexWithOriginal().match(original), { id: 'a-original', similarity: 1, spun: false });
});

test('a truncated syndicated copy (the first half) still matches by containment', () => {
  const half = original.split('\n\n').slice(0, 4).join('\n\n');
  const match = indexWithOriginal().match(half);
  assert.equal(match?.id, 'a-original');
  assert.equal(match?.spun, false);
});
