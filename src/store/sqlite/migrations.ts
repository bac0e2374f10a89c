/** Schema migrations for the SQLite driver, applied in order, each once, in a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'raw inputs, articles, full-text index',
    sql: `
CREATE TABLE raw_inputs (
  sha256        TEXT PRIMARY KEY,
  bytes         BLOB NOT NULL,
  source_kind   TEXT NOT NULL CHECK (source_kind IN ('file', 'url', 'stdin')),
  source_path   TEXT,
  source_url    TEXT,
  final_url     TEXT,
  content_type  TEXT,
  received_at   TEXT NOT NULL
);

CREATE TABLE articles (
  id                     TEXT PRIMARY KEY,
  identity               TEXT NOT NULL UNIQUE,
  raw_sha256             TEXT NOT NULL REFERENCES raw_inputs(sha256),
  item_key               TEXT NOT NULL,
  content_sha256         TEXT NOT NULL,
  format                 TEXT NOT NULL,
  input_path             TEXT,
  input_url              TEXT,
  title                  TEXT,
  outlet                 TEXT,
  byline                 TEXT,
  published_at           TEXT,
  published_at_evidence  TEXT,
  dateline               TEXT,
  canonical_url          TEXT,
  language               TEXT,
  section                TEXT,
  text                   TEXT NOT NULL,
  body_start             INTEGER NOT NULL,
  raw_text               TEXT NOT NULL,
  removed_json           TEXT NOT NULL,
  kept_json              TEXT NOT NULL,
  evidence_json          TEXT NOT NULL,
  extractor_name         TEXT NOT NULL,
  extractor_version      TEXT NOT NULL,
  ingested_at            TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published_at);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content='articles', content_rowid='rowid',
  tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
`,
  },
  {
    version: 2,
    name: 'derived records (annotations, cluster state, analyses)',
    sql: `
CREATE TABLE derived (
  kind        TEXT NOT NULL,
  key         TEXT NOT NULL,
  version     TEXT NOT NULL,
  value_json  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
`,
  },
];
