// Fetch one URL. The content type decides the reader (html, text, feed, jsonl); when it says nothing
// useful, the body is sniffed.
import { decodeBytes, isGzip, safeDecoder } from './decode.js';
import { kindOfName, type InputKind } from './kind.js';
import { feedRoot } from './feed.js';

export const FETCH_TIMEOUT_MS = 30_000;
export const USER_AGENT = 'Orbit/0.1 (news reader)';

export type Fetched = { text: string; kind: InputKind; finalUrl: string; warning?: string } | { error: string };

export async function fetchUrl(url: string, timeoutMs = FETCH_TIMEOUT_MS): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'User-Agent': USER_AGENT, Accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.9, */*;q=0.5' },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { message?: string; code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { error: `timed out after ${Math.round(timeoutMs / 1000)} s` };
    return { error: `fetch failed: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
  }
  if (!response.ok) return { error: `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  let decoded = decodeBytes(bytes);
  // A charset in the header outranks our UTF-8 guess when it names something else.
  if (!('error' in decoded) && charset && !/^utf-?8$/i.test(charset) && !isGzip(bytes)) {
    const decoder = safeDecoder(charset);
    if (decoder) decoded = { text: decoder.decode(bytes) };
  }
  if ('error' in decoded) return decoded;
  const finalUrl = response.url || url;
  return { text: decoded.text, kind: kindOf(contentType, finalUrl, decoded.text), finalUrl, warning: decoded.warning };
}

function kindOf(contentType: string, url: string, text: string): InputKind {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/(rss|atom)\+xml$/.test(type)) return 'feed';
  if (/ndjson|jsonl|json-seq/.test(type)) return 'jsonl';
  if (/[/+]xml$/.test(type)) return feedRoot(text) ? 'feed' : 'html';
  const byName = kindOfName(new URL(url).pathname);
  if (byName) return byName;
  if (type === 'text/plain') return 'text';
  const start = text.trimStart();
  if (start.startsWith('<')) return feedRoot(start) ? 'feed' : 'html';
  return 'text';
}
