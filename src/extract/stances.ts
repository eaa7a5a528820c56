// Standing ties read from the parse (issue 6, item 4): a stance verb or noun (models/lexicon/stances.yaml)
// with one actor as its agent and another as what it is aimed at. "The UK remains committed to
// defeating Daesh" opposes the UK to Daesh through the control the parse gives "defeating"; "the
// coalition's campaign against ISIL" through the noun's possessor and its "against" oblique.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DocToken } from '../core/doc.js';
import type { Mention, RelationType } from '../model/types.js';
import { modelsDir } from '../core/paths.js';
import { RELATION_TYPES } from '../model/types.js';
import { dependentsOf } from './coder/arguments.js';
import { predicateCandidates, type Argument } from './coder/candidates.js';

export interface Stance {
  id: string;
  type: RelationType;
  verbs: string[];
  nouns: string[];
  case: string[];
}

export interface StanceTie {
  type: RelationType;
  source: string;
  target: string;
  negated: boolean;
  /** The stance entry and the word that stated it, for the producer. */
  rule: string;
}

let stances: { byVerb: Map<string, Stance>; byNoun: Map<string, Stance> } | undefined;

export function stanceLexicon(): { byVerb: Map<string, Stance>; byNoun: Map<string, Stance> } {
  if (stances) return stances;
  const file = join(modelsDir(), 'lexicon', 'stances.yaml');
  const data = parseYaml(readFileSync(file, 'utf8')) as { stances?: Stance[] };
  const byVerb = new Map<string, Stance>();
  const byNoun = new Map<string, Stance>();
  for (const s of data.stances ?? []) {
    if (!(RELATION_TYPES as readonly string[]).includes(s.type)) throw new Error(`${file}: stance '${s.id}' has unknown relation type '${s.type}'`);
    for (const v of s.verbs ?? []) byVerb.set(v, s);
    for (const n of s.nouns ?? []) byNoun.set(n, s);
  }
  return (stances = { byVerb, byNoun });
}

const NEGATORS = new Set(['not', 'never', "n't", 'no']);
const lemmaOf = (t: DocToken) => (t.lemma ?? t.form).toLowerCase();

/** Whether a sentence holds a stance word, by the tagger's lemmas: the parser must then parse it. */
export function hasStanceWord(tokens: readonly DocToken[]): boolean {
  const { byVerb, byNoun } = stanceLexicon();
  return tokens.some((t) => (t.upos === 'VERB' && byVerb.has(lemmaOf(t))) || (t.upos === 'NOUN' && byNoun.has(lemmaOf(t))));
}

/** The ties one parsed sentence states through its stance words. `tokens` have heads local to the sentence. */
export function stanceTies(tokens: readonly DocToken[], mentions: readonly Mention[]): StanceTie[] {
  const { byVerb, byNoun } = stanceLexicon();
  const stanceOf = (t: DocToken) => (t.upos === 'VERB' ? byVerb.get(lemmaOf(t)) : t.upos === 'NOUN' ? byNoun.get(lemmaOf(t)) : undefined);
  const ties: StanceTie[] = [];
  for (const c of predicateCandidates(tokens, mentions, (lemma) => byNoun.has(lemma))) {
    const p = tokens[c.predicate];
    const stance = stanceOf(p);
    if (!stance) continue;
    const caseOf = (a: Argument) => {
      const head = tokens.findIndex((t) => t.start <= a.mention.start && a.mention.start < t.end);
      let k = head;
      while (k >= 0 && tokens[k].head !== c.predicate) k = tokens[k].head ?? -1;
      return k >= 0 ? dependentsOf(tokens, k).map((d) => lemmaOf(tokens[d])).find((l) => stance.case.includes(l)) : undefined;
    };
    const agents = c.args.filter((a) => a.role === 'agent' || (p.upos === 'NOUN' && a.role === 'possessor'));
    const aimed = c.args.filter((a) => a.role === 'patient' || (a.role === 'oblique' && caseOf(a) !== undefined));
    const negated = dependentsOf(tokens, c.predicate).some((d) => NEGATORS.has(lemmaOf(tokens[d])));
    // "the coalition against ISIL": the noun is itself the actor's name ("Global Coalition against Daesh").
    const named = p.upos === 'NOUN' ? mentions.filter((m) => m.start <= p.start && p.end <= m.end) : [];
    const sources = [...agents.map((a) => a.mention.actorId), ...named.map((m) => m.actorId)];
    for (const s of new Set(sources)) {
      for (const t of new Set(aimed.map((a) => a.mention.actorId))) {
        if (s !== t) ties.push({ type: stance.type, source: s, target: t, negated, rule: `stance:${stance.id}:${lemmaOf(p)}` });
      }
    }
  }
  return ties;
}
