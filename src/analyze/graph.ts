// The actor network over a time window, as a view derived from stored claims (the FollowTheMoney way:
// relations and events are the records, edges are an aggregate of them). Pure: rows in, graph out.
import type { ActorKind, EventType, IsoDate, RelationType } from '../model/types.js';
import { loadOntology, type Tone } from '../core/ontology.js';

export interface GraphActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  /** Mentions in the window. */
  weight: number;
}

/** One source -> target pair of one event (an event with two sources gives two rows). */
export interface GraphEventRow {
  eventId: string;
  type: EventType;
  intensity: number | null;
  when: IsoDate | null;
  sourceId: string;
  targetId: string;
  evidenceId: string;
}

export interface GraphRelationRow {
  relationId: string;
  type: RelationType;
  sourceId: string;
  targetId: string;
  /** When it holds; null is open on that side. */
  from: IsoDate | null;
  to: IsoDate | null;
  evidenceId: string;
}

export interface GraphNode {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  weight: number;
}

export type { Tone };

export interface GraphEdge {
  /** Stable for the same pair and type, so a client can keep its selection across windows. */
  id: string;
  kind: 'event' | 'relation';
  source: string;
  target: string;
  type: EventType | RelationType;
  count: number;
  first: IsoDate | null;
  last: IsoDate | null;
  /** Mean Goldstein-style intensity of the events; null for relations or when none was coded. */
  meanIntensity: number | null;
  tone: Tone;
  /** Distinct evidence sentences behind the edge (the `minEvidence` filter counts these). */
  evidenceCount?: number;
  evidenceIds: string[];
}

/** One edge already aggregated by the database: the claims of one kind and type from one actor to another. */
export interface GraphEdgeRow {
  kind: GraphEdge['kind'];
  type: EventType | RelationType;
  sourceId: string;
  targetId: string;
  count: number;
  evidenceCount: number;
  first: IsoDate | null;
  last: IsoDate | null;
  intensitySum: number | null;
  intensityCount: number;
  /** Evidence ids, most recent first. */
  evidenceIds: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphOptions {
  /** Evidence ids kept per edge (the most recent). */
  evidencePerEdge?: number;
  /** Keep only the best-connected actors (mentions plus edge counts), and the edges between them. */
  maxNodes?: number;
  /** Of the edges between the kept actors, keep the ones with the most claims. */
  maxEdges?: number;
}

/** An edge's tone: an event's mean intensity when it has one, else its type's tone in models/ontology.yaml. */
export function toneOf(kind: GraphEdge['kind'], type: string, meanIntensity: number | null): Tone {
  const ontology = loadOntology();
  if (kind === 'event') {
    if (meanIntensity !== null && meanIntensity !== 0) return meanIntensity > 0 ? 'cooperation' : 'conflict';
    return ontology.eventType(type)?.tone ?? 'neutral';
  }
  return ontology.relationType(type)?.tone ?? 'neutral';
}

const minDate = (a: IsoDate | null, b: IsoDate | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxDate = (a: IsoDate | null, b: IsoDate | null) => (a === null ? b : b === null ? a : a > b ? a : b);

interface EdgeAccumulator {
  edge: GraphEdge;
  intensitySum: number;
  intensityCount: number;
  evidence: { id: string; when: IsoDate | null }[];
}

export function buildGraph(
  input: { actors: GraphActorRow[]; events: GraphEventRow[]; relations: GraphRelationRow[] },
  options: GraphOptions = {},
): Graph {
  const evidencePerEdge = options.evidencePerEdge ?? 5;
  const edges = new Map<string, EdgeAccumulator>();

  const accumulate = (
    kind: GraphEdge['kind'], type: GraphEdge['type'], sourceId: string, targetId: string,
    first: IsoDate | null, last: IsoDate | null, intensity: number | null, evidenceId: string,
  ) => {
    // an actor acting on itself is not a tie in the network
    if (sourceId === targetId) return;
    const id = `${kind}:${type}:${sourceId}>${targetId}`;
    let acc = edges.get(id);
    if (!acc) {
      acc = {
        edge: { id, kind, source: sourceId, target: targetId, type, count: 0, first, last, meanIntensity: null, tone: 'neutral', evidenceIds: [] },
        intensitySum: 0,
        intensityCount: 0,
        evidence: [],
      };
      edges.set(id, acc);
    }
    acc.edge.count += 1;
    acc.edge.first = minDate(acc.edge.first, first);
    acc.edge.last = maxDate(acc.edge.last, last);
    if (intensity !== null) {
      acc.intensitySum += intensity;
      acc.intensityCount += 1;
    }
    if (!acc.evidence.some((e) => e.id === evidenceId)) acc.evidence.push({ id: evidenceId, when: last });
  };

  for (const row of input.events) {
    accumulate('event', row.type, row.sourceId, row.targetId, row.when, row.when, row.intensity, row.evidenceId);
  }
  for (const row of input.relations) {
    accumulate('relation', row.type, row.sourceId, row.targetId, row.from ?? row.to, row.to ?? row.from, null, row.evidenceId);
  }

  let edgeList = [...edges.values()].map(({ edge, intensitySum, intensityCount, evidence }) => {
    const meanIntensity = intensityCount ? Math.round((intensitySum / intensityCount) * 100) / 100 : null;
    const recent = evidence
      .sort((a, b) => (a.when === b.when ? 0 : a.when === null ? 1 : b.when === null ? -1 : a.when < b.when ? 1 : -1))
      .slice(0, evidencePerEdge)
      .map((e) => e.id);
    return { ...edge, meanIntensity, tone: toneOf(edge.kind, edge.type, meanIntensity), evidenceIds: recent };
  });

  return assemble(input.actors, edgeList, options);
}

/** The graph from edges the database aggregated (src/store/graph.ts): the same edges buildGraph makes. */
export function buildGraphFromEdges(actors: GraphActorRow[], rows: GraphEdgeRow[], options: GraphOptions = {}): Graph {
  const evidencePerEdge = options.evidencePerEdge ?? 5;
  const edges = rows
    .filter((row) => row.sourceId !== row.targetId)
    .map((row): GraphEdge => {
      const meanIntensity = row.intensityCount && row.intensitySum !== null ? Math.round((row.intensitySum / row.intensityCount) * 100) / 100 : null;
      return {
        id: `${row.kind}:${row.type}:${row.sourceId}>${row.targetId}`, kind: row.kind, source: row.sourceId, target: row.targetId,
        type: row.type, count: row.count, first: row.first, last: row.last, meanIntensity,
        tone: toneOf(row.kind, row.type, meanIntensity), evidenceCount: row.evidenceCount,
        evidenceIds: row.evidenceIds.slice(0, evidencePerEdge),
      };
    });
  return assemble(actors, edges, options);
}

/** Nodes are the known actors mentioned or tied in the window, capped by score; edges those between kept nodes. */
function assemble(actorRows: GraphActorRow[], allEdges: GraphEdge[], options: GraphOptions): Graph {
  let edgeList = allEdges;
  const actors = new Map(actorRows.map((a) => [a.id, a]));
  const score = new Map<string, number>();
  for (const actor of actorRows) score.set(actor.id, actor.weight);
  for (const edge of edgeList) {
    for (const end of [edge.source, edge.target]) score.set(end, (score.get(end) ?? 0) + edge.count);
  }
  // a node is an actor that is mentioned or takes part in an edge in the window, and that the store knows
  let kept = [...score.entries()].filter(([id, s]) => s > 0 && actors.has(id)).map(([id]) => id);
  if (options.maxNodes !== undefined && kept.length > options.maxNodes) {
    kept = kept.sort((a, b) => score.get(b)! - score.get(a)! || (a < b ? -1 : 1)).slice(0, options.maxNodes);
  }
  const keptSet = new Set(kept);
  edgeList = edgeList.filter((e) => keptSet.has(e.source) && keptSet.has(e.target));

  const nodes = kept
    .map((id) => actors.get(id)!)
    .map(({ id, name, kind, country, weight }) => ({ id, name, kind, country, weight }))
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  edgeList.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  if (options.maxEdges !== undefined) edgeList = edgeList.slice(0, options.maxEdges);
  return { nodes, edges: edgeList };
}
