import type { Analysis } from '../core/analysis.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { loadFramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { type BriefFormat, renderBrief } from '../pipeline/report/render-brief.ts';
import { scopeToStory } from './story-scope.ts';

export { rankStories } from '../pipeline/report/story-index.ts';
export { resolveStoryId } from './story-scope.ts';

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
  // One story's brief reads that story's part of the analysis only (the same brief, made without
  // reading the rest of the pile; docs/decisions/0014).
  if (options.storyId !== undefined) {
    const scoped = scopeToStory(analysis, options.storyId);
    return renderBrief(scoped, { ...options, storyId: scoped.stories[0]?.id as string, pile: false });
  }
  const storylines = analysis.stories.filter((s) => s.kind === 'storyline').length;
  return renderBrief(analysis, { ...options, pile: storylines > 1 });
}

/** The bundled framing lexicon extended by a user's JSON file (validated; clear errors). */
export function loadLexicon(path: string): FramingLexicon {
  return loadFramingLexicon(path);
}
