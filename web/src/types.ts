// The API's shapes. Those the server already declares are imported from it (type-only: nothing of the
// server reaches the bundle); the rest are written here as the routes return them.
export type {
  ActorDetail, ActorSummary, ArticleDetail, ArticleSummary, EventRow, Page, RelationRow, SearchHits, StoreStats,
} from '../../src/store/types.js';
export type { Graph, GraphEdge, GraphNode } from '../../src/analyze/graph.js';

export interface Health {
  ok: boolean;
  counts: import('../../src/store/types.js').StoreStats;
  /** Whether the server takes analyst judgements (orbit serve --allow-edits). */
  edits?: boolean;
}

export interface Judgement {
  id: string;
  kind: string;
  claim?: string | null;
  actor?: string | null;
  into?: string | null;
  alias?: string | null;
  author: string;
  reason: string;
  createdAt: string;
  undoneAt?: string | null;
}
export type { Timeline, TimelineBucket, TimelineLane, IncidentRow } from '../../src/store/timeline.js';
export type { PlaceCollection, PlaceProperties, GovernorateCount } from '../../src/store/geo.js';
export type { Dyad, DyadBucket } from '../../src/store/dyad.js';
export type { ActorRole, Counterpart } from '../../src/store/types.js';
export type { InfluenceAnswer, MovedAnswer } from '../../src/server/api-analysis.js';
