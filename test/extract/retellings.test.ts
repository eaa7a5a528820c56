import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeRepeatedEvents } from '../../src/extract/events.js';
import type { Event } from '../../src/model/types.js';
import { producedBy } from '../../src/extract/producers.js';

const told = (id: string, start: number, sources: string[], targets: string[], extra: Partial<Event> = {}): Event => ({
  id, type: 'ASSAULT', mode: null, cameo: null, intensity: null, sources, targets, date: '2020-01-03', location: null, modality: 'asserted',
  evidence: { start, end: start + 10, sentence: `sentence at ${start}`, attributedTo: null }, confidence: 0.5, producer: producedBy('events', 'test'), ...extra,
});

test('one happening told in the lead, the details and the recap is one event with every telling as evidence', () => {
  const merged = mergeRepeatedEvents([
    told('lead', 0, ['usa'], ['kh']),
    told('details', 40, ['usa'], []),
    told('other', 60, ['kh'], ['usa'], { type: 'THREATEN' }),
    told('recap', 90, [], ['kh', 'ahh']),
    told('same sentence', 95, ['usa'], ['kh'], { evidence: { start: 90, end: 100, sentence: 'sentence at 90', attributedTo: null } }),
  ]);
  assert.deepEqual(merged.map((e) => e.id), ['lead', 'other']);
  const [strike] = merged;
  assert.equal(strike.evidence.start, 0);
  assert.deepEqual(strike.retellings?.map((t) => t.start), [40, 90]);
  assert.deepEqual([strike.sources, strike.targets], [['usa'], ['kh', 'ahh']]);
  assert.equal(merged[1].retellings, undefined);
});

test('tellings on other days or with other modalities stay apart', () => {
  const merged = mergeRepeatedEvents([told('a', 0, ['usa'], ['kh']), told('b', 40, ['usa'], ['kh'], { date: '2020-01-05' }), told('c', 80, ['usa'], ['kh'], { modality: 'future' })]);
  assert.deepEqual(merged.map((e) => [e.id, e.retellings?.length ?? 0]), [['a', 0], ['b', 0], ['c', 0]]);
});
