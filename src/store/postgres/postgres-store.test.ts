import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ingest } from '../../engine/ingest.ts';
import { runLockConformance } from '../lock-conformance.ts';
import {
  checkUnreadableRecord,
  runStoreConformance,
  sampleArticle,
  sampleRaw,
} from '../store-conformance.ts';
import { postgresMigrations } from './migrations.ts';
import { loadPg, poolConfig, quoteIdent } from './pg-client.ts';
import { createPostgresStore, type PostgresStoreOptions } from './postgres-store.ts';

/**
 * Runs against a real server: $SITREP_TEST_POSTGRES when it is a URL, else
 * postgresql://127.0.0.1:5432/test. Unreachable → skipped, unless
 * SITREP_TEST_POSTGRES is set, in which case it fails.
 */
const required = process.env['SITREP_TEST_POSTGRES'];
const url = required && /^postgres(ql)?:\/\//.test(required) ? required : 'postgresql://127.0.0.1:5432/test';

const { Pool } = await loadPg();
const admin = new Pool(poolConfig(url, { max: 2, connectionTimeoutMillis: 3000 }));
admin.on('error', () => {});
const unreachable = await admin.query('SELECT 1').then(
  () => undefined,
  (error: Error) => error.message || String(error),
);

const schemas: string[] = [];
const run = `${Math.floor(Date.now() / 1000).toString(36)}_${process.pid}`;
/** A fresh schema per store (each test gets its own tables); all are dropped after the file. */
function freshSchema(): string {
  const schema = `sitrep_test_${run}_${schemas.length}_${Math.random().toString(36).slice(2, 6)}`;
  schemas.push(schema);
  return schema;
}
/** Schemas left by a run that was killed before its cleanup (older than an hour). */
async function dropStaleSchemas(): Promise<void> {
  const { rows } = await admin.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'sitrep\\_test\\_%'",
  );
  const hourAgo = Date.now() / 1000 - 3600;
  for (const { name } of rows) {
    const started = Number.parseInt(name.split('_')[2] ?? '', 36);
    if (!(started >= hourAgo)) await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
  }
}
const open = (options: Partial<PostgresStoreOptions> = {}) =>
  createPostgresStore({ connectionString: url, schema: freshSchema(), ...options });

after(async () => {
  if (!unreachable) {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  }
  await admin.end();
});

if (unreachable && required) {
  it('reaches PostgreSQL', () => {
    assert.fail(`SITREP_TEST_POSTGRES is set but PostgreSQL at ${url} is not reachable: ${unreachable}`);
  });
} else if (unreachable) {
  const reason = `PostgreSQL not reachable at ${url} (${unreachable}); set SITREP_TEST_POSTGRES to make this fail`;
  describe('postgres store', { skip: reason }, () => {
    it('skipped', () => {});
  });
} else {
  await dropStaleSchemas();
  runStoreConformance('postgres', () => open());
  runLockConformance('postgres', async () => {
    const schema = freshSchema();
    const [first, second] = await Promise.all([open({ schema }), open({ schema })]);
    return { first, second, elsewhere: await open() };
  });

  describe('postgres store', () => {
    it('lets several processes migrate the same schema at once', async () => {
      const schema = freshSchema();
      const stores = await Promise.all(
        [1, 2, 3].map(() => createPostgresStore({ connectionString: url, schema })),
      );
      const { rows } = await admin.query<{ version: number }>(
        `SELECT version FROM ${quoteIdent(schema)}.schema_migrations ORDER BY version`,
      );
      assert.deepEqual(
        rows.map((r) => r.version),
        [1, 2, 3, 4],
      );
      const raw = sampleRaw('Written by one process, read by another.');
      assert.equal(await stores[0]?.putArticle(raw, sampleArticle(raw)), 'inserted');
      assert.equal(await stores[2]?.countArticles(), 1);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a schema from a newer Sitrep instead of damaging it', async () => {
      const schema = freshSchema();
      const newer = [
        ...postgresMigrations,
        { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' },
      ];
      await (await createPostgresStore({ connectionString: url, schema, migrations: newer })).close();
      await assert.rejects(createPostgresStore({ connectionString: url, schema }), {
        code: 'STORE_FAILED',
        message: /schema version 99, newer than this Sitrep knows \(4\)/,
      });
    });

    it('migration 4 compresses large values with lz4 where the server has it, and they read back whole', async () => {
      const schema = freshSchema();
      const store = await createPostgresStore({ connectionString: url, schema });
      try {
        const lz4 = await admin.query<{ ok: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) AS ok`,
        );
        const { rows } = await admin.query<{ table: string; column: string; method: string }>(
          `SELECT c.relname AS table, a.attname AS column, a.attcompression::text AS method
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND a.attname IN ('value_json', 'text', 'raw_text', 'bytes') AND c.relkind = 'r'
            ORDER BY 1, 2`,
          [schema],
        );
        // 'l' is lz4; '' is the default (pglz) a server without lz4 keeps.
        const method = lz4.rows[0]?.ok ? 'l' : '';
        assert.deepEqual(
          rows.map((r) => `${r.table}.${r.column}:${r.method}`),
          ['articles.raw_text', 'articles.text', 'derived.value_json', 'raw_inputs.bytes'].map(
            (c) => `${c}:${method}`,
          ),
        );
        const value = { words: Array.from({ length: 4000 }, (_, i) => `word-${i % 97}`) };
        await store.putDerived({
          kind: 'k',
          key: 'big',
          version: 'v',
          value,
          updatedAt: '2026-12-07T00:00:00Z',
        });
        assert.deepEqual((await store.getDerived('k', 'big'))?.value, value);
      } finally {
        await store.close();
      }
    });

    it('migration 3 turns JSONB derived values into text with the same values; NUL now stores', async () => {
      const schema = freshSchema();
      const value = { name: 'Kim “Jong” Un', nested: [1, 2.5, null, { z: true, a: 'é\u2028' }] };
      const before = await createPostgresStore({
        connectionString: url,
        schema,
        migrations: postgresMigrations.slice(0, 2),
      });
      await before.putDerived({ kind: 'k', key: 'a', version: 'v1', value, updatedAt: '2026-01-01' });
      // A schema held at migration 2 still reads (its column is JSONB, parsed by the driver).
      assert.deepEqual((await before.getDerived('k', 'a'))?.value, value);
      await before.close();
      const after = await createPostgresStore({ connectionString: url, schema });
      assert.deepEqual((await after.getDerived('k', 'a'))?.value, value);
      const { rows } = await admin.query<{ type: string }>(
        `SELECT data_type AS type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'derived' AND column_name = 'value_json'`,
        [schema],
      );
      assert.deepEqual(rows, [{ type: 'text' }]);
      // JSONB refused a NUL escape ("\u0000"); a text column holds the JSON text as given.
      const withNul = { text: 'a\u0000b' };
      await after.putDerived({
        kind: 'k',
        key: 'nul',
        version: 'v1',
        value: withNul,
        updatedAt: '2026-01-01',
      });
      assert.deepEqual(
        (await after.listDerived('k')).map((r) => r.value),
        [value, withNul],
      );
      await after.close();
    });

    it('lists derived records whose text is not JSON only to a reader that asks to be told of them', async () => {
      const schema = freshSchema();
      const store = await createPostgresStore({ connectionString: url, schema });
      try {
        await checkUnreadableRecord(store, async (sql) => {
          await admin.query(sql.replace('UPDATE derived', `UPDATE ${schema}.derived`));
        });
      } finally {
        await store.close();
      }
    });

    it('rolls back a failed migration and records nothing', async () => {
      const schema = freshSchema();
      const broken = [
        ...postgresMigrations,
        { version: 5, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); SELECT 1 / 0;' },
      ];
      await assert.rejects(createPostgresStore({ connectionString: url, schema, migrations: broken }), {
        code: 'STORE_FAILED',
        message:
          /migration 5 \(broken\) failed in schema "sitrep_test_\w+" and was rolled back: division by zero/,
      });
      const { rows } = await admin.query<{ max: number; half: string | null }>(
        `SELECT max(version) AS max, to_regclass($1)::text AS half FROM ${quoteIdent(schema)}.schema_migrations`,
        [`${quoteIdent(schema)}.half_done`],
      );
      assert.deepEqual(rows[0], { max: 4, half: null });
    });

    it('rolls back a failed write: the raw input of a rejected article is not left behind', async () => {
      const store = await open();
      const raw = sampleRaw('Rollback case body.');
      await assert.rejects(store.putArticle(raw, sampleArticle(raw, { rawSha256: 'does-not-exist' })), {
        code: '23503',
      });
      assert.equal(await store.getRawInput(raw.sha256), undefined);
      assert.equal(await store.countArticles(), 0);
      await store.close();
    });

    it('says so when text holds a NUL character, which PostgreSQL cannot store', async () => {
      const store = await open();
      const raw = sampleRaw('A body with a \u0000 in it.');
      await assert.rejects(store.putArticle(raw, sampleArticle(raw)), {
        code: 'STORE_FAILED',
        message: /cannot store article \w+: it contains a NUL character/,
      });
      assert.equal(await store.getRawInput(raw.sha256), undefined);
      await store.close();
    });

    it('ingests a JSON-lines batch with a NUL in one item: every item stored, without the NUL', async () => {
      const store = await open();
      const lines = [1, 2, 3].map((n) => ({
        url: `https://example.org/nul/${n}`,
        title: n === 2 ? 'Item\u0000 two' : `Item ${n}`,
        text: `Item ${n}\n\nThe ${n === 2 ? '\u0000' : ''}ministry said on Monday that talks would resume.`,
      }));
      const bytes = new TextEncoder().encode(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
      const now = () => new Date('2024-06-01T00:00:00Z');
      const report = await ingest(store, ['-'], { now, readStdin: async () => bytes });
      assert.deepEqual(report.counts, { inserted: 3, updated: 0, unchanged: 0, duplicate: 0, failed: 0 });
      const article = await store.getArticle(report.items[1]?.articleId ?? '');
      assert.equal(article?.title, 'Item two');
      assert.doesNotMatch(article?.text ?? '\u0000', /\u0000/);
      await store.close();
    });

    it('orders bytewise whatever the server collation, and matches outlets case-insensitively', async () => {
      const store = await open();
      for (const path of ['/b.txt', '/B.txt', '/a.txt']) {
        const raw = sampleRaw(`Body of ${path}.`, path);
        await store.putArticle(raw, sampleArticle(raw, { outlet: 'Le Monde' }));
      }
      const paths = (await store.listArticles()).map((s) => s.input.path);
      assert.deepEqual(paths, ['/B.txt', '/a.txt', '/b.txt']);
      assert.deepEqual(
        (await store.allArticles()).map((a) => a.input.path),
        paths,
      );
      assert.equal((await store.listArticles({ outlet: 'LE MONDE' })).length, 3);
      await store.close();
    });

    it('searches with prefixes, OR, NOT and phrases, title matches first', async () => {
      const store = await open();
      const put = async (title: string, body: string) => {
        const raw = sampleRaw(`${title}\n${body}`, `/${title}.txt`);
        await store.putArticle(raw, sampleArticle(raw, { title }));
        return sampleArticle(raw).id;
      };
      const sub = await put('Submarines', 'Russia may transfer nuclear technology to Pyongyang.');
      const troops = await put('Troops', 'Soldiers deployed to Kursk; submarines were not mentioned.');
      const ids = async (q: string) => (await store.searchArticles(q)).map((h) => h.id);
      assert.deepEqual(await ids('submarine'), [sub, troops]);
      assert.deepEqual(await ids('Pyong*'), [sub]);
      assert.deepEqual(await ids('submarines NOT Kursk'), [sub]);
      assert.deepEqual((await ids('Kursk OR Pyongyang')).sort(), [troops, sub].sort());
      assert.deepEqual(await ids('"nuclear technology"'), [sub]);
      assert.deepEqual(await ids('"technology nuclear"'), []);
      const [hit] = await store.searchArticles('Kursk', { limit: 1 });
      assert.deepEqual(
        { title: hit?.title, snippet: hit?.snippet },
        { title: 'Troops', snippet: 'Troops\nSoldiers deployed to «Kursk»; submarines were not mentioned' },
      );
      assert.ok((hit?.rank ?? 0) < 0, 'rank: lower is better, as with SQLite bm25');
      const filler = 'Filler words about nothing in particular. '.repeat(20);
      await put('Long', `${filler}The envoy reached Vladivostok at dawn. ${filler}`);
      const [middle] = await store.searchArticles('Vladivostok');
      assert.match(middle?.snippet ?? '', /^…[^…]*«Vladivostok»[^…]*…$/);
      await store.close();
    });

    it('round-trips derived values as JSON', async () => {
      const store = await open();
      const value = { nested: { list: [1, 'two', null, { three: 3.5 }] }, text: '«quoted» \u00e9' };
      await store.putDerived({ kind: 'analysis', key: 'corpus', version: 'v1', value, updatedAt: 't' });
      assert.deepEqual((await store.getDerived('analysis', 'corpus'))?.value, value);
      await store.close();
    });

    it('refuses to create tables when it must open an existing store', async () => {
      await assert.rejects(open({ mustExist: true }), {
        code: 'NOT_FOUND',
        message: /no Sitrep tables in schema "sitrep_test_\w+"; run `sitrep ingest <paths>` first/,
      });
    });

    it('rejects a schema name that is not a plain identifier', async () => {
      await assert.rejects(createPostgresStore({ connectionString: url, schema: 'a"; DROP' }), {
        code: 'USAGE',
        message: /invalid schema name/,
      });
    });
  });
}

describe('postgres driver errors', () => {
  it('names the server it could not reach, without the password', async () => {
    await assert.rejects(
      createPostgresStore({ connectionString: 'postgresql://sitrep:secret@127.0.0.1:1/none' }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'STORE_FAILED');
        assert.match(
          error.message,
          /^\[sitrep\] \[postgres\] cannot open postgresql:\/\/sitrep:\*\*\*@127\.0\.0\.1:1\/none: /,
        );
        assert.match(error.message, /check the URL, the credentials and that the server is running$/);
        assert.doesNotMatch(error.message, /secret/);
        return true;
      },
    );
  });

  it('says how to install the client library when it is missing', async () => {
    await assert.rejects(loadPg('sitrep-no-such-pg'), {
      code: 'STORE_FAILED',
      message:
        /\[sitrep\] \[postgres\] the PostgreSQL driver needs the "sitrep-no-such-pg" package, .*npm install sitrep-no-such-pg/,
    });
  });
});
