// The store's schema as an ordered list of steps. Never edit a step once released: add the next one.
// `migrate.ts` applies the steps a database has not seen yet, all in one transaction.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, actors, mentions, evidence, events, relations',
    sql: `
-- seq is an explicit integer key so the full-text index can point at a rowid that VACUUM keeps.
CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source_uri   TEXT NOT NULL,
  source_index INTEGER NOT NULL,
  outlet       TEXT,
  title        TEXT,
  url          TEXT,
  published_at TEXT,
  text         TEXT NOT NULL,
  duplicate_of TEXT,
  spun         INTEGER NOT NULL DEFAULT 0,
  relevance    REAL NOT NULL DEFAULT 0,
  -- hash of everything saved for the article: a re-ingest of the same input is recognised and skipped
  content_hash TEXT NOT NULL,
  ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_by_date ON articles(published_at);
CREATE INDEX articles_by_source ON articles(source_uri, source_index);

CREATE TABLE actors (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  country     TEXT,
  description TEXT,
  discovered  INTEGER NOT NULL DEFAULT 0,
  -- name folded for search (case, diacritics, punctuation): SQLite's LIKE only folds ASCII
  search_key  TEXT NOT NULL
);
CREATE INDEX actors_by_key ON actors(search_key);

CREATE TABLE aliases (
  actor_id   TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  search_key TEXT NOT NULL,
  PRIMARY KEY (actor_id, alias)
);
CREATE INDEX aliases_by_key ON aliases(search_key);

CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  actor_id   TEXT NOT NULL REFERENCES actors(id),
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  method     TEXT NOT NULL
);
CREATE INDEX mentions_by_article ON mentions(article_id);
CREATE INDEX mentions_by_actor ON mentions(actor_id, article_id);

CREATE TABLE evidence (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  sentence      TEXT NOT NULL,
  attributed_to TEXT
);
CREATE INDEX evidence_by_article ON evidence(article_id);

CREATE TABLE events (
  id               TEXT PRIMARY KEY,
  article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  type             TEXT NOT NULL,
  mode             TEXT,
  cameo            TEXT,
  intensity        REAL,
  date             TEXT,
  -- the event's date, or the article's when the text gives none: what date windows filter on
  effective_date   TEXT,
  location_name    TEXT,
  location_country TEXT,
  lat              REAL,
  lon              REAL,
  modality         TEXT NOT NULL,
  confidence       REAL NOT NULL,
  evidence_id      TEXT NOT NULL REFERENCES evidence(id),
  trigger_start    INTEGER,
  trigger_end      INTEGER
);
CREATE INDEX events_by_article ON events(article_id);
CREATE INDEX events_by_date ON events(effective_date);
CREATE INDEX events_by_type ON events(type, effective_date);

CREATE TABLE event_actors (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
  -- order within the event's sources or targets, as the pipeline gave them
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, role, actor_id)
);
CREATE INDEX event_actors_by_actor ON event_actors(actor_id, role);

CREATE TABLE relations (
  id          TEXT PRIMARY KEY,
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  source_id   TEXT NOT NULL REFERENCES actors(id),
  target_id   TEXT NOT NULL REFERENCES actors(id),
  role        TEXT,
  valid_from  TEXT,
  valid_to    TEXT,
  negated     INTEGER NOT NULL DEFAULT 0,
  confidence  REAL NOT NULL,
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  -- the time the relation holds for date windows: validFrom..validTo, else the article's date; NULL = open
  span_from   TEXT,
  span_to     TEXT
);
CREATE INDEX relations_by_article ON relations(article_id);
CREATE INDEX relations_by_source ON relations(source_id, type);
CREATE INDEX relations_by_target ON relations(target_id, type);
`,
  },
  {
    version: 2,
    name: 'full-text search over articles and evidence sentences',
    // External-content FTS5 tables: the text is stored once, the triggers keep the index in step.
    sql: `
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5(
  sentence, content='evidence', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF sentence ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
  INSERT INTO evidence_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;

-- index what a version-1 database already holds
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
`,
  },
  {
    version: 3,
    name: 'index the evidence of events and relations',
    // Without them, replacing an article's evidence checks every event and relation for a reference,
    // and a text search over evidence joins back to events by a full scan.
    sql: `
CREATE INDEX events_by_evidence ON events(evidence_id);
CREATE INDEX relations_by_evidence ON relations(evidence_id);
`,
  },
  {
    version: 4,
    name: 'provenance of mentions, events and relations; messages of each article',
    // producer is the JSON {component, rule?, model?, version} that made the row: NULL for rows saved
    // before it was kept. Messages are what cleaning and extraction doubted about the article, with
    // their rule id and position, so the store can report them grouped by id.
    sql: `
ALTER TABLE mentions ADD COLUMN producer TEXT;
ALTER TABLE events ADD COLUMN producer TEXT;
ALTER TABLE relations ADD COLUMN producer TEXT;

CREATE TABLE messages (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  id         TEXT NOT NULL,
  component  TEXT NOT NULL,
  severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  uri        TEXT NOT NULL,
  line       INTEGER,
  item       INTEGER,
  start      INTEGER,
  "end"      INTEGER,
  reason     TEXT NOT NULL,
  PRIMARY KEY (article_id, position)
);
CREATE INDEX messages_by_id ON messages(id);
`,
  },
  {
    version: 5,
    name: 'author and language of each article',
    // What cleaning reads from a page's byline and its declared (or guessed) language; NULL when the page does not say.
    sql: `
ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;
`,
  },
  {
    version: 6,
    name: "the article's place from its dateline",
    // place is the JSON {name, country, start, end, dateline, producer} of the Doc's place (src/core/doc.ts);
    // place_name is its name, to filter on. Both NULL for an article without a dateline, or saved before.
    sql: `
ALTER TABLE articles ADD COLUMN place_name TEXT;
ALTER TABLE articles ADD COLUMN place TEXT;
`,
  },
  {
    version: 7,
    name: 'analyst judgements',
    // What an analyst decided about the extracted data: a claim (event or relation) is wrong, actor
    // actor_id is the same as into_id (merge), or actor_id has another alias. Extracted rows are never
    // changed: the store applies the live judgements when it reads. Undoing keeps the row (undone_at,
    // undone_by), so the history stays; a split is the undo of a merge. No foreign keys: a re-ingest
    // may replace the claims and actors a judgement names, and the judgement must outlive that.
    sql: `
CREATE TABLE judgements (
  seq         INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('claim_wrong', 'merge', 'alias')),
  claim_id    TEXT,
  claim_kind  TEXT CHECK (claim_kind IN ('event', 'relation')),
  actor_id    TEXT,
  into_id     TEXT,
  alias       TEXT,
  -- the alias folded as actors.search_key, to find the actor by it
  search_key  TEXT,
  author      TEXT NOT NULL,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  undone_at   TEXT,
  undone_by   TEXT,
  undo_reason TEXT
);
CREATE INDEX judgements_by_claim ON judgements(claim_id, kind);
CREATE INDEX judgements_by_actor ON judgements(actor_id, kind);
`,
  },
  {
    version: 8,
    name: "the knowledge base's dated roles",
    // Who held which office when (kb/*/roles*.yaml), replaced whole each time the knowledge base is
    // saved (store.saveRoles); the actor page shows them beside the holds_role relations the texts state.
    // No foreign key: a role may name a holder before the actor is saved, and the KB is checked on load.
    sql: `
CREATE TABLE actor_roles (
  role_id    TEXT NOT NULL,
  position   INTEGER NOT NULL,
  title      TEXT NOT NULL,
  of_id      TEXT,
  actor_id   TEXT NOT NULL,
  valid_from TEXT,
  valid_to   TEXT,
  PRIMARY KEY (role_id, position)
);
CREATE INDEX actor_roles_by_actor ON actor_roles(actor_id);
`,
  },
  {
    version: 9,
    name: 'retellings: the other sentences of an article that tell an event',
    // One happening told in the lead, the details and the recap is one event (src/extract/events.ts
    // mergeRepeatedEvents); its first telling is events.evidence_id, the others are listed here.
    sql: `
CREATE TABLE event_retellings (
  event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (event_id, position)
);
CREATE INDEX event_retellings_by_evidence ON event_retellings(evidence_id);
`,
  },
];
