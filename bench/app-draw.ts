// The page's time to first draw on a large store (issue 9: < 1.5 s with 2,000 actors): the built app
// in Debian's Chromium (playwright-core, WebGL through SwiftShader: a software renderer, slower than any
// GPU), served by the real server over the 100k-event store bench/app.ts builds. Times, median of
// --loads N page loads (default 5): the page shell (DOMContentLoaded, the peer: what no graph costs),
// the network drawn (its status line names the actors drawn), and the layout settled.
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) return void console.log(`bench:app:draw skipped: Chromium not installed (${CHROMIUM})`);
  if (!existsSync(file)) return void console.log(`bench:app:draw skipped: no benchmark store at ${file}: run npm run bench:app first`);
  const store = await openStore(file);
  const server = createServer(store, { log: (m) => process.stderr.write(m + '\n'), rateLimit: { perSecond: 1e9, burst: 1e9 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const rows: { shell: number; drawn: number; settled: number; actors: number }[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
      page.setDefaultTimeout(120_000);
      const started = Date.now();
      await page.goto(`${base}#limit=${ACTORS}`, { waitUntil: 'domcontentloaded' });
      const shell = Date.now() - started;
      await page.locator('#graph-status').filter({ hasText: /^\d+ actors, \d+ ties/ }).waitFor();
      const drawn = Date.now() - started;
      await page.evaluate(() => (window as unknown as { orbit: { settled(): Promise<void> } }).orbit.settled());
      const settled = Date.now() - started;
      const actors = Number(/^(\d+)/.exec(await page.locator('#graph-status').innerText())![1]);
      rows.push({ shell, drawn, settled, actors });
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
