// Saves a stream of Docs as they come, counting what was read and stored. An article
// that fails to save is reported with its input and the rest go on; what is stored stays stored.
import type { Doc } from '../core/doc.js';
import type { Store } from './index.js';

export interface IngestTally {
  read: number;
  new: number;
  updated: number;
  /** Already stored exactly as read. */
  unchanged: number;
  duplicates: number;
  spun: number;
  events: number;
  relations: number;
  failed: number;
}

export interface IngestHooks {
  /** After each article, saved or not. */
  progress?: (tally: Readonly<IngestTally>) => void;
  failed?: (uri: string, articleId: string, error: Error) => void;
}

/**
 * A failure of the store itself (disk full, read-only, I/O error), not of one article: every later
 * save would fail the same way, so the run stops at once, keeping what was saved before.
 */
export class StoreWriteError extends Error {
  constructor(readonly file: string, readonly saved: number, cause: Error) {
    super(`${storeProblem(cause)}; stopped after saving ${saved} article${saved === 1 ? '' : 's'} to ${file}, which keeps them`, { cause });
  }
}

// SQLite's codes, and PostgreSQL's classes 53 (insufficient resources: disk full), 57P (shutdown) and
// 08 (connection lost after retries), which no other article would survive either
const STORE_FAILURES = /^(SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)|53\d\d\d|57P0\d|08\d\d\d|25006|ECONNREFUSED|ECONNRESET)/;

function storeProblem(error: Error): string {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_FULL') || code === '53100') return 'the store is full (no space left on its disk)';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code === '25006') return `the store cannot be written (${error.message})`;
  return `the store failed (${error.message})`;
}

export function isStoreFailure(error: unknown): boolean {
  return STORE_FAILURES.test((error as { code?: string })?.code ?? '');
}

export function emptyTally(): IngestTally {
  return { read: 0, new: 0, updated: 0, unchanged: 0, duplicates: 0, spun: 0, events: 0, relations: 0, failed: 0 };
}

export async function saveStream(
  store: Store, articles: AsyncIterable<Doc>, hooks: IngestHooks = {}, tally = emptyTally(),
): Promise<IngestTally> {
  for await (const article of articles) {
    tally.read += 1;
    try {
      const saved = await store.saveArticle(article);
      tally[saved.status] += 1;
      if (saved.duplicateOf) tally.duplicates += 1;
      if (saved.duplicateOf && saved.spun) tally.spun += 1;
      tally.events += article.events.length;
      tally.relations += article.relations.length;
    } catch (error) {
      if (isStoreFailure(error)) throw new StoreWriteError(store.location, tally.new + tally.updated + tally.unchanged, error as Error);
      tally.failed += 1;
      hooks.failed?.(article.source.uri, article.id, error instanceof Error ? error : new Error(String(error)));
    }
    hooks.progress?.(tally);
  }
  return tally;
}
