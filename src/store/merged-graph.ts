// The network's nodes with the analysts' merges applied: an actor merged into another is that actor, so
// its mentions add to the kept node's weight. (Edges are folded by graph.ts's SQL path and by the
// index's judged view.) Pure: rows and merges in, rows out.
import type { GraphActorRow } from '../analyze/graph.js';
import type { ActorMerges } from './judgements.js';

/** Drops merged actors' nodes; the kept actor's weight is the sum of its group's mentions. */
export function foldMergedActors(actors: GraphActorRow[], weights: { id: string; weight: number }[], merges: ActorMerges): GraphActorRow[] {
  if (!merges.size) return actors;
  const weightOf = new Map<string, number>();
  for (const w of weights) {
    const kept = merges.resolve(w.id);
    weightOf.set(kept, (weightOf.get(kept) ?? 0) + Number(w.weight));
  }
  return actors.filter((a) => !merges.isMerged(a.id)).map((a) => ({ ...a, weight: weightOf.get(a.id) ?? 0 }));
}
