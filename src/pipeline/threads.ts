// Cleaning and the document components on every core: pages, then cleaned Docs, go to worker threads
// in batches (one message per batch, not per page or Doc: structured cloning of single Docs cost more
// than it saved), each thread loads the knowledge base once and adopts the models this thread read
// into shared memory, and everything comes back in input order, so a run on N threads stores exactly
// what a run on one does. Reading, numbering and dedupe stay on the main thread: the batch's chrome
// counts and dedupe compare each page or Doc with every one before it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Doc, type DocData, type ReleasableLayer } from '../core/doc.js';
import type { Message, Report } from '../core/messages.js';
import { shareModelFile } from '../nlp/perceptron/model-file.js';
import type { SharedModelFile } from '../nlp/perceptron/shared-models.js';
import type { ChromePage } from '../clean/chrome-batch.js';
import type { CleanedPageResult } from './clean-inputs.js';

export interface ThreadOptions {
  /** Worker threads; 1 runs the components on the calling thread. */
  threads: number;
  /** Knowledge-base folders each thread loads (its default when absent). */
  kbDirs?: string[];
  /** Docs per message. */
  batchSize?: number;
  /** Docs longer than this (characters) are read on the calling thread; LARGE_DOC by default. */
  largeDoc?: number;
  /** Pages longer than this (characters) are cleaned on the calling thread; LARGE_PAGE by default. */
  largePage?: number;
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
export type ToWorker = { batch: number; docs: DocData[] } | { batch: number; pages: ChromePage[] } | { stop: true };
export type FromWorker =
  | { ready: true }
  | { batch: number; docs: DocData[]; reported: Message[] }
  | { batch: number; cleaned: CleanedPageResult[] }
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
/** A page longer than this (characters) is cleaned on the calling thread (a 100 MB dump would not fit a thread's heap). */
export const LARGE_PAGE = 4_000_000;

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
 * Cleaning, dedupe and the components over every page, with cleaning and the components on the
 * threads: pages go out in batches to be cleaned, come back in input order to be numbered and
 * deduped here (`afterClean`), and the Docs go out again in batches for the components. One pool
 * serves both; a stage too small to fill two batches is done on this thread (starting threads would
 * cost more), and so is a page or Doc too large for a thread's heap.
 */
export async function* runInThreads(
  pages: AsyncIterable<ChromePage>,
  options: ThreadOptions,
  steps: {
    cleanHere: (page: ChromePage) => CleanedPageResult;
    afterClean: (cleaned: AsyncIterable<CleanedPageResult>) => AsyncIterable<Doc>;
    runHere: RunOne;
  },
): AsyncGenerator<Doc> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let pool: WorkerPool | null = null;
  const startPool = () => (pool ??= new WorkerPool(options.threads, {
    kbDirs: options.kbDirs,
    release: options.release ?? [],
    models: Object.fromEntries((options.models ?? []).map((path) => [path, shareModelFile(path)])),
  }, options.report));
  const maxInFlight = 2 * options.threads;
  try {
    const cleaned = inOrder(pages, {
      threads: options.threads, batchSize, maxInFlight,
      chars: (p) => p.page.content.length,
      large: options.largePage ?? LARGE_PAGE,
      here: (p) => [steps.cleanHere(p)],
      run: (batch) => startPool().clean(batch),
    });
    yield* inOrder(steps.afterClean(cleaned), {
      threads: options.threads, batchSize, maxInFlight,
      chars: (doc) => doc.text.length,
      large: options.largeDoc ?? LARGE_DOC,
      here: (doc) => { const done = steps.runHere(doc, options.report); return done ? [done] : []; },
      run: (batch) => startPool().run(batch),
    });
  } finally {
    await (pool as WorkerPool | null)?.close();
  }
}

interface OrderedStage<T, R> {
  threads: number;
  batchSize: number;
  maxInFlight: number;
  chars: (item: T) => number;
  /** Items longer than this are done here. */
  large: number;
  here: (item: T) => R[];
  run: (batch: T[]) => Promise<R[]>;
}

/**
 * Maps items through a thread a batch at a time (a batch closes at `batchSize` items or BATCH_CHARS),
 * at most `maxInFlight` batches pending so memory stays bounded whatever the input's size, and yields
 * the results in input order, whichever thread finishes first.
 */
async function* inOrder<T, R>(items: AsyncIterable<T>, stage: OrderedStage<T, R>): AsyncGenerator<R> {
  const iterator = items[Symbol.asyncIterator]();
  const first: T[] = [];
  let ended = false;
  while (first.length < 2 * stage.batchSize) {
    const next = await iterator.next();
    if (next.done) { ended = true; break; }
    first.push(next.value);
  }
  if (ended || stage.threads <= 1) {
    for (const item of first) yield* stage.here(item);
    if (!ended) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield* stage.here(next.value);
    return;
  }
  const all = (async function* () {
    yield* first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  const pending: Promise<R[]>[] = [];
  let batch: T[] = [];
  let batchChars = 0;
  const send = () => {
    if (batch.length) pending.push(stage.run(batch));
    batch = [];
    batchChars = 0;
  };
  for await (const item of all) {
    const chars = stage.chars(item);
    if (chars > stage.large) {
      // in its place: the batch before it goes first, it is done here while the threads work
      send();
      pending.push(Promise.resolve(stage.here(item)));
    } else {
      batch.push(item);
      batchChars += chars;
      if (batch.length >= stage.batchSize || batchChars >= BATCH_CHARS) send();
    }
    while (pending.length >= stage.maxInFlight) yield* await pending.shift()!;
  }
  send();
  while (pending.length) yield* await pending.shift()!;
}

interface Job {
  message: ToWorker & { batch: number };
  resolve: (reply: FromWorker) => void;
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

  /** The components over a batch of Docs, on a thread. */
  async run(docs: Doc[]): Promise<Doc[]> {
    const reply = await this.send({ batch: this.nextId++, docs });
    if (!('docs' in reply)) throw new Error('a pipeline thread answered a batch of Docs with something else');
    reply.reported.forEach(this.report);
    return reply.docs.map((d) => Doc.from(d));
  }

  /** Cleaning over a batch of pages, on a thread. */
  async clean(pages: ChromePage[]): Promise<CleanedPageResult[]> {
    const reply = await this.send({ batch: this.nextId++, pages });
    if (!('cleaned' in reply)) throw new Error('a pipeline thread answered a batch of pages with something else');
    return reply.cleaned.map((r) => ({ ...r, docs: r.docs.map((d) => Doc.from(d)) }));
  }

  private send(message: ToWorker & { batch: number }): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
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
        if ('error' in message) job.reject(new Error(message.error));
        else job.resolve(message);
      }
    }
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.postMessage(job.message);
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
