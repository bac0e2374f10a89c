import type { Analysis } from '../core/analysis.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { loadFramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { type BriefFormat, renderBrief } from '../pipeline/report/render-brief.ts';

export type { BriefFormat };
export const BRIEF_FORMATS: readonly BriefFormat[] = ['md', 'html', 'json'];

/**
 * The brief use-case: one story's brief when a story is named or the analysis holds one storyline;
 * otherwise the pile's brief — the story index and the top stories' briefs.
 */
export function writeBrief(
  analysis: Analysis,
  options: { storyId?: string; format: BriefFormat; words?: number; focus?: string; top?: number },
): string {
  const storylines = analysis.stories.filter((s) => s.kind === 'storyline').length;
  return renderBrief(analysis, { ...options, pile: options.storyId === undefined && storylines > 1 });
}

/** The bundled framing lexicon extended by a user's JSON file (validated; clear errors). */
export function loadLexicon(path: string): FramingLexicon {
  return loadFramingLexicon(path);
}
