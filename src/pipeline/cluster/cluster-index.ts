import type { ClusterInput, DuplicateLink, Story } from '../../core/story.ts';
import { BucketIndex } from '../dedupe/bucket-index.ts';
import { bandKeys, estimateJaccard, minHash } from '../dedupe/minhash.ts';
import { hash32 } from '../dedupe/text-features.ts';
import { UnionFind } from '../dedupe/union-find.ts';
import { cosine, type WeightedTerm } from './article-profile.ts';
import { type ArticleRecord, articleRecord, duplicateLinksOf } from './article-record.ts';
import {
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  dayGap,
  eventTimeFactor,
  restrictedCosine,
  sharedCount,
  weightByIdf,
} from './pair-scores.ts';
import { buildStory, storyId } from './story-builder.ts';

export const CLUSTER_VERSION = '1';

type BucketState = ReturnType<BucketIndex['toJSON']>;

/** The whole index state: plain JSON, restorable with `ClusterIndex.restore`. */
export interface ClusterState {
  version: string;
  options: ClusterOptions;
  articles: ArticleRecord[];
  df: Array<[string, number]>;
  duplicateParent: number[];
  eventParent: number[];
  storylineParent: number[];
  buckets: { near: BucketState; terms: BucketState; anchors: BucketState; reuse: BucketState };
}

/** What one `add` changed. */
export interface ClusterUpdate {
  /** Events created or grown by this call (complete, with their storyline id). */
  events: Story[];
  storylines: Story[];
  /** Ids of stories that no longer exist (merged into one of the above, or renamed by a smaller member id). */
  removedEventIds: string[];
  removedStorylineIds: string[];
  /** Links of every duplicate group the call touched (its canonical member may have changed). */
  duplicates: DuplicateLink[];
  /** Pairs sharing passage-reuse keys, [added now, other]: verify them with `findTextReuse`. */
  reuseCandidates: Array<[string, string]>;
}

const NEAR_BANDS = 16;
const NEAR_ROWS = 4;
const TERM_TOP = 20;
const TERM_BANDS = 24;
const TERM_ROWS = 2;
const ANCHORS = 6;
const SALT = { near: 0x6e656172, terms: 0x7465726d, reuse: 0x72657573 };

/**
 * Incremental dedupe + two-level clustering. Events are the connected components of the event-edge
 * graph (pair score ≥ threshold; near duplicates always joined); storylines those of event ∪
 * storyline edges, so every event lies inside one storyline. Candidates come from LSH buckets
 * (MinHash of word 4-shingles, of the top-20 terms, and sentence reuse keys), never from all pairs.
 */
export class ClusterIndex {
  readonly options: ClusterOptions;
  private readonly articles: ArticleRecord[];
  private readonly byId = new Map<string, number>();
  private readonly df: Map<string, number>;
  private readonly dup: UnionFind;
  private readonly event: UnionFind;
  private readonly line: UnionFind;
  private readonly near: BucketIndex;
  private readonly terms: BucketIndex;
  private readonly anchors: BucketIndex;
  private readonly reuse: BucketIndex;

  constructor(options: Partial<ClusterOptions> = {}, state?: ClusterState) {
    this.options = state ? state.options : { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    this.articles = state ? state.articles : [];
    for (const [i, a] of this.articles.entries()) this.byId.set(a.id, i);
    this.df = new Map(state?.df ?? []);
    this.dup = new UnionFind(state ? state.duplicateParent : []);
    this.event = new UnionFind(state ? state.eventParent : []);
    this.line = new UnionFind(state ? state.storylineParent : []);
    const cap = this.options.bucketCap;
    this.near = state ? BucketIndex.fromJSON(state.buckets.near) : new BucketIndex(cap);
    this.terms = state
      ? BucketIndex.fromJSON(state.buckets.terms)
      : new BucketIndex(this.options.termBucketCap);
    this.anchors = state
      ? BucketIndex.fromJSON(state.buckets.anchors)
      : new BucketIndex(this.options.anchorBucketCap);
    this.reuse = state
      ? BucketIndex.fromJSON(state.buckets.reuse)
      : new BucketIndex(this.options.reuseBucketCap);
  }

  /** Rebuild an index from `toJSON()` output (deep-copied, so the state object can be reused). */
  static restore(state: ClusterState): ClusterIndex {
    if (state.version !== CLUSTER_VERSION) {
      throw new Error(
        `cluster state version ${state.version}, expected ${CLUSTER_VERSION}: rebuild the index`,
      );
    }
    return new ClusterIndex({}, structuredClone(state));
  }

  toJSON(): ClusterState {
    return structuredClone({
      version: CLUSTER_VERSION,
      options: this.options,
      articles: this.articles,
      df: [...this.df],
      duplicateParent: this.dup.parent,
      eventParent: this.event.parent,
      storylineParent: this.line.parent,
      buckets: {
        near: this.near.toJSON(),
        terms: this.terms.toJSON(),
        anchors: this.anchors.toJSON(),
        reuse: this.reuse.toJSON(),
      },
    });
  }

  get size(): number {
    return this.articles.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Add articles (ids already present are ignored). The call first counts the new articles' terms
   * into the document frequencies, then links them in id order, so its result does not depend on
   * the order of `inputs`.
   */
  add(inputs: readonly ClusterInput[]): ClusterUpdate {
    const fresh = [...new Map(inputs.filter((i) => !this.byId.has(i.id)).map((i) => [i.id, i])).values()];
    fresh.sort((a, b) => (a.id < b.id ? -1 : 1));
    const start = this.articles.length;
    for (const input of fresh) {
      const record = articleRecord(input);
      this.byId.set(record.id, this.articles.length);
      this.articles.push(record);
      this.dup.add();
      this.event.add();
      this.line.add();
      for (const [t] of record.terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    const oldEvents = new Map<number, string>();
    const oldLines = new Map<number, string>();
    const remember = (uf: UnionFind, kind: Story['kind'], old: Map<number, string>, x: number) => {
      const root = uf.find(x);
      if (root < start && !old.has(root)) old.set(root, this.storyIdOf(kind, uf, root));
    };
    const weighed = new Map<number, WeightedTerm[]>();
    const weigh = (i: number) => {
      let v = weighed.get(i);
      if (!v) {
        v = this.weigh(this.articles[i]!);
        weighed.set(i, v);
      }
      return v;
    };
    const touchedDup = new Set<number>();
    const reuseCandidates: Array<[string, string]> = [];
    for (let i = start; i < this.articles.length; i++) {
      const a = this.articles[i]!;
      const candidates = new Set<number>();
      const reuseShared = new Map<number, number>();
      const collect = (j: number) => candidates.add(j);
      this.near.queryAndAdd(bandKeys(a.signature, NEAR_BANDS, NEAR_ROWS, SALT.near), i, collect);
      this.terms.queryAndAdd(this.termKeys(a), i, collect);
      this.anchors.queryAndAdd(this.anchorKeys(a), i, collect);
      this.reuse.queryAndAdd(
        a.reuseKeys.map((k) => (k ^ SALT.reuse) >>> 0),
        i,
        (j) => {
          candidates.add(j);
          reuseShared.set(j, (reuseShared.get(j) ?? 0) + 1);
        },
      );
      for (const j of [...candidates].sort((x, y) => x - y)) {
        const b = this.articles[j]!;
        if (reuseShared.has(j)) reuseCandidates.push([a.id, b.id]);
        let level: 'duplicate' | 'event' | 'storyline' | undefined;
        if (a.exact === b.exact || estimateJaccard(a.signature, b.signature) >= this.options.nearDuplicate)
          level = 'duplicate';
        else level = this.pairLevel(a, b, weigh(i), weigh(j), reuseShared.get(j) ?? 0);
        if (!level) continue;
        if (level === 'duplicate') {
          this.dup.union(i, j);
          touchedDup.add(i);
        }
        if (level !== 'storyline') {
          remember(this.event, 'event', oldEvents, j);
          this.event.union(i, j);
        }
        remember(this.line, 'storyline', oldLines, j);
        this.line.union(i, j);
      }
    }
    return this.update(start, oldEvents, oldLines, touchedDup, reuseCandidates);
  }

  /** The strongest link a pair deserves (see docs/decisions/0010), or none. */
  private pairLevel(
    a: ArticleRecord,
    b: ArticleRecord,
    va: WeightedTerm[],
    vb: WeightedTerm[],
    reuseKeys: number,
  ) {
    const o = this.options;
    const gap = dayGap(a, b);
    const cos = cosine(va, vb);
    const citesOther = (x: ArticleRecord, y: ArticleRecord) =>
      y.outlet !== undefined && x.cites.includes(y.outlet);
    const cites =
      citesOther(a, b) || citesOther(b, a)
        ? 2 * o.citationBonus
        : sharedCount(a.cites, b.cites) > 0
          ? o.citationBonus
          : 0;
    const reuse = Math.min(o.reuseBonusMax, reuseKeys * o.reuseBonus);
    if ((cos + cites + reuse) * eventTimeFactor(gap, o) >= o.eventThreshold) return 'event';
    if (gap !== undefined && gap > o.storylineMaxDays) return undefined;
    if (cos >= o.storylineThreshold) return 'storyline';
    const proper = new Set([...a.proper, ...b.proper]);
    const properCosine = restrictedCosine(va, vb, (t) => proper.has(t));
    return properCosine >= o.storylineProperThreshold ? 'storyline' : undefined;
  }

  private weigh(a: ArticleRecord): WeightedTerm[] {
    return weightByIdf(a.terms, (t) => this.df.get(t) ?? 0, this.articles.length);
  }

  /** LSH bands (2 rows) of the MinHash of the top-20 terms. */
  private termKeys(a: ArticleRecord): number[] {
    const top = [...a.terms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, TERM_TOP);
    const signature = minHash(
      top.map(([t]) => hash32(t)),
      TERM_BANDS * TERM_ROWS,
    );
    return bandKeys(signature, TERM_BANDS, TERM_ROWS, SALT.terms);
  }

  /** The top-6 proper-noun terms, each a key: names few articles share (small buckets) find paraphrases. */
  private anchorKeys(a: ArticleRecord): number[] {
    const proper = new Set(a.proper);
    return [...a.terms]
      .filter(([t]) => proper.has(t))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, ANCHORS)
      .map(([t]) => hash32(`anchor ${t}`));
  }

  private storyIdOf(kind: Story['kind'], uf: UnionFind, x: number): string {
    return storyId(
      kind,
      uf.members(x).map((i) => this.articles[i]!.id),
    );
  }

  private story(kind: Story['kind'], uf: UnionFind, x: number): Story {
    const members = uf.members(x).map((i) => this.articles[i]!);
    return buildStory({ kind, members, weigh: (p) => this.weigh(p as ArticleRecord) });
  }

  private eventIdsOf(x: number): string[] {
    const roots = new Set(this.line.members(x).map((i) => this.event.find(i)));
    return [...roots].map((r) => this.storyIdOf('event', this.event, r)).sort();
  }

  private update(
    start: number,
    oldEvents: Map<number, string>,
    oldLines: Map<number, string>,
    touchedDup: Set<number>,
    reuseCandidates: Array<[string, string]>,
  ): ClusterUpdate {
    const rootsOf = (uf: UnionFind) => {
      const roots = new Set<number>();
      for (let i = start; i < this.articles.length; i++) roots.add(uf.find(i));
      return [...roots].sort((x, y) => x - y);
    };
    const events = rootsOf(this.event).map((r) => {
      const story = this.story('event', this.event, r);
      story.storylineId = this.storyIdOf('storyline', this.line, r);
      return story;
    });
    const storylines = rootsOf(this.line).map((r) => {
      const story = this.story('storyline', this.line, r);
      story.eventIds = this.eventIdsOf(r);
      return story;
    });
    const removed = (old: Map<number, string>, now: Story[]) => {
      const live = new Set(now.map((s) => s.id));
      return [...new Set([...old.values()].filter((id) => !live.has(id)))].sort();
    };
    const dupRoots = [...new Set([...touchedDup].map((i) => this.dup.find(i)))].sort((x, y) => x - y);
    return {
      events,
      storylines,
      removedEventIds: removed(oldEvents, events),
      removedStorylineIds: removed(oldLines, storylines),
      duplicates: dupRoots.flatMap((r) =>
        duplicateLinksOf(this.dup.members(r).map((i) => this.articles[i]!)),
      ),
      reuseCandidates,
    };
  }

  /** Every event, with its storyline id, sorted by id. */
  events(): Story[] {
    return [...this.event.groups().keys()]
      .map((r) => {
        const story = this.story('event', this.event, r);
        story.storylineId = this.storyIdOf('storyline', this.line, r);
        return story;
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Every storyline, with its event ids, sorted by id. */
  storylines(): Story[] {
    return [...this.line.groups().keys()]
      .map((r) => {
        const story = this.story('storyline', this.line, r);
        story.eventIds = this.eventIdsOf(r);
        return story;
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Every duplicate link, sorted by article id. */
  duplicates(): DuplicateLink[] {
    return [...this.dup.groups().values()]
      .flatMap((m) => duplicateLinksOf(m.map((i) => this.articles[i]!)))
      .sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
  }
}
