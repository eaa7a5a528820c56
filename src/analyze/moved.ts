// "Who moved": between two date windows, whose influence over each actor entered, left, rose or fell,
// with the terms that changed and their evidence. Pure: the two windows' scored pairs in, changes out.
import type { ActorRef } from '../store/types.js';
import type { InfluencePair, InfluenceTermScore } from './influence.js';
import type { TermKind } from './influence-model.js';

export interface MovedOptions {
  /** A score at or above it is influence; below, none (0..1). */
  threshold: number;
  /** The least change of score that counts as rising or falling while above the threshold. */
  minChange: number;
}

export const DEFAULT_MOVED: MovedOptions = { threshold: 0.3, minChange: 0.1 };

/**
 * entered: below the threshold (or absent) in window 1, at or above it in window 2; left: the reverse;
 * rose / fell: above it in both, by at least minChange.
 */
export type MoveKind = 'entered' | 'left' | 'rose' | 'fell';

export interface TermChange {
  term: string;
  kind: TermKind;
  count1: number;
  count2: number;
  contribution1: number;
  contribution2: number;
  /** The "why": each window's evidence for the term (most recent first, capped as in the model). */
  evidenceIds: { window1: string[]; window2: string[] };
}

export interface Move {
  /** The actor whose influence moved. */
  source: ActorRef;
  change: MoveKind;
  score1: number;
  score2: number;
  /** score2 - score1. */
  delta: number;
  /** Only the terms whose article count or contribution differ between the windows. */
  terms: TermChange[];
}

export interface ActorMoves {
  /** The actor influenced. */
  actor: ActorRef;
  moves: Move[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function classify(score1: number, score2: number, options: MovedOptions): MoveKind | null {
  const before = score1 >= options.threshold;
  const after = score2 >= options.threshold;
  if (!before && after) return 'entered';
  if (before && !after) return 'left';
  if (before && after && score2 - score1 >= options.minChange) return 'rose';
  if (before && after && score1 - score2 >= options.minChange) return 'fell';
  return null;
}

function termChanges(before: InfluenceTermScore[], after: InfluenceTermScore[]): TermChange[] {
  const ids = [...new Set([...before.map((t) => t.term), ...after.map((t) => t.term)])];
  const changes: TermChange[] = [];
  for (const id of ids) {
    const a = before.find((t) => t.term === id);
    const b = after.find((t) => t.term === id);
    const change: TermChange = {
      term: id,
      kind: (a ?? b)!.kind,
      count1: a?.count ?? 0,
      count2: b?.count ?? 0,
      contribution1: a?.contribution ?? 0,
      contribution2: b?.contribution ?? 0,
      evidenceIds: { window1: a?.evidenceIds ?? [], window2: b?.evidenceIds ?? [] },
    };
    if (change.count1 !== change.count2 || change.contribution1 !== change.contribution2) changes.push(change);
  }
  // the biggest change of contribution first: the main reason for the move
  return changes.sort((x, y) => Math.abs(y.contribution2 - y.contribution1) - Math.abs(x.contribution2 - x.contribution1)
    || (x.term < y.term ? -1 : 1));
}

/** Every actor with at least one move, the biggest move first; each actor's moves biggest first. */
export function whoMoved(window1: InfluencePair[], window2: InfluencePair[], options: MovedOptions = DEFAULT_MOVED): ActorMoves[] {
  const key = (p: InfluencePair) => `${p.source.id}\u0000${p.target.id}`;
  const before = new Map(window1.map((p) => [key(p), p]));
  const after = new Map(window2.map((p) => [key(p), p]));
  const byActor = new Map<string, ActorMoves>();
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(k);
    const b = after.get(k);
    const pair = (b ?? a)!;
    const score1 = a?.score ?? 0;
    const score2 = b?.score ?? 0;
    const change = classify(score1, score2, options);
    if (!change) continue;
    let entry = byActor.get(pair.target.id);
    if (!entry) byActor.set(pair.target.id, (entry = { actor: pair.target, moves: [] }));
    entry.moves.push({
      source: pair.source, change, score1, score2, delta: round(score2 - score1),
      terms: termChanges(a?.terms ?? [], b?.terms ?? []),
    });
  }
  const size = (m: Move) => Math.abs(m.delta);
  const actors = [...byActor.values()];
  for (const entry of actors) {
    entry.moves.sort((x, y) => size(y) - size(x) || (x.source.id < y.source.id ? -1 : 1));
  }
  return actors.sort((x, y) => size(y.moves[0]) - size(x.moves[0]) || (x.actor.id < y.actor.id ? -1 : 1));
}

/** The entries that involve `actorId`: as the actor influenced, or as the influencer (other moves dropped). */
export function movesOf(moved: ActorMoves[], actorId: string): ActorMoves[] {
  return moved
    .map((entry) => (entry.actor.id === actorId ? entry : { ...entry, moves: entry.moves.filter((m) => m.source.id === actorId) }))
    .filter((entry) => entry.moves.length > 0);
}
