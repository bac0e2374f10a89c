import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';
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

/** A story id or a unique prefix of one. */
export function resolveStoryId(stories: { id: string }[], wanted: string): string {
  const exact = stories.find((s) => s.id === wanted);
  if (exact) return exact.id;
  const matches = stories.filter((s) => s.id.startsWith(wanted));
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) {
    throw new SitrepError(
      'AMBIGUOUS_ID',
      `story id prefix "${wanted}" matches several stories; give more characters`,
    );
  }
  throw new SitrepError('NOT_FOUND', `no story with id ${wanted}; \`sitrep stories\` lists them`);
}
