// The whole pipeline over many inputs: the stages before (ingest, clean, dedupe) stream Docs, and the
// document components run on each in turn. Yields each Doc with every layer on, `actors` included,
// so a store can save both.
import type { Doc, ReleasableLayer } from '../core/doc.js';
import type { Report } from '../core/messages.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { DuplicateIndex } from '../clean/dedupe.js';
import { cleanChromePage, cleanInputs, markDuplicates, numberDocs, readPages } from './clean-inputs.js';
import { createPipeline, type Component } from './component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from './components.js';
import { runDocument } from './run-document.js';
import { runInThreads } from './threads.js';

export interface ProcessOptions {
  kb: KnowledgeBase;
  /** Receives every message (bad input, skipped page, doubt) as it happens. */
  report: Report;
  /** Known articles to link duplicates against (a store primes it with what it holds). */
  duplicates?: DuplicateIndex;
  /** The document components to run; the registry's list by default (threads run only that). */
  components?: readonly Component[];
  /** Worker threads for the document components (1, the default, runs them on this thread). */
  threads?: number;
  /** The knowledge-base folders `kb` was loaded from, for the threads to load it too. */
  kbDirs?: string[];
  /** Docs per message to a thread (tests make it small). */
  batchSize?: number;
  /** Docs longer than this are read on this thread, not sent to one (tests make it small). */
  largeDoc?: number;
  /** Pages longer than this are cleaned on this thread, not sent to one (tests make it small). */
  largePage?: number;
  /**
   * NLP layers the caller will not read (a store keeps none): dropped from each Doc when its
   * components are done, on its thread, so what comes back is what is kept (tokens are three
   * quarters of a Doc's bytes, and the main thread's heap grew with them).
   */
  release?: readonly ReleasableLayer[];
}

export async function* processInputs(inputs: string[], options: ProcessOptions): AsyncGenerator<Doc> {
  // Checked before the first input is read: a misordered list fails at once, naming both components.
  const pipeline = createPipeline(options.components ?? DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb: options.kb });
  const threads = options.components ? 1 : options.threads ?? 1;
  const release = options.release ?? [];
  const runHere = (doc: Doc, report: Report) => {
    const done = runDocument(pipeline, doc, report);
    done?.release(...release);
    return done;
  };
  const models = [...new Set(pipeline.components.flatMap((c) => c.models?.() ?? []))];
  if (threads <= 1) {
    for await (const doc of cleanInputs(inputs, { report: options.report, duplicates: options.duplicates })) {
      const done = runHere(doc, options.report);
      if (done) yield done;
    }
    return;
  }
  yield* runInThreads(readPages(inputs, options.report), {
    threads, kbDirs: options.kbDirs, models, batchSize: options.batchSize, largeDoc: options.largeDoc, largePage: options.largePage, report: options.report, release,
  }, {
    cleanHere: cleanChromePage,
    afterClean: (cleaned) => markDuplicates(numberDocs(cleaned, options.report), options.duplicates),
    runHere,
  });
}
