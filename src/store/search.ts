// Full-text search over article titles and bodies and over evidence sentences, best match first.
import type { IsoDate } from '../model/types.js';
import type { Sql } from './sql.js';
import { ARTICLE_TSVECTOR, EVIDENCE_TSVECTOR } from './dialect.js';
import type { DateWindow, SearchHits } from './types.js';
import { dateInWindow, windowParams } from './window.js';

// Both kinds of hit are of articles published in the window, when one is given (evidence by its article's date).
const inWindow = (window: DateWindow) => dateInWindow('a.published_at', window).map((c) => ` AND ${c}`).join('');

// \u0002 and \u0003 never occur in cleaned text, so they can mark matches for the client to highlight
const SNIPPET_MARKS = "char(2), char(3), '…'";

type ArticleHit = { id: string; title: string | null; outlet: string | null; publishedAt: IsoDate | null; snippet: string };
type EvidenceHit = {
  id: string; articleId: string; start: number; end: number; sentence: string; attributedTo: string | null;
  title: string | null; outlet: string | null; publishedAt: IsoDate | null; snippet: string;
};

const EVIDENCE_COLUMNS = `ev.id, ev.article_id AS "articleId", ev.start, ev."end", ev.sentence, ev.attributed_to AS "attributedTo",
  a.title, a.outlet, a.published_at AS "publishedAt"`;

/** SQLite: FTS5 tables, ranked by bm25. */
function sqliteHits(sql: Sql, match: string, limit: number, window: DateWindow): [Promise<ArticleHit[]>, Promise<EvidenceHit[]>] {
  return [
    sql.all<ArticleHit>(
      `SELECT a.id, a.title, a.outlet, a.published_at AS "publishedAt",
         snippet(articles_fts, -1, ${SNIPPET_MARKS}, 24) AS snippet
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH @match${inWindow(window)} ORDER BY rank LIMIT @limit`,
      { match, limit, ...windowParams(window) },
    ),
    sql.all<EvidenceHit>(
      `SELECT ${EVIDENCE_COLUMNS}, snippet(evidence_fts, 0, ${SNIPPET_MARKS}, 32) AS snippet
       FROM evidence_fts JOIN evidence ev ON ev.seq = evidence_fts.rowid JOIN articles a ON a.id = ev.article_id
       WHERE evidence_fts MATCH @match${inWindow(window)} ORDER BY rank LIMIT @limit`,
      { match, limit, ...windowParams(window) },
    ),
  ];
}

/** PostgreSQL: the GIN-indexed tsvectors, ranked by ts_rank, marked by ts_headline with the same marks. */
function postgresHits(sql: Sql, match: string, limit: number, window: DateWindow): [Promise<ArticleHit[]>, Promise<EvidenceHit[]>] {
  const marks = (words: number) => `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=${words}, MinWords=${Math.ceil(words / 2)}, FragmentDelimiter=…, MaxFragments=1'`;
  return [
    sql.all<ArticleHit>(
      `SELECT a.id, a.title, a.outlet, a.published_at AS "publishedAt",
         ts_headline('simple', a.text, to_tsquery('simple', @match), ${marks(24)}) AS snippet
       FROM articles a WHERE ${ARTICLE_TSVECTOR('a')} @@ to_tsquery('simple', @match)${inWindow(window)}
       ORDER BY ts_rank(${ARTICLE_TSVECTOR('a')}, to_tsquery('simple', @match)) DESC, a.seq LIMIT @limit`,
      { match, limit, ...windowParams(window) },
    ),
    sql.all<EvidenceHit>(
      `SELECT ${EVIDENCE_COLUMNS}, ts_headline('simple', ev.sentence, to_tsquery('simple', @match), ${marks(32)}) AS snippet
       FROM evidence ev JOIN articles a ON a.id = ev.article_id
       WHERE ${EVIDENCE_TSVECTOR('ev')} @@ to_tsquery('simple', @match)${inWindow(window)}
       ORDER BY ts_rank(${EVIDENCE_TSVECTOR('ev')}, to_tsquery('simple', @match)) DESC, ev.seq LIMIT @limit`,
      { match, limit, ...windowParams(window) },
    ),
  ];
}

export function createSearch(sql: Sql) {
  return async function search(q: string, limit = 20, window: DateWindow = {}): Promise<SearchHits> {
    const match = sql.dialect.textQuery(q);
    if (!match) return { articles: [], evidence: [] };
    const [articleHits, evidenceHits] = sql.dialect.name === 'sqlite' ? sqliteHits(sql, match, limit, window) : postgresHits(sql, match, limit, window);
    const articles = await articleHits;
    const evidence = (await evidenceHits)
      .map(({ title, outlet, publishedAt, snippet, ...evidence }) => ({
        ...evidence,
        article: { id: evidence.articleId, title, outlet, publishedAt },
        snippet,
      }));
    return { articles, evidence };
  };
}
