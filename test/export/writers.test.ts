// Each export format written from the fixture store and read back by a real parser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Store } from '../../src/store/index.js';
import { exportWindow, type ExportRequest } from '../../src/export/index.js';
import { exportNetwork, firstDay, lastDay } from '../../src/export/network.js';
import { csvField } from '../../src/export/csv.js';
import { xmlSafe } from '../../src/export/xml.js';
import type { Graph } from '../../src/analyze/graph.js';
import { fixtureStore, HOSTILE_NAME } from './fixture.js';

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-export-'));
  store = await fixtureStore(join(dir, 'orbit.db'));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const WINDOW = { from: '2020-01', to: '2021-04' };
const write = async (request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>) =>
  (await exportWindow(store, { generator: 'orbit test', ...WINDOW, ...request })).body;

const LISTS = new Set(['attributes', 'attribute', 'node', 'edge', 'attvalue', 'spell', 'key', 'data']);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, isArray: (name, _path, _leaf, isAttribute) => !isAttribute && LISTS.has(name) });
const inWindow = (day: string) => day >= '2020-01-01' && day <= '2021-04-30';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

test('dates of any precision become whole days', () => {
  assert.deepEqual([firstDay('2020'), lastDay('2020')], ['2020-01-01', '2020-12-31']);
  assert.deepEqual([firstDay('2024-02'), lastDay('2024-02'), lastDay('2023-02')], ['2024-02-01', '2024-02-29', '2023-02-28']);
  assert.deepEqual([firstDay('2020-03-15'), lastDay('2020-03-15')], ['2020-03-15', '2020-03-15']);
});

test('intervals are clipped to the window; a node spans its edges; actors narrow the network', () => {
  const graph: Graph = {
    nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id, kind: 'state', country: null, weight: 1 })),
    edges: [
      { id: 'e1', kind: 'relation', source: 'a', target: 'b', type: 'backs', count: 1, first: '2019-12', last: '2020-02', meanIntensity: null, tone: 'cooperation', evidenceIds: [] },
      { id: 'e2', kind: 'event', source: 'b', target: 'c', type: 'AID', count: 2, first: '2020-06-01', last: '2020-07', meanIntensity: 5, tone: 'cooperation', evidenceIds: ['x'] },
      { id: 'e3', kind: 'relation', source: 'c', target: 'd', type: 'leads', count: 1, first: null, last: null, meanIntensity: null, tone: 'neutral', evidenceIds: [] },
    ],
  };
  const network = exportNetwork(graph, { from: '2020', to: '2020' });
  const interval = (id: string) => network.edges.find((e) => e.id === id)!.interval;
  assert.deepEqual(interval('e1'), { start: '2020-01-01', end: '2020-02-29' });
  assert.deepEqual(interval('e2'), { start: '2020-06-01', end: '2020-07-31' });
  assert.deepEqual(interval('e3'), { start: '2020-01-01', end: '2020-12-31' }, 'open both ways: the whole window');
  assert.deepEqual(network.nodes.find((n) => n.id === 'b')!.interval, { start: '2020-01-01', end: '2020-07-31' });
  assert.equal(exportNetwork(graph, {}).edges.find((e) => e.id === 'e3')!.interval, null, 'no window, no dates: always there');

  const around = exportNetwork(graph, { from: '2020', to: '2020' }, ['a']);
  assert.deepEqual(around.edges.map((e) => e.id), ['e1']);
  assert.deepEqual(around.nodes.map((n) => n.id), ['a', 'b']);
});

test('GEXF 1.3, dynamic: nodes, edges, attributes and spells inside the window; hostile text escaped', async () => {
  const text = await write({ format: 'gexf' });
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
  assert.ok(!text.includes('<b>') && !text.includes('\u0001'), 'markup in a name is escaped, control characters dropped');
  const { gexf } = xml.parse(text);
  assert.equal(gexf.xmlns, 'http://gexf.net/1.3');
  assert.equal(gexf.version, '1.3');
  const { graph } = gexf;
  assert.deepEqual([graph.mode, graph.defaultedgetype, graph.timeformat, graph.start, graph.end], ['dynamic', 'directed', 'date', '2020-01-01', '2021-04-30']);
  const nodeAttributes = graph.attributes.find((a: { class: string }) => a.class === 'node').attribute.map((a: { id: string }) => a.id);
  const edgeAttributes = graph.attributes.find((a: { class: string }) => a.class === 'edge').attribute.map((a: { id: string }) => a.id);
  assert.deepEqual(nodeAttributes, ['kind', 'country', 'weight']);
  for (const id of ['kind', 'type', 'count', 'tone', 'first', 'last', 'evidenceIds']) assert.ok(edgeAttributes.includes(id), id);

  const nodes = graph.nodes.node;
  const edges = graph.edges.edge;
  const ids = new Set(nodes.map((n: { id: string }) => n.id));
  assert.deepEqual([...ids].sort(), ['hostile-brigade', 'iran', 'iraq-government', 'kataib-hezbollah', 'muqtada-al-sadr', 'usa']);
  assert.equal(nodes.find((n: { id: string }) => n.id === 'hostile-brigade').label, xmlSafe(HOSTILE_NAME));
  const edgeIds = edges.map((e: { id: string }) => e.id).sort();
  assert.deepEqual(edgeIds, [
    'event:ASSAULT:usa>kataib-hezbollah', 'event:RETREAT:kataib-hezbollah>iran', 'event:THREATEN:kataib-hezbollah>usa',
    'relation:backs:hostile-brigade>kataib-hezbollah', 'relation:backs:iran>kataib-hezbollah', 'relation:funds:iran>kataib-hezbollah',
    'relation:leads:muqtada-al-sadr>iraq-government',
  ]);
  for (const item of [...nodes, ...edges]) {
    assert.equal(item.spells.spell.length, 1, item.id);
    const { start, end } = item.spells.spell[0];
    assert.match(start, DAY);
    assert.ok(inWindow(start) && inWindow(end) && start <= end, `${item.id}: ${start}..${end}`);
  }
  for (const edge of edges) {
    assert.ok(ids.has(edge.source) && ids.has(edge.target), edge.id);
    assert.equal(edge.kind, edge.label, 'parallel edges told apart by their type');
    const values = Object.fromEntries(edge.attvalues.attvalue.map((v: { for: string; value: string }) => [v.for, v.value]));
    assert.equal(values.type, edge.label);
    assert.equal(values.count, edge.weight);
    assert.ok(values.evidenceIds.length > 0);
  }
  const backs = edges.find((e: { id: string }) => e.id === 'relation:backs:iran>kataib-hezbollah');
  assert.deepEqual(backs.spells.spell[0], { start: '2021-03-01', end: '2021-03-01' });
  assert.equal(backs.weight, '1', "the copy's claim is not drawn twice");
});

test('GraphML: every attribute declared as a key, every data refers to one', async () => {
  const { graphml } = xml.parse(await write({ format: 'graphml' }));
  assert.equal(graphml.xmlns, 'http://graphml.graphdrawing.org/xmlns');
  const keys = new Map(graphml.key.map((k: Record<string, string>) => [k.id, k]));
  const names = (target: string) => graphml.key.filter((k: Record<string, string>) => k.for === target).map((k: Record<string, string>) => k['attr.name']);
  assert.deepEqual(names('node'), ['label', 'kind', 'country', 'weight', 'start', 'end']);
  for (const name of ['kind', 'type', 'count', 'tone', 'first', 'last', 'start', 'end', 'evidenceIds']) assert.ok(names('edge').includes(name), name);
  const { graph } = graphml;
  assert.equal(graph.edgedefault, 'directed');
  assert.equal(graph.node.length, 6);
  assert.equal(graph.edge.length, 7);
  for (const [items, target] of [[graph.node, 'node'], [graph.edge, 'edge']] as const) {
    for (const item of items) {
      for (const d of item.data) assert.equal((keys.get(d.key) as Record<string, string>)?.for, target, `${item.id}: ${d.key}`);
      const get = (name: string) => item.data.find((d: { key: string }) => (keys.get(d.key) as Record<string, string>)['attr.name'] === name)?.['#text'];
      assert.ok(inWindow(get('start')) && inWindow(get('end')), item.id);
    }
  }
  const hostile = graph.node.find((n: { id: string }) => n.id === 'hostile-brigade');
  assert.equal(hostile.data.find((d: { key: string }) => d.key === 'n-label')['#text'], xmlSafe(HOSTILE_NAME));
});

test('CSV: edges with names and ids, or nodes; quoting and formula guard', async () => {
  const edges = parseCsv(await write({ format: 'csv' }), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(edges[0]), [
    'id', 'kind', 'type', 'source_id', 'source_name', 'target_id', 'target_name', 'count', 'tone', 'mean_intensity',
    'first', 'last', 'start', 'end', 'evidence_ids',
  ]);
  assert.equal(edges.length, 7);
  const hostile = edges.find((e) => e.source_id === 'hostile-brigade')!;
  assert.equal(hostile.source_name, `'${HOSTILE_NAME}`, 'a name a spreadsheet would run as a formula is prefixed');
  assert.equal(hostile.target_name, 'Kataib Hezbollah');
  const assault = edges.find((e) => e.type === 'ASSAULT')!;
  assert.deepEqual([assault.mean_intensity, assault.first, assault.tone], ['-10', '2020-01-02', 'conflict']);

  const nodes = parseCsv(await write({ format: 'csv', table: 'nodes' }), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(nodes[0]), ['id', 'name', 'kind', 'country', 'weight', 'start', 'end']);
  assert.equal(nodes.length, 6);
  assert.deepEqual([csvField('a,b'), csvField('say "hi"'), csvField('two\nlines'), csvField(-3), csvField(null), csvField('@x')],
    ['"a,b"', '"say ""hi"""', '"two\nlines"', '-3', '', "'@x"]);
});

test('JSONL: one claim per line, every modality, copies marked, with sentence, article and date', async () => {
  const text = await write({ format: 'jsonl' });
  assert.ok(text.endsWith('\n'));
  const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
  const byId = new Map(lines.map((l) => [l.id, l]));
  assert.deepEqual([...byId.keys()].sort(), ['e1', 'e2', 'e6', 'r1', 'r5', 'r6', 'r7', 'r8']);
  const r7 = byId.get('r7');
  assert.deepEqual([r7.claim, r7.type, r7.modality, r7.attributedTo, r7.source.name], ['relation', 'backs', 'claimed', 'usa', HOSTILE_NAME]);
  assert.equal(byId.get('r6').article.duplicateOf, 'a5');
  assert.equal(byId.get('r5').article.duplicateOf, null);
  const e1 = byId.get('e1');
  assert.deepEqual([e1.claim, e1.modality, e1.date, e1.mode, e1.article.id], ['event', 'asserted', '2020-01-02', 'aerial', 'a1']);
  assert.equal(e1.sentence, 'US forces struck Kataib Hezbollah near Baghdad on Thursday.');
  const dates = lines.map((l) => l.date);
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');

  const all = (await write({ format: 'jsonl', from: undefined, to: undefined })).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(all.find((l) => l.id === 'e4').modality, 'hypothetical');
  assert.equal(all.find((l) => l.id === 'r2').modality, 'negated');
  assert.equal(all.find((l) => l.id === 'e5').date, null, 'an undated claim is kept, last');
  assert.equal(all.at(-1).date, null);

  const sadr = (await write({ format: 'jsonl', actors: ['muqtada-al-sadr'] })).trimEnd().split('\n').map((l) => JSON.parse(l).id);
  assert.deepEqual(sadr, ['r8']);
});

test('an unknown actor or a table for a format without tables is refused, naming it', async () => {
  await assert.rejects(write({ format: 'gexf', actors: ['nobody'] }), /no actor with id 'nobody'/);
  await assert.rejects(write({ format: 'gexf', table: 'nodes' }), /'what' chooses the CSV table/);
});

test('copiesAmong names the copies among article ids and what they copy', async () => {
  assert.deepEqual(await store.copiesAmong(['a1', 'a3', 'a5', 'a6', 'nope']), [{ id: 'a3', duplicateOf: 'a1' }, { id: 'a6', duplicateOf: 'a5' }]);
  assert.deepEqual(await store.copiesAmong([]), []);
});
