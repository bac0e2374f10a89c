import type { DuplicateLink, Story } from '../../core/story.ts';
import type { BucketIndex } from '../dedupe/bucket-index.ts';
import type { ArticleRecord } from './article-record.ts';
import type { ClusterOptions } from './pair-scores.ts';

export type BucketState = ReturnType<BucketIndex['toJSON']>;

/** The whole index state: plain JSON, restorable with `ClusterIndex.restore`. */
export interface ClusterState {
  version: string;
  options: ClusterOptions;
  articles: ArticleRecord[];
  df: Array<[string, number]>;
  duplicateParent: number[];
  /** Components of the candidate graph (pairs whose weight reaches a threshold): where a change can reach. */
  componentParent: number[];
  /** Each article's event and storyline representative (an article index). */
  eventOf: number[];
  storylineOf: number[];
  /** Kept edges per article: `j * 32 + shared reuse keys`, both directions. */
  links: number[][];
  buckets: { near: BucketState; terms: BucketState; anchors: BucketState; reuse: BucketState };
}

/** The links and groups of every article: the part of the state one `addRecords` call changes. */
export type ClusterGroups = Pick<
  ClusterState,
  'duplicateParent' | 'componentParent' | 'eventOf' | 'storylineOf' | 'links'
>;

/** What one `add` changed. */
export interface ClusterUpdate {
  /**
   * Events whose members this call changed (created, grown, merged or split by the re-clustering) or
   * whose storyline changed — complete, with their storyline id; storylines whose members or events
   * changed. A story found again with the same members is not repeated.
   */
  events: Story[];
  storylines: Story[];
  /** Ids of stories that no longer exist (merged, split, or renamed by a smaller member id). */
  removedEventIds: string[];
  removedStorylineIds: string[];
  /** Links of every duplicate group the call touched (its canonical member may have changed). */
  duplicates: DuplicateLink[];
  /** Pairs sharing passage-reuse keys, [added now, other]: verify them with `findTextReuse`. */
  reuseCandidates: Array<[string, string]>;
  /** Candidate pairs this call compared (at most `candidateCap` per added article): the work it did. */
  compared: number;
}

/**
 * `stories: false` leaves the update's `events` and `storylines` empty (the removed ids are still
 * reported): for a caller that reads `events()` and `storylines()` of the whole index afterwards.
 */
export interface AddOptions {
  stories?: boolean;
}
