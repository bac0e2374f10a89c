/**
 * The derived records an analysis reads and writes (docs/decisions/0013): per-article facts,
 * annotations and loaded terms, and per-storyline results, each under the key it was computed with.
 * Story records are read lazily, and a record whose text is not JSON is a miss, computed again.
 */
import type { Article } from '../core/article.ts';
import type { DerivedRecord, Store } from '../store/store.ts';
import { type AnalysisCache, type Cached, emptyAnalysisCache, factsKey } from './analyze-articles.ts';
import { ARTICLE_STAGES, articleFacts, phaseArticle } from './article-phase.ts';
import { withLocalIds } from './local-entities.ts';
import { fromStoredStory, MentionIndex, type StoredStoryResult, toStoredStory } from './story-cache.ts';
import type { StoryResult } from './story-phase.ts';
import type { CachedStory } from './story-units.ts';

/** Derived-record kinds of the per-article and per-story caches (docs/decisions/0013). */
const CACHE_KINDS = {
  facts: 'article-facts',
  annotations: 'article-annotations',
  framing: 'article-framing',
  stories: 'story',
} as const;

/** Told of a stored result that could not be read (AnalyzeStoreOptions.onUnreadable). */
export type Unreadable = (kind: string, key: string) => void;

/**
 * An article's first phase computed and stored ahead of its analysis, as the analysis would store it
 * (same kind, key and version): the fleet's ingest jobs do this, so that the analysis finds it.
 */
export async function storeArticleFacts(store: Store, article: Article, updatedAt: string): Promise<void> {
  const value = articleFacts(phaseArticle(article), ARTICLE_STAGES);
  await store.putDerived({
    kind: CACHE_KINDS.facts,
    key: article.id,
    version: factsKey(article),
    value,
    updatedAt,
  });
}

/** Claim mentions as the cached annotations hold them (what stored story claims refer to). */
const mentionIndex = (cache: AnalysisCache) =>
  new MentionIndex((id) => cache.annotations.get(id)?.value.claimMentions);

/**
 * The stored per-article and story records. They are caches: one whose text is not JSON is left out,
 * so it is computed again and stored anew, instead of failing every analysis of the store.
 */
export async function loadCache(store: Store, unreadable: Unreadable): Promise<AnalysisCache> {
  const cache = emptyAnalysisCache();
  for (const kind of ['facts', 'annotations', 'framing'] as const) {
    const map = cache[kind] as Map<string, Cached<unknown>>;
    const tell = (key: string) => unreadable(CACHE_KINDS[kind], key);
    for (const r of await store.listDerived<unknown>(CACHE_KINDS[kind], { unreadable: tell }))
      map.set(r.key, { key: r.version, value: r.value });
  }
  const index = mentionIndex(cache);
  for (const r of await store.listDerivedText(CACHE_KINDS.stories))
    cache.stories.set(
      r.key,
      lazyStory(r.version, r.value, index, () => unreadable(CACHE_KINDS.stories, r.key)),
    );
  return cache;
}

/** A stored story's JSON text read back; undefined (a miss: computed again) when it is not JSON. */
function parseStory(json: string, index: MentionIndex, unreadable: () => void): StoryResult | undefined {
  let stored: StoredStoryResult;
  try {
    stored = JSON.parse(json) as StoredStoryResult;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    unreadable();
    return undefined;
  }
  return fromStoredStory(stored, index);
}

/**
 * A stored story result parsed when its value is first asked for. The story phase asks only for the
 * records whose key still matches: after articles are added, the storylines they join are computed
 * again and their old records (at pile-dev, 30 of the 48 MB of story records when ~100 articles are
 * spread over the pile) are never parsed. Its claims refer to the annotations' mentions, resolved
 * against the annotations the cache holds when it is read — the stored ones for a matching key, whose
 * members' phase-2 keys are in it.
 */
function lazyStory(key: string, text: string, index: MentionIndex, unreadable: () => void): CachedStory {
  let json: string | undefined = text;
  let value: StoryResult | undefined;
  return {
    key,
    get value() {
      if (json !== undefined) {
        value = parseStory(json, index, unreadable);
        json = undefined;
      }
      return value;
    },
  };
}

/** The records of what this run computed of one kind (the `fresh` ids), ready to store. */
function freshRecords(
  cache: AnalysisCache,
  kind: keyof typeof CACHE_KINDS,
  updatedAt: string,
): DerivedRecord[] {
  const index = kind === 'stories' ? mentionIndex(cache) : undefined;
  const map = cache[kind] as Map<string, Cached<unknown>>;
  return [...cache.fresh[kind]].flatMap((id) => {
    const hit = map.get(id);
    if (!hit) return [];
    const value = index ? toStoredStory(hit.value as StoryResult, index) : hit.value;
    return [{ kind: CACHE_KINDS[kind], key: id, version: hit.key, value, updatedAt }];
  });
}

/**
 * Store the first phase's fresh results as soon as entity linking has read them, then let their
 * unlinked mentions go: nothing after linking reads them, and they were a second copy of every
 * entity mention through the rest of the run (at 20,000 articles, 64 MB as JSON).
 */
export async function saveFacts(store: Store, cache: AnalysisCache, updatedAt: string): Promise<void> {
  await store.putDerivedMany(freshRecords(cache, 'facts', updatedAt));
  cache.fresh.facts.clear();
  for (const entry of cache.facts.values()) entry.value.mentions = [];
}

export async function saveCache(store: Store, cache: AnalysisCache, updatedAt: string): Promise<void> {
  const recordsOf = (kind: keyof typeof CACHE_KINDS) => freshRecords(cache, kind, updatedAt);
  await store.putDerivedMany([...recordsOf('facts'), ...recordsOf('framing'), ...recordsOf('stories')]);
  // Annotations are stored with the local entity ids they are keyed by (local-entities.ts), relabelled
  // in place while they are written: alone, since story results may share objects with them.
  const relabelled = [...cache.fresh.annotations].flatMap((id) => {
    const hit = cache.annotations.get(id);
    return hit?.ids ? [{ value: hit.value, ids: hit.ids }] : [];
  });
  await withLocalIds(relabelled, () => store.putDerivedMany(recordsOf('annotations')));
}
