// One place to add a type: models/ontology.yaml. Everything that spells out the ontology elsewhere is
// either generated from it (and must be up to date) or checked here against it, so a type added in one
// place only fails this test with a message saying where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  ACTOR_KINDS, EVENT_TYPES, MODALITIES, RELATION_TYPES, TONES,
  checkGenerated, loadOntology, parseOntology, type Tone,
} from '../../src/core/ontology.js';
import * as types from '../../src/model/types.js';
import { actorsFileSchema } from '../../src/kb/schema.js';
import { toneOf, type Tone as GraphTone } from '../../src/analyze/graph.js';
import { relationTemplates, triggerLexicon } from '../../src/extract/lexicon.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
// validated here; whether the generated unions are up to date is a test of its own below
const o = parseOntology(read('models/ontology.yaml'), 'models/ontology.yaml');
const ids = (list: { id: string }[]) => list.map((e) => e.id);

// The graph's Tone and the ontology's are the same union (a compile error here otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTone: Same<Tone, GraphTone> = true;

interface Generator {
  outputs(root: string): { path: string; content: string }[];
}

test('the generated files are what scripts/gen-ontology.mjs makes of models/ontology.yaml', async () => {
  const gen = (await import(pathToFileURL(join(root, 'scripts/gen-ontology.mjs')).href)) as Generator;
  const outputs = gen.outputs(root);
  assert.deepEqual(outputs.map((f) => f.path).sort(), ['src/core/ontology.generated.ts', 'src/model/extraction.schema.json', 'web/ontology.js']);
  for (const { path, content } of outputs) {
    assert.ok(read(path) === content, `${path} is out of date with models/ontology.yaml: run npm run gen:ontology`);
  }
});

test('the ontology loads, and lists exactly the ids compiled into the unions', () => {
  assert.ok(sameTone);
  assert.doesNotThrow(() => loadOntology(join(root, 'models/ontology.yaml')));
  assert.deepEqual(ids(o.eventTypes), [...EVENT_TYPES]);
  assert.deepEqual(ids(o.relationTypes), [...RELATION_TYPES]);
  assert.deepEqual(ids(o.actorKinds), [...ACTOR_KINDS]);
  assert.deepEqual(ids(o.modalities), [...MODALITIES]);
  assert.deepEqual(ids(o.tones), [...TONES]);
  // the model's re-exports are the generated lists themselves
  assert.equal(types.EVENT_TYPES, EVENT_TYPES);
  assert.equal(types.RELATION_TYPES, RELATION_TYPES);
  assert.equal(types.MODALITIES, MODALITIES);
  // the ids the store and the demo gold depend on
  assert.ok(EVENT_TYPES.includes('ASSAULT') && RELATION_TYPES.includes('holds_role') && ACTOR_KINDS.includes('armed_group'));
  assert.equal(o.eventType('ASSAULT')?.quad, 'material_conflict');
  assert.equal(o.relationType('allied_with')?.symmetric, true);
});

test('a bad entry in the ontology is an error that names the file and the entry', () => {
  const text = read('models/ontology.yaml');
  const broken = (change: (doc: Record<string, { id: string; [k: string]: unknown }[]>) => void) => {
    const doc = parseYaml(text);
    change(doc);
    return () => parseOntology(stringifyYaml(doc), 'models/ontology.yaml');
  };
  const error = (message: string) => (e: unknown) => {
    assert.equal((e as Error).message, message);
    return true;
  };
  const funds = RELATION_TYPES.indexOf('funds');
  const assault = EVENT_TYPES.indexOf('ASSAULT');
  assert.doesNotThrow(broken(() => {}));
  assert.throws(broken((d) => { d.relationTypes[funds].tone = 'friendly'; }),
    error(`models/ontology.yaml: relationTypes[${funds}] (funds): 'tone' must be one of ${TONES.join(', ')}, got "friendly"`));
  assert.throws(broken((d) => { d.eventTypes.push({ ...d.eventTypes[0] }); }),
    error(`models/ontology.yaml: eventTypes[${EVENT_TYPES.length}] (AGREE): id 'AGREE' is listed twice`));
  assert.throws(broken((d) => { d.actorKinds[0].colur = '#000000'; }),
    error("models/ontology.yaml: actorKinds[0] (state): unknown field 'colur' (known: id, colour, legend, definition)"));
  assert.throws(broken((d) => { delete (d.eventTypes[assault].modes as { definition?: string }[])[0].definition; }),
    error(`models/ontology.yaml: eventTypes[${assault}] (ASSAULT): modes[0] (abduct): 'definition' is missing`));
  assert.throws(broken((d) => { d.modalities[0].tie = 'yes'; }),
    error(`models/ontology.yaml: modalities[0] (asserted): 'tie' must be true or false, got "yes"`));
  assert.throws(broken((d) => { d.relationTypes[0].symmetric = true; d.relationTypes[0].personal = true; }),
    error(`models/ontology.yaml: relationTypes[0] (${RELATION_TYPES[0]}): a symmetric relation cannot be personal`));
  assert.throws(broken((d) => { d.tones = []; }), error(`models/ontology.yaml: 'tones' must be a non-empty list`));
  // a type added to the yaml without regenerating the unions
  const added = broken((d) => { d.relationTypes.push({ ...d.relationTypes[0], id: 'not_yet_generated' }); })();
  assert.throws(() => checkGenerated(added),
    /^Error: models\/ontology\.yaml: relationTypes differ from src\/core\/ontology\.generated\.ts \(only in the yaml: (?:.*, )?not_yet_generated\b.*\): run npm run gen:ontology$/);
});

const SCHEMA_ENUMS = [
  ['Actor', 'kind', () => ids(o.actorKinds)],
  ['Event', 'type', () => ids(o.eventTypes)],
  ['Event', 'modality', () => ids(o.modalities)],
  ['Relation', 'type', () => ids(o.relationTypes)],
] as const;

test("the extraction schema's enums are the ontology's", () => {
  const schema = JSON.parse(read('src/model/extraction.schema.json'));
  for (const [def, property, expected] of SCHEMA_ENUMS) {
    assert.deepEqual(schema.$defs[def].properties[property].enum, expected(), `src/model/extraction.schema.json $defs.${def}.${property}`);
  }
});

// The contract shared with the other teams lives outside this repository; where it is checked out next
// to it, a type added here must be added there too (the schema's consumers validate against it).
const contract = resolve(root, '../shared/contracts/extraction.schema.json');
test("the shared contract's enums are the ontology's", { skip: existsSync(contract) ? false : `no ${contract}` }, () => {
  const schema = JSON.parse(readFileSync(contract, 'utf8'));
  for (const [def, property, expected] of SCHEMA_ENUMS) {
    assert.deepEqual(schema.$defs[def].properties[property].enum, expected(), `${contract} $defs.${def}.${property}: update the shared contract`);
  }
});

test("the knowledge base's schema takes the ontology's actor kinds and relation types", () => {
  const actor = actorsFileSchema.properties.actors.items.properties;
  assert.deepEqual(actor.kind.enum, ids(o.actorKinds));
  assert.deepEqual(actor.affiliations.items.properties.type.enum, ids(o.relationTypes));
});

test("the store's SQL agrees with the ontology: CHECK constraints and the modalities that draw a tie", () => {
  // Which column holds which list. Today the store has no CHECK on them (adding a type would then need
  // a migration); should one be added, it must list exactly the ontology's ids.
  const columns: Record<string, string[]> = {
    'events.type': ids(o.eventTypes), 'events.modality': ids(o.modalities),
    'relations.type': ids(o.relationTypes), 'actors.kind': ids(o.actorKinds),
  };
  const sql = MIGRATIONS.map((m) => m.sql).join('\n');
  for (const table of sql.split(/(?=CREATE TABLE )/)) {
    const name = /^CREATE TABLE (?:IF NOT EXISTS )?(\w+)/.exec(table)?.[1];
    for (const check of table.matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/g)) {
      const key = `${name}.${check[1]}`;
      if (!(key in columns)) continue;
      const listed = [...check[2].matchAll(/'([^']*)'/g)].map((m) => m[1]);
      assert.deepEqual(listed.sort(), [...columns[key]].sort(), `src/store/migrations.ts CHECK on ${key}`);
    }
  }
  // the graph query's modality filter is built from the `tie` flags, never written out
  const graph = read('src/store/graph.ts');
  assert.match(graph, /TIE_MODALITIES: Modality\[\] = loadOntology\(\)\.modalities\.filter\(\(m\) => m\.tie\)/, 'src/store/graph.ts no longer takes its default modalities from the ontology\'s ties: update this test');
  assert.match(graph, /query\.modality \?\? TIE_MODALITIES/, 'src/store/graph.ts no longer filters events by the ontology\'s ties by default: update this test');
  assert.match(graph, /modalities\.filter\(\(m\) => m\.tie\)/);
  for (const m of o.modalities) assert.doesNotMatch(graph, new RegExp(`'${m.id}'`), `src/store/graph.ts writes out the modality '${m.id}'`);
});

test("the web app's legend and colours are the ontology's", async () => {
  const web = (await import(pathToFileURL(join(root, 'web/ontology.js')).href)) as {
    KIND_COLORS: Record<string, string>; LEGEND_KINDS: string[]; TONE_COLORS: Record<string, string>;
  };
  assert.deepEqual(web.KIND_COLORS, Object.fromEntries(o.actorKinds.map((k) => [k.id, k.colour])));
  assert.deepEqual(web.LEGEND_KINDS, o.actorKinds.filter((k) => k.legend).map((k) => k.id));
  assert.deepEqual(web.TONE_COLORS, Object.fromEntries(o.tones.map((t) => [t.id, t.colour])));
  // the app's modules take colours from the generated file, never write their own
  const modules = readdirSync(join(root, 'web/src')).filter((f) => f.endsWith('.ts')).map((f) => [f, read(`web/src/${f}`)] as const);
  assert.ok(modules.some(([, text]) => /^import \{[^}]*\bKIND_COLORS\b[^}]*\} from '\.\.\/ontology\.js';$/m.test(text)), 'no module of web/src imports KIND_COLORS from web/ontology.js');
  for (const [file, text] of modules) {
    assert.doesNotMatch(text, /\b(?:KIND|TONE)_COLORS\s*=/, `web/src/${file} defines its own colours: take them from web/ontology.js`);
  }
  // the stylesheet colours claim labels by tone (li .type.conflict)
  const css = read('web/src/style.css');
  for (const tone of o.tones) {
    assert.equal(new RegExp(`--${tone.id}:\\s*(#[0-9a-fA-F]{6})`).exec(css)?.[1]?.toLowerCase(), tone.colour.toLowerCase(), `web/style.css --${tone.id}`);
  }
});

test("the lexicons use only the ontology's types, modes and actor kinds", () => {
  const events = parseYaml(read('models/lexicon/events.yaml')) as { events: { type: string; mode?: string }[] };
  for (const [i, e] of events.events.entries()) {
    const type = o.eventType(e.type);
    assert.ok(type, `models/lexicon/events.yaml events[${i}]: type ${e.type} is not in models/ontology.yaml`);
    if (e.mode !== undefined) {
      assert.ok(type.modes.some((m) => m.id === e.mode), `models/lexicon/events.yaml events[${i}]: mode ${e.mode} is not a mode of ${e.type}`);
    }
  }
  const relations = parseYaml(read('models/lexicon/relations.yaml')) as { relations: { type: string; sourceKinds?: string[]; targetKinds?: string[] }[] };
  const kinds = ids(o.actorKinds);
  for (const [i, r] of relations.relations.entries()) {
    assert.ok(o.relationType(r.type), `models/lexicon/relations.yaml relations[${i}]: type ${r.type} is not in models/ontology.yaml`);
    for (const kind of [...(r.sourceKinds ?? []), ...(r.targetKinds ?? [])]) {
      assert.ok(kinds.includes(kind), `models/lexicon/relations.yaml relations[${i}] (${r.type}): kind ${kind} is not in models/ontology.yaml`);
    }
  }
  // and the loaders, which check the same, accept them
  assert.ok(triggerLexicon().entries.size > 0);
  assert.ok(relationTemplates().length > 0);
});

test("an edge's tone is the ontology's tone of its type", () => {
  for (const e of o.eventTypes) assert.equal(toneOf('event', e.id, null), e.tone, `src/analyze/graph.ts toneOf event ${e.id}`);
  for (const r of o.relationTypes) assert.equal(toneOf('relation', r.id, null), r.tone, `src/analyze/graph.ts toneOf relation ${r.id}`);
});

test("the relation extractor's symmetric and personal types are the ontology's", () => {
  const source = read('src/extract/relations.ts');
  for (const [name, flag] of [['SYMMETRIC', 'symmetric'], ['PERSONAL', 'personal']] as const) {
    const literal = new RegExp(`const ${name} = new Set<RelationType>\\(\\[([^\\]]*)\\]\\)`).exec(source);
    // once relations.ts reads the flags from src/core/ontology.ts there is nothing left to compare
    if (!literal && /core\/ontology\.js/.test(source)) continue;
    assert.ok(literal, `src/extract/relations.ts: no ${name} set to compare: update this test`);
    assert.deepEqual([...literal[1].matchAll(/'([^']*)'/g)].map((m) => m[1]).sort(), o.relationTypes.filter((r) => r[flag]).map((r) => r.id).sort(),
      `src/extract/relations.ts ${name} differs from the '${flag}' flags in models/ontology.yaml`);
  }
});
