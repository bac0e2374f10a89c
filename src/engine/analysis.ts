import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';
import { sha256Hex } from '../core/hash.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import type { Store } from '../store/store.ts';
import { analysisVersions } from './analysis-versions.ts';
import { analyzeArticles } from './analyze-articles.ts';
import { CLUSTER_STATE_VERSION, type Clustering, type StoredClusters } from './clusters.ts';

export interface AnalyzeStoreOptions {
  now: () => Date;
  /** Analyze only these articles (default: every stored article). */
  articleIds?: string[];
  lexicon?: FramingLexicon;
  /** Name of the lexicon file, part of the cache key (a changed lexicon recomputes). */
  lexiconKey?: string;
  /** Recompute even when a cached analysis matches. */
  fresh?: boolean;
}

/**
 * The analysis of the stored articles. The whole-store analysis is kept as a derived record keyed by
 * the articles' content hashes and the stage versions: asking again without a change costs one read;
 * any new, updated or re-extracted article, or a new stage version, recomputes it.
 */
export async function analyzeStore(store: Store, options: AnalyzeStoreOptions): Promise<Analysis> {
  const all = await store.allArticles();
  const wanted = options.articleIds ? new Set(options.articleIds) : undefined;
  const articles = wanted ? all.filter((a) => wanted.has(a.id)) : all;
  if (articles.length === 0) {
    throw new SitrepError('NOT_FOUND', 'no articles to analyze; `sitrep ingest <paths>` adds some');
  }
  const versions = analysisVersions();
  const key = sha256Hex(
    JSON.stringify({
      versions,
      lexicon: options.lexiconKey ?? '',
      articles: articles.map((a) => [a.id, a.contentSha256, a.extractor.name, a.extractor.version]),
    }),
  );
  const cacheKey = wanted ? 'selection' : 'corpus';
  const cached = await store.getDerived<Analysis>('analysis', cacheKey);
  if (cached && cached.version === key && !options.fresh) return cached.value;
  // The whole-store analysis keeps its cluster index between runs, so new articles are added to it
  // instead of re-clustering everything (a selection is clustered on its own).
  const stored = wanted ? undefined : await store.getDerived<StoredClusters>('cluster-state', 'corpus');
  let clustering: Clustering | undefined;
  const analysis = analyzeArticles(articles, {
    now: options.now,
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    ...(stored && stored.version === CLUSTER_STATE_VERSION ? { storedClusters: stored.value } : {}),
    onClusters: (c) => {
      clustering = c;
    },
  });
  if (!wanted && clustering) {
    await store.putDerived({
      kind: 'cluster-state',
      key: 'corpus',
      version: CLUSTER_STATE_VERSION,
      value: clustering.state,
      updatedAt: options.now().toISOString(),
    });
  }
  await store.putDerived({
    kind: 'analysis',
    key: cacheKey,
    version: key,
    value: analysis,
    updatedAt: options.now().toISOString(),
  });
  return analysis;
}
