// The shared ingest queue of a team: pg-boss on the team's PostgreSQL store. `orbit ingest --queue`
// reads, cleans and dedupes the inputs (cheap, and dedupe needs every article before it in one place,
// so the result is the same as one machine's), then enqueues the cleaned Docs in batches; `orbit
// worker` on any machine takes a batch, runs the document components and saves each article.
// Delivery is at least once: a worker killed mid-batch leaves the job to expire and be retried, and a
// save is idempotent (an article is replaced whole, by its stable id), so each is stored exactly once.
import PgBoss from 'pg-boss';
import type { DocData } from '../core/doc.js';
import { redactUrl } from '../store/postgres.js';

export const QUEUE = 'orbit-articles';
export const JOB_BATCH = 16;

export interface ArticleBatch {
  /** The input the batch came from, for messages. */
  uri: string;
  docs: DocData[];
}

export interface QueueOptions {
  /** Seconds a worker may hold a batch before it counts as lost and is retried. */
  jobTimeout?: number;
  /** Seconds between the queue's checks for lost batches (pg-boss maintenance). */
  checkEvery?: number;
}

export async function startQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    maintenanceIntervalSeconds: options.checkEvery ?? 30,
    // the queue keeps finished jobs a day for `orbit status`, then drops them
    deleteAfterDays: 1,
  });
  // a lost connection (PostgreSQL restarting) is reported by pg-boss as an event and retried by it
  boss.on('error', (error) => process.stderr.write(`orbit queue: ${error.message}\n`));
  try {
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: 5,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: options.jobTimeout ?? 300,
    });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new Error(`cannot reach the queue at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  return boss;
}

export async function enqueue(boss: PgBoss, batch: ArticleBatch, options: QueueOptions = {}): Promise<void> {
  await boss.send(QUEUE, batch, { expireInSeconds: options.jobTimeout ?? 300 });
}

export interface QueueCounts {
  waiting: number;
  retrying: number;
  active: number;
  done: number;
  failed: number;
}

/** Jobs by state, read off pg-boss's job table. */
export async function queueCounts(boss: PgBoss): Promise<QueueCounts> {
  const db = boss.getDb();
  const { rows } = (await db.executeSql(
    `SELECT state, COUNT(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state`, [QUEUE],
  )) as { rows: { state: string; n: number }[] };
  const n = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return { waiting: n('created'), retrying: n('retry'), active: n('active'), done: n('completed'), failed: n('failed') };
}
