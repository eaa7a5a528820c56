// Orbit's first page: the actor network for a date window, the events and articles behind a clicked
// actor or edge, and the sentence each claim came from, marked inside its article.
// Article text is untrusted: everything reaches the DOM as text nodes (see `el`), never as HTML.

// Colours of actor kinds and tones: generated from models/ontology.yaml.
import { KIND_COLORS, LEGEND_KINDS, TONE_COLORS } from './ontology.js';

const PAGE = 100;

const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes, so nothing is parsed as HTML. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return fill(node, ...children);
}

/** Replaces a node's children; strings become text nodes and empty ones (null, false) are left out. */
function fill(node, ...children) {
  node.replaceChildren(...children.flat()
    .filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child)));
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const search = query.toString();
  const response = await fetch(search ? `${path}?${search}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

const state = {
  window: { from: '', to: '' },
  q: '',
  /** null, { kind: 'actor', id, name } or { kind: 'edge', edge, names } */
  selection: null,
  /** The article in the reader: { id, span } */
  reading: null,
  claims: { items: [], total: 0 },
  articles: { items: [], total: 0 },
};

// ---- dates -------------------------------------------------------------------------------------

/** The first or last day an ISO date of any precision covers, for a date input. */
function fullDate(date, end) {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (m) return `${y}-${m}-${end ? String(new Date(Date.UTC(+y, +m, 0)).getUTCDate()).padStart(2, '0') : '01'}`;
  return `${y}-${end ? '12-31' : '01-01'}`;
}

function setWindow(from, to) {
  $('from').value = from;
  $('to').value = to;
  // a date input refuses what it cannot show (a year before 1 or after 9999): keep what it took
  state.window = { from: $('from').value, to: $('to').value };
}

// ---- network -----------------------------------------------------------------------------------

let cy = null;
/** Where each actor was last drawn: a new date window moves the picture as little as it must. */
const lastPositions = new Map();

/** A first place for an actor never drawn: a point on a circle chosen by its id, so every load agrees. */
function seedPosition(id) {
  let hash = 2166136261;
  for (const ch of id) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const angle = (hash % 3600) / 3600 * 2 * Math.PI;
  const radius = 150 + (hash % 200);
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

function nodeSize(weight, max) {
  return 16 + 44 * Math.sqrt(weight / Math.max(max, 1));
}

function edgeWidth(count, max) {
  return 1 + 6 * (Math.log(count + 1) / Math.log(Math.max(max, 1) + 1));
}

/** Actors with at least one tie (all of them when there is none): lone dots only crowd the picture. */
function tiedNodes(graph) {
  const tied = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
  return graph.edges.length ? graph.nodes.filter((n) => tied.has(n.id)) : graph.nodes;
}

function graphElements(graph) {
  const maxWeight = Math.max(1, ...graph.nodes.map((n) => n.weight));
  const maxCount = Math.max(1, ...graph.edges.map((e) => e.count));
  const nodes = tiedNodes(graph).map((n) => ({
    group: 'nodes',
    data: { ...n, label: n.name, size: nodeSize(n.weight, maxWeight), color: KIND_COLORS[n.kind] ?? KIND_COLORS.other },
    position: { ...(lastPositions.get(n.id) ?? seedPosition(n.id)) },
  }));
  const edges = graph.edges.map((e) => ({
    group: 'edges',
    data: { ...e, width: edgeWidth(e.count, maxCount), color: TONE_COLORS[e.tone], label: e.type },
    classes: e.kind,
  }));
  return [...nodes, ...edges];
}

const CY_STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
      'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1f2430',
      'text-outline-color': '#fff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#fff',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', opacity: 0.7,
    },
  },
  { selector: 'edge.relation', style: { 'line-style': 'dashed' } },
  { selector: 'edge:selected, edge.hover', style: { opacity: 1, label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#2f5d9a' } },
  { selector: '.faded', style: { opacity: 0.12 } },
];

/** cose lays out a roughly round cloud; stretch it to the panel's shape so the wide panel is used. */
function widen() {
  const box = cy.nodes().boundingBox();
  if (!box.w || !box.h) return;
  const stretch = Math.min(2.5, Math.max(1, (cy.width() / cy.height()) / (box.w / box.h)));
  cy.nodes().positions((node) => ({ x: node.position('x') * stretch, y: node.position('y') }));
  cy.fit(undefined, 30);
}

function applyEdgeToggles() {
  if (!cy) return;
  cy.edges('.event').style('display', $('show-events').checked ? 'element' : 'none');
  cy.edges('.relation').style('display', $('show-relations').checked ? 'element' : 'none');
}

function highlightSelection() {
  if (!cy) return;
  cy.elements().removeClass('faded');
  const selection = state.selection;
  if (!selection) return;
  const focus = selection.kind === 'actor' ? cy.getElementById(selection.id) : cy.getElementById(selection.edge.id);
  if (focus.empty()) return;
  const keep = selection.kind === 'actor' ? focus.closedNeighborhood() : focus.union(focus.connectedNodes());
  cy.elements().not(keep).addClass('faded');
  cy.elements(':selected').unselect();
  focus.select();
}

async function loadGraph() {
  const status = $('graph-status');
  status.textContent = 'Loading the network…';
  try {
    const maxNodes = Number($('max-nodes').value);
    const graph = await api('/api/graph', { ...state.window, limit: maxNodes });
    if (cy) {
      cy.nodes().forEach((node) => lastPositions.set(node.id(), { ...node.position() }));
      cy.destroy();
    }
    cy = window.cytoscape({
      container: $('cy'),
      elements: graphElements(graph),
      style: CY_STYLE,
      // start from the seeded or last positions instead of random ones: the same data draws the same picture
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 50, padding: 30 },
      minZoom: 0.2,
      maxZoom: 4,
    });
    cy.on('tap', 'node', (event) => select({ kind: 'actor', id: event.target.id(), name: event.target.data('name') }));
    cy.on('tap', 'edge', (event) => {
      const edge = event.target.data();
      select({ kind: 'edge', edge, names: { source: cy.getElementById(edge.source).data('name'), target: cy.getElementById(edge.target).data('name') } });
    });
    cy.on('tap', (event) => { if (event.target === cy) select(null); });
    cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
    widen();
    applyEdgeToggles();
    highlightSelection();
    const shown = tiedNodes(graph).length;
    status.textContent = graph.nodes.length
      ? `${shown} actors, ${graph.edges.length} ties${graph.nodes.length >= maxNodes ? ` (among the ${maxNodes} most connected)` : ''}` +
        `${shown < graph.nodes.length ? ` · ${graph.nodes.length - shown} mentioned without ties not drawn` : ''}`
      : 'No actors in this window.';
  } catch (error) {
    status.textContent = `Could not load the network: ${error.message}`;
  }
}

function renderLegend() {
  fill($('legend'),
    ...LEGEND_KINDS.map((kind) => el('span', {}, swatch(KIND_COLORS[kind]), words(kind))),
    ...Object.entries(TONE_COLORS).map(([tone, color]) => el('span', {}, swatch(color, true), tone)),
    el('span', {}, '- - relation'),
  );
}

function swatch(color, line = false) {
  const node = el('i', { class: line ? 'swatch line' : 'swatch' });
  node.style.background = color;
  return node;
}

// ---- selection and lists -----------------------------------------------------------------------

function select(selection) {
  state.selection = selection;
  writeHash();
  highlightSelection();
  renderSelection();
  loadLists();
}

async function renderSelection() {
  const box = $('selection');
  const selection = state.selection;
  if (!selection) return fill(box);
  const clear = el('button', { type: 'button', onclick: () => select(null) }, 'Clear');
  if (selection.kind === 'edge') {
    const { edge, names } = selection;
    return fill(box,
      clear,
      el('div', { class: 'name' }, `${names.source} → ${edge.type} → ${names.target}`),
      el('div', { class: 'muted' }, `${edge.kind === 'event' ? 'events' : 'relation claims'}: ${edge.count}`,
        edge.first ? ` · ${edge.first}${edge.last && edge.last !== edge.first ? ` to ${edge.last}` : ''}` : '',
        edge.meanIntensity !== null ? ` · mean intensity ${edge.meanIntensity}` : ''),
    );
  }
  fill(box, clear, el('div', { class: 'name' }, selection.name));
  try {
    const actor = await api(`/api/actors/${encodeURIComponent(selection.id)}`);
    if (state.selection !== selection) return;
    const relations = [
      ...actor.relationsOut.map((r) => `${r.negated ? 'not ' : ''}${words(r.type)} ${r.actor.name}`),
      ...actor.relationsIn.map((r) => `${r.actor.name} ${r.negated ? 'not ' : ''}${words(r.type)} it`),
    ];
    fill(box,
      clear,
      el('div', { class: 'name' }, actor.name),
      el('div', { class: 'muted' }, [words(actor.kind), actor.country, actor.discovered ? 'found in text' : null].filter(Boolean).join(' · ')),
      actor.aliases.length ? el('div', {}, 'Also: ', actor.aliases.slice(0, 8).join(', ')) : null,
      el('div', { class: 'muted' }, `${actor.mentionCount} mentions in ${actor.articleCount} articles`,
        actor.firstSeen ? ` · ${actor.firstSeen} to ${actor.lastSeen}` : ''),
      relations.length ? el('div', {}, relations.slice(0, 6).join('; ')) : null,
    );
  } catch (error) {
    box.append(el('div', { class: 'muted' }, error.message));
  }
}

function claimQuery() {
  const selection = state.selection;
  const base = { ...state.window, q: state.q };
  if (!selection) return { path: '/api/events', params: base };
  if (selection.kind === 'actor') return { path: '/api/events', params: { ...base, actor: selection.id } };
  const { edge } = selection;
  const path = edge.kind === 'event' ? '/api/events' : '/api/relations';
  // relations are not searched by text: the edge already narrows them to one pair and type
  return { path, params: { ...state.window, q: edge.kind === 'event' ? state.q : '', source: edge.source, target: edge.target, type: edge.type } };
}

// answers to an older selection or window are dropped, so quick clicks never show a stale list
let listRequest = 0;

async function loadLists() {
  const { path } = claimQuery();
  $('claims-title').textContent = path === '/api/relations' ? 'Relations' : 'Events';
  const request = ++listRequest;
  if (state.selection?.kind === 'edge') {
    await loadClaims(false, request);
    await loadArticles(false, request);
    if (request === listRequest && state.claims.items.length) showClaim(state.claims.items[0], $('claims').firstElementChild);
  } else {
    await Promise.all([loadClaims(false, request), loadArticles(false, request)]);
  }
}

async function loadClaims(more, request = listRequest) {
  const { path, params } = claimQuery();
  const offset = more ? state.claims.items.length : 0;
  let claims;
  try {
    const page = await api(path, { ...params, limit: PAGE, offset });
    claims = { items: more ? [...state.claims.items, ...page.items] : page.items, total: page.total };
  } catch (error) {
    claims = { items: [], total: 0, error: error.message };
  }
  if (request !== listRequest) return;
  state.claims = claims;
  renderClaims();
}

async function loadArticles(more, request = listRequest) {
  const selection = state.selection;
  if (request !== listRequest) return;
  if (selection?.kind === 'edge') {
    // the articles an edge was read from are those of its claims
    const seen = new Map();
    for (const claim of state.claims.items) seen.set(claim.article.id, claim.article);
    state.articles = { items: [...seen.values()], total: seen.size };
    return renderArticles();
  }
  const offset = more ? state.articles.items.length : 0;
  let articles;
  try {
    const page = await api('/api/articles', { ...state.window, q: state.q, actor: selection?.id, limit: PAGE, offset });
    articles = { items: more ? [...state.articles.items, ...page.items] : page.items, total: page.total };
  } catch (error) {
    articles = { items: [], total: 0, error: error.message };
  }
  if (request !== listRequest) return;
  state.articles = articles;
  renderArticles();
}

function renderClaims() {
  const { items, total, error } = state.claims;
  $('claims-count').textContent = error ? `(${error})` : `${items.length < total ? `${items.length} of ` : ''}${total}`;
  fill($('claims'), ...items.map((claim) => (claim.sources ? eventItem(claim) : relationItem(claim))));
  $('claims-more').hidden = items.length >= total;
}

const words = (type) => type.replaceAll('_', ' ');

function names(actors) {
  return actors.map((a) => a.name).join(', ') || '?';
}

function eventItem(event) {
  return el('li', { onclick: (e) => showClaim(event, e.currentTarget), title: event.evidence.sentence },
    el('div', { class: 'line1' },
      el('span', { class: 'date' }, event.when ?? 'undated'),
      el('span', {}, names(event.sources), ' → ', el('span', { class: `type ${event.tone}` }, event.type), ' → ', names(event.targets)),
      event.modality !== 'asserted' ? el('span', { class: 'badge warn' }, event.modality) : null),
    el('div', { class: 'sentence' }, event.evidence.sentence));
}

function relationItem(relation) {
  return el('li', { onclick: (e) => showClaim(relation, e.currentTarget), title: relation.evidence.sentence },
    el('div', { class: 'line1' },
      el('span', { class: 'date' }, relation.article.publishedAt ?? 'undated'),
      el('span', {}, relation.source.name, ' → ', el('span', { class: `type ${relation.tone}` }, words(relation.type)), ' → ', relation.target.name),
      relation.negated ? el('span', { class: 'badge warn' }, 'negated') : null,
      relation.validFrom || relation.validTo ? el('span', { class: 'badge' }, `${relation.validFrom ?? '…'} to ${relation.validTo ?? 'now'}`) : null),
    el('div', { class: 'sentence' }, relation.evidence.sentence));
}

function renderArticles() {
  const { items, total, error } = state.articles;
  $('articles-count').textContent = error ? `(${error})` : `${items.length < total ? `${items.length} of ` : ''}${total}`;
  fill($('articles'), ...items.map((article) =>
    el('li', { onclick: (e) => showArticle(article.id, null, e.currentTarget) },
      el('div', { class: 'line1' },
        el('span', { class: 'date' }, article.publishedAt ?? 'undated'),
        el('span', { class: 'title' }, article.title ?? '(untitled)')),
      el('div', { class: 'line1 muted' },
        article.outlet ?? sourceName(article.sourceUri),
        article.duplicateOf ? el('span', { class: 'badge warn', title: `copy of ${article.duplicateOf}` }, 'duplicate') : null,
        article.spun ? el('span', { class: 'badge warn' }, 'spun') : null,
        article.eventCount !== undefined ? el('span', { class: 'badge' }, `${article.eventCount} events`) : null))));
  $('articles-more').hidden = state.selection?.kind === 'edge' || items.length >= total;
}

function markActive(item) {
  for (const node of document.querySelectorAll('li.active')) node.classList.remove('active');
  item?.classList.add('active');
}

// ---- the reader: an article with the evidence marked ---------------------------------------------

function showClaim(claim, item) {
  markActive(item);
  const summary = claim.sources
    ? `${names(claim.sources)} → ${claim.type} → ${names(claim.targets)}${claim.modality !== 'asserted' ? ` (${claim.modality})` : ''}`
    : `${claim.source.name} ${claim.negated ? 'not ' : ''}${words(claim.type)} ${claim.target.name}`;
  showArticle(claim.article.id, { ...claim.evidence, summary });
}

let readerRequest = 0;

async function showArticle(id, focus, item) {
  if (item) markActive(item);
  state.reading = { id, span: focus ? { start: focus.start, end: focus.end } : null };
  writeHash();
  const reader = $('reader');
  const request = ++readerRequest;
  try {
    const article = await api(`/api/articles/${encodeURIComponent(id)}`);
    if (request !== readerRequest) return;
    const meta = [article.outlet, article.publishedAt ?? 'undated', sourceName(article.sourceUri)].filter(Boolean).join(' · ');
    const link = /^https?:\/\//i.test(article.url ?? '') ? el('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'original') : null;
    const body = el('div', { class: 'article-text' }, ...markedText(article, focus));
    // attributedTo is an actor id or a plain name ('militia officials')
    const source = focus?.attributedTo ? article.actors.find((a) => a.id === focus.attributedTo)?.name ?? focus.attributedTo : null;
    fill(reader, 
      focus?.summary ? el('p', { class: 'claim' }, focus.summary, source ? ` — according to ${source}` : '') : null,
      el('h3', {}, article.title ?? '(untitled)'),
      el('p', { class: 'meta' }, meta, link ? ' · ' : '', link,
        article.duplicateOf ? ` · duplicate of ${article.duplicateOf}` : '', article.spun ? ' · spun' : ''),
      body,
    );
    const target = body.querySelector('mark.focus');
    if (target) target.scrollIntoView({ block: 'center' });
    else reader.scrollTop = 0;
  } catch (error) {
    fill(reader, el('p', { class: 'muted' }, `Could not load article ${id}: ${error.message}`));
  }
}

/** The article's text as nodes: the focused span marked strongly, other evidence sentences lightly. */
function markedText(article, focus) {
  const text = article.text;
  const spans = focus
    ? [{ start: focus.start, end: focus.end, focus: true }]
    : article.evidence.map((e) => ({ start: e.start, end: e.end, focus: false }));
  spans.sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    nodes.push(text.slice(at, span.start));
    const mark = el('mark', { class: span.focus ? 'focus' : 'evidence' }, text.slice(span.start, span.end));
    if (!span.focus) {
      const claims = [...article.events, ...article.relations].filter((c) => c.evidence.start === span.start);
      mark.title = claims.map((c) => c.type).join(', ');
    }
    nodes.push(mark);
    at = span.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

// ---- the address: window, selection and article, so a view can be linked and reloaded ----------

function writeHash() {
  const params = new URLSearchParams();
  if (state.window.from) params.set('from', state.window.from);
  if (state.window.to) params.set('to', state.window.to);
  if (state.selection?.kind === 'actor') params.set('actor', state.selection.id);
  if (state.selection?.kind === 'edge') params.set('edge', state.selection.edge.id);
  if (state.reading) params.set('article', state.reading.id);
  if (state.reading?.span) params.set('span', `${state.reading.span.start}-${state.reading.span.end}`);
  const hash = params.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

/** Selects what the address names, once the network is drawn (an edge is found by its id there). */
function applyHash(params) {
  const actor = params.get('actor');
  const edgeId = params.get('edge');
  const node = actor && cy ? cy.getElementById(actor) : null;
  const edge = edgeId && cy ? cy.getElementById(edgeId) : null;
  if (actor) select({ kind: 'actor', id: actor, name: node && !node.empty() ? node.data('name') : actor });
  else if (edge && !edge.empty()) {
    const data = edge.data();
    select({ kind: 'edge', edge: data, names: { source: cy.getElementById(data.source).data('name'), target: cy.getElementById(data.target).data('name') } });
  } else loadLists();
  const article = params.get('article');
  const span = /^(\d+)-(\d+)$/.exec(params.get('span') ?? '');
  if (article && !(edge && !edge.empty())) showArticle(article, span ? { start: +span[1], end: +span[2] } : null);
}

// ---- start -------------------------------------------------------------------------------------

async function start() {
  const linked = new URLSearchParams(location.hash.slice(1));
  renderLegend();
  try {
    const health = await api('/api/health');
    const c = health.counts;
    $('counts').textContent = `${c.articles} articles · ${c.actors} actors · ${c.events} events · ${c.relations} relations`;
    // no window at first: undated articles and events show too; the pickers open on the data's dates
    for (const input of [$('from'), $('to')]) {
      input.min = fullDate(c.firstDate, false);
      input.max = fullDate(c.lastDate, true);
    }
    if (c.firstDate) $('coverage').textContent = `dated ${c.firstDate} to ${c.lastDate}`;
    setWindow(linked.get('from') ?? '', linked.get('to') ?? '');
  } catch (error) {
    $('counts').textContent = `Cannot reach the API: ${error.message}`;
  }
  for (const id of ['from', 'to']) {
    $(id).addEventListener('change', () => {
      state.window = { from: $('from').value, to: $('to').value };
      refresh();
    });
  }
  let typing;
  $('q').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.q = $('q').value.trim();
      loadLists();
    }, 250);
  });
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  $('all-time').addEventListener('click', () => {
    setWindow('', '');
    refresh();
  });
  $('max-nodes').addEventListener('change', loadGraph);
  $('show-events').addEventListener('change', applyEdgeToggles);
  $('show-relations').addEventListener('change', applyEdgeToggles);
  $('claims-more').addEventListener('click', () => loadClaims(true));
  $('articles-more').addEventListener('click', () => loadArticles(true));
  await loadGraph();
  applyHash(linked);
}

function refresh() {
  writeHash();
  loadGraph();
  loadLists();
}

start();

/** Where an article came from, without the reader's own folders: a URL's host, else the file name. */
function sourceName(uri) {
  if (!uri) return '';
  try {
    return new URL(uri).host || uri;
  } catch {
    return uri.split(/[\\/]/).pop();
  }
}
