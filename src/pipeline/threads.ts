// The document components on every core: cleaned Docs go to worker threads in batches (one message
// per batch, not per Doc: structured cloning of single Docs cost more than it saved), each thread
// loads the knowledge base once and adopts the models this thread read into shared memory, and the
// Docs come back in input order, so a run on N threads stores exactly what a run on one does.
// Ingest, cleaning and dedupe stay on the main thread: dedupe compares each Doc with every one before it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Doc, type DocData, type ReleasableLayer } from '../core/doc.js';
import type { Message, Report } from '../core/messages.js';
import { shareModelFile } from '../nlp/perceptron/model-file.js';
import type { SharedModelFile } from '../nlp/perceptron/shared-models.js';

export interface ThreadOptions {
  /** Worker threads; 1 runs the components on the calling thread. */
  threads: number;
  /** Knowledge-base folders each thread loads (its default when absent). */
  kbDirs?: string[];
  /** Docs per message. */
  batchSize?: number;
  /** Docs longer than this (characters) are read on the calling thread; LARGE_DOC by default. */
  largeDoc?: number;
  /** Receives the messages the components reported on a thread, as each batch comes back. */
  report: Report;
  /** Layers each thread drops from a Doc before sending it back. */
  release?: readonly ReleasableLayer[];
  /** Model files the components read: read once here, in shared memory, and handed to every thread. */
  models?: readonly string[];
}

/** The components over one Doc: the Doc, or null when a component failed (and said so in a message). */
export type RunOne = (doc: Doc, report: Report) => Doc | null;

/** What a pipeline thread is started with. */
export interface ThreadData {
  kbDirs?: string[];
  release: readonly ReleasableLayer[];
  models: Record<string, SharedModelFile>;
}

/** Messages between the main thread and a worker (src/pipeline/thread-worker.ts). */
export type ToWorker = { batch: number; docs: DocData[] } | { stop: true };
export type FromWorker =
  | { ready: true }
  | { batch: number; docs: DocData[]; reported: Message[] }
  | { batch: number; error: string };

export const DEFAULT_BATCH = 16;
/** A batch closes at this many characters too, so a batch of long Docs stays small in a thread's heap. */
export const BATCH_CHARS = 400_000;
/** Old-generation heap of one pipeline thread, in MB: its models and caches live in about 200. */
export const THREAD_HEAP_MB = 768;
/**
 * A Doc longer than this (characters) is read on the calling thread, whose heap is not capped. Few
 * are (cleaning splits a page of many stories): a lower bound had the main thread load every model
 * for the handful of 200,000-character Docs in the Tehran Times crawl, 200 MB of its peak memory.
 */
export const LARGE_DOC = 1_000_000;

/** The default --threads: every core the process may use. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A --threads value: a positive whole number, or an error naming it. */
export function parseThreads(value: string | undefined): number {
  if (value === undefined) return defaultThreads();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--threads ${value}: give a whole number from 1 to 256`);
  return n;
}

/**
 * Runs `runBatch` (the components, in a worker) over the Docs, at most 2 batches in flight per
 * thread so memory stays bounded whatever the input's size, and yields the Docs in input order.
 * A run too small to fill two batches is done on this thread: starting threads would cost more.
 */
export async function* runInThreads(
  docs: AsyncIterable<Doc>, options: ThreadOptions, runHere: RunOne,
): AsyncGenerator<Doc> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const iterator = docs[Symbol.asyncIterator]();
  const first: Doc[] = [];
  let ended = false;
  while (first.length < 2 * batchSize) {
    const next = await iterator.next();
    if (next.done) { ended = true; break; }
    first.push(next.value);
  }
  if (ended || options.threads <= 1) {
    const here = (doc: Doc) => runHere(doc, options.report);
    for (const doc of first) { const done = here(doc); if (done) yield done; }
    if (!ended) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) { const done = here(next.value); if (done) yield done; }
    }
    return;
  }

  const pool = new WorkerPool(options.threads, { kbDirs: options.kbDirs, release: options.release ?? [], models: Object.fromEntries((options.models ?? []).map((path) => [path, shareModelFile(path)])) }, options.report);
  try {
    const pending: Promise<Doc[]>[] = [];
    const maxInFlight = 2 * options.threads;
    let batch: Doc[] = [];
    let batchChars = 0;
    const input = (async function* () {
      yield* first;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })();
    for await (const doc of input) {
      if (doc.text.length > (options.largeDoc ?? LARGE_DOC)) {
        // in order: what came before it first, then it, read here
        if (batch.length) pending.push(pool.run(batch));
        batch = [];
        batchChars = 0;
        while (pending.length) yield* await pending.shift()!;
        const done = runHere(doc, options.report);
        if (done) yield done;
        continue;
      }
      batch.push(doc);
      batchChars += doc.text.length;
      if (batch.length < batchSize && batchChars < BATCH_CHARS) continue;
      pending.push(pool.run(batch));
      batch = [];
      batchChars = 0;
      // the oldest batch is yielded first, whichever thread finishes first: order is the input's
      while (pending.length >= maxInFlight) yield* await pending.shift()!;
    }
    if (batch.length) pending.push(pool.run(batch));
    while (pending.length) yield* await pending.shift()!;
  } finally {
    await pool.close();
  }
}

interface Job {
  id: number;
  docs: Doc[];
  resolve: (docs: Doc[]) => void;
  reject: (error: Error) => void;
}

/** Worker threads taking batches from one queue; a thread that dies fails its batch and the run. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private failure: Error | null = null;
  private nextId = 0;

  private closing = false;

  constructor(size: number, workerData: ThreadData, private readonly report: Report) {
    const url = new URL('./thread-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      // A cap on each thread's heap makes V8 collect before it grows far (without one, two threads
      // reached 1.4 GB on 3,000 articles); what a thread keeps between batches is its models and
      // caches, well under it, and a Doc too large for it is read on the calling thread instead.
      const worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
      this.workers.push(worker);
      worker.on('message', (message: FromWorker) => this.received(worker, message));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => { if (code !== 0) this.fail(worker, new Error(`a pipeline thread exited with code ${code}`)); });
    }
  }

  run(docs: Doc[]): Promise<Doc[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, docs, resolve, reject });
      this.dispatch();
    });
  }

  private received(worker: Worker, message: FromWorker): void {
    if ('ready' in message) {
      this.idle.push(worker);
    } else {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (job) {
        if ('error' in message) {
          job.reject(new Error(message.error));
        } else {
          message.reported.forEach(this.report);
          job.resolve(message.docs.map((d) => Doc.from(d)));
        }
      }
    }
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      const message: ToWorker = { batch: job.id, docs: job.docs };
      worker.postMessage(message);
    }
  }

  private fail(worker: Worker, error: Error): void {
    if (this.closing) return;
    this.failure ??= error;
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
