// The app's latency on a large store (issue 9): a 100k-event store (bench/app-corpus.ts), the real
// HTTP server on it, and the routes the views call, each requested >= 50 times with different windows
// and filters; median and p95 per route, next to two peers on the same store: /api/health (a route
// that only counts rows) and a plain SELECT count(*) FROM events. Target: /api/graph p95 < 100 ms.
// The store is built once per generator version and kept under the temp folder, so reruns are quick.
// The store keeps its last few graph answers while nothing is written (src/store/graph.ts), so a route
// asking the same few graphs again is served from them; --no-cache turns that off to time the work itself.
// Run: npm run bench:app [-- --requests N] [--rebuild] [--no-cache]   (ORBIT_BENCH_APP_DIR overrides the folder)
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { createServer } from '../src/server/index.js';
import { loadGraphIndex } from '../src/store/graph-index.js';
import { GRAPH_ANSWERS_KEPT } from '../src/store/graph.js';
import { openSqlite } from '../src/store/sqlite.js';
import { DEFAULT_SHAPE, GENERATOR_VERSION, writeCorpus } from './app-corpus.js';

const args = process.argv.slice(2);
const REQUESTS = Math.max(50, Number(args[args.indexOf('--requests') + 1]) || 60);
const NO_CACHE = args.includes('--no-cache');
const dir = process.env.ORBIT_BENCH_APP_DIR ?? join(tmpdir(), `orbit-bench-app-v${GENERATOR_VERSION}`);
const file = join(dir, 'orbit.db');

async function ensureStore(): Promise<void> {
  if (args.includes('--rebuild')) rmSync(dir, { recursive: true, force: true });
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  // built under another name and renamed when complete, so an interrupted build is never taken for the store
  const partial = join(dir, `building-${process.pid}.db`);
  const started = performance.now();
  const store = await openStore(partial);
  await writeCorpus(store, DEFAULT_SHAPE, (n) => process.stderr.write(`\rbench:app: building the store, ${n} / ${DEFAULT_SHAPE.articles} articles`));
  await store.close();
  const db = new Database(partial);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  renameSync(partial, file);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  process.stderr.write(`\rbench:app: built ${file} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

interface Row { name: string; median: number; p95: number; bytes: number; note: string }

async function main() {
  await ensureStore();
  const store = await openStore(file, NO_CACHE ? { graphAnswers: 0 } : {});
  const stats = await store.stats();
  const server = createServer(store, { log: (m) => process.stderr.write(m + '\n'), rateLimit: { perSecond: 1e9, burst: 1e9 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const years = Array.from({ length: 24 }, (_, i) => String(2003 + i));
  /** The i-th request's query: windows and filters vary so no two neighbours ask the same. */
  const routes: [string, (i: number) => string][] = [
    ['/api/health (peer)', () => '/api/health'],
    ['/api/graph (default)', () => '/api/graph'],
    ['/api/graph one year', (i) => `/api/graph?from=${years[i % 24]}&to=${years[i % 24]}`],
    ['/api/graph 3 months', (i) => `/api/graph?from=${years[i % 24]}-0${1 + (i % 9)}&to=${years[i % 24]}-0${(1 + (i % 9)) + 2 > 9 ? 9 : 1 + (i % 9) + 2}`],
    ['/api/graph kinds+types', (i) => `/api/graph?kinds=armed_group,state,person&types=ASSAULT,THREATEN,backs&from=${years[i % 24]}`],
    ['/api/graph minEvidence=3', (i) => `/api/graph?minEvidence=3&from=${years[i % 12]}&to=${years[12 + (i % 12)]}`],
    ['/api/graph q=', (i) => `/api/graph?q=${['A1', 'A2', 'A3', 'A5', 'A8'][i % 5]}`],
    ['/api/graph ego cap=20', (i) => `/api/graph?actor=actor-${i % 40}&hops=1&cap=20`],
    ['/api/timeline', (i) => `/api/timeline?from=${years[i % 12]}&to=${years[12 + (i % 12)]}`],
    ['/api/timeline 2 actors', (i) => `/api/timeline?actor=actor-${i % 10},actor-${10 + (i % 10)}`],
    ['/api/incidents', (i) => `/api/incidents?from=${years[i % 24]}&to=${years[i % 24]}&limit=50`],
    ['/api/map', (i) => `/api/map?from=${years[i % 12]}&to=${years[12 + (i % 12)]}`],
    ['/api/map/governorates', (i) => `/api/map/governorates?from=${years[i % 24]}`],
    ['/api/dyad', (i) => `/api/dyad?a=actor-${i % 5}&b=actor-${5 + (i % 5)}`],
    ['/api/actors/:id', (i) => `/api/actors/actor-${i % 30}`],
  ];
  // the server builds its graph index and influence claims in the background once it listens (seconds,
  // blocking its one thread in long stretches): wait for both, so no route is timed against that build
  await fetch(base + '/api/influence?limit=1').then((r) => r.arrayBuffer());
  const rows: Row[] = [];
  for (const [name, url] of routes) {
    const times: number[] = [];
    let bytes = 0;
    let note = '';
    await fetch(base + url(0)).then((r) => r.arrayBuffer()); // warm: statements prepared, pages cached
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(base + url(i));
      const body = await response.arrayBuffer();
      times.push(performance.now() - started);
      if (!response.ok) throw new Error(`${url(i)}: HTTP ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      bytes += body.byteLength;
      if (i === 0 && name.startsWith('/api/graph')) {
        const graph = JSON.parse(Buffer.from(body).toString()) as { nodes: unknown[]; edges: unknown[] };
        note = `${graph.nodes.length} nodes, ${graph.edges.length} edges`;
      }
    }
    times.sort((a, b) => a - b);
    rows.push({ name, median: quantile(times, 0.5), p95: quantile(times, 0.95), bytes: bytes / REQUESTS, note });
  }
  // the floor: one plain count on the same file, through the same driver, no HTTP
  const db = new Database(file, { readonly: true });
  const count = db.prepare('SELECT count(*) AS n FROM events');
  const counts: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    count.get();
    counts.push(performance.now() - started);
  }
  db.close();
  counts.sort((a, b) => a - b);
  rows.push({ name: 'SELECT count(*) FROM events (peer)', median: quantile(counts, 0.5), p95: quantile(counts, 0.95), bytes: 0, note: 'no HTTP' });

  await new Promise((resolve) => server.close(resolve));
  await store.close();

  // what the in-memory graph index holds and takes to build, read again on its own connection
  const indexDb = openSqlite(file);
  const buildStarted = performance.now();
  const index = await loadGraphIndex(indexDb);
  const buildMs = performance.now() - buildStarted;
  const memory = index.memoryBytes();
  await indexDb.close();

  const size = (statSync(file).size / 2 ** 20).toFixed(0);
  console.log(`bench:app — SQLite store ${file} (${size} MB): ${stats.events} events, ${stats.actors} actors, ${stats.articles} articles, ${stats.relations} relations`);
  console.log(`${REQUESTS} sequential requests per route after one warm-up; times are wall-clock at the client, ms; ` +
    (NO_CACHE ? 'graph answers not kept (--no-cache)' : `the last ${GRAPH_ANSWERS_KEPT} graph answers kept (a route cycling through more never hits them)`));
  console.log(`${'route'.padEnd(36)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'KB/resp'.padStart(8)}  note`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(36)} ${r.median.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(8)}  ${r.note}`);
  }
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`graph index: ${index.size.events} event rows, ${index.size.relations} relations, ${index.size.groups} groups; typed arrays ${mb(memory.arrays)} MB + strings ~${mb(memory.strings)} MB; built in ${(buildMs / 1000).toFixed(1)} s`);
  const graphP95 = Math.max(...rows.filter((r) => r.name.startsWith('/api/graph')).map((r) => r.p95));
  console.log(`target: /api/graph p95 < 100 ms — worst graph p95 ${graphP95.toFixed(1)} ms: ${graphP95 < 100 ? 'met' : 'NOT met'}`);
}

await main();
