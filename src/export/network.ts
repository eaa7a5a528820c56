// The network of a window as the file writers take it: the store's graph (nodes and aggregated edges),
// narrowed to some actors when asked, with the time interval each node and edge is present in, as
// whole days inside the window (what Gephi's timeline plays). Pure.
import type { Graph, GraphEdge, GraphNode } from '../analyze/graph.js';
import type { DateWindow } from '../store/types.js';
import type { IsoDate } from '../model/types.js';

/** Whole days, both ends included (YYYY-MM-DD). */
export interface Interval {
  start: string;
  end: string;
}

export interface ExportNode extends GraphNode {
  /** When the node is present: from its first edge to its last, inside the window; null: throughout. */
  interval: Interval | null;
}

export interface ExportEdge extends GraphEdge {
  interval: Interval | null;
}

export interface ExportNetwork {
  window: DateWindow;
  /** The window as whole days, null on an open side. */
  span: { start: string | null; end: string | null };
  /** The actors asked for (all the network when empty). */
  actors: string[];
  nodes: ExportNode[];
  edges: ExportEdge[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day an ISO date of any precision covers: 2020 -> 2020-01-01. */
export function firstDay(date: IsoDate): string {
  const [year, month = '01', day = '01'] = date.slice(0, 10).split('-');
  return `${year}-${month}-${day}`;
}

/** The last day an ISO date of any precision covers: 2020-02 -> 2020-02-29. */
export function lastDay(date: IsoDate): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  if (day) return `${year}-${month}-${day}`;
  if (month) return `${year}-${month}-${pad(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate())}`;
  return `${year}-12-31`;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** [first, last] as whole days clipped to the window's span; unknown ends take the window's. */
function intervalOf(first: IsoDate | null, last: IsoDate | null, span: ExportNetwork['span']): Interval | null {
  let start = first !== null ? firstDay(first) : last !== null ? firstDay(last) : span.start;
  let end = last !== null ? lastDay(last) : first !== null ? lastDay(first) : span.end;
  if (span.start) start = start ? later(start, span.start) : span.start;
  if (span.end) end = end ? earlier(end, span.end) : span.end;
  if (!start || !end) return null;
  // a claim reported in the window but dated outside it still shows, on the window's nearest day
  if (start > end) return span.start && start === span.start ? { start, end: start } : { start: end, end };
  return { start, end };
}

export function exportNetwork(graph: Graph, window: DateWindow, actors: string[] = []): ExportNetwork {
  const span = { start: window.from ? firstDay(window.from) : null, end: window.to ? lastDay(window.to) : null };
  const wanted = new Set(actors);
  // with actors: their edges, and the nodes those edges reach
  const edges = (wanted.size ? graph.edges.filter((e) => wanted.has(e.source) || wanted.has(e.target)) : graph.edges)
    .map((edge): ExportEdge => ({ ...edge, interval: intervalOf(edge.first, edge.last, span) }));
  const reached = new Set([...wanted, ...edges.flatMap((e) => [e.source, e.target])]);
  // a node is present from the start of its first edge to the end of its last
  const extent = new Map<string, Interval | null>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      const seen = extent.get(end);
      if (seen === null) continue;
      extent.set(end, edge.interval === null ? null : seen === undefined ? { ...edge.interval }
        : { start: earlier(seen.start, edge.interval.start), end: later(seen.end, edge.interval.end) });
    }
  }
  const nodes = (wanted.size ? graph.nodes.filter((n) => reached.has(n.id)) : graph.nodes)
    .map((node): ExportNode => ({ ...node, interval: extent.has(node.id) ? extent.get(node.id)! : intervalOf(null, null, span) }));
  return { window, span, actors, nodes, edges };
}
