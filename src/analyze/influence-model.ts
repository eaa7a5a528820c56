// The influence model (models/influence/influence.yaml): which relation and event types count as signs
// of A's influence over B, with what weight, in which direction, saturating how fast. Loaded and
// checked against the ontology once, so a typo in a type or a modality is an error naming the file and
// the term rather than a term that silently never fires.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadOntology } from '../core/ontology.js';
import { modelsDir } from '../core/paths.js';
import type { Modality } from '../model/types.js';

export type TermKind = 'relation' | 'event';
export type TermDirection = 'forward' | 'reverse';

export interface InfluenceTerm {
  id: string;
  kind: TermKind;
  types: string[];
  /** Only these PLOVER modes of the event types; null: any mode. */
  modes: string[] | null;
  direction: TermDirection;
  /** The term's ceiling, -1..1: what it gives when the articles are endless. Negative terms discount. */
  weight: number;
  /** Independent articles at which the term reaches half its weight. */
  halfAt: number;
  why: string;
}

export interface InfluenceModel {
  file: string;
  version: number;
  /** Weight of a claim by its modality; modalities that draw no tie are absent (they never count). */
  modalities: Partial<Record<Modality, number>>;
  evidencePerTerm: number;
  terms: InfluenceTerm[];
}

export const defaultInfluenceFile = () => join(modelsDir(), 'influence', 'influence.yaml');

const cache = new Map<string, InfluenceModel>();

/** The model in `file` (models/influence/influence.yaml by default), loaded and checked once. */
export function loadInfluenceModel(file = defaultInfluenceFile()): InfluenceModel {
  let model = cache.get(file);
  if (!model) {
    model = parseInfluenceModel(readFileSync(file, 'utf8'), file);
    cache.set(file, model);
  }
  return model;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Parses and checks the YAML text; `file` names it in errors. */
export function parseInfluenceModel(text: string, file: string): InfluenceModel {
  const doc: unknown = parseYaml(text);
  const fail = (where: string, why: string): never => {
    throw new Error(`${file}: ${where}: ${why}`);
  };
  if (!isRecord(doc)) return fail('top level', 'must be a mapping');
  for (const key of Object.keys(doc)) {
    if (!['version', 'modalities', 'evidencePerTerm', 'terms'].includes(key)) fail(key, 'unknown field');
  }
  const ontology = loadOntology();

  if (!Number.isInteger(doc.version) || (doc.version as number) < 1) fail('version', 'must be a whole number from 1');
  if (!Number.isInteger(doc.evidencePerTerm) || (doc.evidencePerTerm as number) < 1) fail('evidencePerTerm', 'must be a whole number from 1');

  // exactly the modalities that draw a tie: a claim the network does not draw cannot show influence
  if (!isRecord(doc.modalities)) fail('modalities', 'must be a mapping of modality to weight');
  const modalities: Partial<Record<Modality, number>> = {};
  const ties = new Set(ontology.modalities.filter((m) => m.tie).map((m) => m.id as string));
  for (const [id, weight] of Object.entries(doc.modalities as Record<string, unknown>)) {
    if (!ontology.modalities.some((m) => m.id === id)) fail(`modalities.${id}`, `not a modality of ${ontology.file}`);
    if (!ties.has(id)) fail(`modalities.${id}`, `draws no tie in ${ontology.file}, so it cannot count`);
    if (typeof weight !== 'number' || !(weight > 0 && weight <= 1)) fail(`modalities.${id}`, 'must be a number above 0 and at most 1');
    modalities[id as Modality] = weight as number;
  }
  for (const id of ties) if (!(id in modalities)) fail('modalities', `'${id}' draws a tie in ${ontology.file} but has no weight`);

  if (!Array.isArray(doc.terms) || doc.terms.length === 0) fail('terms', 'must be a non-empty list');
  const seenIds = new Set<string>();
  const typeOwner = new Map<string, string>();
  const terms = (doc.terms as unknown[]).map((entry, i): InfluenceTerm => {
    const where = `terms[${i}]${isRecord(entry) && typeof entry.id === 'string' ? ` (${entry.id})` : ''}`;
    if (!isRecord(entry)) return fail(where, 'must be a mapping');
    for (const key of Object.keys(entry)) {
      if (!['id', 'kind', 'types', 'modes', 'direction', 'weight', 'halfAt', 'why'].includes(key)) fail(where, `unknown field '${key}'`);
    }
    const { id, kind, types, modes, direction, weight, halfAt, why } = entry;
    if (!isNonEmptyString(id) || !/^[a-z][a-z0-9-]*$/.test(id)) fail(where, "'id' must be lower-case letters, digits and '-'");
    if (seenIds.has(id as string)) fail(where, `id '${id}' is used twice`);
    seenIds.add(id as string);
    if (kind !== 'relation' && kind !== 'event') fail(where, "'kind' must be relation or event");
    if (!Array.isArray(types) || types.length === 0 || !types.every(isNonEmptyString)) fail(where, "'types' must be a non-empty list of type ids");
    for (const type of types as string[]) {
      const known = kind === 'relation' ? ontology.relationType(type) : ontology.eventType(type);
      if (!known) fail(where, `'${type}' is not a ${kind} type of ${ontology.file}`);
      // one claim, one term: a type in two terms would count the same article twice
      const owner = typeOwner.get(`${kind}:${type}`);
      if (owner) fail(where, `${kind} type '${type}' is already in term '${owner}'`);
      typeOwner.set(`${kind}:${type}`, id as string);
    }
    if (modes !== undefined) {
      if (kind !== 'event') fail(where, "'modes' are PLOVER event modes: only event terms have them");
      if (!Array.isArray(modes) || modes.length === 0 || !modes.every(isNonEmptyString)) fail(where, "'modes' must be a non-empty list");
      for (const mode of modes as string[]) {
        if (!(types as string[]).some((type) => ontology.eventType(type)?.modes.some((m) => m.id === mode))) {
          fail(where, `mode '${mode}' belongs to none of ${(types as string[]).join(', ')}`);
        }
      }
    }
    if (direction !== 'forward' && direction !== 'reverse') fail(where, "'direction' must be forward or reverse");
    if (typeof weight !== 'number' || weight === 0 || weight < -1 || weight > 1) fail(where, "'weight' must be a number from -1 to 1, not 0");
    if (typeof halfAt !== 'number' || !(halfAt > 0)) fail(where, "'halfAt' must be a number above 0");
    if (!isNonEmptyString(why)) fail(where, "'why' must say why the term has its weight");
    return {
      id: id as string, kind: kind as TermKind, types: types as string[], modes: (modes as string[] | undefined) ?? null,
      direction: direction as TermDirection, weight: weight as number, halfAt: halfAt as number, why: why as string,
    };
  });
  return { file, version: doc.version as number, modalities, evidencePerTerm: doc.evidencePerTerm as number, terms };
}
