import type { ClusterInput, DuplicateLink } from '../../core/story.ts';
import { type DuplicateFingerprint, duplicateFingerprint } from '../dedupe/duplicate-fingerprint.ts';
import { findCitations } from '../dedupe/find-citations.ts';
import { estimateJaccard } from '../dedupe/minhash.ts';
import { normaliseOutlet } from '../dedupe/outlets.ts';
import { wordTokens } from '../dedupe/text-features.ts';
import { segment } from '../segment/segment.ts';
import { type ArticleProfile, articleProfile } from './article-profile.ts';

/** Everything the cluster index keeps about one article (JSON). */
export interface ArticleRecord extends ArticleProfile, DuplicateFingerprint {
  /** Outlets the article cites (normalised names), sorted. */
  cites: string[];
  /** The article's own outlet, normalised when it is a known one. */
  outlet?: string;
}

/** Segment and tokenise once, then profile, fingerprint and find the cited outlets. */
export function articleRecord(input: ClusterInput): ArticleRecord {
  const sentences = segment(input.text).sentences;
  const tokens = wordTokens(input.text);
  const record: ArticleRecord = {
    ...articleProfile(input, sentences, tokens),
    ...duplicateFingerprint(input, sentences, tokens),
    cites: [...new Set(findCitations(input).map((l) => l.outlet!))].sort(),
  };
  if (input.outlet) record.outlet = normaliseOutlet(input.outlet) ?? input.outlet;
  return record;
}

/** What duplicate grouping reads of a record (the JSON record or the index's stored form). */
export interface DuplicateMember {
  id: string;
  publishedAt?: string;
  exact: number;
  signature: ArrayLike<number>;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Canonical first: the earliest dated (undated last), then the smallest id. */
export function canonicalOrder(a: DuplicateMember, b: DuplicateMember): number {
  if (a.publishedAt && b.publishedAt && a.publishedAt !== b.publishedAt)
    return a.publishedAt < b.publishedAt ? -1 : 1;
  if (a.publishedAt && !b.publishedAt) return -1;
  if (!a.publishedAt && b.publishedAt) return 1;
  return byId(a, b);
}

/**
 * Links of one duplicate group: each member → the canonical article; 'exact' when its normalised
 * text equals the canonical's, else 'near' with the MinHash Jaccard estimate.
 */
export function duplicateLinksOf(members: readonly DuplicateMember[]): DuplicateLink[] {
  if (members.length < 2) return [];
  const canonical = [...members].sort(canonicalOrder)[0]!;
  const links: DuplicateLink[] = [];
  for (const m of members) {
    if (m === canonical) continue;
    const exact = m.exact === canonical.exact;
    const similarity = exact ? 1 : estimateJaccard(m.signature, canonical.signature);
    links.push({ articleId: m.id, duplicateOf: canonical.id, kind: exact ? 'exact' : 'near', similarity });
  }
  return links.sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
}
