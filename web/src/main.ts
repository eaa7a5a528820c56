// Orbit's web app: one time window shared by the network, the map and the timeline, and a side panel
// with the evidence, the actor page, "who moved" and the analyst's judgements.
import './style.css';
import { ACTOR_KINDS, EVENT_TONES, MODALITIES, RELATION_FAMILIES, TIE_MODALITIES } from '../ontology.js';
import { loadActor } from './actor';
import { api, query } from './api';
import { windowLabel } from './dates';
import { $, el, fill, words } from './dom';
import { loadEvidence } from './evidence';
import { loadJudgements, onJudged, setEdits } from './judgements';
import { mountMap } from './map';
import { loadMoved } from './moved';
import { firstDraw, mountNetwork } from './network';
import { filterParams, LIMIT_STEPS, readAddress, start, state, subscribe, update, type Tab } from './state';
import { mountTimeline, nextWindow, setExtent } from './timeline';
import type { Health } from './types';

const TABS: { id: Tab; label: string }[] = [
  { id: 'evidence', label: 'Evidence' }, { id: 'actor', label: 'Actor' }, { id: 'moved', label: 'Who moved' }, { id: 'judgements', label: 'Judgements' },
];

function renderTabs(): void {
  const s = state();
  fill($('tabs'), ...TABS.map((t) => el('button', {
    type: 'button', role: 'tab', 'aria-selected': String(s.tab === t.id), 'data-tab': t.id,
    disabled: t.id === 'actor' && s.selection?.kind !== 'actor',
    onclick: () => update({ tab: t.id }),
  }, t.label)));
}

function renderPanel(): void {
  const s = state();
  const panel = $('panel');
  panel.scrollTop = 0;
  if (s.tab === 'actor' && s.selection?.kind === 'actor') void loadActor(panel, s.selection.id);
  else if (s.tab === 'moved') void loadMoved(panel);
  else if (s.tab === 'judgements') void loadJudgements(panel);
  else void loadEvidence(panel);
}

function renderFilters(): void {
  const s = state();
  const box = (name: string, value: string, checked: boolean, label: string) =>
    el('label', {}, el('input', { type: 'checkbox', name, value, checked }), ' ', label);
  const form = el('form', { onchange: () => {
    const values = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value);
    update({
      kinds: values('kinds'), types: values('types'), modality: values('modality'),
      minEvidence: Math.max(1, Number((form.querySelector('input[name=minEvidence]') as HTMLInputElement).value) || 1),
      limit: Number((form.querySelector('select[name=limit]') as HTMLSelectElement).value),
    });
  } },
    el('fieldset', {}, el('legend', {}, 'Actor kinds (none ticked: all)'), ...ACTOR_KINDS.map((k: string) => box('kinds', k, s.kinds.includes(k), words(k)))),
    el('fieldset', {}, el('legend', {}, 'Event types'), ...Object.entries(EVENT_TONES).map(([t, tone]) => box('types', t, s.types.includes(t), `${t} (${tone})`))),
    el('fieldset', {}, el('legend', {}, 'Relation types'), ...Object.entries(RELATION_FAMILIES).map(([t, family]) => box('types', t, s.types.includes(t), `${words(t)} (${family})`))),
    el('fieldset', {}, el('legend', {}, `Modality (none ticked: ${TIE_MODALITIES.join(', ')})`), ...MODALITIES.map((m: string) => box('modality', m, s.modality.includes(m), m))),
    el('fieldset', {}, el('legend', {}, 'Ties'),
      el('label', {}, 'minimum evidence ', el('input', { type: 'number', name: 'minEvidence', min: 1, max: 1000, value: s.minEvidence, style: 'width: 5em' })),
      el('label', {}, ' actors at most ', el('select', { name: 'limit' },
        // the address may hold a cap between the steps: it is offered as it is
        ...[...new Set([...LIMIT_STEPS, s.limit])].sort((a, b) => a - b).map((n) => el('option', { value: n, selected: n === s.limit }, String(n)))))),
    el('button', { type: 'button', onclick: () => update({ kinds: [], types: [], modality: [], minEvidence: 1 }) }, 'clear filters'));
  fill($('filters-body'), form);
  const active = s.kinds.length + s.types.length + s.modality.length + (s.minEvidence > 1 ? 1 : 0);
  ($('filters').querySelector('summary') as HTMLElement).textContent = active ? `Filters (${active})` : 'Filters';
}

/** The export menu: the files hold what the app shows, with its window, filters, search and actor. */
function renderExport(): void {
  const s = state();
  const actor = s.selection?.kind === 'actor' ? s.selection.id : '';
  const params = { ...filterParams(s), q: s.q, actor };
  const link = (format: string, label: string) => el('a', { href: `/api/export${query({ ...params, format })}`, download: '', 'data-format': format }, label);
  const narrowed = [
    s.kinds.length ? `kinds ${s.kinds.map(words).join(', ')}` : '',
    s.types.length ? `types ${s.types.map(words).join(', ')}` : '',
    s.modality.length ? `modality ${s.modality.join(', ')}` : '',
    s.minEvidence > 1 ? `at least ${s.minEvidence} sentences a tie` : '',
    s.q ? `search “${s.q}”` : '',
  ].filter(Boolean);
  fill($('export-body'),
    el('div', { class: 'muted', id: 'export-scope' }, `The network of ${windowLabel(s.from, s.to).toLowerCase()}${actor ? `, around ${actor}` : ''}`,
      narrowed.length ? `, with the filters: ${narrowed.join('; ')}` : ', no filter set', ':'),
    link('gexf', 'GEXF (Gephi, with time intervals)'), link('graphml', 'GraphML'), link('csv', 'CSV (edges)'), link('jsonl', 'JSONL (claims with their sentences)'));
}

let playing: ReturnType<typeof setInterval> | undefined;
function togglePlay(): void {
  const button = $('play');
  if (playing) {
    clearInterval(playing);
    playing = undefined;
    button.textContent = '▶ Play';
    return;
  }
  button.textContent = '❚❚ Pause';
  const step = () => {
    const next = nextWindow(state());
    if (!next) return togglePlay();
    update(next);
  };
  step();
  playing = setInterval(step, 2000);
}

async function boot(): Promise<void> {
  start(readAddress());
  // the network first, before anything else asks the (single-threaded) server: its graph is what the
  // page is judged by on a big store; the map, timeline and panel mount once it is drawn
  mountNetwork();
  try {
    const health = await api<Health>('/api/health');
    const c = health.counts;
    setEdits(!!health.edits);
    setExtent(c.firstDate, c.lastDate);
    $('counts').textContent = `${c.articles} articles · ${c.actors} actors · ${c.events} events · ${c.relations} relations` +
      (c.firstDate ? ` · ${c.firstDate} to ${c.lastDate}` : '') + (health.edits ? ' · edits on' : '');
  } catch (error) {
    $('counts').textContent = `Cannot reach the API: ${(error as Error).message}`;
  }
  const search = $<HTMLInputElement>('q');
  search.value = state().q;
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ q: search.value.trim() }), 300);
  });
  $('play').addEventListener('click', togglePlay);
  $('home').addEventListener('click', (e) => { e.preventDefault(); update({ selection: null, tab: 'evidence', article: '', span: '', q: '', from: '', to: '' }); search.value = ''; });
  const label = () => { $('window-label').textContent = windowLabel(state().from, state().to); };
  label();
  renderTabs();
  renderFilters();
  renderExport();
  subscribe(['from', 'to'], label);
  subscribe(['selection', 'tab'], renderTabs);
  subscribe(['from', 'to', 'q', 'selection', 'tab', 'types', 'modality', 'before', 'dyad'], renderPanel);
  subscribe(['kinds', 'types', 'modality', 'minEvidence', 'limit'], renderFilters);
  subscribe(null, renderExport);
  onJudged(() => { renderPanel(); update({ limit: state().limit }); });
  await firstDraw;
  mountMap();
  mountTimeline();
  renderPanel();
}

void boot();
