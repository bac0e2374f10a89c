/**
 * Schema migrations for the PostgreSQL driver: the same tables and version
 * numbers as the SQLite driver, applied in order, each once, in a transaction,
 * under an advisory lock so that several processes can start at once.
 */
import { SitrepError } from '../../core/errors.ts';
import { type PgPool, type PgPoolClient, quoteIdent } from './pg-client.ts';

export interface Migration {
  version: number;
  name: string;
  /** Unqualified SQL; it runs with `search_path` set to the store's schema. */
  sql: string;
}

/**
 * Text we sort or prefix-match is declared COLLATE "C" so that ordering is
 * bytewise, as in SQLite, whatever the server's default collation.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'raw inputs, articles, full-text index',
    sql: `
CREATE TABLE raw_inputs (
  sha256        TEXT COLLATE "C" PRIMARY KEY,
  bytes         BYTEA NOT NULL,
  source_kind   TEXT NOT NULL CHECK (source_kind IN ('file', 'url', 'stdin')),
  source_path   TEXT,
  source_url    TEXT,
  final_url     TEXT,
  content_type  TEXT,
  received_at   TEXT NOT NULL
);

CREATE TABLE articles (
  id                     TEXT COLLATE "C" PRIMARY KEY,
  identity               TEXT NOT NULL UNIQUE,
  raw_sha256             TEXT COLLATE "C" NOT NULL REFERENCES raw_inputs(sha256),
  item_key               TEXT NOT NULL,
  content_sha256         TEXT NOT NULL,
  format                 TEXT NOT NULL,
  input_path             TEXT COLLATE "C",
  input_url              TEXT COLLATE "C",
  title                  TEXT,
  outlet                 TEXT,
  byline                 TEXT,
  published_at           TEXT COLLATE "C",
  published_at_evidence  TEXT,
  dateline               TEXT,
  canonical_url          TEXT,
  language               TEXT,
  section                TEXT,
  text                   TEXT NOT NULL,
  body_start             INTEGER NOT NULL,
  raw_text               TEXT NOT NULL,
  removed_json           JSON NOT NULL,
  kept_json              JSON NOT NULL,
  evidence_json          JSON NOT NULL,
  extractor_name         TEXT NOT NULL,
  extractor_version      TEXT NOT NULL,
  ingested_at            TEXT NOT NULL,
  search                 TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', text), 'B')
  ) STORED
);
CREATE INDEX articles_outlet ON articles (lower(outlet));
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_list_order ON articles (coalesce(published_at, '9999'), coalesce(input_path, input_url, ''), id);
CREATE INDEX articles_search ON articles USING GIN (search);
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
  value_json  JSONB NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
`,
  },
  {
    version: 3,
    name: 'derived record values as JSON text, not JSONB',
    // The store never queries inside a derived value: it writes and reads whole records. As JSONB,
    // the server parsed every record on write (at ~13 MB/s on this machine, in the CPU the analysis
    // and the fleet's workers need) and printed it again on read; as text it stores the bytes given
    // and Node parses them (docs/decisions/0090). Existing values are converted in place.
    sql: `
ALTER TABLE derived ALTER COLUMN value_json TYPE TEXT USING value_json::text;
`,
  },
  {
    version: 4,
    name: 'large values compressed with lz4 where the server has it',
    // Values over ~2 KB are compressed as they are stored (TOAST), by default with pglz. On this
    // machine lz4 stored pile-dev's 3,282 annotation and story records (80 MB of JSON) in 1.7–2.2 s
    // against 2.7–3.0 s, and in 26 MB against 29 (docs/decisions/0090). A server built without lz4
    // (or older than PostgreSQL 14) keeps pglz. Only new values are written with it.
    sql: `
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE derived ALTER COLUMN value_json SET COMPRESSION lz4;
    ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4;
    ALTER TABLE articles ALTER COLUMN raw_text SET COMPRESSION lz4;
    ALTER TABLE raw_inputs ALTER COLUMN bytes SET COMPRESSION lz4;
  END IF;
END $$;
`,
  },
];

/** First key of the two-key advisory lock taken while migrating (the second is the schema's hash). */
const MIGRATION_LOCK = 0x5174;

export interface MigrateOptions {
  /** Fail with NOT_FOUND instead of creating the schema and tables. */
  mustExist?: boolean;
}

/** Apply pending migrations to `schema`; returns the versions applied. */
export async function migratePostgres(
  pool: PgPool,
  schema: string,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): Promise<number[]> {
  const client = await pool.connect();
  try {
    // A session lock (not a transaction one): it spans the several migration transactions.
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    const done = await migrateLocked(client, schema, migrations, options);
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    client.release();
    return done;
  } catch (cause) {
    // Destroying the connection also releases its session lock.
    client.release(cause instanceof Error ? cause : true);
    throw cause;
  }
}

async function migrateLocked(
  client: PgPoolClient,
  schema: string,
  migrations: readonly Migration[],
  options: MigrateOptions,
): Promise<number[]> {
  const s = quoteIdent(schema);
  const found = await client.query<{ schema: boolean; table: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS schema,
            to_regclass($2) IS NOT NULL AS table`,
    [schema, `${s}.schema_migrations`],
  );
  const state = found.rows[0];
  if (options.mustExist && !state?.table) {
    throw new SitrepError(
      'NOT_FOUND',
      `[sitrep] [postgres] no Sitrep tables in schema "${schema}"; run \`sitrep ingest <paths>\` first, or point --db at an existing database`,
    );
  }
  // Checked first so that a role without CREATE on the database can use an existing schema.
  if (!state?.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`)).rows.map(
      (r) => r.version,
    ),
  );
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new SitrepError(
      'STORE_FAILED',
      `[sitrep] [postgres] schema "${schema}" has schema version ${newest}, newer than this Sitrep knows (${known}); upgrade Sitrep`,
    );
  }
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO ${s}`);
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      await client.query('COMMIT');
    } catch (cause) {
      await client.query('ROLLBACK');
      throw new SitrepError(
        'STORE_FAILED',
        `[sitrep] [postgres] migration ${migration.version} (${migration.name}) failed in schema "${schema}" and was rolled back: ${(cause as Error).message}`,
        { cause },
      );
    }
    done.push(migration.version);
  }
  return done;
}
