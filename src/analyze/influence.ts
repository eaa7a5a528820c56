// A's influence over B in a date window, as a score from 0 to 1 built from the window's claims by the
// terms of models/influence/influence.yaml (what each term means and why it weighs what it does:
// models/influence/README.md). Pure: claims in, scored pairs out, each term with its evidence.
//
// For a pair (A, B) and a term t, n = the sum over the independent articles holding a claim of t from
// A to B (copies folded into their original) of the best modality weight among that article's claims
// (asserted 1, claimed 0.5). The term gives c = weight * n / (n + halfAt): one article gives a part,
// more give less each (diminishing returns), never more than the weight. The positive terms combine as
// independent signs (1 - the product of 1 - c), and the negative ones discount that:
//   score = (1 - prod over c > 0 of (1 - c)) * prod over c < 0 of (1 + c).
import type { ActorRef } from '../store/types.js';
import type { IsoDate, Modality } from '../model/types.js';
import type { InfluenceModel, InfluenceTerm, TermKind } from './influence-model.js';

/** One claim as influence reads it; an event with several sources or targets stands for every pair. */
export interface InfluenceClaim {
  kind: TermKind;
  id: string;
  type: string;
  mode: string | null;
  sources: ActorRef[];
  targets: ActorRef[];
  /** A relation's is asserted, or claimed when the article attributes it to someone, or negated. */
  modality: Modality;
  /** The independent article: the original when the claim's article is a copy of another. */
  articleId: string;
  evidenceId: string;
  date: IsoDate | null;
}

export interface InfluenceTermScore {
  /** The term's id in models/influence/influence.yaml. */
  term: string;
  kind: TermKind;
  /** The claim types that matched, in the model's order. */
  types: string[];
  /** Independent articles holding a claim of the term for the pair. */
  count: number;
  /** Claims matched (an article repeating one counts once in `count`). */
  claims: number;
  /** `count` with each article weighed by its best modality (claimed counts less than asserted). */
  weightedCount: number;
  weight: number;
  halfAt: number;
  /** weight * weightedCount / (weightedCount + halfAt); negative for a discounting term. */
  contribution: number;
  /** The most recent first, at most the model's evidencePerTerm. */
  evidenceIds: string[];
}

export interface InfluencePair {
  /** The actor whose influence it is. */
  source: ActorRef;
  /** The actor influenced. */
  target: ActorRef;
  score: number;
  terms: InfluenceTermScore[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

interface TermAccumulator {
  term: InfluenceTerm;
  /** Best modality weight per independent article. */
  articles: Map<string, number>;
  claims: Set<string>;
  types: Set<string>;
  evidence: Map<string, IsoDate | null>;
}

interface PairAccumulator {
  source: ActorRef;
  target: ActorRef;
  terms: Map<string, TermAccumulator>;
}

function termOf(model: InfluenceModel, claim: InfluenceClaim): InfluenceTerm | undefined {
  return model.terms.find((t) => t.kind === claim.kind && t.types.includes(claim.type)
    && (t.modes === null || (claim.mode !== null && t.modes.includes(claim.mode))));
}

/** The term's contribution for `weightedCount` articles: rises from 0 toward `weight`, half of it at `halfAt`. */
export function saturate(term: Pick<InfluenceTerm, 'weight' | 'halfAt'>, weightedCount: number): number {
  return weightedCount <= 0 ? 0 : term.weight * weightedCount / (weightedCount + term.halfAt);
}

/** Combines contributions: positive ones as independent signs, negative ones as discounts. */
export function combine(contributions: number[]): number {
  let missing = 1;
  let discount = 1;
  for (const c of contributions) {
    if (c > 0) missing *= 1 - c;
    else discount *= 1 + c;
  }
  return (1 - missing) * discount;
}

const byRecency = ([idA, a]: [string, IsoDate | null], [idB, b]: [string, IsoDate | null]) =>
  a === b ? (idA < idB ? -1 : idA > idB ? 1 : 0) : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;

/** Every pair with a positive score, highest first. */
export function scoreInfluence(claims: Iterable<InfluenceClaim>, model: InfluenceModel): InfluencePair[] {
  const pairs = new Map<string, PairAccumulator>();
  for (const claim of claims) {
    const modalityWeight = model.modalities[claim.modality];
    if (!modalityWeight) continue;
    const term = termOf(model, claim);
    if (!term) continue;
    for (const from of claim.sources) {
      for (const to of claim.targets) {
        const [source, target] = term.direction === 'forward' ? [from, to] : [to, from];
        if (source.id === target.id) continue;
        const key = `${source.id}\u0000${target.id}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { source, target, terms: new Map() }));
        let acc = pair.terms.get(term.id);
        if (!acc) {
          acc = { term, articles: new Map(), claims: new Set(), types: new Set(), evidence: new Map() };
          pair.terms.set(term.id, acc);
        }
        acc.articles.set(claim.articleId, Math.max(acc.articles.get(claim.articleId) ?? 0, modalityWeight));
        acc.claims.add(`${claim.kind}:${claim.id}`);
        acc.types.add(claim.type);
        if (!acc.evidence.has(claim.evidenceId)) acc.evidence.set(claim.evidenceId, claim.date);
      }
    }
  }

  const order = new Map(model.terms.map((t, i) => [t.id, i]));
  const scored: InfluencePair[] = [];
  for (const pair of pairs.values()) {
    const terms = [...pair.terms.values()]
      .sort((a, b) => order.get(a.term.id)! - order.get(b.term.id)!)
      .map((acc): InfluenceTermScore => {
        const weightedCount = [...acc.articles.values()].reduce((sum, w) => sum + w, 0);
        return {
          term: acc.term.id,
          kind: acc.term.kind,
          types: acc.term.types.filter((t) => acc.types.has(t)),
          count: acc.articles.size,
          claims: acc.claims.size,
          weightedCount: round(weightedCount),
          weight: acc.term.weight,
          halfAt: acc.term.halfAt,
          contribution: saturate(acc.term, weightedCount),
          evidenceIds: [...acc.evidence.entries()].sort(byRecency).slice(0, model.evidencePerTerm).map(([id]) => id),
        };
      });
    const score = combine(terms.map((t) => t.contribution));
    if (score <= 0) continue;
    scored.push({
      source: pair.source,
      target: pair.target,
      score: round(score),
      terms: terms.map((t) => ({ ...t, contribution: round(t.contribution) })),
    });
  }
  return scored.sort((a, b) => b.score - a.score
    || (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0)
    || (a.target.id < b.target.id ? -1 : a.target.id > b.target.id ? 1 : 0));
}

/** The pairs where `actorId` is the source or the target. */
export function pairsOf(pairs: InfluencePair[], actorId: string): InfluencePair[] {
  return pairs.filter((p) => p.source.id === actorId || p.target.id === actorId);
}
