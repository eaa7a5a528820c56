// What `npm start` shows a newcomer, in a real browser: the demo corpus ingested with the real CLI,
// `orbit serve --allow-edits` on a free port, and the built app (dist/web) driven through Debian's
// Chromium (playwright-core; no browser is downloaded; WebGL through SwiftShader). Skips with a
// one-line reason where Chromium is not installed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { XMLParser } from 'fast-xml-parser';

const CHROMIUM = '/usr/bin/chromium';
const WAIT = 30_000;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const orbit = join(root, 'bin', 'orbit.js');
const skip = existsSync(CHROMIUM) ? false : `Chromium not installed (${CHROMIUM}): .ci/run installs it`;
/** Where the screenshots of each view go when ORBIT_SCREENSHOTS names a folder (docs/ for the README). */
const SHOTS = process.env.ORBIT_SCREENSHOTS;

/** The network panel's status line: "66 actors, 132 ties" (and more after it). */
const COUNT = /^(\d+) actors, (\d+) ties/;
const MAP_COUNT = /^(\d+) events at (\d+) places/;

interface OrbitHandle {
  graph: { nodes(): string[]; edges(): string[]; extremities(edge: string): [string, string]; getNodeAttribute(node: string, name: string): unknown };
  settled(): Promise<void>;
  labels(): string[];
  nodeOnScreen(id: string): { x: number; y: number } | null;
  edgeOnScreen(key: string): { x: number; y: number } | null;
}

export async function startServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [orbit, 'serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`orbit serve printed no URL in ${WAIT} ms: ${out}`)), WAIT);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/\S+\//.exec(out);
      if (found) clearTimeout(timer), resolve(found[0]);
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`orbit serve exited with ${code}: ${out}`))));
  });
  return { child, url };
}

describe('the web app on the demo corpus', { skip }, () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base: string;
  /** Uncaught exceptions and console errors in the page, reported by the last test. */
  const pageErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-browser-'));
    const db = join(dir, 'demo.db');
    // like scripts/start.js, an ingest that reports a bad input (exit 1) still serves what it read
    const ingest = spawnSync(process.execPath, [orbit, 'ingest', join(root, 'corpus', 'demo'), '--db', db], { encoding: 'utf8', timeout: WAIT * 4 });
    assert.ok(ingest.status === 0 || ingest.status === 1, `orbit ingest failed (${ingest.status ?? ingest.signal}): ${ingest.stderr}`);
    const started = await startServer(['--db', db, '--allow-edits']);
    server = started.child;
    base = started.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: WAIT,
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()} (${message.location().url})`);
    });
    await page.goto(base);
  });

  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server!.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const graphStatus = () => page.locator('#graph-status').innerText();
  const mapStatus = () => page.locator('#map-status').innerText();
  const settled = () => page.evaluate(() => (window as unknown as { orbit: OrbitHandle }).orbit.settled());
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  test('draws the network with labels that do not overlap, the map and the timeline', async () => {
    await page.locator('#graph-status').filter({ hasText: COUNT }).waitFor();
    const [, actors, ties] = COUNT.exec(await graphStatus())!.map(Number);
    assert.ok(actors > 0 && ties > 0, `network of ${actors} actors and ${ties} ties`);
    const canvas = page.locator('#sigma canvas').first();
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, `network canvas is ${box?.width}×${box?.height}`);
    await settled();
    const labels = await page.evaluate(() => (window as unknown as { orbit: OrbitHandle }).orbit.labels());
    assert.ok(labels.length >= 5, `${labels.length} labels drawn`);
    assert.match(await page.locator('#counts').innerText(), /^[1-9]\d* articles · [1-9]\d* actors · [1-9]\d* events · \d+ relations/);
    await page.locator('#map-status').filter({ hasText: MAP_COUNT }).waitFor();
    assert.ok(Number(MAP_COUNT.exec(await mapStatus())![1]) > 0, await mapStatus());
    assert.ok(await page.locator('#map canvas').count() > 0, 'the map draws on a canvas');
    await page.locator('#timeline-chart svg .bars rect').first().waitFor();
    assert.ok(await page.locator('#timeline-chart svg .bars rect').count() > 3, 'the timeline has bars');
    await shot('app');
  });

  test('clicking the first event marks its evidence sentence inside the article', async () => {
    const first = page.locator('#claims > li').first();
    await first.waitFor();
    const sentence = (await first.locator('.sentence').innerText()).trim();
    assert.ok(sentence, 'the first event shows its evidence sentence');
    await first.click();
    const mark = page.locator('#reader .article-text mark.focus');
    await mark.waitFor();
    assert.equal(await mark.count(), 1);
    assert.equal((await mark.innerText()).replace(/\s+/g, ' ').trim(), sentence.replace(/\s+/g, ' '));
    assert.ok(await page.locator('#reader h3').innerText(), 'the reader shows the article title');
    assert.ok(await page.locator('#reader p.claim').innerText(), 'the reader says which claim is marked');
    assert.match(new URL(page.url()).hash, /article=[^&]+&span=\d+-\d+/);
    await shot('evidence');
  });

  test('brushing the timeline sets one window for the network, the map, the lists and the address', async () => {
    const before = { graph: await graphStatus(), map: await mapStatus(), events: await page.locator('#claims-count').innerText() };
    await page.locator('#timeline-tools button[data-zoom="all"]').click();
    await page.locator('#timeline-chart svg .bars rect').first().waitFor();
    const chart = (await page.locator('#timeline-chart svg').boundingBox())!;
    // the last fifth of the span: the demo's busiest years
    await page.mouse.move(chart.x + chart.width * 0.72, chart.y + chart.height / 2);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width * 0.95, chart.y + chart.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => /from=\d{4}/.test(location.hash) && /to=\d{4}/.test(location.hash));
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    const from = hash.get('from')!;
    const to = hash.get('to')!;
    assert.ok(from < to, `window ${from} to ${to}`);
    assert.equal(await page.locator('#window-label').innerText(), `${from} – ${to}`);
    await page.waitForFunction(([pattern, old]) => {
      const text = document.getElementById('graph-status')?.textContent ?? '';
      return new RegExp(pattern).test(text) && text !== old;
    }, [COUNT.source, before.graph] as const);
    await page.waitForFunction(([pattern, old]) => {
      const text = document.getElementById('map-status')?.textContent ?? '';
      return new RegExp(pattern).test(text) && text !== old;
    }, [MAP_COUNT.source, before.map] as const);
    await page.waitForFunction((old) => document.getElementById('claims-count')?.textContent !== old, before.events);
    const dates = await page.locator('#claims > li .date').allInnerTexts();
    assert.ok(dates.length > 0, `events between ${from} and ${to}`);
    for (const date of dates) assert.ok(date.slice(0, from.length) >= from && date.slice(0, to.length) <= to, `${date} is inside ${from} – ${to}`);
    // the address alone brings the same window back
    await page.reload();
    await page.locator('#graph-status').filter({ hasText: COUNT }).waitFor();
    assert.equal(await page.locator('#window-label').innerText(), `${from} – ${to}`);
    await settled();
    await shot('window');
  });

  test('clicking an edge opens the sentences behind it', async () => {
    await settled();
    // the edge whose middle is farthest from every actor, so the click lands on the edge
    const box = (await page.locator('#sigma').boundingBox())!;
    const target = await page.evaluate(({ width, height }) => {
      const o = (window as unknown as { orbit: OrbitHandle }).orbit;
      const nodes = o.graph.nodes().map((n) => o.nodeOnScreen(n)!).filter(Boolean);
      let best: { key: string; x: number; y: number; room: number } | null = null;
      for (const key of o.graph.edges()) {
        const p = o.edgeOnScreen(key);
        // inside the panel and clear of the status line, the tools and the legend over it
        if (!p || p.x < 40 || p.x > width - 40 || p.y < 60 || p.y > height - 90) continue;
        const room = Math.min(...nodes.map((n) => Math.hypot(n.x - p.x, n.y - p.y)));
        if (!best || room > best.room) best = { key, ...p, room };
      }
      return best;
    }, { width: box.width, height: box.height });
    assert.ok(target, 'an edge is drawn');
    const canvas = (await page.locator('#sigma').boundingBox())!;
    await page.mouse.click(canvas.x + target.x, canvas.y + target.y);
    await page.waitForFunction(() => /edge=/.test(location.hash));
    const mark = page.locator('#reader .article-text mark.focus');
    await mark.waitFor();
    assert.ok((await mark.innerText()).trim().length > 10, 'the edge opens a marked sentence');
    assert.ok(await page.locator('#claims > li').count() > 0, 'the edge lists its claims');
    await shot('edge');
  });

  test('clicking an actor opens its page; merging it into another and undoing the merge', async () => {
    await settled();
    const [actor, other] = await page.evaluate(() => {
      const o = (window as unknown as { orbit: OrbitHandle }).orbit;
      return o.labels().slice(0, 2);
    });
    const name = await page.evaluate((id) => (window as unknown as { orbit: OrbitHandle }).orbit.graph.getNodeAttribute(id, 'label') as string, actor);
    const canvas = (await page.locator('#sigma').boundingBox())!;
    // a late answer (influence resizing the actors) may redraw under the pointer: look again and retry
    for (let attempt = 1; ; attempt++) {
      await settled();
      const at = await page.evaluate((id) => (window as unknown as { orbit: OrbitHandle }).orbit.nodeOnScreen(id), actor);
      await page.mouse.click(canvas.x + at!.x, canvas.y + at!.y);
      try {
        await page.locator('#actor-card .name').filter({ hasText: name }).waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    assert.match(new URL(page.url()).hash, new RegExp(`actor=${encodeURIComponent(actor).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await shot('actor');

    // merge the second-largest actor into the first: its page now says where it went
    const health = await (await page.request.get(`${base}api/health`)).json() as { counts: { actors: number } };
    const merge = await page.request.post(`${base}api/judgements`, {
      headers: { 'content-type': 'application/json' },
      data: { kind: 'merge', actor: other, into: actor, author: 'browser test', reason: 'checking merge and split' },
    });
    assert.equal(merge.status(), 201, await merge.text());
    const judgement = await merge.json() as { id: string };
    await page.reload();
    await page.locator('#actor-card .name').filter({ hasText: name }).waitFor();
    await page.locator('.card', { hasText: 'Merged here' }).waitFor();
    const graphAfter = await page.evaluate(() => (window as unknown as { orbit: OrbitHandle }).orbit.graph.nodes());
    assert.ok(!graphAfter.includes(other), `${other} is drawn as part of ${actor}, not on its own`);
    await shot('merge');
    // split them again through the page's own control
    const card = page.locator('.card', { hasText: 'Merged here' });
    await card.getByRole('button', { name: 'split' }).click();
    await card.getByLabel('Your name').fill('browser test');
    await card.getByLabel('Why').fill('undoing the test merge');
    await card.getByRole('button', { name: 'split' }).click();
    await page.locator('.card', { hasText: 'Merged here' }).waitFor({ state: 'detached' });
    const judgements = await (await page.request.get(`${base}api/judgements`)).json() as { items: { id: string; undoneAt: string | null }[] };
    assert.ok(judgements.items.find((j) => j.id === judgement.id)?.undoneAt, 'the merge is kept, marked undone');
    const healthAfter = await (await page.request.get(`${base}api/health`)).json() as { counts: { actors: number } };
    assert.equal(healthAfter.counts.actors, health.counts.actors, 'split restores the actor count');
  });

  test('exports the window as GEXF with time intervals Gephi plays', async () => {
    const href = await page.locator('#export-body a[data-format="gexf"]').getAttribute('href');
    assert.ok(href, 'the export menu links a GEXF');
    const response = await page.request.get(new URL(href!, base).href);
    assert.equal(response.status(), 200);
    const xml = await response.text();
    const gexf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).gexf;
    assert.equal(gexf.graph.mode, 'dynamic');
    const nodes = [gexf.graph.nodes.node].flat();
    const edges = [gexf.graph.edges.edge].flat();
    assert.ok(nodes.length > 0 && edges.length > 0, `${nodes.length} nodes, ${edges.length} edges`);
    const timed = edges.filter((e: Record<string, unknown>) => e.start || e.spells);
    assert.ok(timed.length > 0, 'edges carry their time intervals');
    assert.deepEqual(pageErrors, [], 'no errors in the page');
  });

  test('a capped network draws more actors on request, the cap kept in the address', async () => {
    await page.goto(`${base}#limit=10`);
    await page.reload();
    await page.locator('#graph-status').filter({ hasText: /\(the 10 most connected\)/ }).waitFor();
    assert.equal(Number(COUNT.exec(await graphStatus())![1]), 10);
    await page.locator('#show-more').click();
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('limit') === '50');
    await page.waitForFunction((pattern) => Number(new RegExp(pattern).exec(document.getElementById('graph-status')?.textContent ?? '')?.[1] ?? 0) > 10, COUNT.source);
    const [, actors] = COUNT.exec(await graphStatus())!.map(Number);
    assert.ok(actors > 10 && actors <= 50, `${actors} actors after showing more`);
    assert.equal(await page.locator('#filters-body select[name=limit]').inputValue(), '50', 'the filter menu shows the new cap');
    await settled();
    assert.deepEqual(pageErrors, [], 'no errors in the page');
  });

  test('the filters and the search reach the timeline, the map, the lists and the export menu', async () => {
    // only a relation type ticked: the network keeps its ties of that type, the event views show no events
    await page.goto(`${base}#types=funds`);
    const timelineLoaded = page.waitForResponse((r) => r.url().includes('/api/timeline') && new URL(r.url()).searchParams.get('types') === 'funds');
    await page.reload();
    await timelineLoaded;
    await page.locator('#map-status').filter({ hasText: /^0 events at 0 places/ }).waitFor();
    await page.locator('#claims-count').filter({ hasText: /^0$/ }).waitFor();
    await page.locator('#timeline-chart svg .bars').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#timeline-chart svg .bars rect').count(), 0, 'no event bars with only a relation type ticked');
    const href = (await page.locator('#export-body a[data-format="csv"]').getAttribute('href'))!;
    assert.match(href, /types=funds/);
    assert.match(await page.locator('#export-scope').textContent() ?? '', /with the filters: types funds/);
    const csv = await (await page.request.get(new URL(href, base).href)).text();
    const rows = csv.trim().split(/\r?\n/).slice(1);
    assert.ok(rows.every((row) => row.split(',')[2] === 'funds'), `the export holds the funds ties only: ${rows.slice(0, 3).join(' | ')}`);

    // the search narrows the map and the timeline as it narrows the network
    await page.goto(base);
    await page.reload();
    await page.locator('#map-status').filter({ hasText: MAP_COUNT }).waitFor();
    const all = Number(MAP_COUNT.exec(await mapStatus())![1]);
    await settled();
    const name = await page.evaluate(() => {
      const o = (window as unknown as { orbit: OrbitHandle }).orbit;
      return o.graph.getNodeAttribute(o.labels()[0], 'label') as string;
    });
    const timelineAsked = page.waitForRequest((r) => r.url().includes('/api/timeline') && new URL(r.url()).searchParams.get('q') === name);
    const mapAsked = page.waitForResponse((r) => r.url().includes('/api/map?') && new URL(r.url()).searchParams.get('q') === name);
    await page.locator('#q').fill(name);
    await timelineAsked;
    const points = await (await mapAsked).json() as { features: { properties: { count: number } }[] };
    const expected = points.features.reduce((n, f) => n + f.properties.count, 0);
    await page.locator('#map-status').filter({ hasText: new RegExp(`^${expected} events at`) }).waitFor();
    assert.ok(expected < all, `searching ${name} narrows the map from ${all} to ${expected} events`);
    const exported = new URL((await page.locator('#export-body a[data-format="gexf"]').getAttribute('href'))!, base);
    assert.equal(exported.searchParams.get('q'), name, 'the export menu takes the search');

    // a claim judged wrong: the reader says so on its sentence, and the timeline stops counting it
    const [claim] = (await (await page.request.get(`${base}api/events?limit=1&modality=asserted`)).json() as { items: { id: string; when: string; article: { id: string } }[] }).items;
    const counted = async () => ((await (await page.request.get(`${base}api/timeline?bucket=year`)).json()) as { buckets: { events: number }[] }).buckets.reduce((n, b) => n + b.events, 0);
    const before = await counted();
    const judged = await page.request.post(`${base}api/judgements`, {
      headers: { 'content-type': 'application/json' }, data: { kind: 'claim_wrong', claim: claim.id, author: 'browser test', reason: 'checking the views' },
    });
    assert.equal(judged.status(), 201, await judged.text());
    try {
      await page.goto(`${base}#article=${encodeURIComponent(claim.article.id)}`);
      await page.reload();
      await page.locator('#reader mark[title*="judged wrong"]').first().waitFor();
      assert.ok((await counted()) <= before - (claim.when ? 1 : 0), 'the timeline leaves the claim out');
    } finally {
      const { id } = await judged.json() as { id: string };
      await page.request.post(`${base}api/judgements/${id}/undo`, { headers: { 'content-type': 'application/json' }, data: { author: 'browser test' } });
    }
    assert.deepEqual(pageErrors, [], 'no errors in the page');
  });
});
