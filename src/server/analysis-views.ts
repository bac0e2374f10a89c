import type { Analysis, Forecast, SourceComparison } from '../core/analysis.ts';
import type { Entity } from '../core/entity.ts';
import type { TimelineEntry } from '../core/event.ts';
import type { Claim } from '../core/quote.ts';
import type { DerivationLink, Story } from '../core/story.ts';
import { findStory } from '../engine/analysis-query.ts';
import { scopeToStory } from '../engine/story-scope.ts';

/** An article as a story page lists it (no text). */
export interface StoryArticle {
  id: string;
  title: string;
  outlet?: string;
  publishedAt?: string;
  duplicateOf?: string;
}

/** An entity in one story: how often it is mentioned there and in which articles. */
export interface StoryEntity {
  id: string;
  name: string;
  type: Entity['type'];
  mentions: number;
  articleIds: string[];
}

/** Everything the story page draws. */
export interface StoryDetail {
  story: Story;
  articles: StoryArticle[];
  timeline: TimelineEntry[];
  claims: Claim[];
  comparison?: SourceComparison;
  /** Expectations and warnings made in the story's articles, with the later events that bear on them. */
  forecasts: Forecast[];
  entities: StoryEntity[];
  /** Entity pairs mentioned in the same article, with the number of such articles. */
  cooccurrence: { a: string; b: string; articles: number }[];
  derivations: DerivationLink[];
}

/** One highlight in an article's clean text. */
export interface Annotation {
  kind: 'entity' | 'quote' | 'claim';
  start: number;
  end: number;
  /** What the highlight is: the entity name, the speaker, the claim's modality. */
  label: string;
  ref: string;
}

export function storyDetail(analysis: Analysis, id: string): StoryDetail {
  const story = findStory(analysis, id);
  // The story's part of the analysis (split by storyline once per analysis: engine/story-scope.ts).
  const scoped = scopeToStory(analysis, story.id);
  const articles = scoped.articles.map((a) => {
    const out: StoryArticle = { id: a.id, title: a.title };
    if (a.outlet) out.outlet = a.outlet;
    if (a.publishedAt) out.publishedAt = a.publishedAt;
    if (a.duplicateOf) out.duplicateOf = a.duplicateOf;
    return out;
  });
  const entities: StoryEntity[] = scoped.entities.map((entity) => ({
    id: entity.id,
    name: entity.name,
    type: entity.type,
    mentions: entity.mentions.length,
    articleIds: [...new Set(entity.mentions.map((m) => m.articleId))].sort(),
  }));
  entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const detail: StoryDetail = {
    story,
    articles,
    timeline: scoped.timeline,
    claims: scoped.claims,
    forecasts: scoped.forecasts,
    entities,
    cooccurrence: cooccurrence(entities),
    derivations: scoped.derivations,
  };
  const comparison = scoped.comparisons.find((c) => c.storyId === story.id);
  if (comparison) detail.comparison = comparison;
  return detail;
}

function cooccurrence(entities: StoryEntity[]): StoryDetail['cooccurrence'] {
  const pairs: StoryDetail['cooccurrence'] = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i]!;
      const b = entities[j]!;
      const shared = a.articleIds.filter((id) => b.articleIds.includes(id)).length;
      if (shared > 0) pairs.push({ a: a.id, b: b.id, articles: shared });
    }
  }
  return pairs;
}

/** Every highlight the analysis has for one article, sorted by position. */
export function articleAnnotations(analysis: Analysis, articleId: string): Annotation[] {
  const out: Annotation[] = [];
  for (const entity of analysis.entities) {
    for (const m of entity.mentions) {
      if (m.articleId === articleId)
        out.push({ kind: 'entity', start: m.start, end: m.end, label: entity.name, ref: entity.id });
    }
  }
  for (const quote of analysis.quotes) {
    const c = quote.content;
    if (c.articleId === articleId)
      out.push({ kind: 'quote', start: c.start, end: c.end, label: quote.speaker.text, ref: quote.id });
  }
  for (const claim of analysis.claims) {
    for (const m of claim.mentions) {
      if (m.articleId === articleId)
        out.push({ kind: 'claim', start: m.start, end: m.end, label: m.modality, ref: claim.id });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
