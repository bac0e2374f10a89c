import type { ClusterInput, DuplicateLink } from '../../core/story.ts';
import { segment } from '../segment/segment.ts';
import { BucketIndex } from './bucket-index.ts';
import { duplicateFingerprint } from './duplicate-fingerprint.ts';
import { bandKeys, estimateJaccard } from './minhash.ts';
import { UnionFind } from './union-find.ts';

export const DEDUPE_VERSION = '1';

/**
 * Exact and near duplicates of a set of articles: exact when the normalised texts are equal, near
 * when the MinHash estimate of the Jaccard similarity of word 4-shingles reaches `threshold`
 * (candidates from 16 LSH bands of 4 rows). Each duplicate group links every member to its canonical
 * article: the earliest dated (undated last), then the smallest id.
 */
export function findDuplicates(inputs: readonly ClusterInput[], threshold = 0.7): DuplicateLink[] {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const prints = sorted.map((input) => duplicateFingerprint(input, segment(input.text).sentences));
  const buckets = new BucketIndex(Number.POSITIVE_INFINITY);
  const groups = new UnionFind();
  prints.forEach((p, i) => {
    groups.add();
    buckets.queryAndAdd(bandKeys(p.signature, 16, 4, 0x6e656172), i, (j) => {
      const q = prints[j]!;
      if (p.exact === q.exact || estimateJaccard(p.signature, q.signature) >= threshold) groups.union(i, j);
    });
  });
  const links: DuplicateLink[] = [];
  for (const members of groups.groups().values()) {
    if (members.length < 2) continue;
    const canonical = [...members].sort((x, y) => {
      const a = sorted[x]!.publishedAt;
      const b = sorted[y]!.publishedAt;
      if (a && b && a !== b) return a < b ? -1 : 1;
      if (a && !b) return -1;
      if (!a && b) return 1;
      return x - y;
    })[0]!;
    for (const m of members) {
      if (m === canonical) continue;
      const exact = prints[m]!.exact === prints[canonical]!.exact;
      links.push({
        articleId: sorted[m]!.id,
        duplicateOf: sorted[canonical]!.id,
        kind: exact ? 'exact' : 'near',
        similarity: exact ? 1 : estimateJaccard(prints[m]!.signature, prints[canonical]!.signature),
      });
    }
  }
  return links.sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
}
