// orbit serve [--db FILE] [--port N] [--host H] [--allow-edits]: the API and the web app over a store made by ingest.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openStore } from '../store/index.js';
import { createServer } from '../server/index.js';
import { storePath } from './ingest.js';

const HELP = `usage: orbit serve [--db FILE-OR-URL] [--port N] [--host H] [--allow-edits]

Serves the web app and the JSON API (/api/health, /api/actors, /api/events, /api/graph, /api/articles,
/api/search, /api/judgements) over a store made by 'orbit ingest'. Defaults: --db $ORBIT_DB or
.orbit/orbit.db in the checkout (the store npm start makes), --port 4173, --host 127.0.0.1 (this
machine only). --allow-edits takes analysts' judgements (mark a claim wrong, merge or split actors,
add an alias) through POST /api/judgements; without it the server is read-only.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' }, port: { type: 'string', default: '4173' }, host: { type: 'string', default: '127.0.0.1' },
      'allow-edits': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return void process.stderr.write(`orbit serve: --port must be a number from 0 to 65535, not '${values.port}'\n`), 2;
  }
  const file = storePath(values.db);
  if (!isPostgresUrl(file) && !existsSync(file)) {
    return void process.stderr.write(`orbit serve: no store at ${file}: run orbit ingest first (orbit ingest <inputs> --db ${file})\n`), 1;
  }

  const store = await openStore(file);
  const allowEdits = values['allow-edits'] ?? false;
  const server = createServer(store, { allowEdits });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, values.host, resolve);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await store.close();
    throw new Error(error.code === 'EADDRINUSE' ? `port ${port} on ${values.host} is in use; try --port` : error.message);
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  const counts = await store.stats();
  process.stdout.write(`Orbit is serving ${store.location} (${counts.articles} articles, ${counts.events} events${allowEdits ? ', edits on' : ''}) at http://${values.host.includes(":") ? `[${values.host}]` : values.host}:${shown}/\n`);

  // serve until interrupted, then close the store so its WAL is folded back into the file
  return new Promise<number>((resolve) => {
    const stop = () => server.close(() => {
      void store.close().then(() => resolve(0));
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
