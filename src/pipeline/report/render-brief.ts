import type { Analysis } from '../../core/analysis.ts';
import { SitrepError } from '../../core/errors.ts';
import { BRIEF_RENDERER, type Brief } from './brief-model.ts';
import { buildBrief } from './build-brief.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { buildPileBrief } from './story-index.ts';

export type BriefFormat = 'md' | 'html' | 'json';

/** The brief as JSON: every sentence with the spans it cites (article id, offsets and the exact text). */
export function renderBriefJson(brief: Brief): string {
  const byN = new Map(brief.citations.map((c) => [c.n, c]));
  return `${JSON.stringify(
    {
      schema: 'sitrep/brief@1',
      renderer: BRIEF_RENDERER,
      storyId: brief.storyId,
      title: brief.title,
      period: brief.period,
      generatedFrom: brief.generatedFrom,
      sections: brief.sections.map((s) => ({
        id: s.id,
        title: s.title,
        ...(s.anchor ? { anchor: s.anchor } : {}),
        sentences: s.sentences.map((x) => ({
          text: x.text,
          citations: x.citations.map((n) => byN.get(n)),
          ...(x.uncited ? { uncited: x.uncited } : {}),
        })),
        ...(s.omitted ? { omitted: s.omitted } : {}),
      })),
      articles: brief.articles.map(({ text: _text, ...rest }) => rest),
    },
    null,
    2,
  )}\n`;
}

export interface RenderOptions {
  storyId?: string;
  format: BriefFormat;
  maxClaims?: number;
  words?: number;
  focus?: string;
  /** The pile's brief (story index + the top stories' briefs) instead of one story's. */
  pile?: boolean;
  /** With `pile`: how many top stories get a full brief (default 3). */
  top?: number;
}

/**
 * A situation report — for one story of an analysis (the largest storyline unless `storyId` is
 * given), or with `pile` for the whole pile — as Markdown with footnotes, a self-contained HTML file,
 * or JSON. Throws SitrepError NOT_FOUND for an unknown story and USAGE for an unknown format.
 */
export function renderBrief(analysis: Analysis, options: RenderOptions): string {
  const shared = {
    ...(options.maxClaims !== undefined ? { maxClaims: options.maxClaims } : {}),
    ...(options.words !== undefined ? { words: options.words } : {}),
    ...(options.focus !== undefined ? { focus: options.focus } : {}),
  };
  const brief = options.pile
    ? buildPileBrief(analysis, { ...shared, ...(options.top !== undefined ? { top: options.top } : {}) })
    : buildBrief(analysis, {
        ...shared,
        ...(options.storyId !== undefined ? { storyId: options.storyId } : {}),
      });
  switch (options.format) {
    case 'md':
      return renderMarkdown(brief);
    case 'html':
      return renderHtml(brief);
    case 'json':
      return renderBriefJson(brief);
    default:
      throw new SitrepError(
        'USAGE',
        `unknown brief format "${String(options.format)}": use md, html or json`,
      );
  }
}
