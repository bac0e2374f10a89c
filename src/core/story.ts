import type { Span } from './span.ts';

/** A is a copy of B: the same article (exact, or with small edits). */
export interface DuplicateLink {
  articleId: string;
  duplicateOf: string;
  kind: 'exact' | 'near';
  /** Similarity in [0, 1] (e.g. Jaccard of shingles). */
  similarity: number;
}

/** One aligned passage: a stretch of the derived article and the stretch of the source it reuses. */
export interface PassageAlignment {
  derived: Span;
  source: Span;
  /** Similarity in [0, 1]. */
  score: number;
}

/** A derives (partly) from B: copied or paraphrased passages, or a citation of another outlet. */
export interface DerivationLink {
  articleId: string;
  /** The source article, when it is in the corpus. */
  sourceArticleId?: string;
  /** The cited outlet, when the text names it ("NBC News reported"), in or out of the corpus. */
  outlet?: string;
  kind: 'text-reuse' | 'citation';
  score: number;
  /** For text reuse: the aligned passages. */
  alignments?: PassageAlignment[];
  /** For citations: where the text says so ("according to NBC News"). */
  citation?: Span & { text: string };
}

export interface Story {
  id: string;
  kind: 'event' | 'storyline';
  /** Built from the most central sentence or key entities; never invented text. */
  title: string;
  /** The sentence the title was taken from, when it was. */
  titleSpan?: Span;
  articleIds: string[];
  /** ISO dates at the precision known; absent when no article is dated. */
  period: { start?: string; end?: string };
  /** For an event: the storyline it belongs to. */
  storylineId?: string;
  /** For a storyline: its events. */
  eventIds?: string[];
}

/**
 * What deduplication and clustering read about one article: the clean text (title as the first
 * paragraph when known, body from `bodyStart`), and the metadata that helps. Every span the stages
 * return indexes `text`.
 */
export interface ClusterInput {
  id: string;
  text: string;
  bodyStart: number;
  title?: string;
  outlet?: string;
  /** ISO 8601 at any precision (`2024-05-25T10:19`, `2024-05-25`, `2024-05`). */
  publishedAt?: string;
  /** Canonical entity ids or names, one per mention (so repeated), when an entity stage ran. */
  entities?: string[];
}
