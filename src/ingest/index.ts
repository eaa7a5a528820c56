// Read every input (files, folders, URLs) into raw pages. Nothing is thrown out of the generator:
// each failure is reported as a message naming the input, and the other inputs still go through.
import { readFile, stat } from 'node:fs/promises';
import type { RawPage } from '../model/types.js';
import { message, type Report, type Severity } from '../core/messages.js';
import { decodeBytes, decodeLine } from './decode.js';
import { readLines } from './lines.js';
import { expandInput, fsMessage, type Source } from './files.js';
import type { InputKind } from './kind.js';
import { feedRoot, readFeed, rootElement } from './feed.js';
import { readHtml } from './html.js';
import { parseJsonlLine, readJsonl } from './jsonl.js';
import { readText } from './text.js';
import { fetchUrl } from './url.js';

/** One page read whole (a text, an HTML page, a feed) is at most this; JSONL streams, line by line. */
export const MAX_PAGE_BYTES = 64 * 2 ** 20;
/** One JSONL line (one article) is at most this. */
export const MAX_JSONL_LINE_BYTES = 16 * 2 ** 20;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0)} MB`;

export async function* readInputs(inputs: string[], report: Report): AsyncGenerator<RawPage> {
  for (const input of inputs) {
    for await (const source of expandInput(input)) {
      yield* readSource(source, report);
    }
  }
}

async function* readSource(source: Source, report: Report): AsyncGenerator<RawPage> {
  const fail = (id: string, uri: string, reason: string, severity: Severity = 'error') => report(message(id, severity, uri, reason));
  if (source.type === 'error') return fail(source.id, source.uri, source.message);
  if (source.type === 'url') {
    const fetched = await fetchUrl(source.url);
    if ('error' in fetched) return fail('ingest.fetch-failed', source.url, fetched.error);
    if (fetched.warning) fail('ingest.encoding', source.url, fetched.warning, 'warning');
    const pages = parse(fetched.kind, fetched.text, source.url, report);
    // The page's own address after redirects, unless the reader found a better one (a feed item's link).
    for (const page of pages) yield { ...page, url: page.url ?? fetched.finalUrl };
    return;
  }
  if (source.kind === 'jsonl') return yield* readJsonlFile(source.path, report);
  let bytes: Uint8Array;
  try {
    const size = (await stat(source.path)).size;
    if (size > MAX_PAGE_BYTES) {
      return fail('ingest.too-large', source.path, `is ${mb(size)}; a page is read up to ${mb(MAX_PAGE_BYTES)} (give many articles as JSONL, one per line)`);
    }
    bytes = await readFile(source.path);
  } catch (error) {
    return fail('ingest.unreadable', source.path, fsMessage(error));
  }
  const decoded = decodeBytes(bytes, MAX_PAGE_BYTES);
  if ('error' in decoded) return fail('ingest.undecodable', source.path, decoded.error);
  if (decoded.warning) fail('ingest.encoding', source.path, decoded.warning, 'warning');
  if (source.kind === 'feed' && feedRoot(decoded.text) === null && !source.explicit && !/\.(rss|atom)(\.gz)?$/i.test(source.path)) {
    // An .xml file met while walking a folder may be anything (a sitemap, a config): say so, but it is no error.
    return fail('ingest.not-a-feed', source.path, `skipped: XML but not an RSS or Atom feed (root element <${rootElement(decoded.text) ?? '?'}>)`, 'warning');
  }
  yield* parse(source.kind, decoded.text, source.path, report);
}

/** A JSONL file streamed: each line decoded and parsed as it comes, bad lines reported by number. */
async function* readJsonlFile(path: string, report: Report): AsyncGenerator<RawPage> {
  let lines = 0;
  try {
    for await (const item of readLines(path, MAX_JSONL_LINE_BYTES)) {
      if ('error' in item) return report(message('ingest.undecodable', 'error', path, item.error, { line: item.line }));
      lines++;
      if ('tooLong' in item) {
        report(message('ingest.too-large', 'error', path, `line ${item.line} is ${mb(item.tooLong)}; a line is read up to ${mb(MAX_JSONL_LINE_BYTES)}`, { line: item.line }));
        continue;
      }
      const decoded = decodeLine(item.bytes);
      if (decoded.warning) report(message('ingest.encoding', 'warning', path, `line ${item.line}: ${decoded.warning}`, { line: item.line }));
      const page = parseJsonlLine(decoded.text, item.line, path, report);
      if (page) yield page;
    }
  } catch (error) {
    return report(message('ingest.unreadable', 'error', path, fsMessage(error)));
  }
  if (lines === 0) report(message('ingest.undecodable', 'error', path, 'file is empty'));
}

function parse(kind: InputKind, text: string, uri: string, report: Report): RawPage[] {
  switch (kind) {
    case 'text':
      return readText(text, uri);
    case 'html':
      return readHtml(text, uri);
    case 'jsonl':
      return readJsonl(text, uri, report);
    case 'feed':
      return readFeed(text, uri, report);
  }
}
