import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runCaptured } from '../capture.fixtures.ts';

const EXAMPLES = fileURLToPath(new URL('../../../examples/korea-russia', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-analyze-cli-'));
const db = join(dir, 'test.db');
after(() => rmSync(dir, { recursive: true, force: true }));

interface Doc {
  schema: string;
  story?: string;
  articles: Record<string, unknown>[];
  stories: { id: string; kind: string }[];
  claims: unknown[];
}

let whole: Doc;
before(async () => {
  const ingest = await runCaptured(['--db', db, 'ingest', EXAMPLES, '--include', '*.txt']);
  assert.equal(ingest.code, 0, ingest.err);
  const run = await runCaptured(['--db', db, 'analyze', '--json']);
  assert.equal(run.code, 0, run.err);
  whole = JSON.parse(run.out) as Doc;
});

describe('sitrep analyze: outputs per story, texts by reference', () => {
  it('--json prints sitrep/analysis@2: every article by id, length and digest, no copy of its text', () => {
    assert.equal(whole.schema, 'sitrep/analysis@2');
    assert.equal(whole.articles.length, 5);
    for (const a of whole.articles) {
      assert.deepEqual(
        ['text', 'textLength', 'textSha256'].map((k) => k in a),
        [false, true, true],
      );
      assert.match(a['textSha256'] as string, /^[0-9a-f]{64}$/);
    }
  });

  it('--story PREFIX --json prints that story; an unknown story is a clear error', async () => {
    const event = whole.stories.find((s) => s.kind === 'event');
    assert.ok(event);
    const run = await runCaptured(['--db', db, 'analyze', '--story', event.id.slice(0, 10), '--json']);
    assert.equal(run.code, 0, run.err);
    const doc = JSON.parse(run.out) as Doc;
    assert.equal(doc.story, event.id);
    assert.deepEqual(
      doc.stories.map((s) => s.id),
      [event.id],
    );
    const missing = await runCaptured(['--db', db, 'analyze', '--story', 'zzzz', '--json']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no story with id zzzz.*\[NOT_FOUND\]/);
  });

  it('--out writes the index, one file and brief per storyline, and says where', async () => {
    const out = join(dir, 'out');
    const run = await runCaptured(['--db', db, 'analyze', '--out', out]);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /wrote index: .*index\.json/);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    assert.equal(index.stories.length, 1);
    const [line] = index.stories;
    assert.equal(line.articles, 5);
    assert.equal(line.events.length, 3);
    const story = JSON.parse(readFileSync(join(out, line.file), 'utf8')) as Doc;
    assert.equal(story.claims.length, whole.claims.length);
    assert.ok(existsSync(join(out, line.brief)));
    assert.equal(existsSync(join(out, 'analysis.json')), false);
  });
});

describe('list commands are paged', () => {
  it('stories: storylines first with their events, a page and where it sits', async () => {
    const run = await runCaptured(['--db', db, 'stories', '--limit', '2']);
    assert.equal(run.code, 0, run.err);
    const lines = run.out.split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[2] ?? '', /^[0-9a-f]{16}\s+storyline\s+5\s/);
    assert.match(lines[3] ?? '', /^[0-9a-f]{16}\s+event\s+3\s/);
    assert.equal(lines[4], '(stories 1–2 of 4; --offset 2 for the next page, --all for every one)');
    const json = JSON.parse((await runCaptured(['--db', db, 'stories', '--json', '--offset', '3'])).out);
    assert.deepEqual([json.stories.length, json.total, json.offset, json.limit], [1, 4, 3, 50]);
  });

  it('claims: the total over all pages, --all for every one, a bad limit is a usage error', async () => {
    const page = JSON.parse((await runCaptured(['--db', db, 'claims', '--json', '--limit', '3'])).out);
    assert.deepEqual([page.claims.length, page.total], [3, whole.claims.length]);
    const all = JSON.parse((await runCaptured(['--db', db, 'claims', '--json', '--all'])).out);
    assert.equal(all.claims.length, whole.claims.length);
    assert.equal('limit' in all, false);
    const bad = await runCaptured(['--db', db, 'claims', '--limit', '0']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--limit.*expected a positive whole number/);
  });

  it('the filters the API has, through the same queries (engine/analysis-query.ts, story-list.ts)', async () => {
    const json = async (...args: string[]) =>
      JSON.parse((await runCaptured(['--db', db, ...args, '--json'])).out);
    const sized = await json('stories', '--sort', 'size', '--min-articles', '3');
    assert.deepEqual(
      sized.stories.map((s: { kind: string; articleIds: string[] }) => [s.kind, s.articleIds.length]),
      [
        ['storyline', 5],
        ['event', 3],
      ],
    );
    const expected = (whole.claims as { modality: string }[]).filter((c) => c.modality === 'expected').length;
    assert.equal((await json('claims', '--modality', 'expected')).total, expected);
    const byOrigins = (await json('claims', '--sort', 'origins', '--all')).claims as {
      independentOrigins: number;
    }[];
    const origins = byOrigins.map((c) => c.independentOrigins);
    assert.deepEqual(
      origins,
      [...origins].sort((a, b) => b - a),
    );
    const badDate = await runCaptured(['--db', db, 'stories', '--from', '2024-13']);
    assert.equal(badDate.code, 2);
    assert.match(
      badDate.err,
      /--from must be an ISO date such as 2024, 2024-05 or 2024-05-25 \(got "2024-13"\)/,
    );
    const badSort = await runCaptured(['--db', db, 'claims', '--sort', 'newest']);
    assert.equal(badSort.code, 2);
  });
});

describe('sitrep analyze --timings', () => {
  it('prints each step once to stderr, longest first, and leaves stdout as it was', async () => {
    const plain = await runCaptured(['--db', db, 'analyze', '--fresh']);
    const timed = await runCaptured(['--db', db, 'analyze', '--fresh', '--timings']);
    assert.equal(timed.code, 0, timed.err);
    assert.equal(timed.out, plain.out);
    assert.equal(plain.err.includes('analysis steps'), false);
    const line = timed.err.split('\n').find((l) => l.startsWith('analysis steps (s): '));
    assert.ok(line, timed.err);
    const steps = line.slice('analysis steps (s): '.length).split(', ');
    for (const step of steps) assert.match(step, /^[a-z:-]+ \d+\.\d$/);
    const names = steps.map((s) => s.split(' ')[0]);
    assert.equal(new Set(names).size, names.length);
    for (const name of [
      'time',
      'entities',
      'quotes',
      'claims',
      'events',
      'link-entities',
      'cluster',
      'match-claims',
      'store:articles',
    ])
      assert.ok(names.includes(name), `${name} in ${line}`);
    const seconds = steps.map((s) => Number(s.split(' ')[1]));
    assert.deepEqual(
      seconds,
      [...seconds].sort((a, b) => b - a),
    );
  });
});

describe('sitrep analyze on a damaged store', () => {
  it('computes again what cannot be read, says so on stderr, and succeeds with the same analysis', async () => {
    const damaged = join(dir, 'damaged.db');
    assert.equal((await runCaptured(['--db', damaged, 'ingest', EXAMPLES, '--include', '*.txt'])).code, 0);
    const first = await runCaptured(['--db', damaged, 'analyze', '--json']);
    assert.equal(first.code, 0, first.err);
    const sqlite = new Database(damaged);
    sqlite.prepare("UPDATE derived SET value_json = '{' WHERE kind IN ('article-facts', 'story')").run();
    const facts = sqlite.prepare("SELECT count(*) FROM derived WHERE kind = 'article-facts'").pluck().get();
    const stories = sqlite.prepare("SELECT count(*) FROM derived WHERE kind = 'story'").pluck().get();
    sqlite.close();
    const again = await runCaptured(['--db', damaged, 'analyze', '--json']);
    assert.equal(again.code, 0, again.err);
    assert.equal(
      again.err,
      `sitrep: warning: ${Number(facts) + Number(stories)} stored result(s) could not be read (is the store damaged?) and were computed again: article-facts ${facts}, story ${stories}`,
    );
    assert.deepEqual(JSON.parse(again.out), JSON.parse(first.out));
    // Stored anew: the next run reads everything back, without a warning.
    const third = await runCaptured(['--db', damaged, 'analyze', '--json']);
    assert.equal(third.err, '');
  });
});
