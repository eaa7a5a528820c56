// orbit worker --db postgres://...: read the articles others enqueued (orbit ingest --queue) into the
// shared store, until stopped (Ctrl-C, SIGTERM) or, with --exit-when-idle, until the queue is empty.
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../kb/index.js';
import { isPostgresUrl, openStore } from '../store/index.js';
import { queueCounts, startQueue } from '../queue/jobs.js';
import { startWorker } from '../queue/worker.js';
import { storePath } from './ingest.js';
import { messagePrinter } from './output.js';

const HELP = `usage: orbit worker --db postgres://user@host:port/db [--kb DIR] [--exit-when-idle]

Takes batches of articles that 'orbit ingest --queue' put on the store's queue, reads them (tagger,
parser, NER, events, relations) and saves them. Start one per core, on any number of machines; a
worker that dies leaves its batch to be retried by another. --exit-when-idle stops once nothing is
waiting or running.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' }, kb: { type: 'string', multiple: true }, 'exit-when-idle': { type: 'boolean' },
      'check-every': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  const url = storePath(values.db);
  if (!isPostgresUrl(url)) return void process.stderr.write(`orbit worker: the queue lives in a PostgreSQL store; give --db postgres://... (not ${url})\n`), 2;

  // pg-boss's own bookkeeping (failing a job, fetching the next) can reject outside any handler when
  // PostgreSQL cuts its connections (a restart): that is an outage to ride out, not a reason to die;
  // the pool reconnects and the job's lease expires into a retry. Anything else still ends the worker.
  process.on('unhandledRejection', (reason) => {
    if (!isConnectionLoss(reason)) throw reason;
    process.stderr.write(`orbit worker: lost the connection to the store (${(reason as Error).message}); going on\n`);
  });
  const kb = loadKnowledgeBase(values.kb);
  const store = await openStore(url);
  const boss = await startQueue(url, { checkEvery: values['check-every'] ? Number(values['check-every']) : undefined });
  const printer = messagePrinter(process.stderr);
  const tally = await startWorker(boss, store, kb, { report: printer.print });
  process.stderr.write(`orbit worker: reading the queue of ${store.location}\n`);

  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (values['exit-when-idle']) {
      const timer = setInterval(async () => {
        const counts = await queueCounts(boss).catch(() => null);
        if (counts && counts.waiting + counts.retrying + counts.active === 0) {
          clearInterval(timer);
          resolve();
        }
      }, 1000);
    }
  });
  await stopped;
  // finish the batch in hand, then stop taking more
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
  await store.close();
  process.stdout.write(`orbit worker: ${tally.articles} articles in ${tally.batches} batches${tally.failedBatches ? `, ${tally.failedBatches} batches failed (left to retry)` : ''}\n`);
  return 0;
}

/** PostgreSQL's "the server cut this connection" errors (class 08, admin shutdown 57P01) and the socket's own. */
function isConnectionLoss(reason: unknown): boolean {
  const code = (reason as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code);
}
