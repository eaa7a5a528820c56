// The whole pipeline over many inputs: ingest -> clean -> nlp -> extract, streaming one article at a
// time. Yields each article with the actor records it refers to, so a store can save both.
import type { Actor, Article, Diagnostic } from '../model/types.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { DuplicateIndex } from '../clean/dedupe.js';
import { cleanInputs } from './clean-inputs.js';
import { extractArticle } from '../extract/index.js';

export interface ProcessOptions {
  kb: KnowledgeBase;
  /** Receives every diagnostic (bad input, skipped page, doubt) as it happens. */
  report: (diagnostic: Diagnostic) => void;
  /** Known articles to link duplicates against (a store primes it with what it holds). */
  duplicates?: DuplicateIndex;
}

export interface ProcessedArticle {
  article: Article;
  /** Every actor the article's mentions, events and relations refer to (KB or discovered), once. */
  actors: Actor[];
}

export async function* processInputs(inputs: string[], options: ProcessOptions): AsyncGenerator<ProcessedArticle> {
  for await (const clean of cleanInputs(inputs, { report: options.report, duplicates: options.duplicates })) {
    try {
      yield extractArticle(clean, options.kb);
    } catch (error) {
      // One article the extractor chokes on must not stop the rest.
      options.report({
        severity: 'error',
        stage: 'extract',
        uri: `${clean.source.uri}#${clean.source.index}`,
        message: `extraction failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}
