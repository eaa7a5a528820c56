// URLs are fetched from a server on the loopback address that this test starts and stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fixture, readAll } from './helpers.js';

async function serve(routes: Record<string, { type: string; body: string | Buffer; status?: number }>): Promise<{ server: Server; base: string; agents: string[] }> {
  const agents: string[] = [];
  const server = createServer((req, res) => {
    agents.push(String(req.headers['user-agent']));
    const route = routes[req.url ?? ''];
    if (!route) return res.writeHead(404, 'Not Found').end('nope');
    res.writeHead(route.status ?? 200, { 'Content-Type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, agents };
}

test('URLs: the content type decides html, text or feed; HTTP errors are reported', async () => {
  const rss = await readFile(fixture('feed.rss'));
  const { server, base, agents } = await serve({
    '/page': { type: 'text/html; charset=utf-8', body: '<html><body><p>Hello</p></body></html>' },
    '/plain': { type: 'text/plain', body: 'Rockets hit the base, officials said.' },
    '/feed': { type: 'application/rss+xml', body: rss },
    '/xml': { type: 'application/xml', body: rss },
  });
  try {
    const { pages, diagnostics } = await readAll([`${base}/page`, `${base}/plain`, `${base}/feed`, `${base}/xml`, `${base}/missing`]);
    assert.deepEqual(pages.map((p) => p.format), ['html', 'text', 'html', 'text', 'html', 'text']);
    assert.equal(pages[0].uri, `${base}/page`);
    assert.equal(pages[0].url, `${base}/page`);
    assert.equal(pages[2].url, 'https://herald.example/2024/01/16/recall');
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [{ id: 'ingest.fetch-failed', component: 'ingest', severity: 'error', uri: `${base}/missing`, reason: 'HTTP 404 Not Found' }]);
    assert.ok(agents.every((a) => a.startsWith('Orbit/')));
  } finally {
    server.close();
  }
});

test('an unreachable URL is reported', async () => {
  // Port 9 (discard) on the loopback address: nothing listens there.
  const { pages, diagnostics } = await readAll(['http://127.0.0.1:9/x']);
  assert.equal(pages.length, 0);
  assert.match(diagnostics[0].reason, /^fetch failed/);
});
