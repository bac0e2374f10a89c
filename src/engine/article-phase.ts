import type { AnalysisArticle, AnalysisFailure, NumberMention } from '../core/analysis.ts';
import type { Article } from '../core/article.ts';
import type { EntityMention } from '../core/entity.ts';
import { describeError, SitrepError } from '../core/errors.ts';
import type { EventRecord } from '../core/event.ts';
import type { ClaimMention, Quote } from '../core/quote.ts';
import type { ClusterInput } from '../core/story.ts';
import type { TimeExpression } from '../core/time.ts';
import { extractClaims } from '../pipeline/annotate/claims/extract-claims.ts';
import { annotateEntities } from '../pipeline/annotate/entities/annotate-entities.ts';
import { annotateEvents } from '../pipeline/annotate/events/annotate-events.ts';
import { extractNumbers } from '../pipeline/annotate/numbers/extract-numbers.ts';
import { extractQuotes } from '../pipeline/annotate/quotes/extract-quotes.ts';
import { annotateTime } from '../pipeline/annotate/time/annotate-time.ts';
import { inferPublicationDate } from '../pipeline/annotate/time/infer-publication-date.ts';
import { normalizeDate } from '../pipeline/extract/normalize-date.ts';
import { captionBlocks, captionEntityMentions, captionEvents } from './caption-events.ts';
import { type StageTimer, timeStage } from './stage-timer.ts';

/** What the per-article stages read of an article (what is sent to a worker thread). */
export type PhaseArticle = Pick<
  Article,
  'id' | 'text' | 'bodyStart' | 'title' | 'outlet' | 'publishedAt' | 'publishedAtEvidence' | 'removed'
>;

/** An article cut to what the per-article stages read: its captions are the only removed blocks kept. */
export function phaseArticle(article: Article): PhaseArticle {
  const out: PhaseArticle = {
    id: article.id,
    text: article.text,
    bodyStart: article.bodyStart,
    removed: article.removed.filter((b) => b.reason === 'caption'),
  };
  if (article.title) out.title = article.title;
  if (article.outlet) out.outlet = article.outlet;
  if (article.publishedAt) out.publishedAt = article.publishedAt;
  if (article.publishedAtEvidence) out.publishedAtEvidence = article.publishedAtEvidence;
  return out;
}

/**
 * What the cluster index reads of an article: its text and metadata, the publication date the first
 * phase settled on, and the ids (or names) of its linked entities in the clean text.
 */
export function clusterInput(
  article: PhaseArticle,
  publishedAt: string | undefined,
  linkedText: readonly EntityMention[],
): ClusterInput {
  return {
    id: article.id,
    text: article.text,
    bodyStart: article.bodyStart,
    ...(article.title ? { title: article.title } : {}),
    ...(article.outlet ? { outlet: article.outlet } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    entities: linkedText.map((m) => m.entityId ?? m.text),
  };
}

/** The per-article stages the composition calls; a caller may replace any (tests inject faults). */
export interface ArticleStages {
  'annotate-time': typeof annotateTime;
  'infer-publication-date': typeof inferPublicationDate;
  numbers: typeof extractNumbers;
  entities: typeof annotateEntities;
  quotes: typeof extractQuotes;
  claims: typeof extractClaims;
  'annotate-events': typeof annotateEvents;
}

export const ARTICLE_STAGES: ArticleStages = {
  'annotate-time': annotateTime,
  'infer-publication-date': inferPublicationDate,
  numbers: extractNumbers,
  entities: annotateEntities,
  quotes: extractQuotes,
  claims: extractClaims,
  'annotate-events': annotateEvents,
};

/** What the first article phase finds: it depends on the article alone (cached per article). */
export interface ArticleFacts {
  publishedAt?: string;
  publishedAtEvidence?: AnalysisArticle['publishedAtEvidence'];
  publishedAtConfidence?: number;
  publishedAtReasons?: string[];
  times: TimeExpression[];
  numbers: NumberMention[];
  /** Entity mentions before linking: the clean text's, then the captions' (marked `in: 'raw'`). */
  mentions: EntityMention[];
  failures: AnalysisFailure[];
}

/** What the second phase finds: it depends on the article and its linked entity mentions. */
export interface ArticleAnnotations {
  quotes: Quote[];
  claimMentions: ClaimMention[];
  events: EventRecord[];
  failures: AnalysisFailure[];
}

/**
 * Run one stage on one article; if it throws, record the failure against the article and the stage
 * and go on with `fallback` (the rest of the analysis does not depend on one article's stage).
 */
export function attempt<T>(
  failures: AnalysisFailure[],
  where: { stage: string; articleId?: string; storyId?: string },
  fallback: T,
  body: () => T,
): T {
  try {
    return body();
  } catch (error) {
    failures.push({
      ...where,
      code: error instanceof SitrepError ? error.code : 'INTERNAL',
      message: describeError(error),
    });
    return fallback;
  }
}

/** The stored date when it reads as one; a malformed stored date is a recorded failure, not a crash. */
function storedDate(article: PhaseArticle, failures: AnalysisFailure[]): string | undefined {
  if (!article.publishedAt) return undefined;
  const date = normalizeDate(article.publishedAt);
  if (date.ok) return date.iso;
  failures.push({
    stage: 'infer-publication-date',
    articleId: article.id,
    code: 'INPUT_MALFORMED',
    message: `stored publishedAt: ${date.reason}; the date was inferred from the text instead`,
  });
  return undefined;
}

/** Phase 1: time expressions and the publication date, numbers, entity mentions (text and captions). */
export function articleFacts(article: PhaseArticle, stages: ArticleStages, timer?: StageTimer): ArticleFacts {
  const failures: AnalysisFailure[] = [];
  const at = (stage: keyof ArticleStages) => ({ stage, articleId: article.id });
  const given = storedDate(article, failures);
  const bare = timeStage(timer, 'time', () =>
    attempt(failures, at('annotate-time'), [] as TimeExpression[], () =>
      stages['annotate-time'](article.text, { articleId: article.id }),
    ),
  );
  const dating = timeStage(timer, 'time', () =>
    attempt(failures, at('infer-publication-date'), undefined, () =>
      stages['infer-publication-date'](article.text, {
        ...(given ? { publishedAt: given } : {}),
        timeExpressions: bare,
      }),
    ),
  );
  const publishedAt = dating?.value;
  const times = publishedAt
    ? timeStage(timer, 'time', () =>
        attempt(failures, at('annotate-time'), bare, () =>
          stages['annotate-time'](article.text, { articleId: article.id, documentDate: publishedAt }),
        ),
      )
    : bare;
  const numbers = timeStage(timer, 'numbers', () =>
    attempt(failures, at('numbers'), [] as NumberMention[], () => stages.numbers(article.id, article.text)),
  );
  const mentions = timeStage(timer, 'entities', () =>
    attempt(failures, at('entities'), [] as EntityMention[], () => [
      ...stages.entities(article.id, article.text),
      ...captionBlocks(article).flatMap((block) => captionEntityMentions(article, block, stages.entities)),
    ]),
  );
  const out: ArticleFacts = { times, numbers, mentions, failures };
  if (publishedAt && dating) {
    out.publishedAt = publishedAt;
    out.publishedAtEvidence = given ? (article.publishedAtEvidence ?? 'metadata') : dating.evidence;
    out.publishedAtConfidence = given ? 1 : Math.round(dating.confidence * 100) / 100;
    if (!given) out.publishedAtReasons = dating.reasons;
  }
  return out;
}

/** Phase 2: quotes, claim mentions and events (text and captions), given the linked mentions. */
export function articleAnnotations(
  article: PhaseArticle,
  facts: ArticleFacts,
  linked: { text: EntityMention[]; captions: EntityMention[] },
  stages: ArticleStages,
  timer?: StageTimer,
): ArticleAnnotations {
  const failures: AnalysisFailure[] = [];
  const at = (stage: keyof ArticleStages) => ({ stage, articleId: article.id });
  const quotes = timeStage(timer, 'quotes', () =>
    attempt(failures, at('quotes'), [] as Quote[], () =>
      stages.quotes(article.id, article.text, { entities: linked.text }),
    ),
  );
  const claimMentions = timeStage(timer, 'claims', () =>
    attempt(failures, at('claims'), [] as ClaimMention[], () =>
      stages.claims(article.id, article.text, {
        quotes,
        entities: linked.text,
        bodyStart: article.bodyStart,
        ...(article.outlet ? { outlet: article.outlet } : {}),
      }),
    ),
  );
  const events = timeStage(timer, 'events', () =>
    attempt(failures, at('annotate-events'), [] as EventRecord[], () => [
      ...stages['annotate-events'](article.id, article.text, {
        entities: linked.text,
        times: facts.times,
        ...(facts.publishedAt ? { documentDate: facts.publishedAt } : {}),
      }),
      ...captionBlocks(article).flatMap((block) =>
        captionEvents(article, block, linked.captions, facts.publishedAt),
      ),
    ]),
  );
  return { quotes, claimMentions, events, failures };
}
