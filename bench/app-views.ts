// The latency of the views' routes (timeline, incidents, map, dyad, actor page, the event list with a
// search) on the 100k-event store bench:app builds, through the real HTTP server: median and worst of
// N sequential requests per route after one warm-up, windows and searches varying. The timeline over
// every date is what the app asks first; incidents are grouped once per store version.
// Run: npm run bench:app once (it builds the store), then node dist/bench/app-views.js [N, default 12]
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store/index.js';
import { createServer } from '../src/server/index.js';
import { GENERATOR_VERSION } from './app-corpus.js';

const N = Math.max(3, Number(process.argv[2]) || 12);
const file = join(process.env.ORBIT_BENCH_APP_DIR ?? join(tmpdir(), `orbit-bench-app-v${GENERATOR_VERSION}`), 'orbit.db');
if (!existsSync(file)) {
  process.stderr.write(`bench:app-views: no store at ${file}: run npm run bench:app first (it builds it)\n`);
  process.exit(1);
}
const store = await openStore(file);
// the app is not asked for: any folder serves as its root
const server = createServer(store, { log: () => {}, webRoot: tmpdir(), rateLimit: { perSecond: 1e9, burst: 1e9 } });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const years = Array.from({ length: 24 }, (_, i) => String(2003 + i));
const routes: [string, (i: number) => string][] = [
  ['/api/timeline every date (app start)', () => '/api/timeline?bucket=month'],
  ['/api/timeline 12 years', (i) => `/api/timeline?from=${years[i % 12]}&to=${years[12 + (i % 12)]}`],
  ['/api/timeline q=', (i) => `/api/timeline?q=${['A1', 'A2', 'A3'][i % 3]}&from=${years[i % 12]}&to=${years[12 + (i % 12)]}`],
  ['/api/timeline relation types only', (i) => `/api/timeline?types=backs,funds&from=${years[i % 12]}`],
  ['/api/incidents one year', (i) => `/api/incidents?from=${years[i % 24]}&to=${years[i % 24]}&limit=50`],
  ['/api/map 12 years', (i) => `/api/map?from=${years[i % 12]}&to=${years[12 + (i % 12)]}`],
  ['/api/dyad', (i) => `/api/dyad?a=actor-${i % 5}&b=actor-${5 + (i % 5)}`],
  ['/api/actors/:id', (i) => `/api/actors/actor-${i % 30}`],
  ['/api/events q=', (i) => `/api/events?q=${['A1', 'A2', 'A3'][i % 3]}`],
];
console.log(`bench:app-views — ${file}: ${(await store.stats()).events} events; ${N} requests per route after one warm-up, ms at the client`);
for (const [name, url] of routes) {
  await fetch(base + url(0)).then((r) => r.arrayBuffer());
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const started = performance.now();
    const response = await fetch(base + url(i));
    const body = await response.text();
    if (!response.ok) throw new Error(`${url(i)}: HTTP ${response.status} ${body.slice(0, 200)}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(38)} median ${times[Math.floor(N / 2)].toFixed(0).padStart(6)}   max ${times[N - 1].toFixed(0).padStart(6)}`);
}
await new Promise((resolve) => server.close(resolve));
await store.close();
