#!/usr/bin/env node
// Writes what is generated from models/ontology.yaml (npm run gen:ontology):
//   src/core/ontology.generated.ts    the id lists `as const` and their union types
//   src/model/extraction.schema.json  the enums of Actor.kind, Event.type, Event.modality, Relation.type
//                                     (only the enum arrays are rewritten; the rest of the file is kept as written)
//   web/ontology.js                   the web app's legend colours
// `--check` writes nothing and exits 1 when a file is out of date. test/core/ontology.test.ts calls
// `outputs()` and compares. Full validation of the file is src/core/ontology.ts; this checks only what
// it needs to write valid code.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ONTOLOGY = 'models/ontology.yaml';
export const GENERATED_TS = 'src/core/ontology.generated.ts';
export const SCHEMA = 'src/model/extraction.schema.json';
export const WEB = 'web/ontology.js';

const HEADER = `Generated from ${ONTOLOGY} by scripts/gen-ontology.mjs (npm run gen:ontology): do not edit.`;

/** The lists the generated files are made from, as [key in the yaml, exported const, exported type]. */
const LISTS = [
  ['eventTypes', 'EVENT_TYPES', 'EventType'],
  ['relationTypes', 'RELATION_TYPES', 'RelationType'],
  ['actorKinds', 'ACTOR_KINDS', 'ActorKind'],
  ['modalities', 'MODALITIES', 'Modality'],
  ['tones', 'TONES', 'Tone'],
];

/** Where each schema enum lives: the $defs entry and its property. */
const SCHEMA_ENUMS = [
  ['Actor', 'kind', 'actorKinds'],
  ['Event', 'type', 'eventTypes'],
  ['Event', 'modality', 'modalities'],
  ['Relation', 'type', 'relationTypes'],
];

function fail(message) {
  throw new Error(`${ONTOLOGY}: ${message}`);
}

/** The yaml's lists of ids (and colours), checked just enough to write valid TypeScript and JSON. */
export function readOntology(text) {
  const doc = parse(text);
  if (!doc || typeof doc !== 'object') fail('not a mapping');
  const ids = {};
  for (const [key] of LISTS) {
    const list = doc[key];
    if (!Array.isArray(list) || list.length === 0) fail(`'${key}' must be a non-empty list`);
    ids[key] = list.map((entry, i) => {
      const id = entry?.id;
      if (typeof id !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) fail(`${key}[${i}]: id must be a word, got ${JSON.stringify(id)}`);
      return id;
    });
    const dup = ids[key].find((id, i) => ids[key].indexOf(id) !== i);
    if (dup) fail(`${key}: '${dup}' is listed twice`);
  }
  const colours = (key) => Object.fromEntries(doc[key].map((e, i) => {
    if (typeof e.colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(e.colour)) fail(`${key}[${i}] (${e.id}): colour must be #rrggbb`);
    return [e.id, e.colour];
  }));
  return {
    ids,
    kindColours: colours('actorKinds'),
    legendKinds: doc.actorKinds.filter((e) => e.legend !== false).map((e) => e.id),
    toneColours: colours('tones'),
    eventTones: Object.fromEntries(doc.eventTypes.map((e) => [e.id, e.tone])),
    relationFamilies: Object.fromEntries(doc.relationTypes.map((e) => [e.id, e.family])),
    ties: doc.modalities.filter((m) => m.tie).map((m) => m.id),
  };
}

const quote = (s) => `'${s}'`;

/** Items joined by ', ' and wrapped at `width`, each line indented. */
function wrap(items, indent, width = 110) {
  const lines = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line} ${item},` : `${item},`;
    if (line && indent.length + next.length > width) {
      lines.push(indent + line);
      line = `${item},`;
    } else line = next;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export function renderTypes(o) {
  const parts = [`// ${HEADER}`, '// Import them from src/model/types.ts (or src/core/ontology.ts for definitions, tones and flags).', ''];
  for (const [key, name, type] of LISTS) {
    const items = o.ids[key].map(quote);
    const inline = `export const ${name} = [${items.join(', ')}] as const;`;
    parts.push(inline.length <= 110 ? inline : `export const ${name} = [\n${wrap(items, '  ')}\n] as const;`);
    parts.push(`export type ${type} = (typeof ${name})[number];`, '');
  }
  return parts.join('\n');
}

export function renderWeb(o) {
  const object = (map) => `{\n${wrap(Object.entries(map).map(([k, v]) => `${k}: '${v}'`), '  ')}\n}`;
  return [
    `// ${HEADER}`,
    '// The web app\'s legends and filters: colours of actor kinds and tones, the event types\' tones, relation families, modalities.',
    '',
    `export const KIND_COLORS = ${object(o.kindColours)};`,
    `/** The kinds the legend lists, in order. */`,
    `export const LEGEND_KINDS = [\n${wrap(o.legendKinds.map(quote), '  ')}\n];`,
    `export const TONE_COLORS = ${object(o.toneColours)};`,
    `/** Each event type's tone: its family in the filters and its colour. */`,
    `export const EVENT_TONES = ${object(o.eventTones)};`,
    `/** Each relation type's family (influence, affiliation, alignment). */`,
    `export const RELATION_FAMILIES = ${object(o.relationFamilies)};`,
    `export const MODALITIES = [${o.ids.modalities.map(quote).join(', ')}];`,
    `/** The modalities that draw a tie in the network by default. */`,
    `export const TIE_MODALITIES = [${o.ties.map(quote).join(', ')}];`,
    `export const ACTOR_KINDS = [${o.ids.actorKinds.map(quote).join(', ')}];`,
    '',
  ].join('\n');
}

/** The schema text with its four enums set from the ontology; everything else stays byte for byte. */
export function renderSchema(schemaText, o) {
  let text = schemaText;
  for (const [def, property, key] of SCHEMA_ENUMS) {
    const defAt = text.indexOf(`"${def}": {`, text.indexOf('"$defs"'));
    if (defAt < 0) throw new Error(`${SCHEMA}: no $defs.${def}`);
    const marker = `"${property}": {"enum": [`;
    const at = text.indexOf(marker, defAt);
    const end = at < 0 ? -1 : text.indexOf(']', at + marker.length);
    if (at < 0 || end < 0) throw new Error(`${SCHEMA}: no ${marker}...] in $defs.${def}`);
    const values = o.ids[key].map((id) => JSON.stringify(id)).join(', ');
    text = text.slice(0, at + marker.length) + values + text.slice(end);
  }
  // what was written must be what was meant
  const schema = JSON.parse(text);
  for (const [def, property, key] of SCHEMA_ENUMS) {
    const written = schema.$defs[def].properties[property].enum;
    if (JSON.stringify(written) !== JSON.stringify(o.ids[key])) throw new Error(`${SCHEMA}: could not set $defs.${def}.${property}.enum`);
  }
  return text;
}

/** Every generated file as it should be, from the files under `root`. */
export function outputs(root = ROOT) {
  const o = readOntology(readFileSync(join(root, ONTOLOGY), 'utf8'));
  return [
    { path: GENERATED_TS, content: renderTypes(o) },
    { path: SCHEMA, content: renderSchema(readFileSync(join(root, SCHEMA), 'utf8'), o) },
    { path: WEB, content: renderWeb(o) },
  ];
}

function current(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, content } of outputs()) {
    const file = join(ROOT, path);
    if (current(file) === content) continue;
    stale++;
    if (check) console.error(`${path} is out of date with ${ONTOLOGY}: run npm run gen:ontology`);
    else {
      writeFileSync(file, content);
      console.log(`wrote ${path}`);
    }
  }
  if (check && stale) process.exit(1);
  if (!check && !stale) console.log(`generated files are up to date with ${ONTOLOGY}`);
}
