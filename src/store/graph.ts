// The rows the network is built from, for one date window; analyze/graph.ts does the aggregation.
// Only what the text asserts or reports as claimed makes an edge: negated, hypothetical and future
// events and negated relations stay in the event lists but draw no tie. Articles that copy another
// count once: their mentions, events and relations are left out here (the lists still show them).
import { buildGraph, type Graph, type GraphActorRow, type GraphEventRow, type GraphRelationRow } from '../analyze/graph.js';
import { where, type Sql } from './sql.js';
import type { DateWindow } from './types.js';
import { dateInWindow, spanInWindow, windowParams } from './window.js';
import { loadOntology } from '../core/ontology.js';

/** The modalities that draw an edge (models/ontology.yaml, `tie`), as SQL literals: ids are [a-z_] only. */
const TIES = loadOntology().modalities.filter((m) => m.tie).map((m) => `'${m.id}'`).join(', ');

export interface GraphQuery extends DateWindow {
  maxNodes?: number;
}

export function createGraphQuery(sql: Sql) {
  return async function graph(query: GraphQuery = {}): Promise<Graph> {
    const params = windowParams(query);
    const events = await sql.all<GraphEventRow>(
      `SELECT e.id AS "eventId", e.type, e.intensity, e.effective_date AS "when", e.evidence_id AS "evidenceId",
         s.actor_id AS "sourceId", t.actor_id AS "targetId"
       FROM events e
       JOIN articles a ON a.id = e.article_id
       JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
       JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
       ${where([`e.modality IN (${TIES})`, 'a.duplicate_of IS NULL', ...dateInWindow('e.effective_date', query)])}
       ORDER BY e.id, s.actor_id, t.actor_id`,
      params,
    );
    const relations = await sql.all<GraphRelationRow>(
      `SELECT r.id AS "relationId", r.type, r.source_id AS "sourceId", r.target_id AS "targetId",
         r.span_from AS "from", r.span_to AS "to", r.evidence_id AS "evidenceId"
       FROM relations r JOIN articles a ON a.id = r.article_id
       ${where(['r.negated = 0', 'a.duplicate_of IS NULL', ...spanInWindow('r.span_from', 'r.span_to', query)])}
       ORDER BY r.id`,
      params,
    );
    const weights = await sql.all<{ id: string; weight: number }>(
      `SELECT m.actor_id AS id, COUNT(*) AS weight
       FROM mentions m JOIN articles a ON a.id = m.article_id
       ${where(['a.duplicate_of IS NULL', ...dateInWindow('a.published_at', query)])}
       GROUP BY m.actor_id ORDER BY m.actor_id`,
      params,
    );
    const weightOf = new Map(weights.map((w) => [w.id, w.weight]));
    const ids = new Set([...weightOf.keys(), ...events.flatMap((e) => [e.sourceId, e.targetId]),
      ...relations.flatMap((r) => [r.sourceId, r.targetId])]);
    const actors = (await sql.all<Omit<GraphActorRow, 'weight'>>(
        `SELECT id, name, kind, country FROM actors WHERE ${sql.dialect.inList('id', 'ids')} ORDER BY id`,
        { ids: sql.dialect.idList([...ids]) },
      ))
      .map((actor) => ({ ...actor, weight: weightOf.get(actor.id) ?? 0 }));
    return buildGraph({ actors, events, relations }, { maxNodes: query.maxNodes });
  };
}
