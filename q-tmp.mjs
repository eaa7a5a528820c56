import Database from 'better-sqlite3';
const d = new Database('/tmp/benchdb/bench.db');
const plan = (q, p = {}) => { console.log(q.replace(/\s+/g, ' ').slice(0, 140)); for (const r of d.prepare('EXPLAIN QUERY PLAN ' + q).all(p)) console.log('   ', r.detail); const t = performance.now(); const rows = d.prepare(q).all(p); console.log('   =>', rows.length, 'rows', (performance.now() - t).toFixed(1), 'ms'); };
plan(`SELECT e.id AS eventId, e.type, e.intensity, e.effective_date AS "when", e.evidence_id AS evidenceId, s.actor_id AS sourceId, t.actor_id AS targetId
 FROM events e JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
 WHERE e.modality IN ('asserted', 'claimed')`);
plan(`SELECT r.id AS relationId, r.type, r.source_id AS sourceId, r.target_id AS targetId, r.span_from AS "from", r.span_to AS "to", r.evidence_id AS evidenceId FROM relations r WHERE r.negated = 0`);
plan(`SELECT m.actor_id AS id, COUNT(*) AS weight FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.actor_id`);
