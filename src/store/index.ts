// The store: articles and all that was read from them, the single source of truth for the API and the
// web app. Embedded SQLite by default (one file); PostgreSQL when given a postgres:// URL, for a team
// sharing one ingest. Both run the same queries (sql.ts, dialect.ts) over the same schema.
import type { Actor } from '../model/types.js';
import type { Doc } from '../core/doc.js';
import type { Graph } from '../analyze/graph.js';
import { createActorQueries } from './actors.js';
import { createArticleQueries } from './articles.js';
import { createClaimQueries } from './claims.js';
import { createDyad, type Dyad, type DyadQuery } from './dyad.js';
import { createMap, type GovernorateCount, type MapQuery, type PlaceCollection } from './geo.js';
import { createCopyQuery, type ArticleCopy } from './copies.js';
import { createGraphQuery, type GraphQuery } from './graph.js';
import { createInfluenceClaims, type InfluenceClaimTable } from './influence-claims.js';
import { isPostgresUrl, openPostgres } from './postgres.js';
import { createJudgements } from './judgements.js';
import { createSearch } from './search.js';
import { createViewSearch, type SearchedClaims } from './views-search.js';
import type { Params, Sql } from './sql.js';
import { openSqlite, type SqliteOptions } from './sqlite.js';
import { createMessageCounts, createStats } from './stats.js';
import { createTimeline, type IncidentQuery, type IncidentRow, type Timeline, type TimelineQuery } from './timeline.js';
import type {
  ActorDetail, ActorSummary, ArticleDetail, ArticleQuery, ArticleSummary, DateWindow, EventQuery, EventRow, MessageCount, Page,
  RelationQuery, RelationRow, RoleHolding, SaveResult, SearchHits, StoreStats, Judgement, NewJudgement, Undo, PageOptions,
} from './types.js';
import { createWriter } from './write.js';

export type * from './types.js';
export type { GraphQuery } from './graph.js';
export type * from './timeline.js';
export type * from './geo.js';
export type * from './dyad.js';
export type { Bucket } from './buckets.js';
export type { SearchedClaims } from './views-search.js';
export type { ArticleCopy } from './copies.js';
export { isPostgresUrl } from './postgres.js';
export { JUDGEMENT_KINDS, JudgementError } from './judgements.js';

export interface Store {
  /** The file, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly kind: 'sqlite' | 'postgres';
  /** Upserts actors with their aliases (the knowledge base, before ingesting). */
  saveActors(actors: Actor[]): Promise<void>;
  /** Replaces the knowledge base's dated roles (src/kb/role-holdings.ts makes them from a loaded KB). */
  saveRoles(holdings: RoleHolding[]): Promise<void>;
  /** Saves a Doc (its metadata, claims, actors and messages) in one transaction, replacing any earlier version. */
  saveArticle(doc: Doc): Promise<SaveResult>;
  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>>;
  getArticle(id: string): Promise<ArticleDetail | null>;
  /** With a window, only actors mentioned in articles published in it. */
  searchActors(q?: string, limit?: number, window?: DateWindow): Promise<ActorSummary[]>;
  getActor(id: string): Promise<ActorDetail | null>;
  listEvents(query?: EventQuery): Promise<Page<EventRow>>;
  listRelations(query?: RelationQuery): Promise<Page<RelationRow>>;
  graph(query?: GraphQuery): Promise<Graph>;
  /** Every claim as the influence score reads it, held in memory until the store changes (src/store/influence-claims.ts). */
  influenceClaims(): Promise<InfluenceClaimTable>;
  /** With a window, only hits in articles published in it. */
  search(q: string, limit?: number, window?: DateWindow): Promise<SearchHits>;
  /** What the app's search `q` narrows claims to: some actors (and those merged into them), else evidence sentences. */
  searchClaims(q: string): Promise<SearchedClaims>;
  /** Events per bucket by tone, with incidents, and one lane per actor asked for. */
  timeline(query?: TimelineQuery): Promise<Timeline>;
  /** Happenings told by several articles, each once, newest first. */
  listIncidents(query?: IncidentQuery): Promise<Page<IncidentRow>>;
  /** Event points gathered by place, with their governorate. */
  mapPlaces(query?: MapQuery): Promise<PlaceCollection>;
  governorateCounts(query?: MapQuery): Promise<{ items: GovernorateCount[]; outside: number }>;
  /** Null when either actor is unknown. */
  dyad(query: DyadQuery): Promise<Dyad | null>;
  /** The copies among these article ids, each with the article it copies (analyses count a story once). */
  copiesAmong(articleIds: string[]): Promise<ArticleCopy[]>;
  search(q: string, limit?: number): Promise<SearchHits>;
  stats(): Promise<StoreStats>;
  /** Analysts' judgements, newest first, undone ones included (the history). */
  listJudgements(options?: PageOptions): Promise<Page<Judgement>>;
  getJudgement(id: string): Promise<Judgement | null>;
  /** Stores a judgement after checking it (JudgementError: 400 bad field, 404 unknown id, 409 conflict or cycle). */
  addJudgement(judgement: NewJudgement): Promise<Judgement>;
  /** Marks it undone, keeping the row; null when there is none with that id. */
  undoJudgement(id: string, undo: Undo): Promise<Judgement | null>;
  /** The stored articles' messages grouped by rule id. */
  messageCounts(): Promise<MessageCount[]>;
  /** Ids and texts of every stored article, to prime duplicate detection. Read it before saving. */
  articleTexts(): AsyncIterable<{ id: string; text: string }>;
  close(): Promise<void>;
}

export type StoreOptions = SqliteOptions & {
  /** Graph answers kept per store version (src/store/graph.ts GRAPH_ANSWERS_KEPT by default; 0: none, as bench:app --no-cache measures). */
  graphAnswers?: number;
};

type Db = Sql & { location: string; iterate<T>(sql: string, params?: Params): AsyncIterable<T>; close(): Promise<void> };

function storeOn(db: Db, options: StoreOptions = {}): Store {
  return {
    location: db.location,
    kind: db.dialect.name,
    ...createWriter(db),
    ...createArticleQueries(db),
    ...createActorQueries(db),
    ...createClaimQueries(db),
    graph: createGraphQuery(db, { answers: options.graphAnswers }),
    influenceClaims: createInfluenceClaims(db),
    copiesAmong: createCopyQuery(db),
    search: createSearch(db),
    ...createViewSearch(db),
    ...createTimeline(db),
    ...createMap(db),
    dyad: createDyad(db),
    stats: createStats(db),
    messageCounts: createMessageCounts(db),
    ...createJudgements(db),
    close: () => db.close(),
  };
}

/** A SQLite file (made with its folder when missing), or a PostgreSQL database by its postgres:// URL. */
export async function openStore(location: string, options: StoreOptions = {}): Promise<Store> {
  return storeOn(isPostgresUrl(location) ? await openPostgres(location) : openSqlite(location, options), options);
}
