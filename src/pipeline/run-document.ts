// The document components over one Doc, on whichever thread: a component that chokes on an article
// is reported with its input and the article skipped; the rest go on. What components say on the Doc
// (a warning, a doubt) is reported too.
import type { Doc } from '../core/doc.js';
import { message, type Report } from '../core/messages.js';
import { ComponentError, type Pipeline } from './component.js';

export function runDocument(pipeline: Pipeline, doc: Doc, report: Report): Doc | null {
  // Components put their messages on the Doc; each is reported once, as it comes.
  const before = doc.messages.length;
  try {
    pipeline.run(doc);
    doc.messages.slice(before).forEach(report);
    return doc;
  } catch (error) {
    const component = error instanceof ComponentError ? error.component : 'pipeline';
    const m = message('pipeline.component-failed', 'error', doc.source.uri, `article ${doc.source.index}: ${error instanceof Error ? error.message : String(error)}`, { item: doc.source.index + 1 }, component);
    doc.messages.push(m);
    report(m);
    return null;
  }
}
