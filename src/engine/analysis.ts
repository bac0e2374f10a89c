import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';
import { sha256Hex } from '../core/hash.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import type { DerivedRecord, Store } from '../store/store.ts';
import { loadCache, saveCache, saveFacts, type Unreadable } from './analysis-records.ts';
import {
  type AnalyzeOptions,
  analyzeArticles,
  analyzeArticlesInParallel,
  analyzeArticlesWith,
  emptyAnalysisCache,
} from './analyze-articles.ts';
import type { ArticleStages } from './article-phase.ts';
import { ArticlePool, defaultArticleThreads } from './article-pool.ts';
import { loadClusters, saveClusterOutput, saveClusters } from './cluster-store.ts';
import { collectGarbage } from './collect-garbage.ts';
import { tuneJit } from './jit-tuning.ts';
import { jobArticles, type PhaseJob, type PhaseResults } from './phase-jobs.ts';
import { analysisVersions } from './stage-registry.ts';
import type { StageTimer } from './stage-timer.ts';

export interface AnalyzeStoreOptions {
  now: () => Date;
  /** Analyze only these articles (default: every stored article). */
  articleIds?: string[];
  lexicon?: FramingLexicon;
  /** Recompute even when a cached analysis matches. */
  fresh?: boolean;
  /** Replacements for per-article stages (tests inject faults through this). */
  stages?: Partial<ArticleStages>;
  /** Receives each stage's and each store step's elapsed milliseconds (benchmarks). */
  timer?: StageTimer;
  /**
   * Worker threads for the per-article and story stages beside this one (default: one per core but
   * this one). They are started when a job first reads at least PARALLEL_FROM articles.
   */
  threads?: number;
  /**
   * Runs each per-article and story job in place of this process's threads (a fleet of worker
   * processes: fleet-driver.ts); it must give the results `runInline` would.
   */
  runner?: (job: PhaseJob, timer: StageTimer | undefined) => Promise<PhaseResults>;
  /**
   * The caller already holds the store's ANALYSIS_LOCK (a fleet worker, which tries it without
   * waiting); otherwise the analysis takes it, waiting for another process's analysis to end.
   */
  lockHeld?: boolean;
  /** Called when another process holds ANALYSIS_LOCK and this analysis waits for it. */
  onWaitForLock?: () => void;
  /**
   * Told of each stored result whose text is not JSON (a damaged store): it is computed again and
   * stored anew, so the analysis is unaffected; the caller may say so.
   */
  onUnreadable?: (kind: string, key: string) => void;
}

/**
 * The store-wide lock an analysis holds (Store.withLock): one analysis of a store at a time, in any
 * process — the CLI, the API server's analysis thread, a fleet worker. Two at once computed the same
 * results twice on the same cores and wrote the cluster index's base and deltas over each other's
 * (docs/decisions/0090, "One analysis at a time").
 */
export const ANALYSIS_LOCK = 'sitrep:analyze';

/** A job reading fewer articles than this runs on the calling thread alone (starting workers costs ~1 s). */
export const PARALLEL_FROM = 200;

/** Analyses computing at least this many articles collect garbage between their phases (collect-garbage.ts). */
export const COLLECT_FROM = 1000;

/** Time an async store step. */
async function timed<T>(timer: StageTimer | undefined, step: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await body();
  } finally {
    timer?.set(step, (timer.get(step) ?? 0) + performance.now() - started);
  }
}

/**
 * What is stored of a whole analysis: when it was made, under its key. The analysis itself is
 * assembled from the per-article and per-storyline records (never one corpus-sized JSON value: at
 * 20,000 articles that string alone was over a gigabyte); a matching key gives back the same
 * `generatedAt`, so asking again gives the same analysis.
 */
interface AnalysisManifest {
  generatedAt: string;
  articles: number;
}

/** The stored manifest; none when its text is not JSON (the analysis then stores a new one). */
async function readManifest(
  store: Store,
  key: string,
  unreadable: Unreadable,
): Promise<DerivedRecord<AnalysisManifest> | undefined> {
  try {
    return await store.getDerived<AnalysisManifest>('analysis', key);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    unreadable('analysis', key);
    return undefined;
  }
}

/**
 * The analysis of the stored articles, assembled from per-article results (keyed by the article's
 * content and the article-stage versions), per-storyline results (keyed by the storyline's members)
 * and the incremental cluster index, all kept in the store: asking again without a change recomputes
 * nothing but the corpus-wide glue (entity linking, timeline, sources); adding articles recomputes
 * their own stages and the storylines they join. The analysis key (articles' content hashes, stage
 * versions, the framing lexicon's content) keeps `generatedAt` while nothing changed.
 */
export async function analyzeStore(store: Store, options: AnalyzeStoreOptions): Promise<Analysis> {
  if (options.lockHeld) return analyzeLocked(store, options);
  const now = await store.withLock(ANALYSIS_LOCK, () => analyzeLocked(store, options), { wait: false });
  if (now.locked) return now.value;
  options.onWaitForLock?.();
  const later = await store.withLock(ANALYSIS_LOCK, () => analyzeLocked(store, options));
  if (!later.locked) throw new SitrepError('INTERNAL', 'the analysis lock was not taken');
  return later.value;
}

async function analyzeLocked(store: Store, options: AnalyzeStoreOptions): Promise<Analysis> {
  tuneJit();
  const timer = options.timer;
  const unreadable: Unreadable = options.onUnreadable ?? (() => {});
  const all = await timed(timer, 'store:articles', () => store.allArticles());
  const wanted = options.articleIds ? new Set(options.articleIds) : undefined;
  const articles = wanted ? all.filter((a) => wanted.has(a.id)) : all;
  if (articles.length === 0) {
    throw new SitrepError('NOT_FOUND', 'no articles to analyze; `sitrep ingest <paths>` adds some');
  }
  const key = sha256Hex(
    JSON.stringify({
      versions: analysisVersions(),
      lexicon: options.lexicon ?? null,
      stages: Object.keys(options.stages ?? {}).sort(),
      articles: articles.map((a) => [a.id, a.contentSha256, a.extractor.name, a.extractor.version]),
    }),
  );
  const cacheKey = wanted ? 'selection' : 'corpus';
  const manifest = options.fresh
    ? undefined
    : await timed(timer, 'store:analysis', () => readManifest(store, cacheKey, unreadable));
  const unchanged = manifest?.version === key && typeof manifest.value.generatedAt === 'string';
  const now = unchanged ? () => new Date(manifest.value.generatedAt) : options.now;
  // The whole-store analysis keeps its cluster index between runs, so new articles are added to it
  // instead of re-clustering everything (a selection is clustered on its own).
  // `fresh` recomputes everything, the cluster index included.
  const loaded =
    wanted || options.fresh
      ? undefined
      : await timed(timer, 'store:cluster-state', () => loadClusters(store, unreadable));
  const cache =
    options.fresh || options.stages
      ? emptyAnalysisCache()
      : await timed(timer, 'store:load-cache', () => loadCache(store, unreadable));
  const threads = options.threads ?? defaultArticleThreads();
  // Worker threads are started when an article job first needs them (see onArticlePhasesDone).
  let pool: ArticlePool | undefined;
  let articleWorkers = false;
  const parallel = threads > 0 && !options.stages && !options.runner;
  const updatedAt = options.now().toISOString();
  // The garbage of a phase grows with the articles it computes: a run that computes few (a small
  // pile, or a few articles added to a large one) is not collected between phases (a full collection
  // of a large heap costs hundreds of milliseconds). Decided once the first phase is known.
  let collecting = false;
  /** The first phase's results are stored (their time expressions may go once the second phase ran). */
  let factsStored = false;
  const collect = () => {
    if (collecting) collectGarbage();
  };
  // Writes started during the analysis: the parallel driver awaits each before going on, the sync
  // one leaves them to be awaited below.
  const writes: Promise<void>[] = [];
  const track = (write: Promise<unknown>): Promise<void> => {
    const done = write.then(() => undefined);
    writes.push(done);
    return done;
  };
  const analyzeOptions: AnalyzeOptions = {
    now,
    cache,
    ...(timer ? { timer } : {}),
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    ...(options.stages ? { stages: options.stages } : {}),
    ...(loaded?.stored ? { storedClusters: loaded.stored } : {}),
    // Results of replaced stages are never cached: they are not what the registry's versions promise.
    ...(options.stages
      ? {}
      : {
          onLinked: () => {
            collecting = cache.fresh.facts.size >= COLLECT_FROM;
            return track(
              timed(timer, 'store:save-cache', () => saveFacts(store, cache, updatedAt)).then(() => {
                factsStored = true;
              }),
            );
          },
        }),
    // Clustering runs on this thread alone: the workers and the memory they hold (models, caches, a
    // heap of up to WORKER_OLD_SPACE_MB) are let go first; a large story job starts them again.
    onArticlePhasesDone: () => {
      // Time expressions are read by the second phase only: once the first phase's results are
      // stored (saveFacts, after linking), they are let go here, before clustering's peak.
      if (factsStored) for (const entry of cache.facts.values()) entry.value.times = [];
      const started = pool;
      pool = undefined;
      articleWorkers ||= started !== undefined;
      return started?.close();
    },
    onClusters: (c) => {
      // The stored index now lives in the restored one: drop the parsed state it came from.
      if (loaded) delete loaded.stored;
      delete analyzeOptions.storedClusters;
      // Stored before the story stages (the parallel driver waits for it), so that the index is not
      // held through them; a selection is clustered on its own and not stored.
      if (wanted || c.fromOutput) return;
      const output = timed(timer, 'store:cluster-state', () => saveClusterOutput(store, c, updatedAt));
      const grown = c.mode === 'rebuilt' || c.added > 0;
      if (!grown) return track(output);
      // Clustering's garbage is collected before the state is written out, and the index's (with the
      // written state's) after: at 20,000 articles these two were the peak (collect-garbage.ts).
      collect();
      return track(
        output
          .then(() => timed(timer, 'store:cluster-state', () => saveClusters(store, c, loaded, updatedAt)))
          .then(collect),
      );
    },
  };
  let analysis: Analysis;
  try {
    const runner = options.stages ? undefined : options.runner;
    analysis = runner
      ? await analyzeArticlesWith(articles, analyzeOptions, (job) => runner(job, timer))
      : parallel
        ? await analyzeArticlesInParallel(
            articles,
            analyzeOptions,
            () => {
              pool ??= new ArticlePool(threads);
              return pool;
            },
            // Story stages alone do not start the workers: measured on pile-dev (101 articles added),
            // starting them for the story stages gained nothing (13.5 s against 13.3 s). They are started
            // again for the story stages of a run whose article phases used them.
            (job) => jobArticles(job) >= PARALLEL_FROM && (job.phase !== 'stories' || articleWorkers),
          )
        : analyzeArticles(articles, analyzeOptions);
  } catch (error) {
    for (const w of writes) w.catch(() => undefined); // the analysis's own error is the one to report
    throw error;
  } finally {
    await pool?.close();
  }
  await Promise.all(writes);
  // Results of replaced stages are never cached: they are not what the registry's versions promise.
  if (!options.stages) await timed(timer, 'store:save-cache', () => saveCache(store, cache, updatedAt));
  if (!unchanged) {
    const value: AnalysisManifest = { generatedAt: analysis.generatedAt, articles: analysis.articles.length };
    await timed(timer, 'store:analysis', () =>
      store.putDerived({ kind: 'analysis', key: cacheKey, version: key, value, updatedAt }),
    );
  }
  return analysis;
}
