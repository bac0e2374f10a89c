import type { Analysis, AnalysisFailure } from '../core/analysis.ts';
import type { Article } from '../core/article.ts';
import type { EntityMention } from '../core/entity.ts';
import { sha256Hex } from '../core/hash.ts';
import type { Story } from '../core/story.ts';
import { articleFraming, buildSources } from '../pipeline/analyze/compare/build-sources.ts';
import type { SourceArticle } from '../pipeline/analyze/compare/source-label.ts';
import { buildTimeline } from '../pipeline/analyze/timeline/build-timeline.ts';
import type { LoadedTermsResult } from '../pipeline/annotate/framing/find-loaded-terms.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import type { ArticleRecord } from '../pipeline/cluster/article-record.ts';
import { linkEntities } from '../pipeline/link/entities/link-entities.ts';
import { linksByArticle, toAnalysisArticle } from './analysis-assembly.ts';
import {
  ARTICLE_STAGES,
  type ArticleAnnotations,
  type ArticleFacts,
  type ArticleStages,
  attempt,
  clusterInput,
  phaseArticle,
} from './article-phase.ts';
import type { ArticlePool } from './article-pool.ts';
import { type Clustering, clusterIncrementally, type StoredClusters } from './clusters.ts';
import { localizeLinked, toCorpusIds } from './local-entities.ts';
import {
  type AnnotationsResult,
  type PhaseJob,
  type PhaseResults,
  runInline,
  runShared,
} from './phase-jobs.ts';
import { analysisVersions, versionsKey } from './stage-registry.ts';
import { type StageTimer, timeStage } from './stage-timer.ts';
import { type CachedStory, storyPhase } from './story-units.ts';

/** A cached result with the key it was computed under. */
export interface Cached<T> {
  key: string;
  value: T;
  /**
   * Annotations only: the corpus entity ids the value holds, by local index (local-entities.ts);
   * absent while it holds the local ids it was computed or stored with.
   */
  ids?: readonly string[];
}

/**
 * Results of earlier runs, per article and per storyline: an entry is used when its key matches
 * (same content, same stage versions, same inputs) and replaced otherwise. The composition records
 * what it computed in `fresh`, so a caller can store just that.
 */
export interface AnalysisCache {
  facts: Map<string, Cached<ArticleFacts>>;
  annotations: Map<string, Cached<ArticleAnnotations>>;
  /** Each article's loaded terms (keyed by its annotations' key and the framing lexicon). */
  framing: Map<string, Cached<LoadedTermsResult>>;
  stories: Map<string, CachedStory>;
  fresh: { facts: Set<string>; annotations: Set<string>; framing: Set<string>; stories: Set<string> };
}

export function emptyAnalysisCache(): AnalysisCache {
  return {
    facts: new Map(),
    annotations: new Map(),
    framing: new Map(),
    stories: new Map(),
    fresh: { facts: new Set(), annotations: new Set(), framing: new Set(), stories: new Set() },
  };
}

export interface AnalyzeOptions {
  now: () => Date;
  lexicon?: FramingLexicon;
  /** Receives each stage's elapsed milliseconds (for the pipeline benchmark). */
  timer?: StageTimer;
  /**
   * A cluster index stored by an earlier run: only new articles are added to it. It is consumed: the
   * restored index takes its arrays over, so the caller must not use `storedClusters.index` again.
   */
  storedClusters?: StoredClusters;
  /**
   * Receives the cluster index after this run, to be stored for the next. A promise it returns is
   * awaited before the story stages by the parallel driver (the sync one leaves it to the caller), and
   * the index is not referenced after it: stored at once, it is not held through the story stages.
   */
  onClusters?: (clustering: Clustering) => void | Promise<void>;
  /**
   * Called once entity linking has read the first phase's mentions (they may be let go after it); a
   * promise it returns is awaited by the parallel driver before the second phase.
   */
  onLinked?: () => void | Promise<void>;
  /**
   * Called once the per-article phases are done, before clustering (which runs on this thread alone);
   * a promise it returns is awaited by the parallel driver. The store closes its worker threads here.
   */
  onArticlePhasesDone?: () => void | Promise<void>;
  /** Per-article and per-story results of earlier runs; filled with this run's. */
  cache?: AnalysisCache;
  /** Replacements for per-article stages (the default is ARTICLE_STAGES). */
  stages?: Partial<ArticleStages>;
}

const hash = (value: unknown): string => sha256Hex(JSON.stringify(value)).slice(0, 32);

/** Everything of an article the first phase reads, with the article-stage versions. */
export function factsKey(article: Article, versions: string = versionsKey(['article'])): string {
  const captions = article.removed.filter((b) => b.reason === 'caption').map((b) => [b.start, b.text]);
  return hash([
    versions,
    article.id,
    article.text,
    article.bodyStart,
    article.title ?? '',
    article.outlet ?? '',
    article.publishedAt ?? '',
    article.publishedAtEvidence ?? '',
    captions,
  ]);
}

/**
 * The whole analysis of a set of articles: the composition of the stages in the registry
 * (stage-registry.ts), in three scopes. Per article, phase 1: time expressions and the publication
 * date, numbers, entity mentions. Across articles: entity linking. Per article, phase 2 with the
 * linked entities: quotes, claim mentions, events. Across articles: dedupe and clustering into
 * events and storylines. Per storyline: claim matching and independent origins, event merging,
 * source comparison, forecasts. Across articles: the timeline and each source's framing.
 * Per-article and per-story results come from `options.cache` when their keys match. A stage that
 * throws on one article or story is recorded in `failures`; the rest completes.
 */
export function analyzeArticles(articles: Article[], options: AnalyzeOptions): Analysis {
  const stages: ArticleStages = { ...ARTICLE_STAGES, ...options.stages };
  const run = compose(articles, options);
  for (let step = run.next(); ; ) {
    if (step.done) return step.value;
    const job = step.value;
    step = 'wait' in job ? run.next() : run.next(runInline(job, stages, options.timer));
  }
}

/**
 * `analyzeArticles` with the per-article phases shared between this thread and the pool's workers
 * (replaced stages, as in tests, always run here). Same result.
 */
export function analyzeArticlesInParallel(
  articles: Article[],
  options: AnalyzeOptions,
  pool: ArticlePool | (() => ArticlePool),
  worthSharing: (job: PhaseJob) => boolean = () => true,
): Promise<Analysis> {
  const stages: ArticleStages = { ...ARTICLE_STAGES, ...options.stages };
  const shared = options.stages === undefined;
  return analyzeArticlesWith(articles, options, async (job) =>
    shared && worthSharing(job)
      ? await runShared(job, typeof pool === 'function' ? pool() : pool, stages, options.timer)
      : runInline(job, stages, options.timer),
  );
}

/**
 * `analyzeArticles` with each per-article or story job run by `run` (on threads, or on a fleet of
 * processes: fleet-driver.ts), which must give the results `runInline` would. Same result.
 */
export async function analyzeArticlesWith(
  articles: Article[],
  options: AnalyzeOptions,
  run: (job: PhaseJob) => Promise<PhaseResults>,
): Promise<Analysis> {
  const composition = compose(articles, options);
  let step = composition.next();
  while (!step.done) {
    const job = step.value;
    if ('wait' in job) {
      await job.wait;
      step = composition.next();
      continue;
    }
    step = composition.next(await run(job));
  }
  return step.value;
}

/** A pause the composition asks its driver for: the parallel driver awaits `wait` before going on. */
interface Checkpoint {
  wait: Promise<void>;
}

/** The composition, yielding the per-article work it needs done (see the drivers above). */
function* compose(
  articles: Article[],
  options: AnalyzeOptions,
): Generator<PhaseJob | Checkpoint, Analysis, PhaseResults> {
  const timer = options.timer;
  const cache = options.cache ?? emptyAnalysisCache();
  const failures: AnalysisFailure[] = [];
  const articleVersions = versionsKey(['article']);
  const keys = new Map(articles.map((a) => [a.id, factsKey(a, articleVersions)]));
  const stale = <T>(map: Map<string, Cached<T>>, a: Article) => map.get(a.id)?.key !== keys.get(a.id);
  const missingFacts = articles.filter((a) => stale(cache.facts, a));
  if (missingFacts.length > 0) {
    const computed = (yield { phase: 'facts', articles: missingFacts.map(phaseArticle) }) as ArticleFacts[];
    missingFacts.forEach((a, i) => {
      cache.facts.set(a.id, { key: keys.get(a.id)!, value: computed[i]! });
      cache.fresh.facts.add(a.id);
    });
  }
  const facts = new Map(articles.map((a) => [a.id, cache.facts.get(a.id)!.value]));
  for (const a of articles) failures.push(...facts.get(a.id)!.failures);

  const linkedEntities = timeStage(timer, 'link-entities', () =>
    attempt(failures, { stage: 'link-entities' }, [], () =>
      linkEntities(articles.flatMap((a) => facts.get(a.id)!.mentions)),
    ),
  );
  const linkedOf = new Map<string, { text: EntityMention[]; captions: EntityMention[] }>();
  for (const entity of linkedEntities) {
    for (const m of entity.mentions) {
      let linked = linkedOf.get(m.articleId);
      if (!linked) {
        linked = { text: [], captions: [] };
        linkedOf.set(m.articleId, linked);
      }
      (m.in === 'raw' ? linked.captions : linked.text).push(m);
    }
  }
  for (const linked of linkedOf.values()) {
    linked.text.sort((x, y) => x.start - y.start);
    linked.captions.sort((x, y) => x.start - y.start);
  }
  // Entities list the mentions in the clean text; caption mentions only serve caption events.
  const entities = linkedEntities
    .map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.in !== 'raw') }))
    .filter((e) => e.mentions.length > 0);

  const linked = options.onLinked?.();
  if (linked) yield { wait: linked };

  const linkedOfArticle = (id: string) => linkedOf.get(id) ?? { text: [], captions: [] };
  // The second phase runs on entity ids local to each article, and is keyed by them.
  // Only the corpus id of each local one is kept: the local mentions are made again for the articles
  // to annotate (held for every article, they were a second copy of all linked mentions).
  const idsOf = new Map<string, string[]>();
  for (const a of articles) {
    const { local, ids } = localizeLinked(linkedOfArticle(a.id));
    keys.set(a.id, hash([keys.get(a.id), local]));
    idsOf.set(a.id, ids);
  }
  const missingAnnotations = articles.filter((a) => stale(cache.annotations, a));
  const lexiconKey = options.lexicon ? hash(options.lexicon) : 'default';
  const framingKey = (id: string) => hash([keys.get(id), lexiconKey]);
  // Cluster records of articles the stored index does not hold are built with their annotations (in
  // parallel, on a text each thread has just segmented); the index builds any others itself.
  const indexed = options.storedClusters?.members ?? {};
  const records = new Map<string, ArticleRecord>();
  if (missingAnnotations.length > 0) {
    // The items share the linked mentions (each thread makes the local ids of its own).
    const items = missingAnnotations.map((a) => ({
      article: phaseArticle(a),
      facts: facts.get(a.id)!,
      linked: linkedOfArticle(a.id),
      ...(Object.hasOwn(indexed, a.id) ? {} : { record: true as const }),
    }));
    // Loaded terms come with the annotations (on the worker threads), under the framing key below.
    const framing = options.lexicon ? { lexicon: options.lexicon } : {};
    const computed = (yield { phase: 'annotations', items, framing }) as AnnotationsResult[];
    missingAnnotations.forEach((a, i) => {
      const { record, framing: terms, ...value } = computed[i]!;
      if (record) records.set(a.id, record);
      if (terms) {
        cache.framing.set(a.id, { key: framingKey(a.id), value: terms });
        cache.fresh.framing.add(a.id);
      }
      cache.annotations.set(a.id, { key: keys.get(a.id)!, value });
      cache.fresh.annotations.add(a.id);
    });
  }
  // Then the corpus ids are put in (in place: the cache holds this run's form from now on).
  for (const a of articles) {
    const entry = cache.annotations.get(a.id)!;
    const ids = idsOf.get(a.id)!;
    toCorpusIds(entry.value, ids, entry.ids);
    entry.ids = ids;
  }
  const annotations = new Map(articles.map((a) => [a.id, cache.annotations.get(a.id)!.value]));
  for (const a of articles) failures.push(...annotations.get(a.id)!.failures);

  const done = options.onArticlePhasesDone?.();
  if (done) yield { wait: done };
  let clustering = timeStage(timer, 'cluster', () =>
    attempt(failures, { stage: 'cluster' }, undefined, () =>
      clusterIncrementally(
        articles.map((a) => clusterInput(a, facts.get(a.id)!.publishedAt, linkedOfArticle(a.id).text)),
        options.storedClusters,
        records,
        { adopt: true },
      ),
    ),
  );
  records.clear(); // the index has what it needs of them
  const stories: Story[] = clustering ? [...clustering.storylines, ...clustering.events] : [];
  const duplicates = clustering?.duplicates ?? [];
  const derivations = clustering?.derivations ?? [];
  const saving = clustering ? options.onClusters?.(clustering) : undefined;
  // Only the stories and links are read from here on: the index itself (~270 MB at 20,000 articles)
  // goes once it is stored.
  clustering = undefined;
  if (saving) yield { wait: saving };
  const sourceArticles = new Map<string, SourceArticle & { text: string }>(
    articles.map((a) => {
      const publishedAt = facts.get(a.id)!.publishedAt;
      const source: SourceArticle & { text: string } = { id: a.id, text: a.text };
      if (a.title) source.title = a.title;
      if (a.outlet) source.outlet = a.outlet;
      if (publishedAt) source.publishedAt = publishedAt;
      return [a.id, source];
    }),
  );

  const results = yield* storyPhase({
    articles,
    stories,
    duplicates,
    derivations,
    keys,
    idsOf,
    annotations,
    numbers: (id) => facts.get(id)!.numbers,
    sourceArticles,
    cache: cache.stories,
    fresh: cache.fresh.stories,
  });
  for (const r of results) failures.push(...r.failures);

  const events = results.flatMap((r) => r.events);
  const timeline = timeStage(timer, 'timeline', () =>
    attempt(failures, { stage: 'build-timeline' }, [], () => buildTimeline(events)),
  );
  const quotes = articles.flatMap((a) => annotations.get(a.id)!.quotes);
  // Framing is per article (its text, its direct quotes, the lexicon): only changed articles are read
  // (those annotated in this run had theirs found with their annotations).
  timeStage(timer, 'framing', () => {
    for (const a of articles) {
      const key = framingKey(a.id);
      if (cache.framing.get(a.id)?.key === key) continue;
      const value = attempt(
        failures,
        { stage: 'framing', articleId: a.id },
        { ownVoice: [], inQuotes: [] },
        () => articleFraming(a, annotations.get(a.id)!.quotes, options.lexicon),
      );
      cache.framing.set(a.id, { key, value });
      cache.fresh.framing.add(a.id);
    }
  });
  const sources = timeStage(timer, 'sources', () =>
    attempt(failures, { stage: 'sources' }, [], () =>
      buildSources({
        articles: [...sourceArticles.values()],
        framing: new Map(articles.map((a) => [a.id, cache.framing.get(a.id)!.value])),
        derivations,
      }),
    ),
  );
  const comparisonOf = new Map(results.flatMap((r) => r.comparisons).map((c) => [c.storyId, c]));
  const links = linksByArticle(duplicates, derivations);
  const analysis: Analysis = {
    schema: 'sitrep/analysis@1',
    generatedAt: options.now().toISOString(),
    versions: analysisVersions(),
    articles: articles.map((a) => toAnalysisArticle(a, facts.get(a.id)!, links)),
    stories,
    entities,
    quotes,
    claims: results.flatMap((r) => r.claims),
    events,
    timeline,
    sources,
    derivations,
    comparisons: stories.flatMap((s) => comparisonOf.get(s.id) ?? []),
    forecasts: results.flatMap((r) => r.forecasts),
  };
  if (failures.length > 0) analysis.failures = failures;
  return analysis;
}
