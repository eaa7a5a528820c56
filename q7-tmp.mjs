import Database from 'better-sqlite3';
const d = new Database('/tmp/benchdb/bench.db');
d.exec('CREATE INDEX IF NOT EXISTS events_by_evidence ON events(evidence_id); CREATE INDEX IF NOT EXISTS relations_by_evidence ON relations(evidence_id);');
const time = (name, q) => { for (const r of d.prepare('EXPLAIN QUERY PLAN ' + q).all({ match: 'x' })) console.log('  ', r.detail); const t = performance.now(); const x = d.prepare(q).get({ match: '"militia"*' }); console.log(name, x, (performance.now() - t).toFixed(1)); };
time('join', `SELECT COUNT(*) AS n FROM evidence_fts f JOIN evidence ev ON ev.seq = f.rowid JOIN events e ON e.evidence_id = ev.id WHERE evidence_fts MATCH @match`);
time('in-ids', `SELECT COUNT(*) AS n FROM events e WHERE e.evidence_id IN (SELECT ev.id FROM evidence_fts f JOIN evidence ev ON ev.seq = f.rowid WHERE evidence_fts MATCH @match)`);
time('in-seq', `SELECT COUNT(*) AS n FROM events e JOIN evidence ev ON ev.id = e.evidence_id WHERE ev.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH @match)`);
