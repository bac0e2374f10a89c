import type { Span } from '../../core/span.ts';

export const BRIEF_RENDERER = { name: 'brief', version: '1' } as const;

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
  /** Citation numbers (`Brief.citations[n - 1]`); never empty. */
  citations: number[];
}

export interface BriefSection {
  id: 'summary' | 'developments' | 'claims' | 'disagreements' | 'outlook' | 'framing' | 'sources';
  title: string;
  sentences: BriefSentence[];
}

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
