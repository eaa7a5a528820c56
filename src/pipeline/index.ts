// The whole pipeline over many inputs: the stages before (ingest, clean, dedupe) stream Docs, and the
// document components run on each in turn. Yields each Doc with every layer on, `actors` included,
// so a store can save both.
import type { Doc } from '../core/doc.js';
import { message, type Report } from '../core/messages.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { DuplicateIndex } from '../clean/dedupe.js';
import { cleanInputs } from './clean-inputs.js';
import { ComponentError, createPipeline, type Component } from './component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from './components.js';

export interface ProcessOptions {
  kb: KnowledgeBase;
  /** Receives every message (bad input, skipped page, doubt) as it happens. */
  report: Report;
  /** Known articles to link duplicates against (a store primes it with what it holds). */
  duplicates?: DuplicateIndex;
  /** The document components to run; the registry's list by default. */
  components?: readonly Component[];
}

export async function* processInputs(inputs: string[], options: ProcessOptions): AsyncGenerator<Doc> {
  // Checked before the first input is read: a misordered list fails at once, naming both components.
  const pipeline = createPipeline(options.components ?? DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb: options.kb });
  for await (const doc of cleanInputs(inputs, { report: options.report, duplicates: options.duplicates })) {
    try {
      yield pipeline.run(doc);
    } catch (error) {
      // One article a component chokes on must not stop the rest.
      const component = error instanceof ComponentError ? error.component : 'pipeline';
      const m = message('pipeline.component-failed', 'error', doc.source.uri, `article ${doc.source.index}: ${error instanceof Error ? error.message : String(error)}`, { item: doc.source.index + 1 }, component);
      doc.messages.push(m);
      options.report(m);
    }
  }
}
