// What `npm start` shows a newcomer, in a real browser: the demo corpus ingested with the real CLI,
// `orbit serve` started on a free port, and web/ driven through Debian's Chromium (playwright-core
// drives it; no browser is downloaded). Skips with a one-line reason where Chromium is not installed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const WAIT = 20_000;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const orbit = join(root, 'bin', 'orbit.js');
const skip = existsSync(CHROMIUM) ? false : `Chromium not installed (${CHROMIUM}): .ci/run installs it`;

/** The network panel's status line: "66 actors, 132 ties" (and more after it). */
const COUNT = /^(\d+) actors, (\d+) ties/;

describe('the web app on the demo corpus', { skip }, () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** Uncaught exceptions and console errors in the page, reported by the last test. */
  const pageErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbit-browser-'));
    const db = join(dir, 'demo.db');
    // like scripts/start.js, an ingest that reports a bad input (exit 1) still serves what it read
    const ingest = spawnSync(process.execPath, [orbit, 'ingest', join(root, 'corpus', 'demo'), '--db', db], { encoding: 'utf8', timeout: WAIT * 3 });
    assert.ok(ingest.status === 0 || ingest.status === 1, `orbit ingest failed (${ingest.status ?? ingest.signal}): ${ingest.stderr}`);

    const child = spawn(process.execPath, [orbit, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
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

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: WAIT,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      // the server has no favicon; the browser asks anyway
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) pageErrors.push(`console: ${message.text()}`);
    });
    await page.goto(url);
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

  test('draws the actor network and says how large it is', async () => {
    await page.locator('#graph-status').filter({ hasText: COUNT }).waitFor();
    const [, actors, ties] = COUNT.exec(await graphStatus())!.map(Number);
    assert.ok(actors > 0 && ties > 0, `network of ${actors} actors and ${ties} ties`);
    const canvas = page.locator('#cy canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, `network canvas is ${box?.width}×${box?.height}`);
    assert.match(await page.locator('#counts').innerText(), /^[1-9]\d* articles · [1-9]\d* actors · [1-9]\d* events · \d+ relations$/);
  });

  test('lists events and articles', async () => {
    await page.locator('#claims > li').first().waitFor();
    await page.locator('#articles > li').first().waitFor();
    assert.equal(await page.locator('#claims-title').textContent(), 'Events');
    assert.match(await page.locator('#claims-count').innerText(), /^(\d+ of )?[1-9]\d*$/);
    assert.match(await page.locator('#articles-count').innerText(), /^(\d+ of )?[1-9]\d*$/);
    assert.ok(await page.locator('#articles > li .title').first().innerText(), 'the first article has a title');
  });

  test('clicking the first event marks its evidence sentence inside the article', async () => {
    const first = page.locator('#claims > li').first();
    const sentence = (await first.locator('.sentence').innerText()).trim();
    assert.ok(sentence, 'the first event shows its evidence sentence');
    await first.click();
    const mark = page.locator('#reader .article-text mark.focus');
    await mark.waitFor();
    assert.equal(await mark.count(), 1);
    assert.equal((await mark.innerText()).replace(/\s+/g, ' ').trim(), sentence.replace(/\s+/g, ' '));
    const inView = await mark.evaluate((node) => {
      const box = node.getBoundingClientRect();
      const reader = document.getElementById('reader')!.getBoundingClientRect();
      return box.height > 0 && box.top >= Math.max(0, reader.top) && box.bottom <= Math.min(innerHeight, reader.bottom);
    });
    assert.ok(inView, 'the marked sentence is scrolled into view');
    assert.ok(await page.locator('#reader h3').innerText(), 'the reader shows the article title');
    assert.ok(await page.locator('#reader p.claim').innerText(), 'the reader says which claim is marked');
    assert.equal(await first.getAttribute('class'), 'active');
    assert.match(new URL(page.url()).hash, /article=[^&]+&span=\d+-\d+/);
  });

  test('a date window redraws the network and narrows the lists', async () => {
    const before = await graphStatus();
    const eventsBefore = await page.locator('#claims-count').innerText();
    await page.locator('#from').fill('2020-01-01');
    await page.locator('#to').fill('2020-12-31');
    await page.waitForFunction(
      ([pattern, old]) => {
        const text = document.getElementById('graph-status')?.textContent ?? '';
        return new RegExp(pattern).test(text) && text !== old;
      },
      [COUNT.source, before] as const,
      { timeout: WAIT },
    );
    const [, actors, ties] = COUNT.exec(await graphStatus())!.map(Number);
    assert.ok(actors > 0 && ties > 0, `2020 has a network: ${await graphStatus()}`);
    await page.waitForFunction((old) => document.getElementById('claims-count')?.textContent !== old, eventsBefore, { timeout: WAIT });
    const dates = await page.locator('#claims > li .date').allInnerTexts();
    assert.ok(dates.length > 0, 'events in 2020');
    assert.deepEqual(dates.filter((date) => !date.startsWith('2020')), [], 'every event listed happened in 2020');
    assert.match(new URL(page.url()).hash, /from=2020-01-01&to=2020-12-31/);
    if (process.env.ORBIT_SCREENSHOT) await page.screenshot({ path: process.env.ORBIT_SCREENSHOT });
    assert.deepEqual(pageErrors, [], 'no errors in the page');
  });
});
