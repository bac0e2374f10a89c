import type { Analysis, AnalysisArticle, NumberMention } from '../core/analysis.ts';
import type { Article } from '../core/article.ts';
import type { EntityMention } from '../core/entity.ts';
import type { EventRecord } from '../core/event.ts';
import type { ClaimMention, Quote } from '../core/quote.ts';
import type { DerivationLink, DuplicateLink, Story } from '../core/story.ts';
import type { TimeExpression } from '../core/time.ts';
import { buildSources } from '../pipeline/analyze/compare/build-sources.ts';
import { compareSources } from '../pipeline/analyze/compare/compare-sources.ts';
import { collectForecasts } from '../pipeline/analyze/forecasts/collect-forecasts.ts';
import { countIndependentOrigins } from '../pipeline/analyze/origins/count-independent-origins.ts';
import { buildTimeline } from '../pipeline/analyze/timeline/build-timeline.ts';
import { extractClaims } from '../pipeline/annotate/claims/extract-claims.ts';
import { matchClaims } from '../pipeline/annotate/claims/match-claims.ts';
import { annotateEntities } from '../pipeline/annotate/entities/annotate-entities.ts';
import { annotateEvents } from '../pipeline/annotate/events/annotate-events.ts';
import { mergeEvents } from '../pipeline/annotate/events/merge-events.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { extractNumbers } from '../pipeline/annotate/numbers/extract-numbers.ts';
import { extractQuotes } from '../pipeline/annotate/quotes/extract-quotes.ts';
import { annotateTime } from '../pipeline/annotate/time/annotate-time.ts';
import { inferPublicationDate } from '../pipeline/annotate/time/infer-publication-date.ts';
import { linkEntities } from '../pipeline/link/entities/link-entities.ts';
import { analysisVersions } from './analysis-versions.ts';
import { captionBlocks, captionEntityMentions, captionEvents } from './caption-events.ts';
import { type Clustering, clusterIncrementally, type StoredClusters } from './clusters.ts';
import { type StageTimer, timeStage } from './stage-timer.ts';

export interface AnalyzeOptions {
  now: () => Date;
  lexicon?: FramingLexicon;
  /** Receives each stage's elapsed milliseconds (for the pipeline benchmark). */
  timer?: StageTimer;
  /** A cluster index stored by an earlier run: only new articles are added to it. */
  storedClusters?: StoredClusters;
  /** Receives the cluster index after this run, to be stored for the next. */
  onClusters?: (clustering: Clustering) => void;
}

/** What the per-article annotators found in one article, before cross-article linking. */
interface ArticleAnnotations {
  article: Article;
  publishedAt?: string;
  publishedAtEvidence?: AnalysisArticle['publishedAtEvidence'];
  publishedAtConfidence?: number;
  publishedAtReasons?: string[];
  times: TimeExpression[];
  numbers: NumberMention[];
}

function datingOf(article: Article, timer: StageTimer | undefined): ArticleAnnotations {
  const bare = timeStage(timer, 'time', () => annotateTime(article.text, { articleId: article.id }));
  const dating = timeStage(timer, 'time', () =>
    inferPublicationDate(article.text, {
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      timeExpressions: bare,
    }),
  );
  const publishedAt = dating.value;
  const times = publishedAt
    ? timeStage(timer, 'time', () =>
        annotateTime(article.text, { articleId: article.id, documentDate: publishedAt }),
      )
    : bare;
  const out: ArticleAnnotations = {
    article,
    times,
    numbers: timeStage(timer, 'numbers', () => extractNumbers(article.id, article.text)),
  };
  if (publishedAt) {
    out.publishedAt = publishedAt;
    out.publishedAtEvidence = article.publishedAt
      ? (article.publishedAtEvidence ?? 'metadata')
      : dating.evidence;
    out.publishedAtConfidence = article.publishedAt ? 1 : Math.round(dating.confidence * 100) / 100;
    if (!article.publishedAt) out.publishedAtReasons = dating.reasons;
  }
  return out;
}

/** Duplicate and derivation links by the article they describe (the first duplicate link wins). */
function linksByArticle(duplicates: DuplicateLink[], derivations: DerivationLink[]) {
  const duplicateOf = new Map<string, DuplicateLink>();
  for (const d of duplicates) if (!duplicateOf.has(d.articleId)) duplicateOf.set(d.articleId, d);
  const derivedFrom = new Map<string, DerivationLink[]>();
  for (const d of derivations) {
    const list = derivedFrom.get(d.articleId) ?? [];
    list.push(d);
    derivedFrom.set(d.articleId, list);
  }
  return { duplicateOf, derivedFrom };
}

function toAnalysisArticle(a: ArticleAnnotations, links: ReturnType<typeof linksByArticle>): AnalysisArticle {
  const { article } = a;
  const out: AnalysisArticle = {
    id: article.id,
    input: article.input,
    title: article.title ?? '',
    text: article.text,
    removed: article.removed.map(({ start, end, reason, text }) => ({ start, end, reason, text })),
  };
  if (article.outlet) out.outlet = article.outlet;
  if (article.byline) out.byline = article.byline;
  if (a.publishedAt) out.publishedAt = a.publishedAt;
  if (a.publishedAtEvidence) out.publishedAtEvidence = a.publishedAtEvidence;
  if (a.publishedAtConfidence !== undefined) out.publishedAtConfidence = a.publishedAtConfidence;
  if (a.publishedAtReasons) out.publishedAtReasons = a.publishedAtReasons;
  if (article.language) out.language = article.language;
  const duplicate = links.duplicateOf.get(article.id);
  if (duplicate) out.duplicateOf = duplicate.duplicateOf;
  const derived = links.derivedFrom.get(article.id) ?? [];
  if (derived.length > 0) {
    out.derivedFrom = derived.map((d) => {
      const evidence =
        d.kind === 'citation'
          ? `cites ${d.outlet ?? 'another outlet'}: "${d.citation?.text ?? ''}"`
          : `reuses ${d.alignments?.length ?? 0} passage(s) (score ${d.score.toFixed(2)})`;
      return {
        ...(d.sourceArticleId ? { articleId: d.sourceArticleId } : {}),
        ...(d.outlet ? { outlet: d.outlet } : {}),
        evidence,
      };
    });
  }
  return out;
}

/**
 * The whole analysis of a set of articles: the composition of the pipeline's stages, in order.
 * Per article: time expressions and the publication date, numbers, entity mentions. Across articles:
 * entity linking; then per article with linked entities: quotes, claims, events; then dedupe and
 * clustering, claim matching and independent origins, event merging and the timeline, sources and
 * framing, per-story comparison, forecasts.
 */
export function analyzeArticles(articles: Article[], options: AnalyzeOptions): Analysis {
  const timer = options.timer;
  const annotated = articles.map((article) => datingOf(article, timer));

  const mentions: EntityMention[] = timeStage(timer, 'entities', () =>
    articles.flatMap((a) => [
      ...annotateEntities(a.id, a.text),
      ...captionBlocks(a).flatMap((block) => captionEntityMentions(a, block)),
    ]),
  );
  const linkedEntities = timeStage(timer, 'entities', () => linkEntities(mentions));
  const linkedByArticle = new Map<string, EntityMention[]>();
  const captionLinkedByArticle = new Map<string, EntityMention[]>();
  for (const entity of linkedEntities) {
    for (const m of entity.mentions) {
      const byArticle = m.in === 'raw' ? captionLinkedByArticle : linkedByArticle;
      const list = byArticle.get(m.articleId) ?? [];
      list.push(m);
      byArticle.set(m.articleId, list);
    }
  }
  for (const list of [...linkedByArticle.values(), ...captionLinkedByArticle.values()]) {
    list.sort((x, y) => x.start - y.start);
  }
  // Entities list the mentions in the clean text; caption mentions only serve caption events.
  const entities = linkedEntities
    .map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.in !== 'raw') }))
    .filter((e) => e.mentions.length > 0);

  const quotes: Quote[] = [];
  const claimMentions: ClaimMention[] = [];
  const events: EventRecord[] = [];
  for (const a of annotated) {
    const { article } = a;
    const linked = linkedByArticle.get(article.id) ?? [];
    const articleQuotes = timeStage(timer, 'quotes', () =>
      extractQuotes(article.id, article.text, { entities: linked }),
    );
    quotes.push(...articleQuotes);
    claimMentions.push(
      ...timeStage(timer, 'claims', () =>
        extractClaims(article.id, article.text, {
          quotes: articleQuotes,
          entities: linked,
          bodyStart: article.bodyStart,
          ...(article.outlet ? { outlet: article.outlet } : {}),
        }),
      ),
    );
    events.push(
      ...timeStage(timer, 'events', () =>
        annotateEvents(article.id, article.text, {
          entities: linked,
          times: a.times,
          ...(a.publishedAt ? { documentDate: a.publishedAt } : {}),
        }),
      ),
    );
    for (const block of captionBlocks(article)) {
      events.push(
        ...timeStage(timer, 'events', () =>
          captionEvents(article, block, captionLinkedByArticle.get(article.id) ?? [], a.publishedAt),
        ),
      );
    }
  }

  const clustering = timeStage(timer, 'cluster', () =>
    clusterIncrementally(
      annotated.map((a) => ({
        id: a.article.id,
        text: a.article.text,
        bodyStart: a.article.bodyStart,
        ...(a.article.title ? { title: a.article.title } : {}),
        ...(a.article.outlet ? { outlet: a.article.outlet } : {}),
        ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
        entities: [...new Set((linkedByArticle.get(a.article.id) ?? []).map((m) => m.entityId ?? m.text))],
      })),
      options.storedClusters,
    ),
  );
  options.onClusters?.(clustering);
  const stories: Story[] = [...clustering.storylines, ...clustering.events];
  const sourceArticles = annotated.map((a) => ({
    id: a.article.id,
    text: a.article.text,
    ...(a.article.title ? { title: a.article.title } : {}),
    ...(a.article.outlet ? { outlet: a.article.outlet } : {}),
    ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
  }));

  const claims = timeStage(timer, 'claims', () =>
    countIndependentOrigins(matchClaims(claimMentions), {
      articles: sourceArticles,
      duplicates: clustering.duplicates,
      derivations: clustering.derivations,
    }),
  );
  const merged = timeStage(timer, 'events', () => mergeEvents(events));
  const timeline = timeStage(timer, 'timeline', () => buildTimeline(merged));
  const numbers = annotated.flatMap((a) => a.numbers);
  const sources = timeStage(timer, 'compare', () =>
    buildSources({
      articles: sourceArticles,
      quotes,
      derivations: clustering.derivations,
      ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    }),
  );
  const comparisons = timeStage(timer, 'compare', () =>
    stories.map((story) =>
      compareSources(story, { articles: sourceArticles, claims, quotes, numbers, events: merged }),
    ),
  );
  const forecasts = timeStage(timer, 'forecasts', () =>
    collectForecasts({ claims, events: merged, articles: sourceArticles }),
  );
  const links = linksByArticle(clustering.duplicates, clustering.derivations);
  return {
    schema: 'sitrep/analysis@1',
    generatedAt: options.now().toISOString(),
    versions: analysisVersions(),
    articles: annotated.map((a) => toAnalysisArticle(a, links)),
    stories,
    entities,
    quotes,
    claims,
    events: merged,
    timeline,
    sources,
    derivations: clustering.derivations,
    comparisons,
    forecasts,
  };
}
