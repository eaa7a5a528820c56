// Events over time, stacked by tone, with a brush that sets the window every view shares. The visible
// span zooms from all dates to 10 and 5 years, a year, a month; bars are days, months or years to suit.
// Each happening counts once (its reports are grouped into an incident); lanes follow chosen actors.
// The filters and the search narrow it as they narrow the network (relation types only: no events).
import { axisBottom } from 'd3-axis';
import { brushX, type BrushBehavior } from 'd3-brush';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { TONE_COLORS } from '../ontology.js';
import { api } from './api';
import { add, endOf, floor, iso, lastDay, startOf, unitFor, type Unit } from './dates';
import { $, el, fill } from './dom';
import { state, subscribe, update, type AppState } from './state';

import type { Timeline, TimelineBucket } from './types';

const ZOOMS: { id: string; label: string; years?: number; months?: number }[] = [
  { id: 'all', label: 'all' }, { id: '10y', label: '10 y', years: 10 }, { id: '5y', label: '5 y', years: 5 },
  { id: '1y', label: 'year', years: 1 }, { id: '1m', label: 'month', months: 1 },
];
const FAMILIES = ['conflict', 'cooperation', 'neutral'];
const LANE_HEIGHT = 18;

let extent: { from: Date; to: Date } | null = null;
let view: { from: Date; to: Date; zoom: string } | null = null;
let data: Timeline | null = null;
let brush: BrushBehavior<null> | null = null;
let request = 0;
let moving = false;

/** The dates the store covers, from /api/health: the span "all" shows. */
export function setExtent(first: string | null, last: string | null): void {
  const from = first ? startOf(first) : null;
  const to = last ? endOf(last) : null;
  extent = from && to ? { from: floor(from, 'month'), to: add(floor(to, 'month'), 'month', 1) } : null;
}

function windowDates(s: AppState): { from: Date; to: Date } | null {
  const from = s.from ? startOf(s.from) : extent?.from;
  const to = s.to ? endOf(s.to) : extent?.to;
  return from && to ? { from, to } : null;
}

function zoomTo(zoom: string, s: AppState = state()): void {
  if (!extent) return;
  const choice = ZOOMS.find((z) => z.id === zoom) ?? ZOOMS[0];
  if (!choice.years && !choice.months) {
    view = { ...extent, zoom: 'all' };
  } else {
    const win = windowDates(s) ?? extent;
    const centre = new Date((win.from.getTime() + win.to.getTime()) / 2);
    const unit: Unit = choice.months ? 'month' : 'year';
    const n = choice.months ?? choice.years!;
    const from = floor(add(centre, unit === 'month' ? 'day' : 'month', unit === 'month' ? -15 : -6 * n), unit === 'month' ? 'day' : 'month');
    view = { from, to: add(from, unit, n), zoom };
  }
  void load(state());
}

async function load(s: AppState): Promise<void> {
  if (!view) return;
  const mine = ++request;
  const bucket = unitFor(view.from, view.to);
  try {
    const result = await api<Timeline>('/api/timeline', {
      from: iso(view.from, 'day'), to: lastDay(view.to, 'day'), bucket, types: s.types, modality: s.modality, q: s.q, actor: s.lanes,
    });
    if (mine !== request) return;
    data = result;
    draw(s);
  } catch (error) {
    if (mine === request) fill($('timeline-chart'), el('p', { class: 'placeholder error' }, `Could not load the timeline: ${(error as Error).message}`));
  }
}

function draw(s: AppState): void {
  const chart = $('timeline-chart');
  if (!view || !data) return;
  const width = Math.max(200, chart.clientWidth);
  const lanes = data.lanes ?? [];
  const height = Math.max(90, chart.clientHeight);
  const margin = { left: 36, right: 12, top: 6, bottom: 20 };
  const barsBottom = height - margin.bottom - lanes.length * LANE_HEIGHT;
  const x = scaleUtc().domain([view.from, view.to]).range([margin.left, width - margin.right]);
  const unit = data.bucket;
  const heightOf = (b: TimelineBucket) => b.events;
  const y = scaleLinear().domain([0, Math.max(1, ...data.buckets.map(heightOf))]).nice().range([barsBottom, margin.top]);

  const svg = select(chart).selectAll<SVGSVGElement, null>('svg').data([null]).join('svg').attr('width', width).attr('height', height);
  svg.selectAll('*').remove();
  const bars = svg.append('g').attr('class', 'bars');
  for (const b of data.buckets) {
    const start = startOf(b.start)!;
    const x0 = x(start);
    const w = Math.max(1, x(add(start, unit, 1)) - x0 - 1);
    // the stack splits the bar's happenings by tone in proportion to its reports
    const byFamily = b.byFamily as Record<string, number>;
    const total = FAMILIES.reduce((sum, f) => sum + (byFamily[f] ?? 0), 0) || 1;
    let top = barsBottom;
    for (const family of FAMILIES) {
      const h = (barsBottom - y(heightOf(b))) * ((byFamily[family] ?? 0) / total);
      if (h <= 0) continue;
      top -= h;
      bars.append('rect').attr('x', x0).attr('y', top).attr('width', w).attr('height', h)
        .attr('fill', (TONE_COLORS as Record<string, string>)[family])
        .append('title').text(`${b.start}: ${b.events} events (${family} ${(b.byFamily as Record<string, number>)[family] ?? 0}); ${b.incidents} incidents told by several articles`);
    }
    // an incident (one happening several articles tell) is one mark, however many reports it has
    if (b.incidents) {
      bars.append('circle').attr('class', 'incident').attr('cx', x0 + w / 2).attr('cy', y(heightOf(b)) - 5).attr('r', Math.min(5, 2 + Math.sqrt(b.incidents)))
        .attr('fill', '#1f2430').append('title').text(`${b.start}: ${b.incidents} incidents, each told by two or more articles (open the Incidents list)`);
    }
  }
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call((g) => {
    g.append('text').attr('x', -4).attr('y', margin.top + 8).attr('text-anchor', 'end').attr('font-size', 10).attr('fill', '#6b7280').text(String(y.domain()[1]));
  });
  // one lane per chosen actor: a strip whose darkness is its events in the bucket
  lanes.forEach((lane, i) => {
    const top = barsBottom + i * LANE_HEIGHT + 2;
    const max = Math.max(1, ...lane.buckets.map((b) => b.events));
    const g = svg.append('g').attr('class', 'lane');
    g.append('text').attr('x', margin.left + 2).attr('y', top + 12).attr('font-size', 10).attr('fill', '#1f2430').text(lane.actor.name);
    for (const b of lane.buckets) {
      const start = startOf(b.start)!;
      g.append('rect').attr('x', x(start)).attr('y', top).attr('height', LANE_HEIGHT - 4)
        .attr('width', Math.max(1, x(add(start, unit, 1)) - x(start) - 1))
        .attr('fill', '#2f5d9a').attr('opacity', 0.15 + 0.85 * (b.events / max))
        .append('title').text(`${lane.actor.name}, ${b.start}: ${b.events} events`);
    }
  });
  svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));

  brush = brushX<null>().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
    .on('end', (event) => {
      if (moving || !event.sourceEvent) return;
      if (!event.selection) return update({ from: '', to: '' });
      const [a, b] = (event.selection as [number, number]).map((px) => x.invert(px));
      // snap to whole buckets, and write the window at the bucket's precision
      const snap = unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'day';
      const from = floor(a, snap);
      const until = add(floor(b, snap), snap, 1);
      update({ from: iso(from, snap), to: lastDay(until, snap) });
    });
  const brushGroup = svg.append('g').attr('class', 'brush').call(brush);
  const win = s.from || s.to ? windowDates(s) : null;
  moving = true;
  brush.move(brushGroup, win ? [Math.max(margin.left, x(win.from)), Math.min(width - margin.right, x(win.to))] : null);
  moving = false;
}

function renderTools(): void {
  fill($('timeline-tools'),
    el('span', { class: 'muted' }, 'Zoom'),
    ...ZOOMS.map((z) => el('button', { type: 'button', class: view?.zoom === z.id ? 'active' : '', 'data-zoom': z.id, onclick: () => { zoomTo(z.id); renderTools(); } }, z.label)),
    el('button', { type: 'button', title: 'No window: every date, undated items too', onclick: () => update({ from: '', to: '' }) }, 'all dates'),
    el('span', { class: 'muted' }, ' · bars: events by tone; ● incidents told by several articles; drag to set the window'),
    ...state().lanes.map((id) => el('button', { type: 'button', title: 'Remove this lane', onclick: () => update({ lanes: state().lanes.filter((l) => l !== id) }) }, `× ${id}`)));
}

export function mountTimeline(): void {
  zoomTo('all');
  renderTools();
  subscribe(['from', 'to'], (s) => { if (data) draw(s); });
  subscribe(['types', 'modality', 'q', 'lanes'], (s) => { renderTools(); void load(s); });
  new ResizeObserver(() => { if (data) draw(state()); }).observe($('timeline-chart'));
}

/** The window's next step for "play": the same width, moved on by itself; null at the end. */
export function nextWindow(s: AppState): { from: string; to: string } | null {
  if (!extent) return null;
  const win = s.from || s.to ? windowDates(s) : null;
  if (!win) return { from: iso(extent.from, 'month'), to: lastDay(add(extent.from, 'year', 1), 'month') };
  const months = Math.max(1, Math.round((win.to.getTime() - win.from.getTime()) / (30.44 * 86_400_000)));
  const from = add(floor(win.from, 'month'), 'month', months);
  if (from >= extent.to) return null;
  return { from: iso(from, 'month'), to: lastDay(add(from, 'month', months), 'month') };
}
