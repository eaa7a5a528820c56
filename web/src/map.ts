// Where events happened: MapLibre GL over outlines bundled with the app (Iraq's governorates and the
// states around it, Natural Earth; no tile server, no network). Events are circles sized by their
// count at a place and coloured by their dominant tone; governorates are shaded by their events.
// Clicking a place opens its events' evidence. The filters and the search narrow it as every view.
import { Map as MapLibre, Popup, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { TONE_COLORS } from '../ontology.js';
import { api } from './api';
import { $, el } from './dom';
import { state, subscribe, update, windowParams, type AppState } from './state';

setWorkerUrl(workerUrl);

import type { GovernorateCount, PlaceCollection, PlaceProperties } from './types';
import { EVENT_TONES } from '../ontology.js';

let map: MapLibre | null = null;
let ready: Promise<void> = Promise.resolve();
let request = 0;
const shaded = new Set<string>();

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

function create(): MapLibre {
  const m = new MapLibre({
    container: $('map'),
    // Iraq and its borders fill the panel, whatever its size
    bounds: [[38.5, 28.8], [48.8, 37.6]],
    fitBoundsOptions: { padding: 10 },
    minZoom: 2,
    maxZoom: 12,
    attributionControl: { compact: true, customAttribution: 'Outlines: Natural Earth' },
    style: {
      version: 8,
      sources: {
        states: { type: 'geojson', data: '/geo/states.geojson' },
        governorates: { type: 'geojson', data: '/geo/iraq-governorates.geojson', promoteId: 'id' },
        events: { type: 'geojson', data: EMPTY },
      },
      layers: [
        { id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f3' } },
        { id: 'states', type: 'fill', source: 'states', paint: { 'fill-color': '#f4f1ea', 'fill-outline-color': '#b9b2a4' } },
        { id: 'states-line', type: 'line', source: 'states', paint: { 'line-color': '#a9a191', 'line-width': 0.8 } },
        {
          id: 'governorates', type: 'fill', source: 'governorates',
          paint: {
            'fill-color': '#2f5d9a',
            'fill-opacity': ['interpolate', ['linear'], ['coalesce', ['feature-state', 'share'], 0], 0, 0.02, 1, 0.45],
          },
        },
        { id: 'governorates-line', type: 'line', source: 'governorates', paint: { 'line-color': '#7f8ba0', 'line-width': 0.6 } },
        {
          id: 'events', type: 'circle', source: 'events',
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 4, 10, 18, 40, 34],
            'circle-color': ['match', ['get', 'tone'],
              'conflict', TONE_COLORS.conflict, 'cooperation', TONE_COLORS.cooperation, TONE_COLORS.neutral],
            'circle-opacity': 0.75,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1,
          },
        },
      ],
    },
  });
  ready = new Promise((resolve) => m.once('load', () => resolve()));
  const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 8 });
  m.on('mousemove', 'events', (event) => {
    const f = event.features?.[0] as MapGeoJSONFeature | undefined;
    if (!f) return;
    m.getCanvas().style.cursor = 'pointer';
    const p = properties(f);
    popup.setLngLat(event.lngLat).setDOMContent(el('div', {},
      el('b', {}, p.name), p.governorate ? ` (${p.governorate.name})` : '', el('br'),
      `${p.count} events: `, p.types.map((t) => `${t.type} ${t.count}`).join(', '))).addTo(m);
  });
  m.on('mouseleave', 'events', () => { m.getCanvas().style.cursor = ''; popup.remove(); });
  m.on('click', 'events', (event) => {
    const f = event.features?.[0] as MapGeoJSONFeature | undefined;
    if (!f) return;
    const p = properties(f);
    update({ selection: { kind: 'place', name: p.name, eventIds: p.eventIds }, tab: 'evidence', article: '', span: '' });
  });
  m.on('mousemove', 'governorates', (event) => {
    const f = event.features?.[0];
    if (f) m.getCanvas().title = String(f.properties?.name ?? '');
  });
  return m;
}

/** GeoJSON properties come back from the worker flattened: objects as JSON text. */
function properties(f: MapGeoJSONFeature): PlaceProperties {
  const p = f.properties as Record<string, unknown>;
  const parse = <T,>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T) ?? fallback);
  return {
    name: String(p.name ?? ''), country: (p.country as string) ?? null, governorate: parse(p.governorate, null),
    count: Number(p.count ?? 0), types: parse(p.types, []), eventIds: parse<string[]>(p.eventIds, []),
  };
}

/** The tone most of a place's events have: its circle's colour. */
function dominantTone(types: { type: string; count: number }[]): string {
  const byTone = new Map<string, number>();
  for (const t of types) {
    const tone = (EVENT_TONES as Record<string, string>)[t.type] ?? 'neutral';
    byTone.set(tone, (byTone.get(tone) ?? 0) + t.count);
  }
  return [...byTone].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neutral';
}

async function load(s: AppState): Promise<void> {
  const mine = ++request;
  const status = $('map-status');
  try {
    const params = { ...windowParams(s), types: s.types, modality: s.modality, q: s.q };
    const [points, governorates] = await Promise.all([
      api<PlaceCollection>('/api/map', params),
      api<{ items: GovernorateCount[] }>('/api/map/governorates', params),
    ]);
    // the circle's colour is a plain property: MapLibre's style reads it without parsing lists
    for (const f of points.features) (f.properties as PlaceProperties & { tone?: string }).tone = dominantTone(f.properties.types);
    await ready;
    if (mine !== request || !map) return;
    (map.getSource('events') as GeoJSONSource).setData(points as never);
    for (const id of shaded) map.setFeatureState({ source: 'governorates', id }, { share: 0 });
    shaded.clear();
    const max = Math.max(1, ...governorates.items.map((g) => g.count));
    for (const g of governorates.items) {
      map.setFeatureState({ source: 'governorates', id: g.id }, { share: g.count / max });
      shaded.add(g.id);
    }
    const total = points.features.reduce((sum, f) => sum + f.properties.count, 0);
    status.textContent = `${total} events at ${points.features.length} places` + (points.unplaced ? ` · ${points.unplaced} without a place` : '');
  } catch (error) {
    if (mine === request) status.textContent = `Could not load the map: ${(error as Error).message}`;
  }
}

export function mountMap(): void {
  try {
    map = create();
  } catch (error) {
    $('map-status').textContent = `The map needs WebGL: ${(error as Error).message}`;
    return;
  }
  new ResizeObserver(() => map?.resize()).observe($('map'));
  subscribe(['from', 'to', 'types', 'modality', 'q'], (s) => void load(s));
  void load(state());
  (window as unknown as { orbitMap: unknown }).orbitMap = { map, ready: () => ready };
}
