import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupIncidents } from '../../src/analyze/incidents.js';
import type { Event } from '../../src/model/types.js';

function event(id: string, over: Partial<Event> = {}): Event {
  return {
    id, type: 'ASSAULT', mode: null, cameo: null, intensity: -9, sources: ['united-states'], targets: ['kataib-hezbollah'],
    date: '2019-12-29', location: null, modality: 'asserted', evidence: { sentence: 's', start: 0, end: 1, attributedTo: null }, confidence: 0.8, producer: { component: 'test', version: '1' }, ...over,
  };
}

test('reports of one strike in several articles form one incident; other happenings stay apart', () => {
  const incidents = groupIncidents([
    { articleId: 'a1', event: event('e1') },
    { articleId: 'a2', event: event('e2', { targets: ['kataib-hezbollah', 'pmf'] }) },
    { articleId: 'a3', event: event('e3', { date: '2019-12' }) },
    { articleId: 'a3', event: event('e4', { date: '2020-01-03', targets: ['qassem-soleimani'] }) },
    { articleId: 'a4', event: event('e5', { type: 'ACCUSE' }) },
    { articleId: 'a5', event: event('e6', { modality: 'negated' }) },
  ]);
  assert.deepEqual(incidents.map((i) => i.eventIds), [['e1', 'e2', 'e3']]);
});

test('two events of one article are never one incident (the article already merged its repeats)', () => {
  assert.deepEqual(groupIncidents([{ articleId: 'a1', event: event('e1') }, { articleId: 'a1', event: event('e2') }]), []);
});
