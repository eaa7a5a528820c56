// One worker: takes batches of cleaned Docs off the queue, runs the document components on each and
// saves it. A batch is finished only when every article in it is saved; a store failure fails the
// batch, so the queue retries it (later, or on another worker) instead of losing it.
import type PgBoss from 'pg-boss';
import { Doc } from '../core/doc.js';
import type { Message } from '../core/messages.js';
import type { KnowledgeBase } from '../kb/index.js';
import { createPipeline } from '../pipeline/component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from '../pipeline/components.js';
import { runDocument } from '../pipeline/run-document.js';
import type { Store } from '../store/index.js';
import { QUEUE, type ArticleBatch } from './jobs.js';

export interface WorkerTally {
  batches: number;
  articles: number;
  failedBatches: number;
}

export interface WorkerHooks {
  report?: (message: Message) => void;
  /** After each batch, done or failed. */
  progress?: (tally: Readonly<WorkerTally>) => void;
}

export async function startWorker(boss: PgBoss, store: Store, kb: KnowledgeBase, hooks: WorkerHooks = {}): Promise<WorkerTally> {
  const pipeline = createPipeline(DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb });
  const report = hooks.report ?? (() => {});
  const tally: WorkerTally = { batches: 0, articles: 0, failedBatches: 0 };
  await boss.work<ArticleBatch>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    try {
      for (const data of job.data.docs) {
        const doc = runDocument(pipeline, Doc.from(data), report);
        // an article a component chokes on is reported and skipped, as in a local ingest
        if (doc) await store.saveArticle(doc);
        tally.articles += 1;
      }
      tally.batches += 1;
    } catch (error) {
      tally.failedBatches += 1;
      throw error; // pg-boss marks the job for retry
    } finally {
      hooks.progress?.(tally);
    }
  });
  return tally;
}
