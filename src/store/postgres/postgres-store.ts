import type { Article, RawInput } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { derivedValue, type OnUnreadable, UNREADABLE } from '../derived-value.ts';
import type { ArticleSummary, DerivedRecord, ListOptions, PutResult, SearchHit, Store } from '../store.ts';
import {
  type ArticleRow,
  articleValues,
  COLUMNS,
  type IdentityRow,
  JSON_COLUMNS,
  type RawInputRow,
  rawValues,
  rowToArticle,
  rowToIdentity,
  rowToRaw,
  rowToSummary,
  SELECT_ARTICLE,
  type SummaryRow,
} from './article-row.ts';
import { type Migration, migratePostgres, postgresMigrations } from './migrations.ts';
import {
  inTransaction,
  loadPg,
  type PgPool,
  poolConfig,
  quoteIdent,
  redactUrl,
  sqlState,
} from './pg-client.ts';
import { withPgLock } from './pg-lock.ts';
import { toTsQuery } from './ts-query.ts';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (libpq-style parameters are accepted too). */
  connectionString: string;
  /** The schema holding Sitrep's tables (created when missing); default `public`. */
  schema?: string;
  /** Open existing tables only; fail with NOT_FOUND instead of creating them. */
  mustExist?: boolean;
  migrations?: readonly Migration[];
  /** Largest number of pooled connections (default 10). */
  maxConnections?: number;
}

/** The list order shared with SQLite; the columns are COLLATE "C" (see migrations.ts). */
const LIST_ORDER = `coalesce(published_at, '9999'), coalesce(input_path, input_url, ''), id`;
/** ts_rank weights {D, C, B, A}: a title match (A) counts four times a text match (B), as in SQLite's bm25(4, 1). */
const RANK_WEIGHTS = `'{0.1, 0.2, 0.25, 1.0}'::real[]`;
const HEADLINE_OPTIONS = 'StartSel="«", StopSel="»", MaxWords=24, MinWords=8, ShortWord=3, MaxFragments=1';
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Postgres cannot store NUL in text; say so instead of passing on an encoding error. */
function storeError(cause: unknown, what: string): unknown {
  const state = sqlState(cause);
  if (state === '22021' || state === '22P05') {
    return new SitrepError(
      'STORE_FAILED',
      `[sitrep] [postgres] cannot store ${what}: it contains a NUL character, which PostgreSQL text cannot hold`,
      { cause },
    );
  }
  return cause;
}

/**
 * True when a value a caller looks up by holds a NUL character. PostgreSQL text cannot hold one, so
 * such a value matches nothing stored (SQLite answers the same way) and is not sent: the server
 * would refuse the query ("invalid byte sequence for encoding UTF8: 0x00").
 */
const holdsNul = (value: string | undefined): boolean => value?.includes('\u0000') ?? false;

async function openPool(options: PostgresStoreOptions): Promise<PgPool> {
  const { Pool } = await loadPg();
  const pool = new Pool(
    poolConfig(options.connectionString, {
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 10_000,
    }),
  );
  // An idle connection that dies is dropped by the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  return pool;
}

/** The networked store: PostgreSQL tables in one schema, a generated tsvector column for search. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new SitrepError(
      'USAGE',
      `[sitrep] [postgres] invalid schema name ${JSON.stringify(schema)}: use letters, digits and _ (at most 63)`,
    );
  }
  const pool = await openPool(options);
  try {
    await migratePostgres(pool, schema, options.migrations ?? postgresMigrations, {
      mustExist: options.mustExist ?? false,
    });
  } catch (cause) {
    await pool.end();
    if (cause instanceof SitrepError) throw cause;
    const state = sqlState(cause);
    const connecting = state === undefined || /^(08|28|3D)/.test(state);
    const hint = connecting ? '; check the URL, the credentials and that the server is running' : '';
    throw new SitrepError(
      'STORE_FAILED',
      `[sitrep] [postgres] cannot open ${redactUrl(options.connectionString)}: ${(cause as Error).message}${hint}`,
      { cause },
    );
  }

  const s = quoteIdent(schema);
  const insertRaw = `INSERT INTO ${s}.raw_inputs (sha256, bytes, source_kind, source_path, source_url, final_url, content_type, received_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sha256) DO NOTHING`;
  // The WHERE makes an unchanged re-put a no-op that returns no row; xmax = 0 tells a fresh insert from an update.
  const upsertArticle = `INSERT INTO ${s}.articles AS a (${COLUMNS.join(', ')})
    VALUES (${COLUMNS.map((c, i) => `$${i + 1}${JSON_COLUMNS.has(c) ? '::json' : ''}`).join(', ')})
    ON CONFLICT (identity) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id' && c !== 'identity')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ')}
    WHERE (a.content_sha256, a.extractor_name, a.extractor_version)
      IS DISTINCT FROM (EXCLUDED.content_sha256, EXCLUDED.extractor_name, EXCLUDED.extractor_version)
    RETURNING (a.xmax = 0) AS inserted`;
  let closed = false;

  /** The derived rows of a kind in key order (none for a kind holding NUL, which nothing stored holds). */
  const derivedRows = async (kind: string) =>
    holdsNul(kind)
      ? []
      : (
          await pool.query<{ key: string; version: string; value_json: unknown; updated_at: string }>(
            `SELECT key, version, value_json, updated_at FROM ${s}.derived WHERE kind = $1 ORDER BY key`,
            [kind],
          )
        ).rows;
  return {
    driver: 'postgres',
    capabilities: { fullTextSearch: true },

    async putArticle(raw: RawInput, article: Article): Promise<PutResult> {
      try {
        return await inTransaction(pool, async (client) => {
          // Items of one JSON-lines file or feed share its raw bytes: sent once, not once per item.
          const present = await client.query(`SELECT 1 FROM ${s}.raw_inputs WHERE sha256 = $1`, [raw.sha256]);
          if (present.rowCount === 0) await client.query(insertRaw, rawValues(raw));
          const result = await client.query<{ inserted: boolean }>(upsertArticle, articleValues(article));
          const first = result.rows[0];
          return first === undefined ? 'unchanged' : first.inserted ? 'inserted' : 'updated';
        });
      } catch (cause) {
        throw storeError(cause, `article ${article.id}`);
      }
    },

    async putRawInput(raw) {
      return ((await pool.query(insertRaw, rawValues(raw))).rowCount ?? 0) > 0;
    },

    async getRawInput(sha256) {
      if (holdsNul(sha256)) return undefined;
      const { rows } = await pool.query<RawInputRow>(`SELECT * FROM ${s}.raw_inputs WHERE sha256 = $1`, [
        sha256,
      ]);
      return rows[0] ? rowToRaw(rows[0]) : undefined;
    },

    async hasRawInput(sha256) {
      if (holdsNul(sha256)) return false;
      const { rowCount } = await pool.query(`SELECT 1 FROM ${s}.raw_inputs WHERE sha256 = $1`, [sha256]);
      return (rowCount ?? 0) > 0;
    },

    async findByIdentity(identity) {
      if (holdsNul(identity)) return undefined;
      const { rows } = await pool.query<IdentityRow>(
        `SELECT id, content_sha256, extractor_name, extractor_version FROM ${s}.articles WHERE identity = $1`,
        [identity],
      );
      return rows[0] ? rowToIdentity(rows[0]) : undefined;
    },

    async getArticle(id) {
      if (holdsNul(id)) return undefined;
      const { rows } = await pool.query<ArticleRow>(
        `SELECT ${SELECT_ARTICLE} FROM ${s}.articles WHERE id = $1`,
        [id],
      );
      return rows[0] ? rowToArticle(rows[0]) : undefined;
    },

    async findArticleIds(prefix, limit = 10) {
      if (holdsNul(prefix)) return [];
      const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM ${s}.articles WHERE id LIKE $1 ESCAPE '\\' ORDER BY id LIMIT $2`,
        [`${escaped}%`, limit],
      );
      return rows.map((r) => r.id);
    },

    async listArticles(listOptions: ListOptions = {}): Promise<ArticleSummary[]> {
      if (holdsNul(listOptions.outlet)) return [];
      const where = listOptions.outlet ? 'WHERE lower(outlet) = lower($3)' : '';
      const { rows } = await pool.query<SummaryRow>(
        `SELECT id, title, outlet, byline, published_at, language, input_path, input_url, ingested_at,
                length(text) AS chars, json_array_length(removed_json) AS removed_blocks
         FROM ${s}.articles ${where} ORDER BY ${LIST_ORDER} LIMIT $1 OFFSET $2`,
        [
          listOptions.limit ?? null,
          listOptions.offset ?? 0,
          ...(listOptions.outlet ? [listOptions.outlet] : []),
        ],
      );
      return rows.map(rowToSummary);
    },

    async countArticles(countOptions = {}) {
      const outlet = countOptions.outlet;
      if (outlet !== undefined && holdsNul(outlet)) return 0;
      const { rows } =
        outlet === undefined
          ? await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.articles`)
          : await pool.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM ${s}.articles WHERE lower(outlet) = lower($1)`,
              [outlet],
            );
      return rows[0]?.n ?? 0;
    },

    async countSearchHits(query) {
      const tsquery = toTsQuery(query, 1);
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${s}.articles a WHERE a.search @@ ${tsquery.sql}`,
        tsquery.values,
      );
      return rows[0]?.n ?? 0;
    },

    async searchArticles(query, searchOptions = {}): Promise<SearchHit[]> {
      const tsquery = toTsQuery(query, 3);
      // Rank and limit first, then build headlines for the few hits left (ts_headline re-parses the text);
      // like SQLite's snippet(), a headline that does not reach the start or the end of the text gets a …
      const { rows } = await pool.query<{
        id: string;
        title: string | null;
        outlet: string | null;
        published_at: string | null;
        snippet: string;
        rank: number;
      }>(
        `WITH q AS (SELECT ${tsquery.sql} AS query),
         top AS (
           SELECT a.id, a.title, a.outlet, a.published_at, a.text, ts_rank(${RANK_WEIGHTS}, a.search, q.query) AS score
           FROM ${s}.articles a, q WHERE a.search @@ q.query ORDER BY score DESC, a.id LIMIT $1 OFFSET $2),
         lit AS (SELECT top.*, ts_headline('english', top.text, q.query, '${HEADLINE_OPTIONS}') AS headline FROM top, q),
         placed AS (SELECT lit.*, strpos(text, replace(replace(headline, '«', ''), '»', '')) AS at,
                           length(headline) - 2 * (length(headline) - length(replace(headline, '«', ''))) AS plain_length
                    FROM lit)
         SELECT id, title, outlet, published_at, 0 - score AS rank,
                CASE WHEN at > 1 THEN '…' ELSE '' END || headline ||
                CASE WHEN substr(text, at + plain_length) ~ '^[[:punct:][:space:]]*$' THEN '' ELSE '…' END AS snippet
         FROM placed ORDER BY score DESC, id`,
        [searchOptions.limit ?? 20, searchOptions.offset ?? 0, ...tsquery.values],
      );
      return rows.map((r) => {
        const hit: SearchHit = { id: r.id, snippet: r.snippet, rank: r.rank };
        if (r.title) hit.title = r.title;
        if (r.outlet) hit.outlet = r.outlet;
        if (r.published_at) hit.publishedAt = r.published_at;
        return hit;
      });
    },

    async allArticles() {
      const { rows } = await pool.query<ArticleRow>(
        `SELECT ${SELECT_ARTICLE} FROM ${s}.articles ORDER BY ${LIST_ORDER}`,
      );
      return rows.map(rowToArticle);
    },

    async putDerived(record) {
      try {
        await pool.query(
          `INSERT INTO ${s}.derived (kind, key, version, value_json, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (kind, key) DO UPDATE SET version = EXCLUDED.version, value_json = EXCLUDED.value_json,
             updated_at = EXCLUDED.updated_at`,
          [record.kind, record.key, record.version, JSON.stringify(record.value), record.updatedAt],
        );
      } catch (cause) {
        throw storeError(cause, `derived record ${record.kind}/${record.key}`);
      }
    },

    async putDerivedMany(records) {
      if (records.length === 0) return;
      try {
        await inTransaction(pool, async (client) => {
          for (const record of records) {
            await client.query(
              `INSERT INTO ${s}.derived (kind, key, version, value_json, updated_at) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (kind, key) DO UPDATE SET version = EXCLUDED.version, value_json = EXCLUDED.value_json,
                 updated_at = EXCLUDED.updated_at`,
              [record.kind, record.key, record.version, JSON.stringify(record.value), record.updatedAt],
            );
          }
        });
      } catch (cause) {
        throw storeError(cause, `${records.length} derived records`);
      }
    },

    async listDerived<T>(kind: string, options?: { unreadable?: OnUnreadable }): Promise<DerivedRecord<T>[]> {
      const rows = await derivedRows(kind);
      const out: DerivedRecord<T>[] = [];
      // Parsed row by row, each row's text let go once read.
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        rows[i] = undefined as never;
        const value = derivedValue<T>(row.key, row.value_json, options?.unreadable);
        if (value === UNREADABLE) continue;
        out.push({ kind, key: row.key, version: row.version, value, updatedAt: row.updated_at });
      }
      return out;
    },

    async listDerivedText(kind: string): Promise<DerivedRecord<string>[]> {
      return (await derivedRows(kind)).map((row) => ({
        kind,
        key: row.key,
        version: row.version,
        // Text since migration 3; a JSONB column (before it) comes parsed.
        value: typeof row.value_json === 'string' ? row.value_json : JSON.stringify(row.value_json),
        updatedAt: row.updated_at,
      }));
    },

    async getDerived<T>(kind: string, key: string): Promise<DerivedRecord<T> | undefined> {
      if (holdsNul(kind) || holdsNul(key)) return undefined;
      const { rows } = await pool.query<{ version: string; value_json: unknown; updated_at: string }>(
        `SELECT version, value_json, updated_at FROM ${s}.derived WHERE kind = $1 AND key = $2`,
        [kind, key],
      );
      const row = rows[0];
      return row
        ? {
            kind,
            key,
            version: row.version,
            value: derivedValue<T>(key, row.value_json) as T,
            updatedAt: row.updated_at,
          }
        : undefined;
    },

    async deleteDerived(kind, key) {
      if (holdsNul(kind) || holdsNul(key)) return 0;
      const result =
        key === undefined
          ? await pool.query(`DELETE FROM ${s}.derived WHERE kind = $1`, [kind])
          : await pool.query(`DELETE FROM ${s}.derived WHERE kind = $1 AND key = $2`, [kind, key]);
      return result.rowCount ?? 0;
    },

    withLock: (name, body, lockOptions) => withPgLock(pool, schema, name, body, lockOptions),

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
