// orbit ingest <inputs...> [--db FILE]: read inputs into the store, with progress on stderr and a
// summary at the end. One bad input or article is reported by name and the rest go on.
import { parseArgs } from 'node:util';
import { message, type Message } from '../core/messages.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { roleHoldings } from '../kb/role-holdings.js';
import { DuplicateIndex } from '../clean/dedupe.js';
import { processInputs } from '../pipeline/index.js';
import { parseThreads } from '../pipeline/threads.js';
import { isPostgresUrl, openStore } from '../store/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import { emptyTally, saveStream, StoreWriteError, type IngestTally } from '../store/ingest.js';
import { messagePrinter } from './output.js';
import { cleanInputs } from '../pipeline/clean-inputs.js';
import { enqueue, JOB_BATCH, startQueue } from '../queue/jobs.js';
import type { Store } from '../store/index.js';
import { RELEASABLE_LAYERS, type Doc } from '../core/doc.js';
import { defaultStorePath } from '../core/paths.js';

const HELP = `usage: orbit ingest <files, folders or URLs...> [--db FILE] [--kb DIR]

Reads .txt, .html, .jsonl, RSS/Atom feeds and folders of them into the store. Saving the same input
again stores nothing twice. The store is --db, else $ORBIT_DB, else .orbit/orbit.db in the checkout: a SQLite
file, or a PostgreSQL database given as postgres://user@host:port/db. --threads (default: the
machine's cores) runs the reading of articles on that many threads; the result is the same.
--queue (PostgreSQL only) cleans the inputs and puts the articles on the store's queue for
'orbit worker' processes on any machines to read and save; it returns once they are enqueued.`;

/** The store: --db, else $ORBIT_DB, else .orbit/orbit.db in the checkout (core/paths.ts); a file or a postgres:// URL. */
export function storePath(flag: string | undefined): string {
  return flag ?? process.env.ORBIT_DB ?? defaultStorePath();
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, kb: { type: 'string', multiple: true }, threads: { type: 'string' },
      queue: { type: 'boolean' }, 'job-timeout': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!positionals.length) return void process.stderr.write(`orbit ingest: no inputs given\n\n${HELP}\n`), 2;

  const threads = parseThreads(values.threads);
  const started = performance.now();
  const kb = loadKnowledgeBase(values.kb);
  const location = storePath(values.db);
  if (values.queue && !isPostgresUrl(location)) {
    return void process.stderr.write(`orbit ingest: --queue needs a PostgreSQL store (--db postgres://...), not ${location}\n`), 2;
  }
  const store = await openStore(location);
  try {
    const duplicates = await prepareStore(store, kb);
    if (values.queue) {
      return await enqueueInputs(store, location, positionals, duplicates, values['job-timeout'] ? Number(values['job-timeout']) : undefined, started);
    }

    const progress = progressLine(process.stderr);
    const printer = messagePrinter(process.stderr);
    // Warnings (a page skipped, a charset guessed), grouped by the id of the rule that raised them.
    const skipped = new Map<string, number>();
    const report = (m: Message) => {
      progress.clear();
      printer.print(m);
      if (m.severity === 'warning') skipped.set(m.id, (skipped.get(m.id) ?? 0) + 1);
    };
    const tally = emptyTally();
    try {
      await saveStream(store, processInputs(positionals, { kb, kbDirs: values.kb, report, duplicates, threads, release: RELEASABLE_LAYERS }), {
        progress: (t) => progress.update(describe(t, printer.errors)),
        failed: (uri, id, error) => report(message('store.not-saved', 'error', uri, `article ${id} not saved: ${error.message}`)),
      }, tally);
    } catch (error) {
      // the stream or the store broke: keep what was saved, say why it stopped
      const id = error instanceof StoreWriteError ? 'store.write-failed' : 'ingest.stopped';
      report(message(id, 'error', error instanceof StoreWriteError ? store.location : positionals.join(' '), `stopped: ${(error as Error).message}`));
    }
    progress.clear();
    process.stdout.write(summary(positionals.length, store.location, tally, skipped, printer.errors, performance.now() - started));
    return printer.errors ? 1 : 0;
  } finally {
    await store.close();
  }
}

function describe(t: IngestTally, errors: number): string {
  return `read ${t.read} · new ${t.new} · unchanged ${t.unchanged} · duplicates ${t.duplicates} · events ${t.events} · relations ${t.relations} · errors ${errors}`;
}

/** A counter redrawn in place on a terminal; elsewhere (logs, CI) a line every EVERY articles. */
function progressLine(stream: NodeJS.WriteStream) {
  const EVERY = 100;
  const tty = stream.isTTY === true;
  let shown = false;
  let last = 0;
  let calls = 0;
  return {
    update(text: string) {
      calls++;
      if (tty) {
        const now = performance.now();
        if (now - last < 100) return;
        last = now;
        stream.write(`\r\x1b[2K${text}`);
        shown = true;
      } else if (calls % EVERY === 0) {
        stream.write(`orbit ingest: ${text}\n`);
      }
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function summary(inputs: number, file: string, t: IngestTally, skipped: Map<string, number>, errors: number, ms: number): string {
  const skips = [...skipped.values()].reduce((a, b) => a + b, 0);
  const reasons = [...skipped.entries()].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason}: ${n}`).join('; ');
  const seconds = ms / 1000;
  const rows: [string, string][] = [
    ['inputs', String(inputs)],
    ['articles read', `${t.read} (new ${t.new}, updated ${t.updated}, unchanged ${t.unchanged}${t.failed ? `, not saved ${t.failed}` : ''})`],
    ['warnings', skips ? `${skips} (${reasons})` : '0'],
    ['duplicates', `${t.duplicates} (spun ${t.spun})`],
    ['events', String(t.events)],
    ['relations', String(t.relations)],
    ['errors', String(errors)],
    ['time', `${seconds.toFixed(1)} s${t.read ? ` (${(t.read / Math.max(seconds, 0.001)).toFixed(1)} articles/s)` : ''}`],
  ];
  return `orbit ingest → ${file}\n${rows.map(([k, v]) => `  ${k.padEnd(14)} ${v}`).join('\n')}\n`;
}

/** The knowledge base's actors saved, and duplicate detection primed with every stored article. */
async function prepareStore(store: Store, kb: KnowledgeBase): Promise<DuplicateIndex> {
  await store.saveActors(kb.actors);
  await store.saveRoles(roleHoldings(kb));
  const duplicates = new DuplicateIndex();
  for await (const { id, text } of store.articleTexts()) duplicates.add(id, text);
  return duplicates;
}

/** ingest --queue: clean and dedupe here, in input order; the workers do the rest. */
async function enqueueInputs(store: Store, url: string, inputs: string[], duplicates: DuplicateIndex, jobTimeout: number | undefined, started: number): Promise<number> {
  const printer = messagePrinter(process.stderr);
  const boss = await startQueue(url, { jobTimeout });
  let articles = 0;
  let batches = 0;
  try {
    let batch: Doc[] = [];
    const send = async () => {
      if (!batch.length) return;
      await enqueue(boss, { uri: batch[0].source.uri, docs: batch }, { jobTimeout });
      articles += batch.length;
      batches += 1;
      batch = [];
    };
    for await (const doc of cleanInputs(inputs, { report: printer.print, duplicates })) {
      batch.push(doc);
      if (batch.length >= JOB_BATCH) await send();
    }
    await send();
  } finally {
    await boss.stop({ graceful: false });
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`orbit ingest → the queue of ${store.location}\n  enqueued  ${articles} articles in ${batches} batches (${seconds.toFixed(1)} s)\n  errors    ${printer.errors}\nRun 'orbit worker --db ...' on one or more machines to read them; 'orbit status' shows progress.\n`);
  return printer.errors ? 1 : 0;
}
