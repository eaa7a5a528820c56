// The SQL that differs between SQLite and PostgreSQL, in one place. Everything else in the store's
// queries is written once and runs on both.

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** A JSON array text of `expression` over the rows, in `order`; '[]' when there are none. */
  jsonArray(expression: string, order?: string): string;
  /** A JSON object text from key/expression pairs. */
  jsonObject(pairs: [string, string][]): string;
  /** `column` is one of the ids in @param (given as `idList(ids)`). */
  inList(column: string, param: string): string;
  idList(ids: string[]): unknown;
  /** The column that keeps insertion order of a table without an explicit one (`alias.rowid`). */
  insertionOrder(alias: string): string;
  /** A date column that starts with a four-digit year (a malformed date is no bound). */
  startsWithYear(column: string): string;
  /** The text query a user typed, for textMatch; null when it has no word. */
  textQuery(input: string): string | null;
  /** `alias`'s row matches @match: articles by title and text, evidence by sentence. */
  articleMatches(alias: string): string;
  evidenceMatches(alias: string): string;
}

const words = (input: string) => input.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu);

export const SQLITE: Dialect = {
  name: 'sqlite',
  jsonArray: (expression, order) => `json_group_array(${expression}${order ? ` ORDER BY ${order}` : ''})`,
  jsonObject: (pairs) => `json_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  inList: (column, param) => `${column} IN (SELECT value FROM json_each(@${param}))`,
  idList: (ids) => JSON.stringify(ids),
  insertionOrder: (alias) => `${alias}.rowid`,
  startsWithYear: (column) => `${column} GLOB '[0-9][0-9][0-9][0-9]*'`,
  // Every word must occur, the last may be a prefix (search as you type); each word is quoted, so
  // FTS5 operators and punctuation in the input can never make a syntax error.
  textQuery: (input) => words(input)?.map((w, i, all) => `"${w}"${i === all.length - 1 ? '*' : ''}`).join(' ') ?? null,
  articleMatches: (alias) => `${alias}.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)`,
  evidenceMatches: (alias) => `${alias}.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH @match)`,
};

// PostgreSQL keeps the same full-text semantics with the 'simple' configuration (no stemming, no
// stop words, as FTS5's unicode61) over expression indexes (migrations-postgres.ts).
export const ARTICLE_TSVECTOR = (alias: string) => `to_tsvector('simple', coalesce(${alias}.title, '') || ' ' || ${alias}.text)`;
export const EVIDENCE_TSVECTOR = (alias: string) => `to_tsvector('simple', ${alias}.sentence)`;

export const POSTGRES: Dialect = {
  name: 'postgres',
  jsonArray: (expression, order) => `coalesce(json_agg(${expression}${order ? ` ORDER BY ${order}` : ''}), '[]'::json)::text`,
  jsonObject: (pairs) => `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  inList: (column, param) => `${column} = ANY(@${param})`,
  idList: (ids) => ids,
  insertionOrder: (alias) => `${alias}.seq`,
  startsWithYear: (column) => `${column} ~ '^[0-9]{4}'`,
  textQuery: (input) => words(input)?.map((w, i, all) => `'${w.toLowerCase()}'${i === all.length - 1 ? ':*' : ''}`).join(' & ') ?? null,
  articleMatches: (alias) => `${ARTICLE_TSVECTOR(alias)} @@ to_tsquery('simple', @match)`,
  evidenceMatches: (alias) => `${EVIDENCE_TSVECTOR(alias)} @@ to_tsquery('simple', @match)`,
};
