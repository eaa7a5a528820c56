// Event candidates read from the dependency tree (issue 6, item 1): each predicate — a verb, or a noun
// the lexicon lists as an event noun ("the US killing of", "Qaani's visit to Baghdad") — with the
// actors that fill its grammatical roles. An actor's mention stands for the phrase it heads or
// modifies ("Iranian officials", "Iran's foreign minister"), coordination shares the role ("Amiri and
// Khazali met"), a control verb lends its object or subject to its complement ("Iran urged Baghdad to
// expel"), and a relative clause's noun fills its gap ("the militia that attacked the base"). A
// reporting verb keeps its speaker: the clause it reports has its own predicate and arguments.
import type { DocToken } from '../../core/doc.js';
import type { Mention, Span } from '../../model/types.js';
import { headOfSpan } from './features.js';

export type Role = 'agent' | 'patient' | 'oblique' | 'possessor';

export interface Argument {
  role: Role;
  /** The mention, in sentence tokens' offsets. */
  mention: Mention;
  /** How the role was reached: the relation path, for features and for a reader. */
  via: string;
}

export interface PredicateCandidate {
  /** Index of the predicate in the sentence's tokens. */
  predicate: number;
  args: Argument[];
}

/** Relations by which a word only modifies the phrase it hangs from: the mention stands for that phrase. */
const STANDS_FOR = new Set(['compound', 'flat', 'flat:name', 'amod', 'nmod:poss', 'det', 'nummod', 'appos']);

function roleOf(rel: string, predicateIsNoun: boolean): Role | null {
  if (rel === 'nsubj' || rel === 'obl:agent' || rel === 'csubj') return 'agent';
  if (rel === 'obj' || rel === 'nsubj:pass' || rel === 'iobj') return 'patient';
  if (predicateIsNoun && (rel === 'nmod:poss' || rel === 'compound' || rel === 'amod')) return 'possessor';
  if (rel.startsWith('obl') || (predicateIsNoun && rel.startsWith('nmod'))) return 'oblique';
  return null;
}

/**
 * The predicates of one parsed sentence with the actor mentions in their roles. `tokens` are the
 * sentence's tokens with heads local to it; `isEventNoun` says which noun lemmas can be predicates.
 */
export function predicateCandidates(tokens: readonly DocToken[], mentions: readonly Mention[], isEventNoun: (lemma: string) => boolean): PredicateCandidate[] {
  const byPredicate = new Map<number, Argument[]>();
  const add = (p: number, arg: Argument) => {
    if (p < 0) return;
    const list = byPredicate.get(p) ?? [];
    if (!list.some((a) => a.mention === arg.mention && a.role === arg.role)) list.push(arg);
    byPredicate.set(p, list);
  };
  const isPredicate = (i: number) => {
    const t = tokens[i];
    return t.upos === 'VERB' || (t.upos === 'NOUN' && isEventNoun((t.lemma ?? t.form).toLowerCase()));
  };

  // Each mention climbs to the phrase it stands for ("Iranian officials"), then through coordination.
  const climbs: { mention: Mention; h: number; path: string[] }[] = [];
  for (const mention of mentions) {
    let h = headOfSpan(tokens, mention);
    if (h < 0) continue;
    const path: string[] = [];
    for (let guard = 0; guard < 8; guard++) {
      const rel = tokens[h].deprel ?? '';
      const up = tokens[h].head ?? -1;
      if (up < 0) break;
      // "the U.S. assassination of", "Iran's attack on": a modifier of an event noun is its agent.
      const ofEventNoun = (rel === 'nmod:poss' || rel === 'compound' || rel === 'amod') && tokens[up].upos === 'NOUN' && isPredicate(up);
      if (STANDS_FOR.has(rel) && !ofEventNoun && !(rel === 'nmod:poss' && isPredicate(up))) {
        path.push(rel);
        h = up;
      } else if (rel === 'conj' && !isPredicate(h)) {
        path.push(rel);
        h = up;
      } else break;
    }
    climbs.push({ mention, h, path });
  }
  // A phrase named by an actor ("commander Qassem Soleimani", "Iraqi Deputy Minister Jaberi Ansari")
  // is that actor; the actors modifying it ("Iran's", "Iraqi") stand for it only when none names it.
  const MODIFIER = new Set(['nmod:poss', 'amod', 'compound', 'det', 'nummod']);
  const names = new Set(climbs.filter((c) => c.path.length === 0 || !MODIFIER.has(c.path[0])).map((c) => c.h));
  for (const { mention, h, path } of climbs) {
    if (path.length && MODIFIER.has(path[0]) && names.has(h)) continue;
    const rel = tokens[h].deprel ?? '';
    const p = tokens[h].head ?? -1;
    if (p >= 0 && isPredicate(p)) {
      const role = roleOf(rel, tokens[p].upos === 'NOUN');
      if (role) add(p, { role, mention, via: [...path, rel].join('>') });
      // "urged Baghdad to expel": object control lends the object to the complement.
      if (role === 'patient' && rel === 'obj') {
        for (let k = 0; k < tokens.length; k++) if (tokens[k].head === p && tokens[k].deprel === 'xcomp' && isPredicate(k)) add(k, { role: 'agent', mention, via: 'obj>xcomp' });
      }
    }
    // A relative clause or participle on the mention's phrase: "the militia that attacked", "fighters killed by".
    for (let k = 0; k < tokens.length; k++) {
      if (tokens[k].head !== h || !isPredicate(k)) continue;
      const d = tokens[k].deprel;
      if (d === 'acl:relcl') {
        const hasSubject = tokens.some((t) => t.head === k && t.deprel?.startsWith('nsubj'));
        add(k, { role: hasSubject ? 'patient' : 'agent', mention, via: 'relcl' });
      } else if (d === 'acl') {
        add(k, { role: tokens[k].xpos === 'VBN' ? 'patient' : 'agent', mention, via: 'acl' });
      }
    }
  }
  lendSubjects(tokens, byPredicate, isPredicate, add);
  return [...byPredicate].map(([predicate, args]) => ({ predicate, args })).sort((a, b) => a.predicate - b.predicate);
}

/**
 * A subject carries down to the clauses that have none of their own, through any depth: subject
 * control ("decided to withdraw", "remains committed to defeating Daesh"), conjoined verbs ("Iran
 * condemned the strike and summoned the envoy"), purpose clauses, and a stance or event noun a verb
 * takes as object ("continue their fight against ISIL"). Object control was lent already.
 */
function lendSubjects(
  tokens: readonly DocToken[],
  byPredicate: Map<number, Argument[]>,
  isPredicate: (i: number) => boolean,
  add: (p: number, arg: Argument) => void,
): void {
  const depth = (i: number) => {
    let d = 0;
    for (let k = i; k >= 0 && d < 50; k = tokens[k].head ?? -1) d++;
    return d;
  };
  const order = tokens.map((_, i) => i).filter(isPredicate).sort((a, b) => depth(a) - depth(b));
  const ownSubject = (k: number) => tokens.some((t) => t.head === k && (t.deprel?.startsWith('nsubj') || t.deprel?.startsWith('csubj')));
  for (const k of order) {
    const t = tokens[k];
    const up = t.head ?? -1;
    if (up < 0 || ownSubject(k)) continue;
    const rel = t.deprel ?? '';
    const toClause = rel === 'advcl' && tokens.some((d) => d.head === k && d.deprel === 'mark' && d.form.toLowerCase() === 'to');
    if (!(rel === 'xcomp' || rel === 'conj' || toClause || (rel === 'obj' && t.upos === 'NOUN'))) continue;
    // The head may be no predicate itself ("remains committed to"): climb to the clause that has a subject.
    let from = up;
    while (from >= 0 && !byPredicate.has(from) && !ownSubject(from) && ['xcomp', 'conj'].includes(tokens[from].deprel ?? '')) from = tokens[from].head ?? -1;
    if (from < 0) continue;
    const inherited = (byPredicate.get(from) ?? []).filter((a) => a.role === 'agent');
    for (const a of inherited) add(k, { role: 'agent', mention: a.mention, via: `${a.via}>${rel}` });
  }
}

/** The ways a predicate's arguments can be source and target: every ordered pair, and each alone. */
export function assignments(c: PredicateCandidate): { source?: Argument; target?: Argument }[] {
  const out: { source?: Argument; target?: Argument }[] = [];
  for (const s of c.args) {
    out.push({ source: s });
    for (const t of c.args) if (t !== s && t.mention.actorId !== s.mention.actorId) out.push({ source: s, target: t });
  }
  for (const t of c.args) out.push({ target: t });
  return out;
}

export const spanOf = (m: Mention): Span => ({ start: m.start, end: m.end });
