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

export function emptyTally(): IngestTally {
  return { read: 0, new: 0, updated: 0, unchanged: 0, duplicates: 0, spun: 0, events: 0, relations: 0, failed: 0 };
}

export async function saveStream(
  store: Store, articles: AsyncIterable<Doc>, hooks: IngestHooks = {}, tally = emptyTally(),
): Promise<IngestTally> {
  for await (const article of articles) {
    tally.read += 1;
    try {
      const saved = store.saveArticle(article);
      tally[saved.status] += 1;
      if (saved.duplicateOf) tally.duplicates += 1;
      if (saved.duplicateOf && saved.spun) tally.spun += 1;
      tally.events += article.events.length;
      tally.relations += article.relations.length;
    } catch (error) {
      tally.failed += 1;
      hooks.failed?.(article.source.uri, article.id, error instanceof Error ? error : new Error(String(error)));
    }
    hooks.progress?.(tally);
  }
  return tally;
}
