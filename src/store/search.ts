// Full-text search over article titles and bodies and over evidence sentences, best match first.
import type { IsoDate } from '../model/types.js';
import type { Sql } from './sql.js';
import { ftsQuery } from './text-search.js';
import type { SearchHits } from './types.js';

// \u0002 and \u0003 never occur in cleaned text, so they can mark matches for the client to highlight
const SNIPPET_MARKS = "char(2), char(3), '…'";

export function createSearch(sql: Sql) {
  return function search(q: string, limit = 20): SearchHits {
    const match = ftsQuery(q);
    if (!match) return { articles: [], evidence: [] };
    const articles = sql.all<{ id: string; title: string | null; outlet: string | null; publishedAt: IsoDate | null; snippet: string }>(
      `SELECT a.id, a.title, a.outlet, a.published_at AS publishedAt,
         snippet(articles_fts, -1, ${SNIPPET_MARKS}, 24) AS snippet
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH @match ORDER BY rank LIMIT @limit`,
      { match, limit },
    );
    const evidence = sql
      .all<{
        id: string; articleId: string; start: number; end: number; sentence: string; attributedTo: string | null;
        title: string | null; outlet: string | null; publishedAt: IsoDate | null; snippet: string;
      }>(
        `SELECT ev.id, ev.article_id AS articleId, ev.start, ev."end", ev.sentence, ev.attributed_to AS attributedTo,
           a.title, a.outlet, a.published_at AS publishedAt,
           snippet(evidence_fts, 0, ${SNIPPET_MARKS}, 32) AS snippet
         FROM evidence_fts JOIN evidence ev ON ev.seq = evidence_fts.rowid JOIN articles a ON a.id = ev.article_id
         WHERE evidence_fts MATCH @match ORDER BY rank LIMIT @limit`,
        { match, limit },
      )
      .map(({ title, outlet, publishedAt, snippet, ...evidence }) => ({
        ...evidence,
        article: { id: evidence.articleId, title, outlet, publishedAt },
        snippet,
      }));
    return { articles, evidence };
  };
}
