import type { ClusterInput, DerivationLink, PassageAlignment } from '../../core/story.ts';
import {
  type AlignOptions,
  alignPassages,
  DEFAULT_ALIGN_OPTIONS,
  type SentenceFeatures,
  sentenceFeatures,
} from './align-passages.ts';

export interface TextReuseOptions extends AlignOptions {
  /** A pair is derived when one passage scores at least this… */
  minBest: number;
  /** …or the passage scores add up to at least this. */
  minTotal: number;
}

export const DEFAULT_TEXT_REUSE_OPTIONS: TextReuseOptions = {
  ...DEFAULT_ALIGN_OPTIONS,
  minBest: 0.6,
  minTotal: 0.8,
};

function coverage(alignments: PassageAlignment[], side: 'derived' | 'source', length: number): number {
  let n = 0;
  for (const a of alignments) n += a[side].end - a[side].start;
  return n / Math.max(1, length);
}

/**
 * Which of two aligned articles derives from the other: the later when both are dated and differ;
 * else the one whose text is more covered by the aligned passages; else the larger id.
 */
function derivedFirst(a: ClusterInput, b: ClusterInput, alignments: PassageAlignment[]): boolean {
  const da = a.publishedAt?.slice(0, 10);
  const db = b.publishedAt?.slice(0, 10);
  if (da && db && da !== db) return da > db;
  const ca = coverage(alignments, 'derived', a.text.length);
  const cb = coverage(alignments, 'source', b.text.length);
  if (Math.abs(ca - cb) > 1e-9) return ca > cb;
  return a.id > b.id;
}

/**
 * Sentence features of the articles verified lately, kept across `findTextReuse` calls so that an
 * article paired with new ones batch after batch is segmented once; the least recently used are
 * dropped beyond `capacity`. An entry is reused only for the same id and the same text.
 */
export class SentenceFeatureCache {
  private readonly entries = new Map<string, { text: string; features: SentenceFeatures[] }>();

  constructor(readonly capacity = 5000) {}

  get size(): number {
    return this.entries.size;
  }

  features(input: ClusterInput): SentenceFeatures[] {
    const hit = this.entries.get(input.id);
    if (hit && hit.text === input.text) {
      this.entries.delete(input.id);
      this.entries.set(input.id, hit);
      return hit.features;
    }
    const features = sentenceFeatures(input.text);
    this.entries.delete(input.id);
    this.entries.set(input.id, { text: input.text, features });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return features;
  }
}

/** The pairs once each (either order counts as one), the smaller id first. */
function uniquePairs(
  pairs: ReadonlyArray<readonly [ClusterInput, ClusterInput]>,
): Array<readonly [ClusterInput, ClusterInput]> {
  const seen = new Set<string>();
  const out: Array<readonly [ClusterInput, ClusterInput]> = [];
  for (const [x, y] of pairs) {
    if (x.id === y.id) continue;
    const key = x.id < y.id ? `${x.id}\u0000${y.id}` : `${y.id}\u0000${x.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x.id < y.id ? [x, y] : [y, x]);
  }
  return out;
}

/**
 * Sentence features for one call: each article's made once and let go after its last pair. Held
 * for every article of the call (the whole pile when a pile is clustered at once), they were ~340 MB
 * of heap at 20,000 articles, the peak of the analysis (docs/decisions/0013).
 */
function featuresOfCall(pairs: ReadonlyArray<readonly [ClusterInput, ClusterInput]>): {
  features: (input: ClusterInput) => SentenceFeatures[];
  done: (input: ClusterInput) => void;
} {
  const uses = new Map<string, number>();
  for (const pair of pairs) for (const input of pair) uses.set(input.id, (uses.get(input.id) ?? 0) + 1);
  const held = new Map<string, { text: string; features: SentenceFeatures[] }>();
  return {
    features: (input) => {
      const hit = held.get(input.id);
      if (hit && hit.text === input.text) return hit.features;
      const features = sentenceFeatures(input.text);
      held.set(input.id, { text: input.text, features });
      return features;
    },
    done: (input) => {
      const left = (uses.get(input.id) ?? 1) - 1;
      if (left > 0) uses.set(input.id, left);
      else held.delete(input.id);
    },
  };
}

/**
 * Verify candidate pairs by sentence alignment and return a 'text-reuse' derivation for each pair
 * whose aligned passages are strong enough: the derived article, its source, the passages (spans
 * into each text) and a score (aligned share of the derived text, weighted by passage score).
 * Pass a `SentenceFeatureCache` to keep features between calls (by default each article's live
 * from its first pair to its last).
 */
export function findTextReuse(
  pairs: ReadonlyArray<readonly [ClusterInput, ClusterInput]>,
  options: TextReuseOptions = DEFAULT_TEXT_REUSE_OPTIONS,
  cache?: SentenceFeatureCache,
): DerivationLink[] {
  const unique = uniquePairs(pairs);
  const { features, done } = cache
    ? { features: (input: ClusterInput) => cache.features(input), done: () => undefined }
    : featuresOfCall(unique);
  const links: DerivationLink[] = [];
  for (const [a, b] of unique) {
    const alignments = alignPassages(a, b, options, { derived: features(a), source: features(b) });
    done(a);
    done(b);
    if (alignments.length === 0) continue;
    const best = Math.max(...alignments.map((al) => al.score));
    const total = alignments.reduce((n, al) => n + al.score, 0);
    if (best < options.minBest && total < options.minTotal) continue;
    const aDerived = derivedFirst(a, b, alignments);
    const [derived, source] = aDerived ? [a, b] : [b, a];
    const oriented = aDerived
      ? alignments
      : alignments.map((al) => ({ derived: al.source, source: al.derived, score: al.score }));
    oriented.sort((p, q) => p.derived.start - q.derived.start);
    let weighted = 0;
    for (const al of oriented) weighted += (al.derived.end - al.derived.start) * al.score;
    links.push({
      articleId: derived.id,
      sourceArticleId: source.id,
      kind: 'text-reuse',
      score: Math.round((weighted / Math.max(1, derived.text.length)) * 1000) / 1000,
      alignments: oriented,
    });
  }
  return links.sort((p, q) =>
    p.articleId < q.articleId
      ? -1
      : p.articleId > q.articleId
        ? 1
        : p.sourceArticleId! < q.sourceArticleId!
          ? -1
          : 1,
  );
}
