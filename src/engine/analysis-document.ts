import type { Analysis, AnalysisArticle, AnalysisArticleRef, AnalysisDocument } from '../core/analysis.ts';
import { sha256Hex } from '../core/hash.ts';
import { scopeToStory } from './story-scope.ts';

/** Each article's reference form, made once per article object (an analysis is immutable once made). */
const refs = new WeakMap<AnalysisArticle, AnalysisArticleRef>();

/** An article with its clean text by reference: id, length and digest (docs/decisions/0014). */
export function articleRef(article: AnalysisArticle): AnalysisArticleRef {
  const hit = refs.get(article);
  if (hit) return hit;
  const { text, removed, ...rest } = article;
  const ref: AnalysisArticleRef = {
    ...rest,
    textLength: text.length,
    textSha256: sha256Hex(text),
    removed: removed.map(({ start, end, reason }) => ({ start, end, reason })),
  };
  refs.set(article, ref);
  return ref;
}

/**
 * The analysis as the outputs write it: article texts by reference, the rest as it is; one story's
 * (a story id or a unique prefix) or the whole pile's. Shares the analysis's objects: not a copy.
 */
export function analysisDocument(analysis: Analysis, storyId?: string): AnalysisDocument {
  const scoped = storyId === undefined ? analysis : scopeToStory(analysis, storyId);
  const { schema: _schema, articles, ...rest } = scoped;
  return {
    schema: 'sitrep/analysis@2',
    ...(storyId === undefined ? {} : { story: scoped.stories[0]?.id as string }),
    ...rest,
    articles: articles.map(articleRef),
  };
}
