import type { Span } from '../../core/span.ts';

export const BRIEF_RENDERER = { name: 'brief', version: '2' } as const;

/** One cited span: numbered in order of first use; `text` is exactly `article.text.slice(start, end)`. */
export interface Citation extends Span {
  n: number;
  text: string;
  source: string;
  publishedAt?: string;
}

/** A sentence of the brief, built from a template over extracted items, with the spans it rests on. */
export interface BriefSentence {
  text: string;
  /** Citation numbers (`Brief.citations[n - 1]`); never empty; at most MAX_CITATIONS. */
  citations: number[];
  /** Further spans the sentence rests on that are not cited (its items' full lists are in the analysis). */
  uncited?: number;
}

export interface BriefSection {
  id: 'index' | 'summary' | 'developments' | 'claims' | 'disagreements' | 'outlook' | 'framing' | 'sources';
  title: string;
  /** The HTML anchor when several stories share one page (default `s-<id>`). */
  anchor?: string;
  sentences: BriefSentence[];
  /** Items left out by the section's cap (BRIEF_CAPS), ranked below those shown; in the analysis JSON. */
  omitted?: { count: number; what: string };
}

/**
 * Most items a section shows, ranked by importance (docs/decisions/0054): key developments by how many
 * articles report them, then recency; claims by carrying articles and independent origins;
 * disagreements as found; forecasts by a named source, then how many articles carry them; sources by
 * how many articles they have in the story.
 */
export const BRIEF_CAPS = {
  developments: 10,
  claims: 8,
  disagreements: 6,
  forecasts: 6,
  framing: 6,
  articles: 10,
  unique: 4,
} as const;

export interface BriefArticle {
  id: string;
  title: string;
  source: string;
  publishedAt?: string;
  url?: string;
  path?: string;
  text: string;
}

export interface Brief {
  storyId: string;
  title: string;
  period: { start?: string; end?: string };
  generatedFrom: string;
  sections: BriefSection[];
  citations: Citation[];
  /** Articles with at least one cited span, in order of first citation. */
  articles: BriefArticle[];
}
