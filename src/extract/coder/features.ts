// What the event coder sees of one candidate: a predicate in a parsed sentence with the words that
// would be its source and target. Features are strings (the model keeps only those seen in training):
// the predicate's lemma and the lemmas on the tree path between the two arguments, the relations
// they stand in, their governors, the words between them, word clusters of the predicate (so that
// an unseen verb borrows from its neighbours in the corpora), negation, and the trigger lexicon's
// hits as evidence rather than as the decision.
import type { DocToken } from '../../core/doc.js';
import type { Span } from '../../model/types.js';
import { clusterPrefixes, type ClusterLookup } from '../../nlp/clusters.js';
import type { TriggerLexicon } from '../lexicon.js';

export interface Candidate {
  /** The parsed tokens of the sentence (heads are indexes into this array, -1 for a root). */
  tokens: readonly DocToken[];
  /** The sentence's text, for the lexicon, and where it starts in the tokens' offsets. */
  text: string;
  offset?: number;
  /** The predicate token, when the candidate was made from it; else the path between the arguments decides. */
  predicate?: number;
  source?: Span;
  target?: Span;
  /** The grammatical role each fills (src/extract/coder/candidates.ts), with the path that reached it. */
  sourceRole?: string;
  targetRole?: string;
  /** The type the trigger-lexicon rules (events.ts) give this predicate, when they code one: evidence, not the decision. */
  ruleType?: string;
}

export interface FeatureContext {
  clusters: ClusterLookup | null;
  lexicon: TriggerLexicon;
}

const CONTENT = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN', 'ADV']);
const NEGATORS = new Set(['not', 'never', 'no', "n't", 'nor', 'without']);

/** The token of a span that the rest of the span hangs from (its syntactic head). */
export function headOfSpan(tokens: readonly DocToken[], span: Span): number {
  let best = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start < span.start || t.end > span.end) continue;
    const h = t.head ?? -1;
    const inside = h >= 0 && tokens[h].start >= span.start && tokens[h].end <= span.end;
    if (!inside) return i;
    if (best < 0) best = i;
  }
  if (best >= 0) return best;
  // A span that cuts a token: the token it starts in.
  return tokens.findIndex((t) => t.end > span.start);
}

function ancestors(tokens: readonly DocToken[], i: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let k = i; k >= 0 && !seen.has(k); k = tokens[k].head ?? -1) {
    seen.add(k);
    chain.push(k);
  }
  return chain;
}

/** The tokens from a to b through their lowest common ancestor: [a..lca) , lca, (lca..b]. */
function treePath(tokens: readonly DocToken[], a: number, b: number): { up: number[]; lca: number; down: number[] } {
  const fromA = ancestors(tokens, a);
  const fromB = ancestors(tokens, b);
  const inB = new Set(fromB);
  const k = fromA.findIndex((x) => inB.has(x));
  if (k < 0) return { up: fromA, lca: -1, down: fromB };
  const lca = fromA[k];
  return { up: fromA.slice(0, k), lca, down: fromB.slice(0, fromB.indexOf(lca)).reverse() };
}

const lemmaOf = (t: DocToken) => (t.lemma ?? t.form).toLowerCase();

export function candidateFeatures(c: Candidate, ctx: FeatureContext): string[] {
  const { tokens } = c;
  const f: string[] = ['bias'];
  const s = c.source ? headOfSpan(tokens, c.source) : -1;
  const t = c.target ? headOfSpan(tokens, c.target) : -1;

  let predicate = c.predicate ?? -1;
  let path: number[] = [];
  if (s >= 0 && t >= 0) {
    const p = treePath(tokens, s, t);
    path = [...p.up.slice(1), ...(p.lca >= 0 ? [p.lca] : []), ...p.down.slice(0, -1)].filter((i) => i !== s && i !== t);
    f.push('dp=' + [...p.up.map((i) => '^' + tokens[i].deprel), ...p.down.map((i) => 'v' + tokens[i].deprel)].join(' '));
    if (predicate < 0) predicate = p.lca === s || p.lca === t ? (tokens[p.lca].head ?? -1) : p.lca;
  }
  if (predicate < 0) predicate = s >= 0 ? (tokens[s].head ?? -1) : t >= 0 ? (tokens[t].head ?? -1) : -1;

  const pathLemmas = new Set<number>(path);
  if (predicate >= 0) {
    const p = tokens[predicate];
    const lemma = lemmaOf(p);
    f.push('p=' + lemma, 'pu=' + p.upos, 'px=' + p.xpos, 'pd=' + p.deprel);
    for (const bits of clusterPrefixes(ctx.clusters?.(p.form) ?? null, [6, 10, 14])) f.push('pc=' + bits);
    // The verb the predicate hangs from: "decided to withdraw", "refused to meet".
    const h = p.head ?? -1;
    if (h >= 0) f.push('ph=' + lemmaOf(tokens[h]) + '>' + p.deprel, 'ph=' + lemmaOf(tokens[h]));
    pathLemmas.add(predicate);
    // Its dependents: objects and obliques name what was done ("imposed sanctions", "launched an attack").
    for (let i = 0; i < tokens.length; i++) {
      const d = tokens[i];
      if (d.head !== predicate) continue;
      const rel = d.deprel ?? '';
      if (NEGATORS.has(lemmaOf(d)) || rel === 'neg') f.push('neg');
      if (rel === 'obj' || rel === 'xcomp' || rel === 'ccomp' || rel === 'compound:prt' || rel.startsWith('obl') || rel === 'nmod') {
        f.push(`pk=${rel}:${lemmaOf(d)}`, `pp=${lemma}+${lemmaOf(d)}`);
      }
      if (rel === 'case' || rel === 'mark') f.push('pm=' + lemmaOf(d));
      if (rel === 'aux' || rel === 'aux:pass') f.push('pa=' + lemmaOf(d));
    }
  }
  for (const i of pathLemmas) {
    const w = tokens[i];
    if (!CONTENT.has(w.upos ?? '')) continue;
    f.push('w=' + lemmaOf(w), 'wd=' + lemmaOf(w) + ':' + w.deprel);
    for (const bits of clusterPrefixes(ctx.clusters?.(w.form) ?? null, [10])) f.push('wc=' + bits);
  }
  const plemma = predicate >= 0 ? lemmaOf(tokens[predicate]) : '-';
  for (const [role, filled] of [['s', c.sourceRole], ['t', c.targetRole]] as const) {
    f.push(`${role}r=${filled ?? 'none'}`, `${role}rp=${filled ?? 'none'}:${plemma}`);
  }
  for (const [role, i] of [['s', s], ['t', t]] as const) {
    if (i < 0) {
      f.push(role + '=none');
      continue;
    }
    const w = tokens[i];
    const h = w.head ?? -1;
    f.push(`${role}d=${w.deprel}`, `${role}h=${lemmaOf(w)}`);
    if (h >= 0) f.push(`${role}g=${lemmaOf(tokens[h])}:${w.deprel}`);
    // The case marker of an oblique argument: "against <t>", "with <t>", "to <t>".
    for (let k = 0; k < tokens.length; k++) if (tokens[k].head === i && tokens[k].deprel === 'case') f.push(`${role}case=${lemmaOf(tokens[k])}`);
  }
  if (s >= 0 && t >= 0) {
    f.push(s < t ? 'order=st' : 'order=ts');
    const [a, b] = s < t ? [c.source!.end, c.target!.start] : [c.target!.end, c.source!.start];
    for (const w of tokens) if (w.start >= a && w.end <= b && CONTENT.has(w.upos ?? '')) f.push('b=' + lemmaOf(w));
  }
  // Every content lemma of the sentence, weakly: the parse can be wrong.
  for (const w of tokens) if (w.upos === 'VERB' || w.upos === 'NOUN') f.push('bag=' + lemmaOf(w));

  // The trigger lexicon's verdicts, as evidence: on the predicate or path, and anywhere in the sentence.
  const onPath = new Set([...pathLemmas].map((i) => tokens[i].start));
  const offset = c.offset ?? 0;
  for (const m of ctx.lexicon.find(c.text)) {
    const entry = ctx.lexicon.entries.get(m.form)!;
    const at = tokens.findIndex((w) => w.start === offset + m.index);
    const where = at >= 0 && onPath.has(tokens[at].start) ? 'path' : 'any';
    f.push(`lx${where}=${entry.type}`, `lx${where}=${entry.type}:${entry.mode ?? ''}`);
    if (at >= 0 && at === predicate) f.push('lxp=' + entry.type);
  }
  if (c.ruleType) f.push('rule=' + c.ruleType, `rule=${c.ruleType}:${f.includes('s=none') ? 's' : ''}${f.includes('t=none') ? 't' : ''}`);
  return f;
}
