// Read every input (files, folders, URLs) into raw pages. Nothing is thrown out of the generator:
// each failure is reported as a message naming the input, and the other inputs still go through.
import { readFile } from 'node:fs/promises';
import type { RawPage } from '../model/types.js';
import { message, type Report, type Severity } from '../core/messages.js';
import { decodeBytes } from './decode.js';
import { expandInput, fsMessage, type Source } from './files.js';
import type { InputKind } from './kind.js';
import { feedRoot, readFeed, rootElement } from './feed.js';
import { readHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { readText } from './text.js';
import { fetchUrl } from './url.js';

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
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source.path);
  } catch (error) {
    return fail('ingest.unreadable', source.path, fsMessage(error));
  }
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) return fail('ingest.undecodable', source.path, decoded.error);
  if (decoded.warning) fail('ingest.encoding', source.path, decoded.warning, 'warning');
  if (source.kind === 'feed' && feedRoot(decoded.text) === null && !source.explicit && !/\.(rss|atom)(\.gz)?$/i.test(source.path)) {
    // An .xml file met while walking a folder may be anything (a sitemap, a config): say so, but it is no error.
    return fail('ingest.not-a-feed', source.path, `skipped: XML but not an RSS or Atom feed (root element <${rootElement(decoded.text) ?? '?'}>)`, 'warning');
  }
  yield* parse(source.kind, decoded.text, source.path, report);
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
