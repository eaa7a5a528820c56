// `orbit export` end to end, as a user runs it, on a small store made from the test fixtures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { fixtureStore } from './fixture.js';

const orbit = fileURLToPath(new URL('../../../bin/orbit.js', import.meta.url));
let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-export-cli-'));
  db = join(dir, 'fixture.db');
  await (await fixtureStore(db)).close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [orbit, 'export', ...args], { encoding: 'utf8', env: { ...process.env, ORBIT_DB: '', ...env }, cwd: dir });

test('orbit --help lists export, and export --help says its options', () => {
  const help = spawnSync(process.execPath, [orbit, '--help'], { encoding: 'utf8' });
  assert.match(help.stdout, /^\s+export\s+write a window's network/m);
  const own = run(['--help']);
  assert.equal(own.status, 0);
  for (const word of ['--format', 'gexf|graphml|csv|jsonl', '--from', '--actor', '--what', '--out']) assert.ok(own.stdout.includes(word), word);
});

test('gexf to stdout: the window only, and it parses', () => {
  const result = run(['--format', 'gexf', '--from', '2021', '--to', '2021', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n, _p, _l, attr) => !attr && ['node', 'edge', 'spell'].includes(n) }).parse(result.stdout);
  const edges = parsed.gexf.graph.edges.edge;
  assert.ok(edges.length > 0);
  for (const edge of edges) for (const spell of edge.spells.spell) assert.ok(spell.start >= '2021-01-01' && spell.end <= '2021-12-31', edge.id);
  assert.ok(!edges.some((e: { id: string }) => e.id.startsWith('event:ASSAULT')), 'the 2020 strike is outside');
});

test('csv nodes and jsonl claims to --out, around an actor, with the store from $ORBIT_DB', () => {
  const csv = join(dir, 'nodes.csv');
  const wrote = run(['--format', 'csv', '--what', 'nodes', '--actor', 'iran', '--out', csv], { ORBIT_DB: db });
  assert.equal(wrote.status, 0, wrote.stderr);
  assert.equal(wrote.stdout, '');
  assert.match(wrote.stderr, /wrote .*nodes\.csv \(csv, \d+ bytes\)/);
  const nodes = parseCsv(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
  assert.deepEqual(nodes.map((n) => n.id).sort(), ['iran', 'kataib-hezbollah'], 'Iran and whom its edges reach');

  const jsonl = join(dir, 'claims.jsonl');
  assert.equal(run(['--format', 'jsonl', '--actor', 'muqtada-al-sadr', '--actor', 'usa', '--from', '2020', '--to', '2020', '--db', db, '--out', jsonl]).status, 0);
  const ids = readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).id).sort();
  assert.deepEqual(ids, ['e1', 'e2', 'r8']);
});

test('graphml and edge csv to stdout', () => {
  const graphml = run(['--format', 'graphml', '--db', db]);
  assert.equal(graphml.status, 0, graphml.stderr);
  assert.match(graphml.stdout, /<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
  const edges = run(['--format', 'csv', '--db', db]);
  assert.equal(edges.status, 0);
  assert.match(edges.stdout.split('\r\n')[0], /^id,kind,type,source_id,source_name,target_id,target_name,count/);
});

test('bad inputs: each named, with a usage exit code for bad options', () => {
  const cases: [string[], number, RegExp][] = [
    [['--db', db], 2, /--format is required/],
    [['--format', 'pdf', '--db', db], 2, /--format: 'pdf' is not an export format \(gexf, graphml, csv, jsonl\)/],
    [['--format', 'gexf', '--from', '2020-13', '--db', db], 2, /--from: '2020-13' is not a date/],
    [['--format', 'gexf', '--from', '2021', '--to', '2020', '--db', db], 2, /--to: '2020' is before from '2021'/],
    [['--format', 'csv', '--what', 'rows', '--db', db], 2, /--what: 'rows' is not one of edges, nodes/],
    [['--format', 'gexf', '--what', 'nodes', '--db', db], 2, /--what chooses the CSV table/],
    [['--format', 'gexf', '--colour', 'red', '--db', db], 2, /Unknown option '--colour'/],
    [['--format', 'gexf', '--actor', 'nobody', '--db', db], 1, /--actor: no actor with id 'nobody'/],
    [['--format', 'gexf', '--db', join(dir, 'missing.db')], 1, /no store at .*missing\.db: run orbit ingest first/],
    [['--format', 'gexf', '--db', db, '--out', join(dir, 'no-such-folder', 'x.gexf')], 1, /no-such-folder.*no such folder/],
  ];
  for (const [args, status, message] of cases) {
    const result = run(args);
    assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message, args.join(' '));
    assert.match(result.stderr, /^orbit export: /);
  }
});

test("the app's filters: --types, --kinds, --min-evidence, --q narrow the file; a bad one is named by its flag", () => {
  const edges = (args: string[]) => {
    const result = run(['--format', 'csv', '--db', db, ...args]);
    assert.equal(result.status, 0, result.stderr);
    return (parseCsv(result.stdout, { columns: true }) as Record<string, string>[]);
  };
  const all = edges([]);
  const funds = edges(['--types', 'funds']);
  assert.ok(funds.length > 0 && funds.length < all.length, `${funds.length} of ${all.length} edges`);
  assert.ok(funds.every((e) => e.type === 'funds'));
  assert.ok(edges(['--kinds', 'state']).every((e) => e.source_id !== 'kataib-hezbollah' && e.target_id !== 'kataib-hezbollah'));
  assert.ok(edges(['--min-evidence', '2']).every((e) => e.evidence_ids.split(' ').length >= 2));
  const sadr = edges(['--q', 'sadr']);
  assert.ok(sadr.length > 0 && sadr.every((e) => e.source_id === 'muqtada-al-sadr' || e.target_id === 'muqtada-al-sadr'), JSON.stringify(sadr.map((e) => e.id)));
  const bad = run(['--format', 'csv', '--db', db, '--min-evidence', '0']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^orbit export: --min-evidence: '0' is not a whole number/);
  assert.match(run(['--format', 'csv', '--db', db, '--types', 'HUG']).stderr, /--types: 'HUG' is not one of/);
});
