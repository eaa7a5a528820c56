// The network's rows with the analysts' merges applied: an actor merged into another is that actor, so
// its edges are summed into the kept actor's, its mentions add to the kept node's weight, and an edge
// the merge turns into a self-loop is dropped. Pure: rows and merges in, rows out.
import type { GraphActorRow, GraphEdgeRow } from '../analyze/graph.js';
import type { ActorMerges } from './judgements.js';

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export function foldMergedEdges(rows: GraphEdgeRow[], merges: ActorMerges): GraphEdgeRow[] {
  if (!merges.size) return rows;
  const folded = new Map<string, GraphEdgeRow>();
  for (const row of rows) {
    const sourceId = merges.resolve(row.sourceId);
    const targetId = merges.resolve(row.targetId);
    // a self-loop the texts state stays as it was (the graph drops it); one the merge made goes here
    if (sourceId === targetId && row.sourceId !== row.targetId) continue;
    const key = `${row.kind}\u0000${row.type}\u0000${sourceId}\u0000${targetId}`;
    const seen = folded.get(key);
    if (!seen) {
      folded.set(key, { ...row, sourceId, targetId });
      continue;
    }
    const evidenceIds = [...seen.evidenceIds, ...row.evidenceIds];
    folded.set(key, {
      ...seen,
      count: seen.count + row.count,
      evidenceCount: new Set(evidenceIds).size,
      first: earlier(seen.first, row.first),
      last: later(seen.last, row.last),
      intensitySum: seen.intensitySum === null && row.intensitySum === null ? null : (seen.intensitySum ?? 0) + (row.intensitySum ?? 0),
      intensityCount: seen.intensityCount + row.intensityCount,
      evidenceIds,
    });
  }
  return [...folded.values()];
}

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
