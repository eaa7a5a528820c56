// ingest -> clean over many inputs: every story of every page becomes a CleanArticle with a stable id
// (the same file gives the same ids from any working directory) and its duplicate link.
import { resolve } from 'node:path';
import type { CleanArticle, Diagnostic } from '../model/types.js';
import { readInputs } from '../ingest/index.js';
import { isUrl } from '../ingest/files.js';
import { cleanPage, pageUri } from '../clean/index.js';
import { DuplicateIndex } from '../clean/dedupe.js';
import { stableId } from './ids.js';

export interface CleanOptions {
  report: (d: Diagnostic) => void;
  /** Articles already known (a store primes it); a fresh index when absent. */
  duplicates?: DuplicateIndex;
}

export async function* cleanInputs(inputs: string[], options: CleanOptions): AsyncGenerator<CleanArticle> {
  const duplicates = options.duplicates ?? new DuplicateIndex();
  // Articles are numbered per input uri, across all the pages, lines and items read from it.
  const counts = new Map<string, number>();
  for await (const page of readInputs(inputs, options.report)) {
    let stories;
    try {
      stories = cleanPage(page);
    } catch (error) {
      // A page that breaks the cleaner is reported like any bad input; the rest go on.
      options.report({ severity: 'error', stage: 'clean', uri: pageUri(page), message: `cleaning failed: ${(error as Error).message}` });
      continue;
    }
    for (const story of stories) {
      story.diagnostics.forEach(options.report);
      if (story.text.trim() === '') {
        options.report({ severity: 'warning', stage: 'clean', uri: pageUri(page), message: 'no article text found' });
        continue;
      }
      const index = counts.get(page.uri) ?? 0;
      counts.set(page.uri, index + 1);
      const id = stableId('a', canonicalUri(page.uri), index);
      const match = duplicates.match(story.text);
      duplicates.add(id, story.text);
      yield {
        id,
        source: { uri: page.uri, index, outlet: story.outlet },
        title: story.title,
        publishedAt: story.publishedAt,
        url: story.url,
        text: story.text,
        duplicateOf: match?.id ?? null,
        spun: match?.spun ?? false,
        diagnostics: story.diagnostics,
      };
    }
  }
}

/** The absolute path of a file, the URL as given for a URL: what an article's id is made from. */
export function canonicalUri(uri: string): string {
  return isUrl(uri) ? uri : resolve(uri);
}
