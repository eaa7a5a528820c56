// The stages before the document components, over many inputs: read every input into raw pages,
// clean each page into Docs (numbered per input, so ids are stable), then link each Doc to the
// earlier one it copies. Messages are reported as they happen and stay on their Doc.
import type { Doc } from '../core/doc.js';
import { message, type Report } from '../core/messages.js';
import { readInputs } from '../ingest/index.js';
import { cleanPage, pagePosition } from '../clean/index.js';
import { DuplicateIndex } from '../clean/dedupe.js';
import { withBatchChrome } from '../clean/chrome-batch.js';
import { chromeModel } from '../clean/chrome-model.js';

export interface CleanOptions {
  report: Report;
  /** Articles already known (a store primes it); a fresh index when absent. */
  duplicates?: DuplicateIndex;
}

/**
 * ingest + clean: every story of every page with text becomes a Doc. Site chrome is dropped by the
 * committed model and by what recurs across the batch (a bounded window, so pages still stream).
 */
export async function* readDocs(inputs: string[], report: Report): AsyncGenerator<Doc> {
  // Articles are numbered per input uri, across all the pages, lines and items read from it.
  const counts = new Map<string, number>();
  const model = chromeModel();
  for await (const { page, chrome } of withBatchChrome(readInputs(inputs, report), model, model.batch)) {
    let cleaned;
    try {
      cleaned = cleanPage(page, counts.get(page.uri) ?? 0, { chrome });
    } catch (error) {
      // A page that breaks the cleaner is reported like any bad input; the rest go on.
      report(message('clean.failed', 'error', page.uri, `cleaning failed: ${(error as Error).message}`, pagePosition(page)));
      continue;
    }
    cleaned.dropped.forEach(report);
    counts.set(page.uri, (counts.get(page.uri) ?? 0) + cleaned.docs.length);
    for (const doc of cleaned.docs) {
      doc.messages.forEach(report);
      yield doc;
    }
  }
}

/**
 * dedupe: the stage over many Docs that sets duplicateOf and spun against every Doc before it (the
 * spin check of a Doc with no original needs no other Doc: the spin component does it, on the threads).
 */
export async function* markDuplicates(docs: AsyncIterable<Doc>, index = new DuplicateIndex()): AsyncGenerator<Doc> {
  for await (const doc of docs) {
    const match = index.match(doc.text);
    index.add(doc.id, doc.text);
    doc.duplicateOf = match?.id ?? null;
    doc.spun = match?.spun ?? false;
    doc.assign('duplicates');
    yield doc;
  }
}

export function cleanInputs(inputs: string[], options: CleanOptions): AsyncGenerator<Doc> {
  return markDuplicates(readDocs(inputs, options.report), options.duplicates);
}
