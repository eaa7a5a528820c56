// The extraction lexicons (models/lexicon/*.yaml): event triggers and relation templates, loaded and
// checked once and compiled to regular expressions over a "slotted" sentence (see slots.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EVENT_TYPES, RELATION_TYPES, type ActorKind, type EventType, type RelationType } from '../model/types.js';
import { phraseForms } from '../nlp/inflect.js';
import { defaultKbDir } from '../kb/index.js';

export interface TriggerEntry {
  type: EventType;
  /** The base form the entry was written as (its first word for phrases). */
  lemma: string;
  mode: string | null;
  cameo: string | null;
  intensity: number | null;
  nominal: boolean;
  /** Code only past acts: present and stative forms of this verb state a relation instead. */
  pastOnly: boolean;
}

export interface TriggerLexicon {
  /** Matches any trigger form; the match text, lower-cased, keys `entries`. */
  pattern: RegExp;
  entries: Map<string, TriggerEntry>;
}

export interface RelationTemplate {
  type: RelationType;
  pattern: RegExp;
  pairwise: boolean;
  sourceKinds: ActorKind[] | null;
  targetKinds: ActorKind[] | null;
}

interface EventsFile {
  events: { type: string; mode?: string; cameo?: string; intensity?: number; pastOnly?: boolean; verbs?: string[]; nouns?: string[] }[];
}
interface RelationsFile {
  relations: { type: string; sourceKinds?: ActorKind[]; targetKinds?: ActorKind[]; patterns: string[] }[];
}

function lexiconDir(): string {
  return join(dirname(defaultKbDir()), 'models', 'lexicon');
}

let triggers: TriggerLexicon | undefined;
let templates: RelationTemplate[] | undefined;

export function triggerLexicon(): TriggerLexicon {
  if (triggers) return triggers;
  const path = join(lexiconDir(), 'events.yaml');
  const file = parseYaml(readFileSync(path, 'utf8')) as EventsFile;
  const entries = new Map<string, TriggerEntry>();
  for (const [i, e] of file.events.entries()) {
    if (!(EVENT_TYPES as readonly string[]).includes(e.type)) throw new Error(`${path}: events[${i}]: unknown PLOVER type '${e.type}'`);
    const base = { type: e.type as EventType, mode: e.mode ?? null, cameo: e.cameo ?? null, intensity: e.intensity ?? null, pastOnly: e.pastOnly ?? false };
    // The first entry to claim a form keeps it: order in the file is priority.
    for (const v of e.verbs ?? []) for (const f of phraseForms(v)) if (!entries.has(f)) entries.set(f, { ...base, lemma: v.split(' ')[0], nominal: false });
    for (const n of e.nouns ?? []) {
      const [noun, ...preps] = n.split(' ');
      for (const prep of preps.join(' ').split('|')) {
        for (const n of nounForms(noun)) {
          const form = `${n} ${prep}`.trim();
          if (!entries.has(form)) entries.set(form, { ...base, lemma: noun, nominal: true });
        }
      }
    }
  }
  const alternatives = [...entries.keys()].sort((a, b) => b.length - a.length).map(escapeForms);
  triggers = { pattern: new RegExp(`(?<![\\p{L}-])(?:${alternatives.join('|')})(?![\\p{L}])`, 'giu'), entries };
  return triggers;
}

function nounForms(noun: string): string[] {
  if (noun.endsWith('s')) return [noun];
  return [noun, /(?:sh|ch|x|z)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`];
}

function escapeForms(form: string): string {
  return form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

export function relationTemplates(): RelationTemplate[] {
  if (templates) return templates;
  const path = join(lexiconDir(), 'relations.yaml');
  const file = parseYaml(readFileSync(path, 'utf8')) as RelationsFile;
  templates = [];
  for (const [i, r] of file.relations.entries()) {
    if (!(RELATION_TYPES as readonly string[]).includes(r.type)) throw new Error(`${path}: relations[${i}]: unknown relation type '${r.type}'`);
    for (const p of r.patterns) {
      const pairwise = p.includes('{AB}');
      const source = p
        .replace('{AB}', '⟦(?<ab>\\d+)⟧')
        .replace('{A}', '⟦(?<a>\\d+)⟧')
        .replace('{B}', '⟦(?<b>\\d+)⟧')
        .replaceAll('{PASS}', "(?:,? (?:which|who|that) (?:is|are|was|were|has been|have been) |,? | (?:is|are|was|were|has been|have been|had been) (?:not |never )?| (?:[\\p{Ll}]+ ){0,2}being )")
        .replaceAll('{W}', "(?:[\\p{Ll}][\\p{Ll}’'-]* ){0,3}");
      try {
        templates.push({
          type: r.type as RelationType,
          pattern: new RegExp(source, 'giu'),
          pairwise,
          sourceKinds: r.sourceKinds ?? null,
          targetKinds: r.targetKinds ?? null,
        });
      } catch (error) {
        throw new Error(`${path}: relations[${i}]: bad pattern '${p}': ${(error as Error).message}`);
      }
    }
  }
  return templates;
}
