/**
 * The part of node-postgres (`pg`) this driver uses, described structurally so
 * that nothing outside this folder imports `pg` and the package is loaded only
 * when a PostgreSQL store is opened.
 */
import { userInfo } from 'node:os';
import { SitrepError } from '../../core/errors.ts';

export interface PgQueryResult<R> {
  rows: R[];
  rowCount: number | null;
}

export interface PgQueryable {
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<PgQueryResult<R>>;
}

export interface PgPoolClient extends PgQueryable {
  /** Return the connection to the pool; pass an error to destroy it instead. */
  release(destroy?: boolean | Error): void;
}

export interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PgPoolConfig {
  connectionString: string;
  max?: number;
  connectionTimeoutMillis?: number;
  application_name?: string;
}

export interface PgModule {
  Pool: new (config: PgPoolConfig) => PgPool;
}

/** Load `pg` on first use, with an error that says how to get it when it is missing. */
export async function loadPg(specifier = 'pg'): Promise<PgModule> {
  let mod: { default?: Partial<PgModule> } & Partial<PgModule>;
  try {
    mod = (await import(specifier)) as typeof mod;
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new SitrepError(
        'STORE_FAILED',
        `[sitrep] [postgres] the PostgreSQL driver needs the "${specifier}" package, which is not installed; run \`npm install ${specifier}\` or use a SQLite file with --db`,
        { cause },
      );
    }
    throw cause;
  }
  const Pool = mod.Pool ?? mod.default?.Pool;
  if (typeof Pool !== 'function') {
    throw new SitrepError('STORE_FAILED', `[sitrep] [postgres] "${specifier}" does not export a Pool class`);
  }
  return { Pool };
}

/**
 * Pool settings for a URL. Like libpq (psql), a URL without a user name
 * connects as the OS user even when $PGUSER and $USER are unset (`pg` alone would fail).
 */
export function poolConfig(
  connectionString: string,
  extra: Omit<PgPoolConfig, 'connectionString'> = {},
): PgPoolConfig {
  let withUser = connectionString;
  if (!(process.env['PGUSER'] || process.env['USER'] || process.env['USERNAME'])) {
    try {
      const url = new URL(connectionString);
      if (!url.username && url.host) {
        url.username = encodeURIComponent(userInfo().username);
        withUser = url.toString();
      }
    } catch {
      // Not a URL (libpq key=value form): left to pg as it is.
    }
  }
  return { connectionString: withUser, application_name: 'sitrep', ...extra };
}

/** Quote an SQL identifier (schema or table name). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A connection string fit for messages: the password is replaced by ***. */
export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return connectionString.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

/** The SQLSTATE code of a server error, if there is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Run `body` on one pooled connection inside BEGIN … COMMIT; roll back and
 * rethrow on any error. A connection whose rollback failed is destroyed, not reused.
 */
export async function inTransaction<T>(pool: PgPool, body: (client: PgPoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN');
    result = await body(client);
    await client.query('COMMIT');
  } catch (cause) {
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError as Error);
    }
    throw cause;
  }
  client.release();
  return result;
}
