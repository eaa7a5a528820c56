// The search as a client outside SQL applies it (the JSONL export filters claims it has read): the
// actors it names, with those merged into them, or, when it names none, the evidence sentences it
// matches. The same rule as views-filter.ts's and the network's.
import { actorMerges } from './judgements.js';
import type { Sql } from './sql.js';
import { searchScope } from './views-filter.js';

export type SearchedClaims = { kind: 'actors'; ids: string[] } | { kind: 'text'; evidenceIds: string[] } | { kind: 'nothing' };

export function createViewSearch(sql: Sql) {
  async function searchClaims(q: string): Promise<SearchedClaims> {
    const scope = await searchScope(sql, q, await actorMerges(sql));
    if (scope.kind !== 'text') return scope;
    const rows = await sql.all<{ id: string }>(`SELECT ev.id FROM evidence ev WHERE ${sql.dialect.evidenceMatches('ev')}`, { match: scope.match });
    return { kind: 'text', evidenceIds: rows.map((r) => r.id) };
  }
  return { searchClaims };
}
