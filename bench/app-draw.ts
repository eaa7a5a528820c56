// The page's time to first draw on a large store (issue 9: < 1.5 s with 2,000 actors): the built app
// in Debian's Chromium (playwright-core, WebGL through SwiftShader: a software renderer, slower than any
// GPU), served by the real server over the 100k-event store bench/app.ts builds. Times, median of
// --loads N page loads (default 5): the page shell (DOMContentLoaded, the peer: what no graph costs),
// the network drawn (the frame after sigma drew it: mark orbit:graph-painted), and the layout settled,
// all in the page's clock from navigation start. Each load also prints where its time went: every API
// request's start-end (and the wait for its first byte) and the network view's marks (graph received,
// built into graphology, drawn by sigma, painted).
// Run: npm run bench:app:draw [-- --loads N] [--actors N]   (after npm run bench:app has built the store)
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openStore } from '../src/store/index.js';
import { createServer } from '../src/server/index.js';
import { GENERATOR_VERSION } from './app-corpus.js';

const CHROMIUM = '/usr/bin/chromium';
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Math.max(1, Number(args[args.indexOf(name) + 1]) || fallback);
const LOADS = option('--loads', 5);
const ACTORS = option('--actors', 2000);
const file = join(process.env.ORBIT_BENCH_APP_DIR ?? join(tmpdir(), `orbit-bench-app-v${GENERATOR_VERSION}`), 'orbit.db');

/** Where a load's time went, ms from navigation start: each API request's start and end, and the network view's marks. */
type Phases = Record<string, string>;
function phasesOfPage(): Phases {
  const out: Record<string, string> = {};
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const path = new URL(e.name).pathname;
    if (!path.startsWith('/api/')) continue;
    out[path] = `${Math.round(e.startTime)}-${Math.round(e.responseEnd)} (wait ${Math.round(e.responseStart - e.requestStart)})`;
  }
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('orbit:')) out[m.name.slice(6)] = String(Math.round(m.startTime));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) return void console.log(`bench:app:draw skipped: Chromium not installed (${CHROMIUM})`);
  if (!existsSync(file)) return void console.log(`bench:app:draw skipped: no benchmark store at ${file}: run npm run bench:app first`);
  const store = await openStore(file);
  const server = createServer(store, { log: (m) => process.stderr.write(m + '\n'), rateLimit: { perSecond: 1e9, burst: 1e9 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const rows: { shell: number; drawn: number; settled: number; actors: number; phases: Phases }[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
      page.setDefaultTimeout(120_000);
      await page.goto(`${base}#limit=${ACTORS}`, { waitUntil: 'domcontentloaded' });
      await page.locator('#graph-status').filter({ hasText: /^\d+ actors, \d+ ties/ }).waitFor();
      // times taken in the page, from its navigation start: the server runs in this process, so a clock
      // here would count the server's busy spells on other routes as the page's
      const shell = await page.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      const drawn = await page.evaluate(async () => {
        const painted = () => performance.getEntriesByName('orbit:graph-painted')[0];
        while (!painted()) await new Promise((resolve) => setTimeout(resolve, 20));
        return Math.round(painted().startTime);
      });
      const settled = await page.evaluate(async () => {
        await (window as unknown as { orbit: { settled(): Promise<void> } }).orbit.settled();
        return Math.round(performance.now());
      });
      const actors = Number(/^(\d+)/.exec(await page.locator('#graph-status').innerText())![1]);
      const phases = await page.evaluate(phasesOfPage);
      rows.push({ shell, drawn, settled, actors, phases });
      console.log(`  load ${i + 1}: drawn ${drawn} ms, ${actors} actors; ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    await store.close();
  }
  console.log(`page load on ${file} (${(await import('node:fs')).statSync(file).size >> 20} MB), #limit=${ACTORS}, ${LOADS} loads, median ms:`);
  console.log(`  page shell (peer, DOMContentLoaded)  ${median(rows.map((r) => r.shell))}`);
  console.log(`  network first drawn                  ${median(rows.map((r) => r.drawn))}   (target < 1500; ${median(rows.map((r) => r.actors))} actors)`);
  console.log(`  layout settled                       ${median(rows.map((r) => r.settled))}`);
  console.log(`  first draw / shell                   ${(median(rows.map((r) => r.drawn)) / Math.max(1, median(rows.map((r) => r.shell)))).toFixed(1)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
