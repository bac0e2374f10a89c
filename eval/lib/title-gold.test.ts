import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isSitrepError } from '../../src/core/errors.ts';
import { loadTitleGold, parseTitleGold, scoreTitleGold, TITLE_GOLD_SCHEMA } from './title-gold.ts';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/titles/scrapinghub-100.json');

const doc = (titles: unknown, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema: TITLE_GOLD_SCHEMA,
  source: 'a benchmark',
  licence: 'MIT',
  selection: 'the first two ids',
  titles,
  ...over,
});

function malformed(value: unknown, pattern: RegExp): void {
  assert.throws(
    () => parseTitleGold(value, 'gold.json'),
    (error: unknown) =>
      isSitrepError(error) && error.code === 'INPUT_MALFORMED' && pattern.test(error.message),
  );
}

describe('parseTitleGold', () => {
  it('reads entries, with null titles and notes', () => {
    const gold = parseTitleGold(
      doc([
        { id: 'a', url: 'https://x.test/a', title: 'A headline', note: 'og:title differs' },
        { id: 'b', url: '', title: null },
      ]),
      'gold.json',
    );
    assert.deepEqual(gold.titles, [
      { id: 'a', url: 'https://x.test/a', title: 'A headline', note: 'og:title differs' },
      { id: 'b', url: '', title: null },
    ]);
  });

  it('names the file and the problem when the fixture is malformed', () => {
    malformed([], /gold\.json: not a JSON object/);
    malformed(doc([{ id: 'a', url: '', title: 'x' }], { schema: 'other@1' }), /schema is "other@1"/);
    malformed(doc([{ id: 'a', url: '', title: 'x' }], { licence: undefined }), /"licence" is missing/);
    malformed(doc([]), /"titles" is not a non-empty array/);
    malformed(doc([{ url: '', title: 'x' }]), /titles\[0\] has no string "id"/);
    malformed(
      doc([
        { id: 'a', url: '', title: 'x' },
        { id: 'a', url: '', title: 'y' },
      ]),
      /titles\[1\] repeats id a/,
    );
    malformed(doc([{ id: 'a', title: 'x' }]), /titles\[0\] \(a\) has no string "url"/);
    malformed(doc([{ id: 'a', url: '' }]), /titles\[0\] \(a\) has no "title"/);
    malformed(doc([{ id: 'a', url: '', title: ' – ' }]), /empty title; write null/);
    malformed(doc([{ id: 'a', url: '', title: 'x', note: 3 }]), /"note" is not a string/);
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'title-gold-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"schema": ');
    assert.throws(
      () => loadTitleGold(path),
      (error: unknown) =>
        isSitrepError(error) && error.code === 'INPUT_MALFORMED' && /not valid JSON/.test(error.message),
    );
    assert.throws(
      () => loadTitleGold(join(dir, 'missing.json')),
      (error: unknown) => isSitrepError(error) && error.code === 'INPUT_NOT_FOUND',
    );
  });
});

describe('the shipped scrapinghub title gold', () => {
  it('parses: 100 pages, unique ids, no empty titles, provenance stated', () => {
    const gold = loadTitleGold(FIXTURE);
    assert.equal(gold.titles.length, 100);
    assert.equal(new Set(gold.titles.map((t) => t.id)).size, 100);
    for (const t of gold.titles) {
      assert.match(t.id, /^[0-9a-f]{64}$/);
      assert.ok(t.title === null || t.title.trim() !== '', t.id);
      if (t.title === null) assert.ok(t.note, `${t.id}: a null title needs a note`);
    }
    const ids = gold.titles.map((t) => t.id);
    assert.deepEqual(ids, [...ids].sort(), 'the sample is the first ids in sorted order');
    assert.match(gold.licence, /MIT/);
  });
});

describe('scoreTitleGold', () => {
  const gold = parseTitleGold(
    doc([
      { id: 'a', url: '', title: '‘We had some issues,’ exec says' },
      { id: 'b', url: '', title: 'Another headline' },
      { id: 'c', url: '', title: null },
    ]),
    'gold.json',
  );

  it('counts exact matches after normalisation and lists the misses', () => {
    const score = scoreTitleGold(
      gold,
      new Map([
        ['a', "'We had some issues' exec says"],
        ['b', 'Another headline - Site'],
        ['c', undefined],
        ['d', 'not in the gold'],
      ]),
      'gold.json',
    );
    assert.equal(score.pages, 3);
    assert.equal(score.exact, 2);
    assert.deepEqual(score.misses, [
      { id: 'b', extracted: 'Another headline - Site', gold: 'Another headline' },
    ]);
  });

  it('refuses gold pages that were not extracted', () => {
    assert.throws(
      () => scoreTitleGold(gold, new Map([['a', 'x']]), 'gold.json'),
      (error: unknown) =>
        isSitrepError(error) && /2 gold page\(s\) are not in the data folder \(b, c\)/.test(error.message),
    );
  });
});
