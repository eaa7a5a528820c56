// The extraction lexicons (models/lexicon/*.yaml): event triggers and relation templates, loaded and
// checked once and compiled to regular expressions over a "slotted" sentence (see slots.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ACTOR_KINDS, loadOntology } from '../core/ontology.js';
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

export interface TriggerMatch {
  /** Offset of the first word in the searched string. */
  index: number;
  /** The words as they stand in the string. */
  text: string;
  /** The lexicon form they match (lower case, single spaces): the key of `entries`. */
  form: string;
}

export interface TriggerLexicon {
  /** Every trigger in a string, longest first at each word, left to right, not overlapping. */
  find(text: string): TriggerMatch[];
  entries: Map<string, TriggerEntry>;
}

export interface RelationTemplate {
  /** Where it is written: its relation type, then its entry and pattern index in relations.yaml ("backs#0.2"). */
  id: string;
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
    const modes = loadOntology().eventType(e.type)!.modes;
    if (e.mode !== undefined && !modes.some((m) => m.id === e.mode)) {
      throw new Error(`${path}: events[${i}]: '${e.mode}' is not a mode of ${e.type} in models/ontology.yaml (${modes.map((m) => m.id).join(', ') || 'it has none'})`);
    }
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
  triggers = { find: wordTrie(entries.keys()), entries };
  return triggers;
}

function nounForms(noun: string): string[] {
  if (noun.endsWith('s')) return [noun];
  return [noun, /(?:sh|ch|x|z)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`];
}

// Words as triggers see them: a hyphenated compound is one word, so "Iran-backed" never triggers "backed".
const WORD = /[\p{L}]+(?:['’-][\p{L}]+)*/gu;

interface TrieNode {
  next: Map<string, TrieNode>;
  form: string | null;
}

/**
 * A word trie over the trigger forms. One big alternation regex over a thousand forms costs a pass per
 * form at every position of a long article; walking words through a trie costs one lookup per word.
 */
function wordTrie(forms: Iterable<string>): (text: string) => TriggerMatch[] {
  const root: TrieNode = { next: new Map(), form: null };
  for (const form of forms) {
    let node = root;
    for (const word of form.split(' ')) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), form: null }));
      node = child;
    }
    node.form = form;
  }
  return (text) => {
    const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, lower: m[0].toLowerCase() }));
    const found: TriggerMatch[] = [];
    for (let i = 0; i < words.length; ) {
      let node: TrieNode | undefined = root;
      let best: { end: number; form: string; next: number } | null = null;
      for (let j = i; j < words.length && node; j++) {
        // the words of a phrase stand next to each other, whitespace between
        if (j > i && !/^\s+$/.test(text.slice(words[j - 1].end, words[j].start))) break;
        node = node.next.get(words[j].lower);
        if (node?.form) best = { end: words[j].end, form: node.form, next: j + 1 };
      }
      if (best) {
        found.push({ index: words[i].start, text: text.slice(words[i].start, best.end), form: best.form });
        i = best.next;
      } else i++;
    }
    return found;
  };
}

export function relationTemplates(): RelationTemplate[] {
  if (templates) return templates;
  const path = join(lexiconDir(), 'relations.yaml');
  const file = parseYaml(readFileSync(path, 'utf8')) as RelationsFile;
  templates = [];
  for (const [i, r] of file.relations.entries()) {
    if (!(RELATION_TYPES as readonly string[]).includes(r.type)) throw new Error(`${path}: relations[${i}]: unknown relation type '${r.type}'`);
    for (const kind of [...(r.sourceKinds ?? []), ...(r.targetKinds ?? [])]) {
      if (!(ACTOR_KINDS as readonly string[]).includes(kind)) throw new Error(`${path}: relations[${i}] (${r.type}): unknown actor kind '${kind}'`);
    }
    for (const [k, p] of r.patterns.entries()) {
      const pairwise = p.includes('{AB}');
      const source = p
        .replace('{AB}', '⟦(?<ab>\\d+)⟧')
        .replace('{A}', '⟦(?<a>\\d+)⟧')
        .replace('{B}', '⟦(?<b>\\d+)⟧')
        .replaceAll('{PASS}', "(?:,? (?:which|who|that) (?:is|are|was|were|has been|have been) |,? | (?:is|are|was|were|has been|have been|had been) (?:not |never )?| (?:[\\p{Ll}]+ ){0,2}being )")
        .replaceAll('{W}', "(?:[\\p{Ll}][\\p{Ll}’'-]* ){0,3}");
      try {
        templates.push({
          id: `${r.type}#${i}.${k}`,
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
