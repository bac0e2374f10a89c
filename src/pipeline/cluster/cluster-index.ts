import type { ClusterInput, DuplicateLink, Story } from '../../core/story.ts';
import { BucketIndex } from '../dedupe/bucket-index.ts';
import { bandKeys, estimateJaccard } from '../dedupe/minhash.ts';
import { UnionFind } from '../dedupe/union-find.ts';
import { type ArticleRecord, articleRecord, duplicateLinksOf } from './article-record.ts';
import type { AddOptions, BucketState, ClusterGroups, ClusterState, ClusterUpdate } from './cluster-state.ts';
import { changedStories, eventStories, type IndexView, lineStories } from './index-stories.ts';
import {
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  type IdVector,
  idfVector,
  PairCache,
  type PairWeights,
  pairWeights,
} from './pair-scores.ts';
import { groupBy, type PartitionGraph, partitionComponent, storylineRegion } from './partition.ts';
import {
  anchorKeys,
  recordOf,
  type StoredRecord,
  storeRecord,
  TermTable,
  termKeys,
} from './stored-record.ts';

export type { AddOptions, ClusterGroups, ClusterState, ClusterUpdate } from './cluster-state.ts';

export const CLUSTER_VERSION = '5';

/** The `cap` keys of `counts` with the highest counts (ties: the larger, i.e. newer, index). */
function strongest(counts: Map<number, number>, cap: number): number[] {
  const keys = [...counts.keys()];
  if (keys.length <= cap) return keys;
  return keys.sort((x, y) => counts.get(y)! - counts.get(x)! || y - x).slice(0, cap);
}

const NEAR_BANDS = 16;
const DUPLICATE_WEIGHTS: PairWeights = Object.freeze({ event: 1, storyline: 1 });
const NEAR_ROWS = 4;
const SALT = { near: 0x6e656172, reuse: 0x72657573 };

/**
 * Incremental dedupe + two-level clustering (docs/decisions/0012). Each added article is compared
 * with at most `candidateCap` candidates from LSH buckets (MinHash of word 4-shingles, of the top-20
 * terms, proper-noun anchors and sentence reuse keys), never with all articles; compared pairs above
 * `edgeFloor` are kept as edges. Events and storylines are average-link clusters of those edges
 * (events first, then storylines over events, so every event lies inside one storyline), recomputed
 * per touched component with the document frequencies of now.
 */
export class ClusterIndex {
  readonly options: ClusterOptions;
  private readonly articles: StoredRecord[];
  private readonly byId = new Map<string, number>();
  private readonly terms = new TermTable();
  private dup: UnionFind;
  private component: UnionFind;
  private readonly eventOf: number[];
  private readonly lineOf: number[];
  private readonly links: number[][];
  private readonly near: BucketIndex;
  private readonly termBuckets: BucketIndex;
  private readonly anchors: BucketIndex;
  private readonly reuse: BucketIndex;
  /** IDF-weighted vectors of the current call (cleared when it returns). */
  private weighed?: Map<number, IdVector>;
  /** Weights of the pairs linked in the current call (the re-clustering weighs them again). */
  private pairCache?: PairCache;
  /** What building stories reads of the index (index-stories.ts). */
  private readonly view: IndexView;

  constructor(options: Partial<ClusterOptions> = {}, state?: ClusterState) {
    this.options = state ? state.options : { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    for (const [t, n] of state?.df ?? []) this.terms.df[this.terms.id(t)] = n;
    this.articles = (state?.articles ?? []).map((r) => storeRecord(r, this.terms));
    for (const [i, a] of this.articles.entries()) this.byId.set(a.id, i);
    this.dup = new UnionFind(state ? state.duplicateParent : []);
    this.component = new UnionFind(state ? state.componentParent : []);
    this.eventOf = state ? state.eventOf : [];
    this.lineOf = state ? state.storylineOf : [];
    this.links = state ? state.links : [];
    const o = this.options;
    const bucket = (b: BucketState | undefined, cap: number) =>
      b ? BucketIndex.fromJSON(b) : new BucketIndex(cap);
    this.near = bucket(state?.buckets.near, o.bucketCap);
    this.termBuckets = bucket(state?.buckets.terms, o.termBucketCap);
    this.anchors = bucket(state?.buckets.anchors, o.anchorBucketCap);
    this.reuse = bucket(state?.buckets.reuse, o.reuseBucketCap);
    this.view = {
      articles: this.articles,
      eventOf: this.eventOf,
      lineOf: this.lineOf,
      indexOf: (id) => this.byId.get(id)!,
      vector: (i) => this.vector(i),
      termText: (id) => this.terms.text[id]!,
    };
  }

  /**
   * Rebuild an index from `toJSON()` output. The state is deep-copied, so it can be reused, unless
   * `adopt` is set: then the index takes its arrays over (the caller must not use the state again),
   * which saves a second copy of the whole index when it has just been read from the store.
   */
  static restore(state: ClusterState, options: { adopt?: boolean } = {}): ClusterIndex {
    if (state.version !== CLUSTER_VERSION) {
      throw new Error(
        `cluster state version ${state.version}, expected ${CLUSTER_VERSION}: rebuild the index`,
      );
    }
    return new ClusterIndex({}, options.adopt ? state : structuredClone(state));
  }

  toJSON(): ClusterState {
    return { ...this.toJSONWithoutRecords(), articles: this.records(0, this.articles.length) };
  }

  /** The article records [from, to) as `toJSON` gives them (to store a large state in parts). */
  records(from: number, to: number): ArticleRecord[] {
    return this.articles.slice(from, to).map((a) => recordOf(a, this.terms));
  }

  /** `toJSON()` with `articles` left empty: `records` gives them in slices. */
  toJSONWithoutRecords(): ClusterState {
    return {
      version: CLUSTER_VERSION,
      options: { ...this.options },
      articles: [],
      df: this.terms.text.map((t, id): [string, number] => [t, this.terms.df[id]!]),
      duplicateParent: [...this.dup.parent],
      componentParent: [...this.component.parent],
      eventOf: [...this.eventOf],
      storylineOf: [...this.lineOf],
      links: this.links.map((l) => [...l]),
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
  add(inputs: readonly ClusterInput[], options: AddOptions = {}): ClusterUpdate {
    const fresh = [...new Map(inputs.filter((i) => !this.byId.has(i.id)).map((i) => [i.id, i])).values()];
    return this.addRecords(fresh.map(articleRecord), options);
  }

  /**
   * `add` for records already built by `articleRecord` (e.g. on worker threads: see
   * `src/engine/record-pool.ts`); the result is the same as `add` of their inputs.
   */
  addRecords(records: readonly ArticleRecord[], options: AddOptions = {}): ClusterUpdate {
    const { start, fresh } = this.append(records);
    const sentenceKeys = fresh.map((r) => r.reuseKeys);
    this.weighed = new Map();
    this.pairCache = new PairCache(start);
    const touchedDup = new Set<number>();
    const reuseCandidates: Array<[string, string]> = [];
    let compared = 0;
    const o = this.options;
    for (let i = start; i < this.articles.length; i++) {
      const a = this.articles[i]!;
      const hits = new Map<number, number>();
      const reuseShared = new Map<number, number>();
      const collect = (j: number) => hits.set(j, (hits.get(j) ?? 0) + 1);
      this.bucket(i, sentenceKeys[i - start]!, collect, (j) =>
        reuseShared.set(j, (reuseShared.get(j) ?? 0) + 1),
      );
      for (const j of strongest(reuseShared, o.reuseCandidateCap)) {
        reuseCandidates.push([a.id, this.articles[j]!.id]);
        collect(j);
      }
      for (const j of strongest(hits, o.candidateCap).sort((x, y) => x - y)) {
        compared += 1;
        const b = this.articles[j]!;
        const reuseKeys = Math.min(31, reuseShared.get(j) ?? 0);
        if (a.exact === b.exact || estimateJaccard(a.signature, b.signature) >= o.nearDuplicate) {
          this.dup.union(i, j);
          touchedDup.add(i);
          this.link(i, j, reuseKeys);
          this.component.union(i, j);
          continue;
        }
        const w = this.weights(i, j, reuseKeys);
        if (w.event < o.edgeFloor && w.storyline < o.edgeFloor) continue;
        this.link(i, j, reuseKeys, w);
        if (w.event >= o.eventThreshold || w.storyline >= o.storylineThreshold) this.component.union(i, j);
      }
    }
    const update = this.repartition(start, touchedDup, reuseCandidates, compared, options.stories !== false);
    this.weighed = undefined;
    this.pairCache = undefined;
    return update;
  }

  /** Store the records not held yet (deduplicated, in id order) and count their terms. */
  private append(records: readonly ArticleRecord[]): { start: number; fresh: ArticleRecord[] } {
    const fresh = [...new Map(records.filter((r) => !this.byId.has(r.id)).map((r) => [r.id, r])).values()];
    fresh.sort((a, b) => (a.id < b.id ? -1 : 1));
    const start = this.articles.length;
    for (const record of fresh) {
      const stored = storeRecord(record, this.terms);
      this.byId.set(stored.id, this.articles.length);
      this.articles.push(stored);
      this.dup.add();
      this.component.add();
      this.eventOf.push(this.articles.length - 1);
      this.lineOf.push(this.articles.length - 1);
      this.links.push([]);
      for (const id of stored.termIds) this.terms.df[id]! += 1;
    }
    return { start, fresh };
  }

  /**
   * Re-add the records one `addRecords` call added, as a stored run left them: the links and groups
   * it produced are given (`after`: `groups()` after that call), so nothing is compared or
   * re-clustered. The index ends as that call left it.
   */
  replay(records: readonly ArticleRecord[], after: ClusterGroups): void {
    const { start, fresh } = this.append(records);
    const none = () => undefined;
    for (let i = start; i < this.articles.length; i++)
      this.bucket(i, fresh[i - start]!.reuseKeys, none, none);
    if (after.eventOf.length !== this.articles.length)
      throw new Error(
        `replayed groups hold ${after.eventOf.length} articles, the index ${this.articles.length}`,
      );
    this.dup = new UnionFind([...after.duplicateParent]);
    this.component = new UnionFind([...after.componentParent]);
    this.eventOf.splice(0, this.eventOf.length, ...after.eventOf);
    this.lineOf.splice(0, this.lineOf.length, ...after.storylineOf);
    this.links.splice(0, this.links.length, ...after.links.map((l) => [...l]));
  }

  /** Put article i into the candidate buckets; `hit`/`reused` visit members sharing a key/a reuse key. */
  private bucket(
    i: number,
    reuseKeys: readonly number[],
    hit: (j: number) => void,
    reused: (j: number) => void,
  ): void {
    const a = this.articles[i]!;
    this.near.queryAndAdd(bandKeys(a.signature, NEAR_BANDS, NEAR_ROWS, SALT.near), i, hit);
    this.termBuckets.queryAndAdd(termKeys(a, this.terms), i, hit);
    this.anchors.queryAndAdd(anchorKeys(a, this.terms), i, hit);
    this.reuse.queryAndAdd(
      reuseKeys.map((k) => (k ^ SALT.reuse) >>> 0),
      i,
      reused,
    );
  }

  /** The links and groups of every article (what `replay` restores). */
  groups(): ClusterGroups {
    return {
      duplicateParent: [...this.dup.parent],
      componentParent: [...this.component.parent],
      eventOf: [...this.eventOf],
      storylineOf: [...this.lineOf],
      links: this.links.map((l) => [...l]),
    };
  }

  /** Link i and j; a linked pair's weights are kept for the partition, the only step that asks again. */
  private link(i: number, j: number, reuseKeys: number, weights?: PairWeights): void {
    this.links[i]!.push(j * 32 + reuseKeys);
    this.links[j]!.push(i * 32 + reuseKeys);
    if (weights) this.pairCache?.set(i, j, weights);
  }

  /**
   * The pair's weights with the current document frequencies (duplicates weigh 1); those of a pair
   * linked in this call are kept (`link`): two in three compared pairs are not linked.
   */
  private weights(i: number, j: number, reuseKeys: number): PairWeights {
    if (this.dup.find(i) === this.dup.find(j)) return DUPLICATE_WEIGHTS;
    const cached = this.pairCache?.get(i, j);
    if (cached) return cached;
    return pairWeights(
      this.articles[i]!,
      this.articles[j]!,
      this.vector(i),
      this.vector(j),
      reuseKeys,
      this.options,
    );
  }

  /**
   * Re-cluster every component holding an added article, and report its events and storylines
   * (complete), the ids that no longer exist, and the duplicate groups touched.
   */
  private repartition(
    start: number,
    touchedDup: Set<number>,
    reuseCandidates: Array<[string, string]>,
    compared: number,
    stories: boolean,
  ): ClusterUpdate {
    const roots = new Set<number>();
    for (let i = start; i < this.articles.length; i++) roots.add(this.component.find(i));
    const graph: PartitionGraph = {
      id: (i) => this.articles[i]!.id,
      links: (i) => this.links[i]!,
      weights: (i, j, reuse) => this.weights(i, j, reuse),
      vector: (i) => this.vector(i),
      day: (i) => this.articles[i]!.day,
    };
    // Each re-clustered old article's previous event and storyline: a group found again with the
    // same members (and, for an event, in an unchanged storyline) is not reported again.
    const was = { event: new Map<number, number>(), line: new Map<number, number>() };
    const reclustered: number[] = [];
    for (const root of [...roots].sort((x, y) => x - y)) {
      const component = this.component.members(root);
      const members =
        component.length <= this.options.componentLimit
          ? component
          : storylineRegion(component, start, this.lineOf, this.links);
      for (const m of members) {
        if (m >= start) continue;
        was.event.set(m, this.eventOf[m]!);
        was.line.set(m, this.lineOf[m]!);
      }
      const { eventOf, lineOf } = partitionComponent(members, graph, (i) => this.dup.find(i), this.options);
      for (const m of members) {
        this.eventOf[m] = eventOf.get(m)!;
        this.lineOf[m] = lineOf.get(m)!;
        reclustered.push(m);
      }
    }
    const changed = changedStories(this.view, reclustered, was, stories);
    const dupRoots = [...new Set([...touchedDup].map((i) => this.dup.find(i)))].sort((x, y) => x - y);
    return {
      ...changed,
      duplicates: dupRoots.flatMap((r) =>
        duplicateLinksOf(this.dup.members(r).map((i) => this.articles[i]!)),
      ),
      reuseCandidates,
      compared,
    };
  }

  /** Article i's terms re-weighted by the current IDF and re-normalised (cached within a call). */
  private vector(i: number): IdVector {
    const cached = this.weighed?.get(i);
    if (cached) return cached;
    const v = idfVector(this.articles[i]!, this.terms.df, this.articles.length, this.terms.text);
    this.weighed?.set(i, v);
    return v;
  }

  /** Every event, with its storyline id, sorted by id. */
  events(): Story[] {
    this.weighed = new Map();
    const out = eventStories(
      this.view,
      groupBy(this.articles.keys(), (m) => this.eventOf[m]!),
      groupBy(this.articles.keys(), (m) => this.lineOf[m]!),
    );
    this.weighed = undefined;
    return out;
  }

  /** Every storyline, with its event ids, sorted by id. */
  storylines(): Story[] {
    this.weighed = new Map();
    const out = lineStories(
      this.view,
      groupBy(this.articles.keys(), (m) => this.lineOf[m]!),
    );
    this.weighed = undefined;
    return out;
  }

  /** Every duplicate link, sorted by article id. */
  duplicates(): DuplicateLink[] {
    return [...this.dup.groups().values()]
      .flatMap((m) => duplicateLinksOf(m.map((i) => this.articles[i]!)))
      .sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
  }
}
