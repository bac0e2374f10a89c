// Types for render.js (the UI stays build-free; TypeScript tests import it through this file).
import type { SourceComparison } from '../src/core/analysis.ts';
import type { Article, RemovedBlock } from '../src/core/article.ts';
import type { TimelineEntry } from '../src/core/event.ts';
import type { Claim } from '../src/core/quote.ts';
import type { DerivationLink } from '../src/core/story.ts';
import type {
  Annotation,
  StoryArticle,
  StoryDetail,
  StoryEntity,
  StoryPage,
  StorySummary,
} from '../src/server/analysis-views.ts';
import type { ArticleSummary, SearchHit } from '../src/store/store.ts';

export function escapeHtml(value: unknown): string;
export function articleName(x: {
  id?: string;
  title?: string;
  url?: string;
  input?: { url?: string; path?: string };
}): string;
export function formatPeriod(period: { start?: string; end?: string }): string;
export function renderStoryList(stories: StorySummary[]): string;
type StoryFilter = { outlet?: string; from?: string; to?: string; minArticles?: string | number };
export function storiesHref(q: { sort?: string; kind?: string; offset?: number } & StoryFilter): string;
export function renderStoryListPage(page: StoryPage, filter?: StoryFilter): string;
export function renderArticleList(articles: ArticleSummary[]): string;
export function renderTimeline(entries: TimelineEntry[]): string;
export function renderClaimMatrix(claims: Claim[], comparison: SourceComparison | undefined): string;
export function renderEntityGraph(
  entities: StoryEntity[],
  cooccurrence: StoryDetail['cooccurrence'],
  options?: { max?: number },
): string;
export function renderSourceGraph(articles: StoryArticle[], derivations: DerivationLink[]): string;
export function renderStoryPage(detail: StoryDetail, sections?: string): string;
export function highlight(
  text: string,
  annotations: Annotation[],
  target?: { start: number; end: number },
): string;
export function renderRemoved(removed: (Omit<RemovedBlock, 'rule'> & { rule?: string })[]): string;
export function renderArticle(
  article: Pick<Article, 'id' | 'text' | 'removed'> & Partial<Article>,
  annotations?: Annotation[],
  target?: { start: number; end: number },
): string;
export function renderSearchResults(query: string, hits: SearchHit[]): string;
export function scrollBox(label: string, html: string): string;
export function renderError(message: string): string;
