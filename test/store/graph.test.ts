import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph, type GraphActorRow, type GraphEventRow } from '../../src/analyze/graph.js';

const actors: GraphActorRow[] = [
  { id: 'a', name: 'Alpha', kind: 'state', country: 'AAA', weight: 5 },
  { id: 'b', name: 'Beta', kind: 'armed_group', country: null, weight: 2 },
  { id: 'c', name: 'Gamma', kind: 'person', country: null, weight: 0 },
  { id: 'd', name: 'Delta', kind: 'party', country: null, weight: 0 },
];
const ev = (eventId: string, type: GraphEventRow['type'], sourceId: string, targetId: string, when: string | null, intensity: number | null): GraphEventRow =>
  ({ eventId, type, sourceId, targetId, when, intensity, evidenceId: `v-${eventId}` });

test('events of one type between one pair make one edge with count, dates and mean intensity', () => {
  const graph = buildGraph({
    actors,
    events: [ev('1', 'ASSAULT', 'a', 'b', '2020-01-02', -10), ev('2', 'ASSAULT', 'a', 'b', '2019-05', -8), ev('3', 'ASSAULT', 'a', 'b', null, null)],
    relations: [],
  });
  assert.deepEqual(graph.edges, [{
    id: 'event:ASSAULT:a>b', kind: 'event', source: 'a', target: 'b', type: 'ASSAULT', count: 3,
    first: '2019-05', last: '2020-01-02', meanIntensity: -9, tone: 'conflict', evidenceIds: ['v-1', 'v-2', 'v-3'],
  }]);
  assert.deepEqual(graph.nodes.map((n) => [n.id, n.weight]), [['a', 5], ['b', 2]]);
});

test('direction, type and kind keep edges apart; relations aggregate with their spans', () => {
  const graph = buildGraph({
    actors,
    events: [ev('1', 'AID', 'a', 'b', '2020', 7), ev('2', 'AID', 'b', 'a', '2020', null), ev('3', 'THREATEN', 'a', 'b', '2020', null)],
    relations: [
      { relationId: 'r1', type: 'backs', sourceId: 'a', targetId: 'c', from: '2014', to: null, evidenceId: 'x' },
      { relationId: 'r2', type: 'backs', sourceId: 'a', targetId: 'c', from: '2018-02', to: '2019', evidenceId: 'x' },
      { relationId: 'r3', type: 'opposes', sourceId: 'c', targetId: 'a', from: null, to: null, evidenceId: 'y' },
    ],
  });
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  assert.equal(graph.edges.length, 5);
  assert.equal(byId.get('event:AID:a>b')!.tone, 'cooperation');
  assert.equal(byId.get('event:AID:b>a')!.meanIntensity, null);
  assert.equal(byId.get('event:THREATEN:a>b')!.tone, 'conflict');
  const backs = byId.get('relation:backs:a>c')!;
  assert.deepEqual([backs.count, backs.first, backs.last, backs.tone, backs.evidenceIds], [2, '2014', '2019', 'cooperation', ['x']]);
  assert.equal(byId.get('relation:opposes:c>a')!.tone, 'conflict');
  // c has no mentions in the window but takes part in edges; d has neither
  assert.deepEqual(graph.nodes.map((n) => n.id).sort(), ['a', 'b', 'c']);
});

test('self-loops and actors the store does not know draw nothing', () => {
  const graph = buildGraph({ actors, events: [ev('1', 'AID', 'a', 'a', null, 1), ev('2', 'AID', 'a', 'ghost', null, 1)], relations: [] });
  assert.deepEqual(graph.edges, []);
  assert.deepEqual(graph.nodes.map((n) => n.id), ['a', 'b']);
});

test('maxNodes keeps the best-connected actors and the edges between them', () => {
  const graph = buildGraph(
    { actors, events: [ev('1', 'AID', 'c', 'd', null, 1), ev('2', 'AID', 'c', 'd', null, 1), ev('3', 'AID', 'a', 'c', null, 1)], relations: [] },
    { maxNodes: 2, evidencePerEdge: 1 },
  );
  assert.deepEqual(graph.nodes.map((n) => n.id), ['a', 'c']);
  assert.deepEqual(graph.edges.map((e) => e.id), ['event:AID:a>c']);
});
