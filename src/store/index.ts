// The embedded store: one SQLite file (WAL, foreign keys on) holding articles and all that was read
// from them. The single source of truth for the API and the web app.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Actor } from '../model/types.js';
import type { Doc } from '../core/doc.js';
import type { Graph } from '../analyze/graph.js';
import { createActorQueries } from './actors.js';
import { createArticleQueries } from './articles.js';
import { createClaimQueries } from './claims.js';
import { createGraphQuery, type GraphQuery } from './graph.js';
import { migrate } from './migrate.js';
import { createSearch } from './search.js';
import { Sql } from './sql.js';
import { createMessageCounts, createStats } from './stats.js';
import type {
  ActorDetail, ActorSummary, ArticleDetail, ArticleQuery, ArticleSummary, EventQuery, EventRow, MessageCount, Page,
  RelationQuery, RelationRow, SaveResult, SearchHits, StoreStats,
} from './types.js';
import { createWriter } from './write.js';

export type * from './types.js';
export type { GraphQuery } from './graph.js';

export interface Store {
  readonly file: string;
  /** Upserts actors with their aliases (the knowledge base, before ingesting). */
  saveActors(actors: Actor[]): void;
  /** Saves a Doc (its metadata, claims, actors and messages) in one transaction, replacing any earlier version. */
  saveArticle(doc: Doc): SaveResult;
  listArticles(query?: ArticleQuery): Page<ArticleSummary>;
  getArticle(id: string): ArticleDetail | null;
  searchActors(q?: string, limit?: number): ActorSummary[];
  getActor(id: string): ActorDetail | null;
  listEvents(query?: EventQuery): Page<EventRow>;
  listRelations(query?: RelationQuery): Page<RelationRow>;
  graph(query?: GraphQuery): Graph;
  search(q: string, limit?: number): SearchHits;
  stats(): StoreStats;
  /** The stored articles' messages grouped by rule id. */
  messageCounts(): MessageCount[];
  /** Ids and texts of every stored article, to prime duplicate detection. Read it before saving. */
  articleTexts(): IterableIterator<{ id: string; text: string }>;
  close(): void;
}

function explain(file: string, error: unknown): Error {
  const code = (error as { code?: string }).code ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new Error(`${file} is not an Orbit store (not a SQLite database)`);
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code) || ['EACCES', 'EROFS', 'EPERM', 'ENOENT', 'ENOTDIR'].includes(code)) {
    return new Error(`cannot write the store ${file}: ${reason}`);
  }
  return new Error(`cannot open the store ${file}: ${reason}`);
}

/**
 * Makes the store's folder, one level at a time. Node's recursive mkdirSync loops forever on some
 * paths (under /proc it gets ENOENT for a folder it has just been told to make, and retries), which
 * made `orbit ingest --db /proc/nope/x.db` spin at 100% CPU instead of failing.
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is a file, not a folder`), { code: 'ENOTDIR' });
  for (const folder of missing) mkdirSync(folder);
}

export interface StoreOptions {
  /** The most pages (4 KiB each) the file may grow to, as on a nearly full disk (SQLite max_page_count). */
  maxPages?: number;
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  const path = file === ':memory:' ? file : resolve(file);
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') makeFolder(dirname(path));
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL makes NORMAL safe against corruption; only the last commits can be lost on power failure
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    if (options.maxPages) db.pragma(`max_page_count = ${Math.trunc(options.maxPages)}`);
  } catch (error) {
    db?.close();
    throw explain(file, error);
  }

  const sql = new Sql(db);
  const open = db;
  return {
    file: path,
    ...createWriter(sql),
    ...createArticleQueries(sql),
    ...createActorQueries(sql),
    ...createClaimQueries(sql),
    graph: createGraphQuery(sql),
    search: createSearch(sql),
    stats: createStats(sql),
    messageCounts: createMessageCounts(sql),
    close: () => open.close(),
  };
}
