// The ontology (models/ontology.yaml): event types and their modes, relation types, actor kinds,
// modalities and tones, loaded and validated once. The id lists and union types are generated from the
// same file into ontology.generated.ts (npm run gen:ontology); loading checks the two still agree, so a
// type added to the yaml without regenerating is an error naming the file, not a silent mismatch.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  ACTOR_KINDS, EVENT_TYPES, MODALITIES, RELATION_TYPES, TONES,
  type ActorKind, type EventType, type Modality, type RelationType, type Tone,
} from './ontology.generated.js';

export { ACTOR_KINDS, EVENT_TYPES, MODALITIES, RELATION_TYPES, TONES };
export type { ActorKind, EventType, Modality, RelationType, Tone };

export const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] as const;
export type Quad = (typeof QUADS)[number];
export const RELATION_FAMILIES = ['influence', 'affiliation', 'alignment'] as const;
export type RelationFamily = (typeof RELATION_FAMILIES)[number];

export interface ModeEntry {
  id: string;
  definition: string;
  /** A mode Orbit adds for its own lexicon, not in the PLOVER manual. */
  orbit: boolean;
}

export interface EventTypeEntry {
  id: EventType;
  quad: Quad;
  tone: Tone;
  definition: string;
  modes: ModeEntry[];
}

export interface RelationTypeEntry {
  id: RelationType;
  family: RelationFamily;
  tone: Tone;
  /** No direction: stored with the two ids in order. */
  symmetric: boolean;
  /** Held by one person at a time: in "A and B, leaders of C" only the member next to the pattern counts. */
  personal: boolean;
  definition: string;
}

export interface ActorKindEntry {
  id: ActorKind;
  colour: string;
  legend: boolean;
  definition: string;
}

export interface ModalityEntry {
  id: Modality;
  /** Draws an edge in the network. */
  tie: boolean;
  definition: string;
}

export interface ToneEntry {
  id: Tone;
  colour: string;
  definition: string;
}

export interface Ontology {
  file: string;
  eventTypes: EventTypeEntry[];
  relationTypes: RelationTypeEntry[];
  actorKinds: ActorKindEntry[];
  modalities: ModalityEntry[];
  tones: ToneEntry[];
  eventType(id: string): EventTypeEntry | undefined;
  relationType(id: string): RelationTypeEntry | undefined;
}

/** The checkout's models/ontology.yaml, found by walking up from this module (it runs from src/ or dist/src/). */
export function defaultOntologyFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'models', 'ontology.yaml');
    if (existsSync(file) && existsSync(join(dir, 'package.json'))) return file;
    if (dirname(dir) === dir) throw new Error('cannot find models/ontology.yaml in the Orbit checkout');
  }
}

type Field = 'string' | 'boolean' | 'list' | readonly string[];

/** Reads one list of the file, each entry checked against `fields` (all required unless in `optional`). */
function entries<T>(
  file: string,
  doc: Record<string, unknown>,
  key: string,
  fields: Record<string, Field>,
  optional: readonly string[] = [],
  allowEmpty = false,
): T[] {
  const list = doc[key];
  if (!Array.isArray(list) || (list.length === 0 && !allowEmpty)) throw new Error(`${file}: '${key}' must be a non-empty list`);
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const where = () => `${file}: ${key}[${i}]${typeof (entry as { id?: unknown })?.id === 'string' ? ` (${(entry as { id: string }).id})` : ''}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new Error(`${where()}: must be a mapping`);
    const record = entry as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      if (!(name in fields)) throw new Error(`${where()}: unknown field '${name}' (known: ${Object.keys(fields).join(', ')})`);
    }
    for (const [name, kind] of Object.entries(fields)) {
      const value = record[name];
      if (value === undefined) {
        if (optional.includes(name)) continue;
        throw new Error(`${where()}: '${name}' is missing`);
      }
      const ok = kind === 'string' ? typeof value === 'string' && value.trim() !== ''
        : kind === 'boolean' ? typeof value === 'boolean'
        : kind === 'list' ? Array.isArray(value)
        : typeof value === 'string' && kind.includes(value);
      if (!ok) {
        const want = kind === 'string' ? 'a non-empty string' : kind === 'boolean' ? 'true or false' : kind === 'list' ? 'a list' : `one of ${kind.join(', ')}`;
        throw new Error(`${where()}: '${name}' must be ${want}, got ${JSON.stringify(value)}`);
      }
    }
    const id = record.id as string;
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new Error(`${where()}: id '${id}' must be a word (letters, digits, _ and -)`);
    if (seen.has(id)) throw new Error(`${where()}: id '${id}' is listed twice`);
    seen.add(id);
    if ('colour' in fields && !/^#[0-9a-fA-F]{6}$/.test(record.colour as string)) {
      throw new Error(`${where()}: colour '${record.colour}' must be #rrggbb`);
    }
    return record as T;
  });
}

/** Parses and validates an ontology file's text; errors name the file and the entry. */
export function parseOntology(text: string, file: string): Ontology {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${file}: must be a mapping`);
  const d = doc as Record<string, unknown>;
  const keys = ['tones', 'eventTypes', 'relationTypes', 'actorKinds', 'modalities'];
  for (const key of Object.keys(d)) if (!keys.includes(key)) throw new Error(`${file}: unknown section '${key}' (known: ${keys.join(', ')})`);

  const tones = entries<ToneEntry>(file, d, 'tones', { id: 'string', colour: 'string', definition: 'string' });
  const toneIds = tones.map((t) => t.id);
  const eventTypes = entries<Omit<EventTypeEntry, 'modes'> & { modes: unknown[] }>(file, d, 'eventTypes', {
    id: 'string', quad: QUADS, tone: toneIds, definition: 'string', modes: 'list',
  }).map((e, i) => ({
    ...e,
    modes: entries<{ id: string; definition: string; orbit?: boolean }>(
      `${file}: eventTypes[${i}] (${e.id})`, { modes: e.modes }, 'modes', { id: 'string', definition: 'string', orbit: 'boolean' }, ['orbit'], true,
    ).map((m) => ({ id: m.id, definition: m.definition, orbit: m.orbit ?? false })),
  }) as EventTypeEntry);
  const relationTypes = entries<RelationTypeEntry>(file, d, 'relationTypes', {
    id: 'string', family: RELATION_FAMILIES, tone: toneIds, symmetric: 'boolean', personal: 'boolean', definition: 'string',
  });
  for (const [i, r] of relationTypes.entries()) {
    if (r.symmetric && r.personal) throw new Error(`${file}: relationTypes[${i}] (${r.id}): a symmetric relation cannot be personal`);
  }
  const actorKinds = entries<ActorKindEntry>(file, d, 'actorKinds', { id: 'string', colour: 'string', legend: 'boolean', definition: 'string' });
  const modalities = entries<ModalityEntry>(file, d, 'modalities', { id: 'string', tie: 'boolean', definition: 'string' });

  const events = new Map(eventTypes.map((e) => [e.id as string, e]));
  const relations = new Map(relationTypes.map((r) => [r.id as string, r]));
  return {
    file, eventTypes, relationTypes, actorKinds, modalities, tones,
    eventType: (id) => events.get(id),
    relationType: (id) => relations.get(id),
  };
}

/** Throws unless the file lists exactly the ids compiled into ontology.generated.ts, in the same order. */
export function checkGenerated(o: Ontology): void {
  const lists: [string, readonly string[], { id: string }[]][] = [
    ['eventTypes', EVENT_TYPES, o.eventTypes],
    ['relationTypes', RELATION_TYPES, o.relationTypes],
    ['actorKinds', ACTOR_KINDS, o.actorKinds],
    ['modalities', MODALITIES, o.modalities],
    ['tones', TONES, o.tones],
  ];
  for (const [key, compiled, listed] of lists) {
    const ids = listed.map((e) => e.id);
    if (ids.join() === compiled.join()) continue;
    const added = ids.filter((id) => !compiled.includes(id));
    const removed = compiled.filter((id) => !ids.includes(id));
    const what = [added.length ? `only in the yaml: ${added.join(', ')}` : '', removed.length ? `only in the generated file: ${removed.join(', ')}` : '']
      .filter(Boolean).join('; ') || 'order differs';
    throw new Error(`${o.file}: ${key} differ from src/core/ontology.generated.ts (${what}): run npm run gen:ontology`);
  }
}

const loaded = new Map<string, Ontology>();

/** The ontology of a file (by default the checkout's), read and validated once. */
export function loadOntology(file: string = defaultOntologyFile()): Ontology {
  let o = loaded.get(file);
  if (!o) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`${file}: cannot read the ontology: ${(error as Error).message}`);
    }
    o = parseOntology(text, file);
    checkGenerated(o);
    loaded.set(file, o);
  }
  return o;
}
