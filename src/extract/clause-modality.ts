// Whether an event happened, was denied, is planned, is only possible or someone's claim, or is no
// event at all (a wish, a capability, a habit), read from the clause that holds it (issue 6, item 3).
// The cues are data (models/lexicon/modality.yaml, each with an id); this module only walks the tree:
// the predicate's own dependents first, then up through the clauses it is the complement of
// ("denied that Iran had closed", "plans to visit", "reports that", "accused X of attacking").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DocToken } from '../core/doc.js';
import { modelsDir } from '../core/paths.js';
import { MODALITIES, type Modality } from '../model/types.js';

/** What a clause says of its event: a modality, or `none` when it states no happening. */
export type ClauseModality = Modality | 'none';

export interface ModalityReading {
  modality: ClauseModality;
  /** The cue's id in modality.yaml; null when no cue answered (asserted). */
  rule: string | null;
}

interface OwnCue {
  id: string;
  modality: ClauseModality;
  relations: string[];
  lemmas: string[];
  unless_sentence_has?: string[];
  /** Words right after the cue that undo it ("not only"). */
  unless_followed_by?: string[];
  /** Another dependent the predicate must have too: "is to host" (a copula and the infinitive's "to"). */
  with?: { relation: string; lemma: string };
  else?: ClauseModality;
  present_only?: boolean;
  or_modified_by?: Record<string, string[]>;
}

interface GovernorCue {
  id: string;
  modality: ClauseModality;
  lemmas: string[];
  upos?: string[];
  /** The relations by which the clause may hang from the governor (any complement when absent). */
  via?: string[];
}

interface ModalityLexicon {
  own: OwnCue[];
  governors: Map<string, GovernorCue[]>;
  /** Subordinators of reason and time: their clause takes no modality from the clause above. */
  adverbialMarks: Set<string>;
  /** Verbs whose object noun is the act itself ("launched an attack"). */
  lightVerbs: Set<string>;
}

let lexicon: ModalityLexicon | undefined;

export function modalityLexicon(): ModalityLexicon {
  if (lexicon) return lexicon;
  const file = join(modelsDir(), 'lexicon', 'modality.yaml');
  const data = parseYaml(readFileSync(file, 'utf8')) as { own?: OwnCue[]; governors?: GovernorCue[]; adverbial_marks?: string[]; light_verbs?: string[] };
  const known = new Set<string>([...MODALITIES, 'none']);
  const check = (c: { id: string; modality: string; else?: string }) => {
    for (const m of [c.modality, c.else]) if (m !== undefined && !known.has(m)) throw new Error(`${file}: cue '${c.id}' has unknown modality '${m}'`);
  };
  const own = data.own ?? [];
  own.forEach(check);
  const governors = new Map<string, GovernorCue[]>();
  for (const g of data.governors ?? []) {
    check(g);
    for (const lemma of g.lemmas) governors.set(lemma, [...(governors.get(lemma) ?? []), g]);
  }
  return (lexicon = { own, governors, adverbialMarks: new Set(data.adverbial_marks ?? []), lightVerbs: new Set(data.light_verbs ?? []) });
}

const lemmaOf = (t: DocToken) => (t.lemma ?? t.form).toLowerCase();
const formOf = (t: DocToken) => t.form.toLowerCase().replace(/[’]/g, "'");

/** Relations by which a clause is the complement of the word above it: its modality may come from there. */
const COMPLEMENT = new Set(['xcomp', 'ccomp', 'csubj', 'advcl', 'acl', 'obj', 'nsubj:pass', 'csubj:pass']);
/** Cue kinds a conjoined verb shares with the verb it is conjoined to: "will meet and sign". */
const SHARED_BY_CONJUNCTS = new Set(['future', 'hypothetical', 'none']);

/**
 * The modality of the event whose predicate is `predicate` (an index into `tokens`, heads as indexes
 * into the same array, -1 or null at a root). `sentence` is [start, end) of the sentence's tokens.
 */
export function clauseModality(tokens: readonly DocToken[], predicate: number, sentence: { start: number; end: number }): ModalityReading {
  const { own, governors, adverbialMarks, lightVerbs } = modalityLexicon();
  const children: number[][] = [];
  for (let i = sentence.start; i < sentence.end; i++) children[i - sentence.start] = [];
  for (let i = sentence.start; i < sentence.end; i++) {
    const h = tokens[i].head;
    if (h !== null && h >= sentence.start && h < sentence.end) children[h - sentence.start].push(i);
  }
  const dependents = (i: number) => children[i - sentence.start] ?? [];
  const sentenceLemmas = new Set<string>();
  for (let i = sentence.start; i < sentence.end; i++) sentenceLemmas.add(lemmaOf(tokens[i]));

  const ownCue = (i: number, only?: (c: OwnCue) => boolean): ModalityReading | null => {
    const present = tokens[i].xpos === 'VBZ' || tokens[i].xpos === 'VBP';
    for (const cue of own) {
      if (only && !only(cue)) continue;
      if (cue.present_only && !present) continue;
      for (const d of dependents(i)) {
        const dep = tokens[d];
        if (!cue.relations.includes(dep.deprel ?? '')) continue;
        const lemma = lemmaOf(dep);
        const matched = cue.lemmas.includes(lemma) || cue.lemmas.includes(formOf(dep))
          || (!!cue.or_modified_by && Object.entries(cue.or_modified_by).some(([modifier, nouns]) => nouns.includes(lemma) && dependents(d).some((m) => lemmaOf(tokens[m]) === modifier)));
        if (!matched) continue;
        if (cue.unless_followed_by && d + 1 < sentence.end && cue.unless_followed_by.includes(lemmaOf(tokens[d + 1]))) continue;
        if (cue.with && !dependents(i).some((k) => tokens[k].deprel === cue.with!.relation && lemmaOf(tokens[k]) === cue.with!.lemma)) continue;
        const modality = cue.unless_sentence_has?.some((w) => sentenceLemmas.has(w)) ? cue.else ?? cue.modality : cue.modality;
        return { modality, rule: cue.id };
      }
    }
    return null;
  };
  /** The governor cue of word `i` reached from its dependent by relation `rel`. */
  const governorCue = (i: number, rel: string): ModalityReading | null => {
    const t = tokens[i];
    const cue = (governors.get(lemmaOf(t)) ?? []).find((g) => (!g.upos || g.upos.includes(t.upos ?? '')) && (!g.via || g.via.includes(rel)));
    return cue ? { modality: cue.modality, rule: cue.id } : null;
  };
  const isNegation = (c: OwnCue) => c.modality === 'negated';

  // "urged that US forces should leave": what is asked for or wished is no event, whatever its auxiliaries.
  const unreal = noneAbove(predicate);
  if (unreal) return unreal;
  const first = ownCue(predicate);
  if (first) return first;
  // Climb to the words that govern the clause; the first that answers decides.
  let at = predicate;
  for (let guard = 0; guard < 12; guard++) {
    const rel = tokens[at].deprel ?? '';
    const up = tokens[at].head;
    if (up === null || up < sentence.start || up >= sentence.end) break;
    if (rel === 'conj') {
      // A conjunct shares the auxiliaries of the verb it joins, not its negation ("did not attack but warned").
      const shared = ownCue(up, (c) => SHARED_BY_CONJUNCTS.has(c.modality) && c.relations.includes('aux'));
      if (shared) return shared;
      at = up;
      continue;
    }
    // "will take revenge for assassinating", "met after the strike": a reason or time clause stands on its own.
    if (rel === 'advcl' && dependents(at).some((d) => tokens[d].deprel === 'mark' && adverbialMarks.has(lemmaOf(tokens[d])))) break;
    // An event noun as a clause's subject takes the clause's auxiliaries ("our cooperation will continue");
    // as an object, only a light verb's ("will launch an attack", not "will pursue the assassination").
    const noun = tokens[at].upos === 'NOUN' || tokens[at].upos === 'PROPN';
    const nominal = noun && (rel === 'nsubj' || rel === 'obj' || rel === 'nsubj:pass');
    if (!COMPLEMENT.has(rel) && !nominal) break;
    // "did not agree to withdraw": the governor's own negation reaches the act it controls; "not
    // surprising that the assassination was cheered" does not undo the assassination.
    if (rel === 'xcomp') {
      const negated = ownCue(up, isNegation);
      if (negated) return negated;
    }
    // A clause's subject is not its content: "Rashid, elected by parliament, asked Sudani" asks nothing of the election.
    const governed = rel === 'nsubj' ? null : governorCue(up, rel);
    if (governed) {
      // "denied reports that Iran had closed": a claim someone denies is denied.
      if (governed.modality === 'claimed') return denialAbove(up) ?? governed;
      return governed;
    }
    if (at === predicate && noun && rel === 'obj' && !lightVerbs.has(lemmaOf(tokens[up]))) break;
    const other = ownCue(up, (c) => !isNegation(c));
    if (other) return other;
    at = up;
  }
  return { modality: 'asserted', rule: null };

  function noneAbove(i: number): ModalityReading | null {
    let k = i;
    for (let guard = 0; guard < 12; guard++) {
      const up = tokens[k].head;
      const rel = tokens[k].deprel ?? '';
      if (up === null || up < sentence.start || up >= sentence.end || !(COMPLEMENT.has(rel) || rel === 'conj')) return null;
      if (rel !== 'conj') {
        const cue = governorCue(up, rel);
        if (cue) return cue.modality === 'none' ? cue : null;
      }
      k = up;
    }
    return null;
  }

  function denialAbove(i: number): ModalityReading | null {
    let k = i;
    for (let guard = 0; guard < 3; guard++) {
      const up = tokens[k].head;
      if (up === null || up < sentence.start || up >= sentence.end || !COMPLEMENT.has(tokens[k].deprel ?? '')) return null;
      const cue = ownCue(up, isNegation) ?? governorCue(up, tokens[k].deprel ?? '');
      if (cue?.modality === 'negated') return cue;
      k = up;
    }
    return null;
  }
}
