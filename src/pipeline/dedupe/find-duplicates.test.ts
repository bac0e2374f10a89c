import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusteringInputs } from '../../../test/fixtures/clustering/corpus.ts';
import { findDuplicates } from './find-duplicates.ts';
import { bandKeys, estimateJaccard, minHash } from './minhash.ts';
import { shingleHashes, wordTokens } from './text-features.ts';

const corpus = clusteringInputs({ outlet: false });

test('exact and near duplicates in the fixture corpus, and no rewrite among them', () => {
  assert.deepEqual(
    findDuplicates(corpus).map((l) => [l.articleId, l.duplicateOf, l.kind]),
    [
      ['chl-02', 'chl-01', 'exact'],
      ['red-03', 'red-01', 'near'],
    ],
  );
});

test('an exact copy with other whitespace and quotes is exact; the earliest dated is canonical', () => {
  const a = {
    id: 'b',
    text: 'Title\n\nThe “minister” said  the talks would resume on Monday in Geneva.',
    bodyStart: 7,
    publishedAt: '2024-05-02',
  };
  const b = {
    id: 'a',
    text: 'Title\n\nThe "minister" said the talks would resume on Monday in Geneva.',
    bodyStart: 7,
    publishedAt: '2024-05-03',
  };
  assert.deepEqual(findDuplicates([b, a]), [
    { articleId: 'a', duplicateOf: 'b', kind: 'exact', similarity: 1 },
  ]);
});

/** Deterministic word-level edits of a text: replace every `step`-th word. */
function perturb(text: string, step: number): string {
  return text
    .split(' ')
    .map((w, i) => (i % step === step - 1 ? `edit${i}` : w))
    .join(' ');
}

const signature = (text: string) =>
  minHash(
    shingleHashes(
      wordTokens(text).map((t) => t.word),
      4,
    ),
    64,
  );
const keys = (text: string) => new Set(bandKeys(signature(text), 16, 4, 1));

test('MinHash LSH: lightly edited pairs always share a band, unrelated articles never', () => {
  let found = 0;
  let pairs = 0;
  for (const article of corpus) {
    const edited = perturb(article.text, 40);
    pairs += 1;
    const shared = [...keys(edited)].some((k) => keys(article.text).has(k));
    if (shared) found += 1;
    assert.ok(estimateJaccard(signature(article.text), signature(edited)) >= 0.6, article.id);
  }
  assert.equal(found, pairs);
  const unrelated = [...keys(corpus[0]!.text)].filter((k) => keys(corpus[10]!.text).has(k));
  assert.deepEqual(unrelated, []);
});
