// Article text is untrusted: a story holding <script>, onerror= and onload= must show them as text in
// every view (lists, reader, evidence), run nothing, and add no element. Real Chromium, real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const orbit = join(root, 'bin', 'orbit.js');
const skip = existsSync(CHROMIUM) ? false : `Chromium not installed (${CHROMIUM}): .ci/run installs it`;

const HOSTILE = {
  title: 'Strike <img src=x onerror="window.__pwned=1"> near Baghdad',
  publishedAt: '2020-01-05',
  text: [
    'US forces struck Kataib Hezbollah positions near Baghdad on Sunday <img src=x onerror="window.__pwned=2">, the Pentagon said.',
    'Kataib Hezbollah threatened to retaliate against US forces in Iraq. <script>window.__pwned=3</script>',
    'Iraqi Prime Minister Adel Abdul Mahdi condemned the strike <svg onload="window.__pwned=4"></svg> as a violation of sovereignty.',
  ].join('\n\n'),
};

test('markup in an article shows as text and runs nothing', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-escape-'));
  const input = join(dir, 'hostile.jsonl');
  writeFileSync(input, JSON.stringify(HOSTILE) + '\n');
  const db = join(dir, 'hostile.db');
  assert.equal(spawnSync(process.execPath, [orbit, 'ingest', input, '--db', db], { encoding: 'utf8' }).status, 0);
  const server = spawn(process.execPath, [orbit, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk) => {
        out += chunk;
        const found = /http:\/\/\S+\//.exec(out);
        if (found) resolve(found[0]);
      });
      server.once('exit', (code) => reject(new Error(`orbit serve exited with ${code}: ${out}`)));
    });
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    await page.locator('#articles > li').first().waitFor();
    await page.locator('#claims > li').first().waitFor();
    assert.match(await page.locator('#articles > li .title').first().innerText(), /Strike <img src=x onerror="window.__pwned=1"> near Baghdad/);
    await page.locator('#claims > li').first().click();
    await page.locator('#reader .article-text').waitFor();
    const reader = await page.locator('#reader').innerText();
    assert.match(reader, /<script>window\.__pwned=3<\/script>/);
    assert.match(reader, /<svg onload="window\.__pwned=4"><\/svg>/);
    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      elements: document.querySelectorAll('#articles img, #claims img, #reader img, #reader script, #reader svg, #claims svg').length,
    }));
    assert.deepEqual(injected, { pwned: null, elements: 0 });
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
