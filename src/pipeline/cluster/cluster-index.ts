import type { ClusterInput, DuplicateLink, Story } from '../../core/story.ts';
import { BucketIndex } from '../dedupe/bucket-index.ts';
import { bandKeys, estimateJaccard } from '../dedupe/minhash.ts';
import { UnionFind } from '../dedupe/union-find.ts';
import { type ArticleRecord, articleRecord, duplicateLinksOf } from './article-record.ts';
import {
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  dayGap,
  eventTimeFactor,
  type IdVector,
  idCosine,
  idf,
  properOverlap,
  sharedCount,
} from './pair-scores.ts';
import {
  anchorKeys,
  recordOf,
  type StoredRecord,
  storeRecord,
  TermTable,
  termKeys,
} from './stored-record.ts';
import { buildStory, storyId } from './story-builder.ts';

export const CLUSTER_VERSION = '2';

/** The `cap` keys of `counts` with the highest counts (ties: the larger, i.e. newer, index). */
function strongest(counts: Map<number, number>, cap: number): number[] {
  const keys = [...counts.keys()];
  if (keys.length <= cap) return keys;
  return keys.sort((x, y) => counts.get(y)! - counts.get(x)! || y - x).slice(0, cap);
}

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
  /** Candidate pairs this call compared (at most `candidateCap` per added article): the work it did. */
  compared: number;
}

const NEAR_BANDS = 16;
const NEAR_ROWS = 4;
const SALT = { near: 0x6e656172, reuse: 0x72657573 };

/**
 * Incremental dedupe + two-level clustering. Events are the connected components of the event-edge
 * graph (pair score ≥ threshold; near duplicates always joined); storylines those of event ∪
 * storyline edges, so every event lies inside one storyline. Candidates come from LSH buckets
 * (MinHash of word 4-shingles, of the top-20 terms, and sentence reuse keys), never from all pairs.
 */
export class ClusterIndex {
  readonly options: ClusterOptions;
  private readonly articles: StoredRecord[];
  private readonly byId = new Map<string, number>();
  private readonly terms = new TermTable();
  private readonly dup: UnionFind;
  private readonly event: UnionFind;
  private readonly line: UnionFind;
  private readonly near: BucketIndex;
  private readonly termBuckets: BucketIndex;
  private readonly anchors: BucketIndex;
  private readonly reuse: BucketIndex;
  /** IDF-weighted vectors of the current call (cleared when it returns). */
  private weighed?: Map<number, IdVector>;

  constructor(options: Partial<ClusterOptions> = {}, state?: ClusterState) {
    this.options = state ? state.options : { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    for (const [t, n] of state?.df ?? []) this.terms.df[this.terms.id(t)] = n;
    this.articles = (state?.articles ?? []).map((r) => storeRecord(r, this.terms));
    for (const [i, a] of this.articles.entries()) this.byId.set(a.id, i);
    this.dup = new UnionFind(state ? state.duplicateParent : []);
    this.event = new UnionFind(state ? state.eventParent : []);
    this.line = new UnionFind(state ? state.storylineParent : []);
    const o = this.options;
    const bucket = (b: BucketState | undefined, cap: number) =>
      b ? BucketIndex.fromJSON(b) : new BucketIndex(cap);
    this.near = bucket(state?.buckets.near, o.bucketCap);
    this.termBuckets = bucket(state?.buckets.terms, o.termBucketCap);
    this.anchors = bucket(state?.buckets.anchors, o.anchorBucketCap);
    this.reuse = bucket(state?.buckets.reuse, o.reuseBucketCap);
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
    return {
      version: CLUSTER_VERSION,
      options: { ...this.options },
      articles: this.articles.map((a) => recordOf(a, this.terms)),
      df: this.terms.text.map((t, id): [string, number] => [t, this.terms.df[id]!]),
      duplicateParent: [...this.dup.parent],
      eventParent: [...this.event.parent],
      storylineParent: [...this.line.parent],
      buckets: {
        near: this.near.toJSON(),
        terms: this.termBuckets.toJSON(),
        anchors: this.anchors.toJSON(),
        reuse: this.reuse.toJSON(),
      },
    };
  }

  get size(): number {
    return this.articles.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Add articles (ids already present are ignored; of repeated ids the last counts). The call first
   * counts the new articles' terms into the document frequencies, then links them in id order, so
   * its result does not depend on the order of `inputs`.
   */
  add(inputs: readonly ClusterInput[]): ClusterUpdate {
    const fresh = [...new Map(inputs.filter((i) => !this.byId.has(i.id)).map((i) => [i.id, i])).values()];
    return this.addRecords(fresh.map(articleRecord));
  }

  /**
   * `add` for records already built by `articleRecord` (e.g. on worker threads: see
   * `src/engine/record-pool.ts`); the result is the same as `add` of their inputs.
   */
  addRecords(records: readonly ArticleRecord[]): ClusterUpdate {
    const fresh = [...new Map(records.filter((r) => !this.byId.has(r.id)).map((r) => [r.id, r])).values()];
    fresh.sort((a, b) => (a.id < b.id ? -1 : 1));
    const start = this.articles.length;
    const sentenceKeys: number[][] = [];
    for (const record of fresh) {
      const stored = storeRecord(record, this.terms);
      sentenceKeys.push(record.reuseKeys);
      this.byId.set(stored.id, this.articles.length);
      this.articles.push(stored);
      this.dup.add();
      this.event.add();
      this.line.add();
      for (const id of stored.termIds) this.terms.df[id]! += 1;
    }
    const oldEvents = new Map<number, string>();
    const oldLines = new Map<number, string>();
    const remember = (uf: UnionFind, kind: Story['kind'], old: Map<number, string>, x: number) => {
      const root = uf.find(x);
      if (root < start && !old.has(root)) old.set(root, this.storyIdOf(kind, uf, root));
    };
    this.weighed = new Map();
    const touchedDup = new Set<number>();
    const reuseCandidates: Array<[string, string]> = [];
    let compared = 0;
    const o = this.options;
    for (let i = start; i < this.articles.length; i++) {
      const a = this.articles[i]!;
      const hits = new Map<number, number>();
      const reuseShared = new Map<number, number>();
      const collect = (j: number) => hits.set(j, (hits.get(j) ?? 0) + 1);
      this.near.queryAndAdd(bandKeys(a.signature, NEAR_BANDS, NEAR_ROWS, SALT.near), i, collect);
      this.termBuckets.queryAndAdd(termKeys(a, this.terms), i, collect);
      this.anchors.queryAndAdd(anchorKeys(a, this.terms), i, collect);
      this.reuse.queryAndAdd(
        sentenceKeys[i - start]!.map((k) => (k ^ SALT.reuse) >>> 0),
        i,
        (j) => reuseShared.set(j, (reuseShared.get(j) ?? 0) + 1),
      );
      for (const j of strongest(reuseShared, o.reuseCandidateCap)) {
        reuseCandidates.push([a.id, this.articles[j]!.id]);
        collect(j);
      }
      for (const j of strongest(hits, o.candidateCap).sort((x, y) => x - y)) {
        compared += 1;
        const b = this.articles[j]!;
        let level: 'duplicate' | 'event' | 'storyline' | undefined;
        if (a.exact === b.exact || estimateJaccard(a.signature, b.signature) >= o.nearDuplicate)
          level = 'duplicate';
        else if (this.event.find(i) === this.event.find(j)) continue;
        else level = this.pairLevel(a, b, this.vector(i), this.vector(j), reuseShared.get(j) ?? 0);
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
    const update = this.update(start, oldEvents, oldLines, touchedDup, reuseCandidates, compared);
    this.weighed = undefined;
    return update;
  }

  /** The strongest link a pair deserves (see docs/decisions/0010), or none. */
  private pairLevel(a: StoredRecord, b: StoredRecord, wa: IdVector, wb: IdVector, reuseKeys: number) {
    const o = this.options;
    const gap = dayGap(a, b);
    const cos = idCosine(wa, wb);
    const citesOther = (x: StoredRecord, y: StoredRecord) =>
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
    const proper = properOverlap(wa, wb);
    if (proper.shared < o.storylineMinShared) return undefined;
    return cos >= o.storylineThreshold || proper.cosine >= o.storylineProperThreshold
      ? 'storyline'
      : undefined;
  }

  /** Article i's terms re-weighted by the current IDF and re-normalised (cached within a call). */
  private vector(i: number): IdVector {
    const cached = this.weighed?.get(i);
    if (cached) return cached;
    const a = this.articles[i]!;
    const n = this.articles.length;
    const w = new Float64Array(a.weights.length);
    let sq = 0;
    a.termIds.forEach((id, k) => {
      w[k] = a.weights[k]! * idf(this.terms.df[id]!, n);
      sq += w[k]! * w[k]!;
    });
    const norm = Math.sqrt(sq) || 1;
    for (let k = 0; k < w.length; k++) w[k]! /= norm;
    const v: IdVector = { ids: a.termIds, w, proper: a.proper };
    this.weighed?.set(i, v);
    return v;
  }

  private storyIdOf(kind: Story['kind'], uf: UnionFind, x: number): string {
    return storyId(
      kind,
      uf.members(x).map((i) => this.articles[i]!.id),
    );
  }

  private story(kind: Story['kind'], uf: UnionFind, x: number): Story {
    return buildStory({
      kind,
      members: uf.members(x).map((i) => this.articles[i]!),
      weigh: (m) => this.vector(this.byId.get(m.id)!),
      termText: (id) => this.terms.text[id]!,
    });
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
    compared: number,
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
      compared,
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
