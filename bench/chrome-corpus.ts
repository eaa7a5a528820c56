// The crawls the chrome learner and its benchmark read (../shared/data/corpora): each record as the
// page ingest would make of it, and a fixed split by article for held-out figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawPage } from '../src/model/types.js';
import { sharedDataDir } from '../src/core/paths.js';

export const TEHRAN_TIMES = 'corpora/tehran_times_early.jsonl.gz';
export const REUTERS = 'corpora/reuters21578.jsonl.gz';

/** Every record of a crawl as a text page (its URL kept, so its site is its host), or null when the file is absent. */
export function readCrawl(file: string): RawPage[] | null {
  const data = sharedDataDir();
  const path = data && join(data, file);
  if (!path || !existsSync(path)) return null;
  const pages: RawPage[] = [];
  gunzipSync(readFileSync(path)).toString('utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const r = JSON.parse(line) as { id?: number; newid?: number; url?: string; text?: string; body?: string; dateline?: string };
    // Reuters keeps its dateline apart from the body; put it back where a wire story prints it.
    const text = r.text ?? [r.dateline, r.body].filter(Boolean).join(' ');
    if (text.trim() === '') return;
    // Reuters-21578 has no URLs: one outlet, named so.
    pages.push({ uri: path, part: i, line: i + 1, format: 'text', content: text, url: r.url ?? null, outlet: r.url ? null : 'reuters' });
  });
  return pages;
}

/** The held-out fifth of a crawl: chosen by the article's URL or line (FNV-1a), so it never moves. */
export function isHeldOut(page: RawPage): boolean {
  const id = page.url ?? String(page.line);
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 5 === 0;
}
