import Database from 'better-sqlite3';
const d = new Database('/tmp/benchdb/bench.db');
const q = `SELECT COUNT(*) AS n FROM events e JOIN evidence ev ON ev.id = e.evidence_id WHERE ev.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH '"militia"*')`;
for (const r of d.prepare('EXPLAIN QUERY PLAN ' + q).all()) console.log(r.detail);
let t = performance.now(); console.log(d.prepare(`SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH '"militia"*'`).get(), performance.now() - t);
t = performance.now(); console.log(d.prepare(`SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH '"militia"'`).get(), performance.now() - t);
