// The analyst's edits over HTTP: judgements listed, made and undone. Reading is always open; writing
// only when the server runs with --allow-edits, and only with a JSON body (content-type
// application/json, which a cross-site HTML form cannot send without a CORS preflight this server
// never answers), capped in size.
import type http from 'node:http';
import { JudgementError, type Store } from '../store/index.js';
import type { Judgement, NewJudgement, Undo } from '../store/types.js';
import { HttpError, integer } from './params.js';
import type { Router, PathParams } from './router.js';

export type EditHandler = (params: PathParams, query: URLSearchParams, body?: unknown) => Promise<unknown>;

/** Largest POST body taken. */
export const MAX_BODY_BYTES = 16 * 1024;

export const EDITS_OFF = 'edits are off: start the server with orbit serve --allow-edits';

/** A response with another status than 200 (201 for what was made). */
export class Reply {
  constructor(readonly status: number, readonly body: unknown) {}
}

/** The POST body as JSON: 403 when edits are off, 415 unless JSON, 413 when over MAX_BODY_BYTES, 400 when malformed. */
export async function readJsonBody(req: http.IncomingMessage, allowEdits: boolean): Promise<unknown> {
  if (!allowEdits) throw new HttpError(403, EDITS_OFF);
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, `the body must be JSON with content-type: application/json, not '${type || 'none'}'`);
  }
  const tooLarge = () => new HttpError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}

const asObject = (body: unknown): Record<string, unknown> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object');
  return body as Record<string, unknown>;
};

/** A store refusal as the HTTP error naming the field. */
async function judged<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof JudgementError) throw new HttpError(error.status, error.message, error.field ?? undefined);
    throw error;
  }
}

/** GET /api/judgements, POST /api/judgements, POST /api/judgements/:id/undo. */
export function judgementRoutes<H extends EditHandler>(store: Store, router: Router<H>): Router<H> {
  const routes = router as unknown as Router<EditHandler>;
  routes
    .get('/api/judgements', async (_, query) => store.listJudgements({
      limit: integer(query, 'limit', 0, 1000),
      offset: integer(query, 'offset', 0, Number.MAX_SAFE_INTEGER),
    }))
    .add('POST', '/api/judgements', async (_, __, body) =>
      new Reply(201, await judged<Judgement>(store.addJudgement(asObject(body) as unknown as NewJudgement))))
    .add('POST', '/api/judgements/:id/undo', async ({ id }, __, body) => {
      const undone = await judged(store.undoJudgement(id, asObject(body) as unknown as Undo));
      if (!undone) throw new HttpError(404, `no judgement with id '${id}'`);
      return undone;
    });
  return router;
}
