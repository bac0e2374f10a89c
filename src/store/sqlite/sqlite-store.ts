import type { Article, RawInput } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import {
  type ArticleRow,
  articleToRow,
  type IdentityRow,
  type RawInputRow,
  rawToRow,
  rowToArticle,
  rowToIdentity,
  rowToRaw,
  rowToSummary,
  type SummaryRow,
} from '../article-rows.ts';
import { derivedValue, type OnUnreadable, UNREADABLE } from '../derived-value.ts';
import type { ArticleSummary, DerivedRecord, ListOptions, PutResult, SearchHit, Store } from '../store.ts';
import { toFtsQuery } from './fts-query.ts';
import { type Migration, sqliteMigrations } from './migrations.ts';
import { SqliteLocks } from './sqlite-lock.ts';
import { BUSY_TIMEOUT_MS, migrateSqlite, openDatabase, useWal } from './sqlite-open.ts';

/** A row of the derived table. */
type DerivedRow = Record<'key' | 'version' | 'value_json' | 'updated_at', string>;

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  /** Open an existing database only; fail instead of creating one. */
  mustExist?: boolean;
  migrations?: readonly Migration[];
}

const ARTICLE_COLUMNS = Object.keys(articleToRowShape()).join(', ');

function articleToRowShape(): Record<keyof ArticleRow, true> {
  return {
    id: true,
    identity: true,
    raw_sha256: true,
    item_key: true,
    content_sha256: true,
    format: true,
    input_path: true,
    input_url: true,
    title: true,
    outlet: true,
    byline: true,
    published_at: true,
    published_at_evidence: true,
    dateline: true,
    canonical_url: true,
    language: true,
    section: true,
    text: true,
    body_start: true,
    raw_text: true,
    removed_json: true,
    kept_json: true,
    evidence_json: true,
    extractor_name: true,
    extractor_version: true,
    ingested_at: true,
  };
}

/** The embedded default store: one SQLite file, WAL journal, FTS5 over the clean text. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = openDatabase(options.path, options.mustExist);
  try {
    // The busy timeout first: migrating waits for another process opening the file.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    useWal(db);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db, options.migrations ?? sqliteMigrations);
  } catch (cause) {
    db.close();
    if (cause instanceof SitrepError) throw cause;
    throw new SitrepError(
      'STORE_FAILED',
      `[sitrep] [sqlite] ${options.path} is not a usable Sitrep database: ${(cause as Error).message}`,
      { cause },
    );
  }

  const insertRaw = db.prepare(
    `INSERT OR IGNORE INTO raw_inputs (sha256, bytes, source_kind, source_path, source_url, final_url, content_type, received_at)
     VALUES (@sha256, @bytes, @source_kind, @source_path, @source_url, @final_url, @content_type, @received_at)`,
  );
  const columns = ARTICLE_COLUMNS.split(', ');
  const upsertArticle = db.prepare(
    `INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT(identity) DO UPDATE SET ${columns
       .filter((c) => c !== 'id' && c !== 'identity')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  );
  const byIdentity = db.prepare(
    'SELECT id, content_sha256, extractor_name, extractor_version FROM articles WHERE identity = ?',
  );

  /** The derived records of a kind in key order, read one row at a time. */
  const derivedRows = (kind: string) =>
    db
      .prepare('SELECT key, version, value_json, updated_at FROM derived WHERE kind = ? ORDER BY key')
      .iterate(kind) as IterableIterator<DerivedRow>;
  const putDerivedRows = db.transaction((records: DerivedRecord[]) => {
    const insert = db.prepare(
      `INSERT INTO derived (kind, key, version, value_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, value_json = excluded.value_json,
         updated_at = excluded.updated_at`,
    );
    for (const r of records) insert.run(r.kind, r.key, r.version, JSON.stringify(r.value), r.updatedAt);
  });

  const hasRaw = db.prepare('SELECT 1 FROM raw_inputs WHERE sha256 = ?').pluck();
  const putArticle = db.transaction((raw: RawInput, article: Article): PutResult => {
    // The items of one JSON-lines file or feed share its raw bytes: they are bound and written once,
    // not once per item (a 35 MB file of 20,000 items would copy 700 GB).
    if (hasRaw.get(raw.sha256) === undefined) insertRaw.run(rawToRow(raw));
    const before = byIdentity.get(article.identity) as
      | { id: string; content_sha256: string; extractor_name: string; extractor_version: string }
      | undefined;
    if (
      before &&
      before.content_sha256 === article.contentSha256 &&
      before.extractor_name === article.extractor.name &&
      before.extractor_version === article.extractor.version
    ) {
      return 'unchanged';
    }
    upsertArticle.run(articleToRow({ ...article, id: before?.id ?? article.id }));
    return before ? 'updated' : 'inserted';
  });

  const locks = new SqliteLocks(options.path);
  return {
    driver: 'sqlite',
    capabilities: { fullTextSearch: true },

    async putArticle(raw, article) {
      // BEGIN IMMEDIATE: the transaction reads before it writes, and a deferred one that another
      // process's commit overtakes cannot upgrade to a write lock — SQLite answers "database is
      // locked" at once, without waiting out the busy timeout (3 of 160 concurrent first ingests).
      return putArticle.immediate(raw, article);
    },

    async putRawInput(raw) {
      return insertRaw.run(rawToRow(raw)).changes > 0;
    },

    async getRawInput(sha256) {
      const row = db.prepare('SELECT * FROM raw_inputs WHERE sha256 = ?').get(sha256) as
        | RawInputRow
        | undefined;
      return row ? rowToRaw(row) : undefined;
    },

    async hasRawInput(sha256) {
      return db.prepare('SELECT 1 FROM raw_inputs WHERE sha256 = ?').get(sha256) !== undefined;
    },

    async findByIdentity(identity) {
      const row = byIdentity.get(identity) as IdentityRow | undefined;
      return row ? rowToIdentity(row) : undefined;
    },

    async getArticle(id) {
      const row = db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as
        | ArticleRow
        | undefined;
      return row ? rowToArticle(row) : undefined;
    },

    async findArticleIds(prefix, limit = 10) {
      const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
      const rows = db
        .prepare("SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?")
        .all(`${escaped}%`, limit) as { id: string }[];
      return rows.map((r) => r.id);
    },

    async listArticles(listOptions: ListOptions = {}): Promise<ArticleSummary[]> {
      const where = listOptions.outlet ? 'WHERE outlet = @outlet COLLATE NOCASE' : '';
      const rows = db
        .prepare(
          `SELECT id, title, outlet, byline, published_at, language, input_path, input_url, ingested_at,
                  length(text) AS chars, json_array_length(removed_json) AS removed_blocks
           FROM articles ${where}
           ORDER BY coalesce(published_at, '9999') , coalesce(input_path, input_url, ''), id
           LIMIT @limit OFFSET @offset`,
        )
        .all({
          outlet: listOptions.outlet ?? null,
          limit: listOptions.limit ?? -1,
          offset: listOptions.offset ?? 0,
        }) as SummaryRow[];
      return rows.map(rowToSummary);
    },

    async countArticles(countOptions = {}) {
      if (countOptions.outlet !== undefined) {
        const sql = 'SELECT count(*) AS n FROM articles WHERE outlet = ? COLLATE NOCASE';
        return (db.prepare(sql).get(countOptions.outlet) as { n: number }).n;
      }
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    },

    async countSearchHits(query) {
      try {
        const sql = 'SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?';
        return (db.prepare(sql).get(toFtsQuery(query)) as { n: number }).n;
      } catch (cause) {
        throw new SitrepError(
          'USAGE',
          `invalid search query ${JSON.stringify(query)}: ${(cause as Error).message}`,
          {
            cause,
          },
        );
      }
    },

    async searchArticles(query, searchOptions = {}): Promise<SearchHit[]> {
      const match = toFtsQuery(query);
      try {
        const rows = db
          .prepare(
            `SELECT a.id, a.title, a.outlet, a.published_at,
                    snippet(articles_fts, 1, '«', '»', '…', 16) AS snippet, bm25(articles_fts, 4.0, 1.0) AS rank
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
          )
          .all(match, searchOptions.limit ?? 20, searchOptions.offset ?? 0) as {
          id: string;
          title: string | null;
          outlet: string | null;
          published_at: string | null;
          snippet: string;
          rank: number;
        }[];
        return rows.map((r) => {
          const hit: SearchHit = { id: r.id, snippet: r.snippet, rank: r.rank };
          if (r.title) hit.title = r.title;
          if (r.outlet) hit.outlet = r.outlet;
          if (r.published_at) hit.publishedAt = r.published_at;
          return hit;
        });
      } catch (cause) {
        throw new SitrepError(
          'USAGE',
          `invalid search query ${JSON.stringify(query)}: ${(cause as Error).message}`,
          {
            cause,
          },
        );
      }
    },

    async allArticles() {
      const rows = db
        .prepare(
          `SELECT ${ARTICLE_COLUMNS} FROM articles
           ORDER BY coalesce(published_at, '9999'), coalesce(input_path, input_url, ''), id`,
        )
        .all() as ArticleRow[];
      return rows.map(rowToArticle);
    },

    async putDerived(record) {
      putDerivedRows([record]);
    },

    async putDerivedMany(records) {
      putDerivedRows(records);
    },

    async listDerived<T>(kind: string, options?: { unreadable?: OnUnreadable }): Promise<DerivedRecord<T>[]> {
      const out: DerivedRecord<T>[] = [];
      // Row by row: the JSON text of one record at a time, not of every record at once beside the values.
      for (const row of derivedRows(kind)) {
        const value = derivedValue<T>(row.key, row.value_json, options?.unreadable);
        if (value === UNREADABLE) continue;
        out.push({ kind, key: row.key, version: row.version, value, updatedAt: row.updated_at });
      }
      return out;
    },

    async listDerivedText(kind: string): Promise<DerivedRecord<string>[]> {
      return Array.from(derivedRows(kind), (row) => ({
        kind,
        key: row.key,
        version: row.version,
        value: row.value_json,
        updatedAt: row.updated_at,
      }));
    },

    async getDerived<T>(kind: string, key: string): Promise<DerivedRecord<T> | undefined> {
      const row = db
        .prepare('SELECT version, value_json, updated_at FROM derived WHERE kind = ? AND key = ?')
        .get(kind, key) as Omit<DerivedRow, 'key'> | undefined;
      if (!row) return undefined;
      return {
        kind,
        key,
        version: row.version,
        value: JSON.parse(row.value_json) as T,
        updatedAt: row.updated_at,
      };
    },

    async deleteDerived(kind, key) {
      const result =
        key === undefined
          ? db.prepare('DELETE FROM derived WHERE kind = ?').run(kind)
          : db.prepare('DELETE FROM derived WHERE kind = ? AND key = ?').run(kind, key);
      return result.changes;
    },

    withLock: (name, body, lockOptions) => locks.withLock(name, body, lockOptions),

    async close() {
      if (db.open) db.close();
    },
  };
}
