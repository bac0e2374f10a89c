import type { Analysis } from '../core/analysis.ts';
import type { Entity } from '../core/entity.ts';
import { SitrepError } from '../core/errors.ts';
import type { Quote } from '../core/quote.ts';
import { type CooccurringEntity, cooccurringEntities } from '../engine/analysis-query.ts';
import { type StorySummary, selectStories } from '../engine/story-list.ts';

/** What an entity page shows: the entity, where it is mentioned, with whom, and what it said. */
export interface EntityDetail {
  entity: Entity;
  /** Articles mentioning it: how many, and the first ENTITY_ARTICLES by mentions. */
  articleCount: number;
  articles: { id: string; title: string; outlet?: string; publishedAt?: string; mentions: number }[];
  /** Storylines and events whose articles mention it, largest first (at most ENTITY_ARTICLES). */
  stories: StorySummary[];
  /** Entities mentioned in the same articles, by the number of articles shared (at most 25). */
  cooccurring: CooccurringEntity[];
  /** Quotes whose speaker resolved to it (at most 50). */
  quotes: Quote[];
  /** Its mentions in context, one per article first (at most ENTITY_CONTEXTS), each linkable to its span. */
  contexts: MentionContext[];
}

/** A mention with the words around it in the article's clean text. */
export interface MentionContext {
  articleId: string;
  start: number;
  end: number;
  before: string;
  text: string;
  after: string;
}

/** Most mentions an entity page shows in context. */
export const ENTITY_CONTEXTS = 30;
const CONTEXT_CHARS = 70;

/** The first mention in each article, then the rest, in the analysis's order; with their contexts. */
function mentionContexts(
  entity: Entity,
  textOf: (articleId: string) => string | undefined,
): MentionContext[] {
  const seen = new Set<string>();
  const firsts: Entity['mentions'] = [];
  const rest: Entity['mentions'] = [];
  for (const m of entity.mentions) {
    (seen.has(m.articleId) ? rest : firsts).push(m);
    seen.add(m.articleId);
  }
  return [...firsts, ...rest].slice(0, ENTITY_CONTEXTS).map((m) => {
    const text = textOf(m.articleId) ?? '';
    const squeeze = (s: string) => s.replace(/\s+/g, ' ');
    const from = Math.max(0, m.start - CONTEXT_CHARS);
    const to = Math.min(text.length, m.end + CONTEXT_CHARS);
    // Whole words only: a context cut inside the text drops the word it cut.
    let before = text.slice(from, m.start);
    if (from > 0) before = before.replace(/^\S*\s/, '');
    let after = text.slice(m.end, to);
    if (to < text.length) after = after.replace(/\s\S*$/, '');
    return {
      articleId: m.articleId,
      start: m.start,
      end: m.end,
      before: squeeze(before).trimStart(),
      text: text.slice(m.start, m.end) || m.text,
      after: squeeze(after).trimEnd(),
    };
  });
}

/** Most articles an entity page lists (the rest are counted): at 5,000 articles a frequent name has hundreds. */
export const ENTITY_ARTICLES = 100;

export function entityDetail(analysis: Analysis, id: string): EntityDetail {
  const entity = analysis.entities.find((e) => e.id === id);
  if (!entity) throw new SitrepError('NOT_FOUND', `no entity with id ${id}; GET /api/entities lists them`);
  const perArticle = new Map<string, number>();
  for (const m of entity.mentions) perArticle.set(m.articleId, (perArticle.get(m.articleId) ?? 0) + 1);
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));
  const articles = [...perArticle]
    .map(([articleId, mentions]) => {
      const a = byId.get(articleId);
      return {
        id: articleId,
        title: a?.title ?? articleId,
        ...(a?.outlet ? { outlet: a.outlet } : {}),
        ...(a?.publishedAt ? { publishedAt: a.publishedAt } : {}),
        mentions,
      };
    })
    .sort((x, y) => y.mentions - x.mentions || x.id.localeCompare(y.id))
    .slice(0, ENTITY_ARTICLES);
  const mentioning = new Set(
    analysis.stories.filter((s) => s.articleIds.some((a) => perArticle.has(a))).map((s) => s.id),
  );
  // The story list's summaries (made once per analysis), in this page's own order.
  const stories = selectStories(analysis, { sort: 'size' })
    .filter((s) => mentioning.has(s.id))
    .sort((x, y) => y.articleCount - x.articleCount || x.id.localeCompare(y.id))
    .slice(0, ENTITY_ARTICLES);
  const cooccurring = cooccurringEntities(analysis, entity, 25);
  const quotes = analysis.quotes.filter((q) => q.speaker.entityId === id).slice(0, 50);
  const contexts = mentionContexts(entity, (articleId) => byId.get(articleId)?.text);
  return { entity, articleCount: perArticle.size, articles, stories, cooccurring, quotes, contexts };
}
