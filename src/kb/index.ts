// The knowledge base: actors with aliases, dated roles and places, loaded from the YAML packs
// under kb/ and validated once. Stage code asks it questions; it never hard-codes an actor.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Actor, IsoDate, RelationType } from '../model/types.js';
import { actorsFileSchema, packFileSchema, placesFileSchema, rolesFileSchema } from './schema.js';
import { dateWithin } from './dates.js';

export interface Affiliation {
  type: RelationType;
  source: string;
  target: string;
  role: string | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface KbActor extends Actor {
  demonyms: string[];
  /** Common nouns that name this actor in a story set in its country ("the government", "parliament"). */
  descriptions: string[];
  /** The movement a leader's "supporters" or "followers" are ("Sadr's supporters" -> the Sadrist movement). */
  supporters: string | null;
  /** Whether mentions of this actor make an article relevant to the loaded theater. */
  theater: boolean;
  /** A state a theater is about (pack.yaml `focus`): relevant with another focus state, half as much alone. */
  focus: boolean;
  pack: string;
}

export interface RoleHolder {
  actor: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface Role {
  id: string;
  title: string;
  of: string | null;
  patterns: string[];
  holders: RoleHolder[];
}

export interface Place {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  aliases: string[];
}

export interface KnowledgeBase {
  actors: KbActor[];
  roles: Role[];
  places: Place[];
  affiliations: Affiliation[];
  actor(id: string): KbActor | undefined;
  role(id: string): Role | undefined;
  /** Who held the role on that date (null when nobody known, or the date is unknown and the role changed hands). */
  holderOn(roleId: string, date: IsoDate | null): string | null;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge base is invalid:\n  ${problems.join('\n  ')}`);
  }
}

/** kb/ beside the package, wherever Orbit is run from. */
export function defaultKbDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'kb'))) return join(dir, 'kb');
  }
  throw new Error(`cannot find the kb/ folder above ${here}`);
}

const ajv = new Ajv({ allErrors: true });
const validators: Record<string, ValidateFunction> = {
  'actors.yaml': ajv.compile(actorsFileSchema),
  'roles.yaml': ajv.compile(rolesFileSchema),
  'places.yaml': ajv.compile(placesFileSchema),
  'pack.yaml': ajv.compile(packFileSchema),
};

let cached: { key: string; kb: KnowledgeBase } | undefined;

/** Loads every pack under the given kb folders (default: the bundled kb/). Throws KnowledgeBaseError listing every problem. */
export function loadKnowledgeBase(dirs: string[] = [defaultKbDir()]): KnowledgeBase {
  const key = dirs.map((d) => resolve(d)).join('\n');
  if (cached?.key === key) return cached.kb;
  const kb = buildKnowledgeBase(readPackFiles(dirs));
  cached = { key, kb };
  return kb;
}

interface PackFile {
  path: string;
  pack: string;
  name: string;
  data: unknown;
}

function readPackFiles(dirs: string[]): PackFile[] {
  const files: PackFile[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push(`${dir}: not a folder`);
      continue;
    }
    for (const pack of readdirSync(dir).sort()) {
      const packDir = join(dir, pack);
      if (pack.startsWith('.') || !statSync(packDir).isDirectory()) continue;
      for (const name of readdirSync(packDir).sort()) {
        if (!/\.ya?ml$/.test(name)) continue;
        const path = join(packDir, name);
        // A pack may split its actors and roles by topic: actors-iran.yaml, roles-iraq.yaml.
        const canonical = name.replace(/\.yml$/, '.yaml').replace(/^(actors|roles|places)-[a-z0-9-]+\.yaml$/, '$1.yaml');
        if (!validators[canonical]) {
          problems.push(`${path}: unknown kind of file (expected pack.yaml, actors.yaml, roles.yaml or places.yaml, or actors-*.yaml, roles-*.yaml, places-*.yaml)`);
          continue;
        }
        try {
          const data = normaliseDates(parseYaml(readFileSync(path, 'utf8')));
          const validate = validators[canonical];
          if (!validate(data)) {
            for (const e of validate.errors ?? []) problems.push(`${path}: ${e.instancePath || '/'} ${e.message}${describeParams(e.params)}`);
            continue;
          }
          files.push({ path, pack, name: canonical, data });
        } catch (error) {
          problems.push(`${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
    }
  }
  if (problems.length) throw new KnowledgeBaseError(problems);
  return files;
}

function describeParams(params: Record<string, unknown>): string {
  if ('additionalProperty' in params) return ` (${String(params.additionalProperty)})`;
  if ('allowedValues' in params) return ` (${(params.allowedValues as unknown[]).join(', ')})`;
  return '';
}

/** YAML reads `from: 2016` as a number; dates are strings everywhere else. */
function normaliseDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseDates);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = (k === 'from' || k === 'to') && typeof v === 'number' ? String(v) : normaliseDates(v);
    return out;
  }
  return value;
}

interface ActorsFile {
  actors: (Omit<KbActor, 'discovered' | 'pack' | 'theater' | 'demonyms' | 'aliases' | 'country' | 'description'> & {
    country?: string | null;
    aliases?: string[];
    demonyms?: string[];
    descriptions?: string[];
    supporters?: string;
    description?: string | null;
    theater?: boolean;
    affiliations?: { type: RelationType; target: string; role?: string | null; from?: IsoDate | null; to?: IsoDate | null }[];
  })[];
}

function buildKnowledgeBase(files: PackFile[]): KnowledgeBase {
  const problems: string[] = [];
  const actors = new Map<string, KbActor>();
  const roles = new Map<string, Role>();
  const places: Place[] = [];
  const affiliations: Affiliation[] = [];
  const pending: { path: string; check: () => string | null }[] = [];
  const focus: string[] = [];

  for (const file of files) {
    if (file.name === 'actors.yaml') {
      for (const a of (file.data as ActorsFile).actors) {
        if (actors.has(a.id)) problems.push(`${file.path}: actor id '${a.id}' is defined twice`);
        actors.set(a.id, {
          id: a.id,
          name: a.name,
          kind: a.kind,
          country: a.country ?? null,
          aliases: a.aliases ?? [],
          demonyms: a.demonyms ?? [],
          descriptions: a.descriptions ?? [],
          supporters: a.supporters ?? null,
          description: a.description ?? null,
          discovered: false,
          theater: a.theater ?? file.pack !== 'world',
          focus: false,
          pack: file.pack,
        });
        if (a.supporters) {
          const movement = a.supporters;
          pending.push({ path: file.path, check: () => (actors.has(movement) ? null : `actor '${a.id}' names unknown supporters '${movement}'`) });
        }
        for (const f of a.affiliations ?? []) {
          affiliations.push({ type: f.type, source: a.id, target: f.target, role: f.role ?? null, from: f.from ?? null, to: f.to ?? null });
          pending.push({ path: file.path, check: () => (actors.has(f.target) ? null : `actor '${a.id}' has an affiliation with unknown actor '${f.target}'`) });
        }
      }
    } else if (file.name === 'roles.yaml') {
      for (const r of (file.data as { roles: Role[] }).roles) {
        if (roles.has(r.id)) problems.push(`${file.path}: role id '${r.id}' is defined twice`);
        const holders = r.holders.map((h) => ({ actor: h.actor, from: h.from ?? null, to: h.to ?? null }));
        roles.set(r.id, { id: r.id, title: r.title, of: r.of ?? null, patterns: r.patterns, holders });
        if (r.of) pending.push({ path: file.path, check: () => (actors.has(r.of!) ? null : `role '${r.id}' belongs to unknown actor '${r.of}'`) });
        for (const h of holders) pending.push({ path: file.path, check: () => (actors.has(h.actor) ? null : `role '${r.id}' has unknown holder '${h.actor}'`) });
      }
    } else if (file.name === 'pack.yaml') {
      for (const id of (file.data as { focus?: string[] }).focus ?? []) {
        focus.push(id);
        pending.push({ path: file.path, check: () => (actors.has(id) ? null : `pack focus names unknown actor '${id}'`) });
      }
    } else {
      for (const p of (file.data as { places: Place[] }).places) {
        places.push({ name: p.name, country: p.country ?? null, lat: p.lat, lon: p.lon, aliases: p.aliases ?? [] });
      }
    }
  }
  for (const p of pending) {
    const problem = p.check();
    if (problem) problems.push(`${p.path}: ${problem}`);
  }
  if (problems.length) throw new KnowledgeBaseError(problems);
  for (const id of focus) actors.get(id)!.focus = true;

  const actorList = [...actors.values()];
  return {
    actors: actorList,
    roles: [...roles.values()],
    places,
    affiliations,
    actor: (id) => actors.get(id),
    role: (id) => roles.get(id),
    holderOn(roleId, date) {
      const role = roles.get(roleId);
      if (!role) return null;
      if (!date) return role.holders.length === 1 ? role.holders[0].actor : null;
      return role.holders.find((h) => dateWithin(date, h.from, h.to))?.actor ?? null;
    },
  };
}
