// orbit status [--db FILE-OR-URL]: what the store holds and, for a PostgreSQL store, the shared queue.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openStore } from '../store/index.js';
import { queueCounts, startQueue } from '../queue/jobs.js';
import { storePath } from './ingest.js';

const HELP = `usage: orbit status [--db FILE-OR-URL] [--json]

Prints how many articles, actors, events and relations the store holds, and for a PostgreSQL store
its queue: batches waiting, being read, retried, done and failed.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  const location = storePath(values.db);
  if (!isPostgresUrl(location) && !existsSync(location)) return void process.stderr.write(`orbit status: no store at ${location}\n`), 1;
  const store = await openStore(location);
  try {
    const stats = await store.stats();
    let queue = null;
    if (store.kind === 'postgres') {
      const boss = await startQueue(location);
      try {
        queue = await queueCounts(boss);
      } finally {
        await boss.stop({ graceful: false });
      }
    }
    if (values.json) {
      process.stdout.write(JSON.stringify({ store: store.location, ...stats, queue }, null, 2) + '\n');
    } else {
      const lines = [
        `store ${store.location}`,
        `  articles   ${stats.articles} (${stats.duplicates} duplicates)`,
        `  actors     ${stats.actors}`,
        `  events     ${stats.events}`,
        `  relations  ${stats.relations}`,
        `  dates      ${stats.firstDate ?? '?'} to ${stats.lastDate ?? '?'}`,
      ];
      if (queue) lines.push(`queue (batches of articles)`, `  waiting ${queue.waiting} · being read ${queue.active} · to retry ${queue.retrying} · done ${queue.done} · failed ${queue.failed}`);
      process.stdout.write(lines.join('\n') + '\n');
    }
    return 0;
  } finally {
    await store.close();
  }
}
