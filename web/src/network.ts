// The actor network of the window: sigma.js draws it (WebGL), graphology holds it, ForceAtlas2 lays it
// out in a web worker, Louvain finds communities, noverlap pulls apart nodes that still touch. Edges
// are one per pair and family (conflict, cooperation, neutral events; influence relations), so the
// colour says what kind of tie it is and the width how much evidence it has.
import Graph from 'graphology';
import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import louvain from 'graphology-communities-louvain';
import noverlap from 'graphology-layout-noverlap';
import { KIND_COLORS, LEGEND_KINDS, RELATION_FAMILIES, TONE_COLORS } from '../ontology.js';
import { api } from './api';
import { $, el, fill, swatch } from './dom';
import { filterParams, moreActors, state, subscribe, update, type AppState } from './state';
import type { Graph as ApiGraph, GraphEdge, GraphNode, InfluenceAnswer } from './types';

/** Relations draw in one colour whatever their family: they are structure, not acts. */
export const RELATION_COLOR = '#7b5ea7';
const COMMUNITY_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#2f4b7c', '#a05195'];
/** Neighbours added when a node is expanded. */
export const EXPAND_CAP = 20;

interface NodeAttributes {
  x: number; y: number; size: number; color: string; label: string;
  kind: string; weight: number; community?: number; expanded?: boolean;
}
interface EdgeAttributes {
  size: number; color: string; family: string; edgeKind: 'event' | 'relation';
  count: number; types: string[]; first: string | null; last: string | null; edges: GraphEdge[];
}

const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: false });
let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
let layout: FA2Layout | null = null;
let stopTimer: ReturnType<typeof setTimeout> | undefined;
/** Where each actor was last drawn: a new window moves the picture as little as it must. */
const positions = new Map<string, { x: number; y: number }>();
/** Actors whose neighbours the analyst asked to see, kept across windows. */
const expanded = new Set<string>();
let hovered: string | null = null;
/** The actors whose labels are drawn: chosen so that no two labels overlap (placeLabels). */
let labelled = new Set<string>();
const LABEL_SIZE = 13;
const LABEL_FONT = 'system-ui, sans-serif';
let request = 0;
/** Resolves when the current draw has settled (layout stopped): tests and "play" wait on it. */
let settled: Promise<void> = Promise.resolve();
/** Resolves once the first network has been drawn (or could not be): main.ts mounts the other views after it. */
let firstDrawDone: () => void = () => {};
export const firstDraw: Promise<void> = new Promise((resolve) => (firstDrawDone = resolve));

/** A first place for an actor never drawn: a point on a circle chosen by its id, so every load agrees. */
function seedPosition(id: string): { x: number; y: number } {
  let hash = 2166136261;
  for (const ch of id) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const angle = ((hash % 3600) / 3600) * 2 * Math.PI;
  const radius = 50 + (hash % 100);
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

function edgeFamily(edge: GraphEdge): string {
  return edge.kind === 'relation' ? `relation` : edge.tone;
}

function edgeColor(family: string): string {
  return family === 'relation' ? RELATION_COLOR : (TONE_COLORS as Record<string, string>)[family] ?? TONE_COLORS.neutral;
}

/** The API's graph (and any expansions) as graphology nodes and one edge per pair and family. */
function rebuild(data: ApiGraph, strengths: Map<string, number>): void {
  for (const node of graph.nodes()) positions.set(node, { x: graph.getNodeAttribute(node, 'x'), y: graph.getNodeAttribute(node, 'y') });
  graph.clear();
  const tied = new Set(data.edges.flatMap((e) => [e.source, e.target]));
  const nodes = data.edges.length ? data.nodes.filter((n) => tied.has(n.id) || expanded.has(n.id)) : data.nodes;
  for (const n of nodes) {
    graph.addNode(n.id, {
      x: 0, y: 0, label: n.name, kind: n.kind, weight: n.weight, expanded: expanded.has(n.id),
      size: 4, color: (KIND_COLORS as Record<string, string>)[n.kind] ?? KIND_COLORS.other,
    });
  }
  sizedBy = 'mentions';
  resize(strengths);
  const maxCount = Math.max(1, ...data.edges.map((e) => e.count));
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    const family = edgeFamily(e);
    const key = `${e.source}>${e.target}:${family}`;
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttributes(key, (a) => ({
        ...a, count: a.count + e.count, types: [...new Set([...a.types, e.type])], edges: [...a.edges, e],
        first: [a.first, e.first].filter(Boolean).sort()[0] ?? null, last: [a.last, e.last].filter(Boolean).sort().pop() ?? null,
      }));
    } else {
      graph.addDirectedEdgeWithKey(key, e.source, e.target, {
        size: 1, color: edgeColor(family), family, edgeKind: e.kind, count: e.count, types: [e.type], first: e.first, last: e.last, edges: [e],
      });
    }
  }
  graph.forEachEdge((key, a) => graph.setEdgeAttribute(key, 'size', 0.8 + 5 * Math.log(a.count + 1) / Math.log(maxCount + 1)));
  placeNodes();
  colour(state());
}

/** Louvain communities, worked out after the first paint (they only colour, when colouring by community is chosen). */
function assignCommunities(): void {
  if (graph.order > 1 && graph.size > 0) {
    louvain.assign(graph, { nodeCommunityAttribute: 'community', getEdgeWeight: 'count', rng: seeded(7) } as never);
  }
  colour(state());
}

let sizedBy: 'influence' | 'mentions' = 'mentions';

/** Sizes actors by their influence in the window when it is known, by their mentions otherwise. */
function resize(strengths: Map<string, number>): void {
  const maxStrength = Math.max(1e-9, ...graph.mapNodes((id) => strengths.get(id) ?? 0));
  const maxWeight = Math.max(1, ...graph.mapNodes((_, a) => a.weight));
  graph.forEachNode((id, a) => {
    const share = strengths.size ? (strengths.get(id) ?? 0) / maxStrength : a.weight / maxWeight;
    // a floor so every actor stays clickable
    graph.setNodeAttribute(id, 'size', 4 + 16 * Math.sqrt(share));
  });
}

/** Known actors keep their place; a new one starts beside the known actors it is tied to. */
function placeNodes(): void {
  graph.forEachNode((id) => {
    const known = positions.get(id);
    if (known) return graph.mergeNodeAttributes(id, known);
    const near = graph.neighbors(id).map((n) => positions.get(n)).filter((p): p is { x: number; y: number } => !!p);
    const seed = seedPosition(id);
    const at = near.length
      ? { x: near.reduce((s, p) => s + p.x, 0) / near.length + seed.x / 20, y: near.reduce((s, p) => s + p.y, 0) / near.length + seed.y / 20 }
      : seed;
    graph.mergeNodeAttributes(id, at);
  });
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9 >>> 0) / 2 ** 32);
}

function colour(s: AppState): void {
  graph.forEachNode((id, a) => {
    const color = s.colour === 'community' && a.community !== undefined
      ? COMMUNITY_COLORS[a.community % COMMUNITY_COLORS.length]
      : (KIND_COLORS as Record<string, string>)[a.kind] ?? KIND_COLORS.other;
    graph.setNodeAttribute(id, 'color', color);
  });
  renderLegend(s);
}

/** Runs ForceAtlas2 in its worker for a while, longer when most actors are new, then removes overlaps. */
let layoutDone: (() => void) | null = null;

function runLayout(newShare: number): Promise<void> {
  layout?.kill();
  clearTimeout(stopTimer);
  // a layout cut short by a newer one still ends for whoever waits on it
  layoutDone?.();
  layoutDone = null;
  if (graph.order < 2) return Promise.resolve();
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, slowDown: 5, gravity: 1, scalingRatio: 20 };
  layout = new FA2Layout(graph, { settings, getEdgeWeight: null });
  layout.start();
  const ms = 300 + Math.round(1700 * newShare);
  return new Promise((resolve) => {
    layoutDone = resolve;
    stopTimer = setTimeout(() => {
      layoutDone = null;
      layout?.stop();
      noverlap.assign(graph, { maxIterations: 60, settings: { margin: 2, ratio: 1.1 } });
      renderer?.refresh();
      placeLabels();
      resolve();
    }, ms);
  });
}

function renderLegend(s: AppState): void {
  const kinds = s.colour === 'kind'
    ? LEGEND_KINDS.map((kind: string) => el('span', {}, swatch((KIND_COLORS as Record<string, string>)[kind]), kind.replaceAll('_', ' ')))
    : [el('span', {}, 'colour: community (Louvain)')];
  fill($('legend'),
    ...kinds,
    ...Object.entries(TONE_COLORS).map(([tone, color]) => el('span', {}, swatch(color as string, true), tone)),
    el('span', {}, swatch(RELATION_COLOR, true), 'relation'),
    el('span', { class: 'muted' }, sizedBy === 'influence' ? 'size: influence in the window' : 'size: mentions in the window'));
}

function ensureRenderer(): Sigma<NodeAttributes, EdgeAttributes> {
  if (renderer) return renderer;
  renderer = new Sigma(graph, $('sigma'), {
    defaultEdgeType: 'arrow',
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    // sigma's own label grid still lets long labels of neighbouring cells overlap: only the labels
    // placeLabels chose (forceLabel) are drawn
    labelRenderedSizeThreshold: Number.POSITIVE_INFINITY,
    labelSize: LABEL_SIZE,
    labelFont: LABEL_FONT,
    zIndex: true,
    nodeReducer: (node, data) => {
      const s = state();
      const selected = s.selection?.kind === 'actor' && s.selection.id === node;
      const focus = hovered ?? (s.selection?.kind === 'actor' ? s.selection.id : null);
      const near = focus && (focus === node || graph.hasEdge(focus, node) || graph.hasEdge(node, focus));
      return {
        ...data,
        highlighted: selected || hovered === node,
        // around a focused actor its neighbours are named; otherwise the labels placeLabels chose
        forceLabel: selected || hovered === node || (focus !== null ? !!near : labelled.has(node)),
        color: focus && !near ? '#e3e6eb' : data.color,
        zIndex: near ? 1 : 0,
      };
    },
    edgeReducer: (edge, data) => {
      const s = state();
      const focus = hovered ?? (s.selection?.kind === 'actor' ? s.selection.id : null);
      const [source, target] = graph.extremities(edge);
      const selectedEdge = s.selection?.kind === 'edge' && s.selection.source === source && s.selection.target === target
        && s.selection.type === data.family;
      const hidden = focus !== null && source !== focus && target !== focus;
      return { ...data, hidden: hidden && !selectedEdge, size: selectedEdge ? data.size + 3 : data.size, zIndex: selectedEdge ? 2 : 0 };
    },
  });
  let placing: ReturnType<typeof setTimeout> | undefined;
  renderer.getCamera().on('updated', () => { clearTimeout(placing); placing = setTimeout(placeLabels, 60); });
  renderer.on('clickNode', ({ node }) => update({ selection: { kind: 'actor', id: node }, tab: 'actor', dyad: '' }));
  renderer.on('clickEdge', ({ edge }) => {
    const [source, target] = graph.extremities(edge);
    const a = graph.getEdgeAttributes(edge);
    update({ selection: { kind: 'edge', id: edge, edgeKind: a.edgeKind, source, target, type: a.family }, tab: 'evidence', article: '', span: '' });
  });
  renderer.on('clickStage', () => update({ selection: null, tab: 'evidence' }));
  renderer.on('enterNode', ({ node }) => { hovered = node; renderer!.refresh({ skipIndexation: true }); });
  renderer.on('leaveNode', () => { hovered = null; renderer!.refresh({ skipIndexation: true }); });
  return renderer;
}

let measure: CanvasRenderingContext2D | null = null;

/**
 * Chooses the labels to draw: biggest actors first, each kept only if its text box (where sigma draws
 * it, right of the disc) overlaps no kept label and no disc as large as its own (a label may cover a
 * smaller actor's disc: the big actors must be named). Written here because sigma's label
 * grid (one label per cell) does not stop a long label from running into the next cell's.
 */
function placeLabels(): void {
  if (!renderer) return;
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return;
  measure.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
  const { width, height } = renderer.getDimensions();
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const discs: (Box & { id: string; r: number })[] = [];
  const nodes: { id: string; x: number; y: number; r: number; label: string }[] = [];
  graph.forEachNode((id, a) => {
    const d = renderer!.getNodeDisplayData(id);
    if (!d) return;
    const p = renderer!.framedGraphToViewport(d);
    const r = renderer!.scaleSize(d.size);
    nodes.push({ id, x: p.x, y: p.y, r, label: a.label });
    discs.push({ id, r, x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r });
  });
  nodes.sort((a, b) => b.r - a.r || a.id.localeCompare(b.id));
  const kept: Box[] = [];
  // the legend and the tools sit over the canvas: no label under them
  const frame = $('sigma').getBoundingClientRect();
  for (const id of ['legend', 'network-tools', 'graph-status']) {
    const r = document.getElementById(id)?.getBoundingClientRect();
    if (r && r.width) kept.push({ x0: r.left - frame.left, y0: r.top - frame.top, x1: r.right - frame.left, y1: r.bottom - frame.top });
  }
  const chosen = new Set<string>();
  for (const n of nodes) {
    const box = { x0: n.x + n.r + 2, y0: n.y - LABEL_SIZE / 2 - 1, x1: n.x + n.r + 4 + measure.measureText(n.label).width, y1: n.y + LABEL_SIZE / 2 + 1 };
    if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) continue;
    if (kept.some((k) => overlaps(k, box)) || discs.some((d) => d.id !== n.id && d.r >= n.r && overlaps(d, box))) continue;
    kept.push(box);
    chosen.add(n.id);
  }
  labelled = chosen;
  renderer.refresh({ skipIndexation: true });
}

/** Each actor's influence in the window (the sum of its scores over others), when the server has it. */
async function influenceStrengths(s: AppState): Promise<Map<string, number>> {
  try {
    const { pairs } = await api<InfluenceAnswer>('/api/influence', { from: s.from, to: s.to, limit: 1000 });
    const sums = new Map<string, number>();
    for (const p of pairs) sums.set(p.source.id, (sums.get(p.source.id) ?? 0) + p.score);
    return sums;
  } catch {
    return new Map();
  }
}

async function load(s: AppState): Promise<void> {
  const mine = ++request;
  const status = $('graph-status');
  status.textContent = 'Loading the network…';
  // settled stands for this load from its start: a caller waiting on it sees the new picture laid out
  let done: () => void = () => {};
  settled = new Promise<void>((resolve) => (done = resolve));
  try {
    await draw(s, mine, status);
  } finally {
    done();
  }
}

async function draw(s: AppState, mine: number, status: HTMLElement): Promise<void> {
  try {
    const params = { ...filterParams(s), q: s.q, limit: s.limit };
    const [main, ...egos] = await Promise.all([
      api<ApiGraph>('/api/graph', params),
      ...[...expanded].map((id) => api<ApiGraph>('/api/graph', { ...params, actor: id, hops: 1, cap: EXPAND_CAP }).catch(() => ({ nodes: [], edges: [] }))),
    ]);
    if (mine !== request) return;
    // marks for bench/app-draw.ts: where the time to first draw goes (server and transfer, building, drawing)
    performance.mark('orbit:graph-received');
    const merged = mergeGraphs([main, ...egos]);
    const before = new Set(positions.keys());
    graph.forEachNode((id) => before.add(id));
    // drawn at once sized by mentions; influence (slower to score on a big store) resizes it when it comes
    rebuild(merged, new Map());
    const fresh = graph.nodes().filter((id) => !before.has(id)).length;
    performance.mark('orbit:graph-built');
    const sigma = ensureRenderer();
    sigma.refresh();
    performance.mark('orbit:graph-drawn');
    const capped = main.nodes.length >= s.limit;
    // a capped network can draw more: the next step of the cap, kept in the address like the filters
    const more = capped ? moreActors(s.limit) : null;
    fill(status, graph.order
      ? `${graph.order} actors, ${graph.size} ties${capped ? ` (the ${s.limit} most connected)` : ''}`
      : 'No actors in this window.',
    more ? el('button', { type: 'button', id: 'show-more', title: `Draw the ${more} most connected actors`, onclick: () => update({ limit: more }) }, `show ${more}`) : null);
    // the frame after the draw: the picture is on screen; then the layout and the communities, which move and colour it
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    if (mine !== request) return;
    performance.mark('orbit:graph-painted');
    firstDrawDone();
    assignCommunities();
    sigma.refresh({ skipIndexation: true });
    const laidOut = runLayout(graph.order ? fresh / graph.order : 0);
    void influenceStrengths(s).then((strengths) => {
      if (mine !== request || !strengths.size) return;
      resize(strengths);
      sizedBy = 'influence';
      renderLegend(state());
      sigma.refresh();
      placeLabels();
    });
    await laidOut;
  } catch (error) {
    if (mine === request) status.textContent = `Could not load the network: ${(error as Error).message}`;
  } finally {
    firstDrawDone();
  }
}

function mergeGraphs(graphs: ApiGraph[]): ApiGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const g of graphs) {
    for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function expand(id: string): void {
  expanded.add(id);
  void load(state());
}

export function collapse(id: string): void {
  expanded.delete(id);
  void load(state());
}

export const isExpanded = (id: string) => expanded.has(id);

/** The drawn name of an actor, if it is drawn. */
export function nodeName(id: string): string | null {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : null;
}

function renderTools(): void {
  const s = state();
  fill($('network-tools'),
    el('button', { type: 'button', title: 'Colour actors by kind', class: s.colour === 'kind' ? 'active' : '', onclick: () => update({ colour: 'kind' }) }, 'kinds'),
    el('button', { type: 'button', title: 'Colour actors by community (Louvain)', class: s.colour === 'community' ? 'active' : '', onclick: () => update({ colour: 'community' }) }, 'communities'),
    el('button', { type: 'button', title: 'Fit the network to the panel', onclick: () => renderer?.getCamera().animatedReset() }, 'fit'),
    el('button', { type: 'button', title: 'Lay the network out again', onclick: () => { settled = runLayout(0.6); } }, 're-layout'));
}

export function mountNetwork(): void {
  renderTools();
  // the panel can change size (window, media query): sigma refits its canvas
  new ResizeObserver(() => renderer?.resize()).observe($('sigma'));
  subscribe(['from', 'to', 'q', 'kinds', 'types', 'modality', 'minEvidence', 'limit'], (s) => void load(s));
  subscribe(['colour'], (s) => { colour(s); renderTools(); renderer?.refresh(); });
  subscribe(['selection'], () => renderer?.refresh({ skipIndexation: true }));
  void load(state());
  // a handle for the console and the browser tests: where a node or edge is on screen
  (window as unknown as { orbit: unknown }).orbit = {
    graph,
    settled: () => settled,
    labels: () => [...labelled],
    nodeOnScreen: (id: string) => renderer && graph.hasNode(id) ? renderer.framedGraphToViewport(renderer.getNodeDisplayData(id)!) : null,
    edgeOnScreen: (key: string) => {
      if (!renderer || !graph.hasEdge(key)) return null;
      const [a, b] = graph.extremities(key).map((n) => renderer!.framedGraphToViewport(renderer!.getNodeDisplayData(n)!));
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    },
  };
}

export { RELATION_FAMILIES };
