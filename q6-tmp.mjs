import Database from 'better-sqlite3';
const d = new Database('/tmp/benchdb/bench.db');
const cnt = `SELECT COUNT(*) AS n FROM events e JOIN evidence ev ON ev.id = e.evidence_id WHERE ev.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH @match)`;
for (const r of d.prepare('EXPLAIN QUERY PLAN ' + cnt).all({ match: 'x' })) console.log(r.detail);
const cnt2 = `SELECT COUNT(*) AS n FROM evidence_fts f JOIN evidence ev ON ev.seq = f.rowid JOIN events e ON e.evidence_id = ev.id WHERE evidence_fts MATCH @match`;
for (const r of d.prepare('EXPLAIN QUERY PLAN ' + cnt2).all({ match: 'x' })) console.log(r.detail);
