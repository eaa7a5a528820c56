// The map: events in a window gathered by place (name and coordinates), as GeoJSON points with their
// count, types and a few event ids, each placed in its Iraqi governorate when it falls inside one.
// The governorate outlines are the app's own (web/public/geo/iraq-governorates.geojson, Natural Earth
// admin-1, built by scripts/build-geo.mjs); the test is @turf/boolean-point-in-polygon. The app's
// filters and the analysts' judgements apply as in every view (src/store/views-filter.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { EventType } from '../model/types.js';
import { TIE_MODALITIES } from './graph.js';
import { actorMerges } from './judgements.js';
import { where, type Params, type Sql } from './sql.js';
import { eventConditions, type ViewFilter } from './views-filter.js';

export interface MapQuery extends ViewFilter {
  /** Places kept, the busiest first. */
  limit?: number;
}

export interface Governorate {
  /** ISO 3166-2 code, IQ-BG. */
  id: string;
  name: string;
}

export interface PlaceProperties {
  name: string;
  country: string | null;
  count: number;
  /** Events per type, the most frequent first. */
  types: { type: EventType; count: number }[];
  /** The most recent events' ids (at most 5). */
  eventIds: string[];
  governorate: Governorate | null;
}

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PlaceProperties;
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  features: PlaceFeature[];
  /** Events in the window whose place has no coordinates (not drawn). */
  unplaced: number;
}

export interface GovernorateCount extends Governorate {
  count: number;
  places: number;
}

export const DEFAULT_PLACES = 1000;
const EVENT_IDS_PER_PLACE = 5;

type Outline = { type: 'Feature'; properties: Governorate; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] } };

let outlines: Outline[] | undefined;

/** The governorate outlines, read once; none (so no governorate) when the app's file is missing. */
function governorateOutlines(): Outline[] {
  if (outlines) return outlines;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'web', 'public', 'geo', 'iraq-governorates.geojson');
    if (existsSync(file)) {
      const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: Outline[] };
      return (outlines = collection.features);
    }
  }
  return (outlines = []);
}

const placed = new Map<string, Governorate | null>();

/** The Iraqi governorate holding the point, or null (remembered: the same places come back in every window). */
export function governorateAt(lon: number, lat: number): Governorate | null {
  const key = `${lon},${lat}`;
  if (!placed.has(key)) placed.set(key, findGovernorate(lon, lat));
  return placed.get(key)!;
}

function findGovernorate(lon: number, lat: number): Governorate | null {
  for (const outline of governorateOutlines()) {
    if (booleanPointInPolygon([lon, lat], outline as Parameters<typeof booleanPointInPolygon>[1])) {
      return { id: outline.properties.id, name: outline.properties.name };
    }
  }
  return null;
}

export function createMap(sql: Sql) {
  const d = sql.dialect;

  async function filter(query: MapQuery): Promise<{ conditions: string[]; params: Params; none: boolean }> {
    const { conditions, params, none } = await eventConditions(sql, query, await actorMerges(sql), { defaultModality: TIE_MODALITIES });
    return { conditions: [...conditions, 'a.duplicate_of IS NULL'], params, none };
  }

  async function places(query: MapQuery): Promise<{ features: PlaceFeature[]; unplaced: number }> {
    const { conditions, params, none } = await filter(query);
    if (none) return { features: [], unplaced: 0 };
    // a place is its name and its coordinates rounded to about 100 m
    const rows = await sql.all<{ name: string; country: string | null; lat: number; lon: number; type: EventType; n: number; ids: string }>(
      `SELECT e.location_name AS name, e.location_country AS country, ROUND(e.lat * 1000) / 1000 AS lat, ROUND(e.lon * 1000) / 1000 AS lon,
         e.type, COUNT(*) AS n, ${d.jsonArray('e.id', 'e.effective_date DESC, e.id')} AS ids
       FROM events e JOIN articles a ON a.id = e.article_id
       ${where([...conditions, 'e.lat IS NOT NULL', 'e.lon IS NOT NULL'])}
       GROUP BY e.location_name, e.location_country, ROUND(e.lat * 1000) / 1000, ROUND(e.lon * 1000) / 1000, e.type`,
      params,
    );
    const unplaced = (await sql.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id ${where([...conditions, '(e.lat IS NULL OR e.lon IS NULL)'])}`,
      params,
    ))!.n;
    const byPlace = new Map<string, { feature: PlaceFeature; recent: string[][] }>();
    for (const row of rows) {
      const key = `${row.name}\u0000${row.country}\u0000${row.lat}\u0000${row.lon}`;
      let place = byPlace.get(key);
      if (!place) {
        const governorate = row.country === 'IRQ' || row.country === null ? governorateAt(row.lon, row.lat) : null;
        place = {
          feature: {
            type: 'Feature', geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
            properties: { name: row.name, country: row.country, count: 0, types: [], eventIds: [], governorate },
          },
          recent: [],
        };
        byPlace.set(key, place);
      }
      place.feature.properties.count += Number(row.n);
      place.feature.properties.types.push({ type: row.type, count: Number(row.n) });
      place.recent.push((JSON.parse(row.ids) as string[]).slice(0, EVENT_IDS_PER_PLACE));
    }
    const features = [...byPlace.values()].map(({ feature, recent }) => {
      feature.properties.types.sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
      // the ids of every type's most recent events, interleaved: a few of each kind of thing that happened there
      const ids: string[] = [];
      for (let i = 0; ids.length < EVENT_IDS_PER_PLACE && recent.some((r) => r[i]); i++) {
        for (const r of recent) if (r[i] && ids.length < EVENT_IDS_PER_PLACE) ids.push(r[i]);
      }
      feature.properties.eventIds = ids;
      return feature;
    });
    features.sort((a, b) => b.properties.count - a.properties.count || (a.properties.name < b.properties.name ? -1 : 1));
    return { features, unplaced };
  }

  async function mapPlaces(query: MapQuery = {}): Promise<PlaceCollection> {
    const { features, unplaced } = await places(query);
    return { type: 'FeatureCollection', features: features.slice(0, query.limit ?? DEFAULT_PLACES), unplaced };
  }

  /** Events per governorate in the window, every governorate listed (zero when none). */
  async function governorateCounts(query: MapQuery = {}): Promise<{ items: GovernorateCount[]; outside: number }> {
    const { features } = await places(query);
    const counts = new Map(governorateOutlines().map((o) => [o.properties.id, { id: o.properties.id, name: o.properties.name, count: 0, places: 0 }]));
    let outside = 0;
    for (const f of features) {
      const g = f.properties.governorate ? counts.get(f.properties.governorate.id) : undefined;
      if (!g) {
        outside += f.properties.count;
        continue;
      }
      g.count += f.properties.count;
      g.places += 1;
    }
    return { items: [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)), outside };
  }

  return { mapPlaces, governorateCounts };
}
