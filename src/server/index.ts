// The HTTP server: the JSON API under /api/, the web app everywhere else. Errors are JSON too:
// 400 names the bad parameter, 404 the unknown id or route, 500 is logged and kept vague.
import http from 'node:http';
import type { Store } from '../store/index.js';
import { apiRoutes } from './api.js';
import { Download } from './download.js';
import { readJsonBody, Reply } from './api-edits.js';
import { HttpError } from './params.js';
import { defaultWebRoot, staticFile } from './static.js';
import { DEFAULT_RATE_LIMIT, rateLimiter, type RateLimit } from './rate-limit.js';

export interface ServerOptions {
  /** Folder of the web app; the checkout's web/ by default. */
  webRoot?: string;
  /** Where unexpected errors are logged. */
  log?: (message: string) => void;
  /** API requests per client address (429 beyond it). */
  rateLimit?: RateLimit;
  /** Take analysts' judgements (POST /api/judgements...); off by default, so a server is read-only. */
  allowEdits?: boolean;
}

// article text is untrusted: even if some of it reached the DOM unescaped, no script from elsewhere could run
const PAGE_HEADERS = {
  // MapLibre and ForceAtlas2 run their workers from blob: URLs; MapLibre decodes images through blob: too
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; child-src blob:; object-src 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache', ...PAGE_HEADERS, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * A frozen answer cannot change, so its text is made once: the store keeps its last graphs frozen
 * (src/store/graph.ts), and a graph asked for again is a megabyte not serialised again. Kept as a string,
 * not a Buffer: retained Buffers are memory outside the heap whose pressure made the other requests'
 * collections slower (p95 of graphs not kept 20 -> 48 ms, by hand on the bench store).
 */
const serialised = new WeakMap<object, string>();

export function jsonText(value: unknown): string {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = serialised.get(value);
  if (text === undefined) serialised.set(value, (text = JSON.stringify(value)));
  return text;
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, headers?: Record<string, string>) {
  send(res, status, jsonText(value), 'application/json; charset=utf-8', headers);
}

export function createServer(store: Store, options: ServerOptions = {}): http.Server {
  const allowEdits = options.allowEdits ?? false;
  const api = apiRoutes(store, { edits: allowEdits });
  const webRoot = options.webRoot ?? defaultWebRoot();
  const log = options.log ?? ((message) => process.stderr.write(message + '\n'));
  const limiter = rateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const wait = limiter.take(req.socket.remoteAddress ?? '?');
      if (wait) return sendJson(res, 429, { error: `too many requests; try again in ${wait} s` }, { 'retry-after': String(wait) });
      const route = api.match(req.method ?? 'GET', url.pathname);
      if (route.kind === 'found') {
        const body = req.method === 'POST' ? await readJsonBody(req, allowEdits) : undefined;
        const answer = await route.handler(route.params, url.searchParams, body);
        if (answer instanceof Download) return send(res, 200, answer.body, answer.contentType, answer.headers);
        return answer instanceof Reply ? sendJson(res, answer.status, answer.body) : sendJson(res, 200, answer);
      }
      if (route.kind === 'method-not-allowed') {
        return sendJson(res, 405, { error: `${req.method} is not allowed here` }, { allow: route.allowed.join(', ') });
      }
      throw new HttpError(404, `no route ${url.pathname}`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { error: `${req.method} is not allowed here` }, { allow: 'GET, HEAD' });
    }
    const file = await staticFile(webRoot, decodeURIComponent(url.pathname));
    if (!file) throw new HttpError(404, `no file ${url.pathname}`);
    send(res, 200, file.body, file.type);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // a body refused unread (413) is not drained: the connection closes after the answer
        const close: Record<string, string> = error.status === 413 ? { connection: 'close' } : {};
        return sendJson(res, error.status, { error: error.message, ...(error.parameter ? { parameter: error.parameter } : {}) }, close);
      }
      if (error instanceof URIError) return sendJson(res, 400, { error: 'malformed URL' });
      log(`orbit serve: ${req.method} ${req.url}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  // a client that sends its request slowly (or never) is cut off instead of holding a connection
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Node answers a request whose headers or URL overflow its limit with a bare 431 and no body; say why.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, `the request's URL and headers are over ${Math.round(http.maxHeaderSize / 1024)} KB; shorten the query`]
      : [400, 'malformed HTTP request'];
    const body = JSON.stringify({ error: reason });
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return server;
}
