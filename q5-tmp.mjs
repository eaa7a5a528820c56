import Database from 'better-sqlite3';
import { EVENT_SELECT } from './dist/src/store/rows.js';
const d = new Database('/tmp/benchdb/bench.db');
const cnt = `SELECT COUNT(*) AS n FROM events e JOIN evidence ev ON ev.id = e.evidence_id WHERE ev.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH @match)`;
let t = performance.now(); console.log(d.prepare(cnt).get({ match: '"militia"*' }), performance.now() - t);
const q = `${EVENT_SELECT} WHERE ev.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH @match) ORDER BY e.effective_date IS NULL, e.effective_date DESC, ev.start, e.id LIMIT 50`;
for (const r of d.prepare('EXPLAIN QUERY PLAN ' + q).all({ match: 'x' })) console.log(r.detail);
t = performance.now(); console.log(d.prepare(q).all({ match: '"militia"*' }).length, performance.now() - t);
