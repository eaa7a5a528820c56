// The stages before the document components, over many inputs: read every input into raw pages,
// clean each page into Docs (numbered per input, so ids are stable), then link each Doc to the
// earlier one it copies. Messages are reported as they happen and stay on their Doc.
//
// Cleaning a page needs no other page once its site's chrome is known (a snapshot taken in input
// order), so it may run on a pipeline thread; numbering and dedupe need every page before, and run
// here, in input order.
import type { Doc } from '../core/doc.js';
import { articleId } from '../core/ids.js';
import { message, type Message, type Report } from '../core/messages.js';
import { readInputs } from '../ingest/index.js';
import { cleanPage, pagePosition } from '../clean/index.js';
import { DuplicateIndex } from '../clean/dedupe.js';
import { chromeFilter, withBatchChrome, type ChromePage } from '../clean/chrome-batch.js';
import { chromeModel } from '../clean/chrome-model.js';

export interface CleanOptions {
  report: Report;
  /** Articles already known (a store primes it); a fresh index when absent. */
  duplicates?: DuplicateIndex;
}

/**
 * One page cleaned: its Docs numbered from 0 within the page (numberDocs gives them their place in
 * the input), the messages of stories that gave no Doc, or why cleaning failed.
 */
export interface CleanedPageResult {
  uri: string;
  position: Pick<Message, 'line' | 'item'>;
  docs: Doc[];
  dropped: Message[];
  failure?: string;
}

/**
 * ingest: every page of every input, each with its chrome snapshot. Site chrome is what the committed
 * model learned and what recurs across the batch (a bounded window, so pages still stream).
 */
export function readPages(inputs: string[], report: Report): AsyncGenerator<ChromePage> {
  const model = chromeModel();
  return withBatchChrome(readInputs(inputs, report), model, model.batch);
}

/** clean, for one page, wherever it runs: a page that breaks the cleaner is a failure, not a crash. */
export function cleanChromePage({ page, snapshot }: ChromePage): CleanedPageResult {
  const result: CleanedPageResult = { uri: page.uri, position: pagePosition(page), docs: [], dropped: [] };
  try {
    const cleaned = cleanPage(page, 0, { chrome: chromeFilter(snapshot, snapshot.learned ? chromeModel() : null) });
    result.docs = cleaned.docs;
    result.dropped = cleaned.dropped;
  } catch (error) {
    result.failure = (error as Error).message;
  }
  return result;
}

/**
 * The cleaned pages' Docs in input order, numbered per input uri across all the pages, lines and
 * items read from it (an article's id is its input and its index there), with their messages reported.
 */
export async function* numberDocs(results: AsyncIterable<CleanedPageResult>, report: Report): AsyncGenerator<Doc> {
  const counts = new Map<string, number>();
  for await (const result of results) {
    if (result.failure !== undefined) {
      // A page that breaks the cleaner is reported like any bad input; the rest go on.
      report(message('clean.failed', 'error', result.uri, `cleaning failed: ${result.failure}`, result.position));
      continue;
    }
    result.dropped.forEach(report);
    const first = counts.get(result.uri) ?? 0;
    counts.set(result.uri, first + result.docs.length);
    for (const doc of result.docs) {
      if (first > 0) {
        const index = first + doc.source.index;
        doc.id = articleId(doc.source.uri, index);
        doc.source = { ...doc.source, index };
      }
      doc.messages.forEach(report);
      yield doc;
    }
  }
}

/** ingest + clean on this thread: every story of every page with text becomes a Doc. */
export async function* readDocs(inputs: string[], report: Report): AsyncGenerator<Doc> {
  yield* numberDocs(cleanHere(readPages(inputs, report)), report);
}

async function* cleanHere(pages: AsyncIterable<ChromePage>): AsyncGenerator<CleanedPageResult> {
  for await (const page of pages) yield cleanChromePage(page);
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
