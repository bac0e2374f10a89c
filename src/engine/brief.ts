import type { Analysis } from '../core/analysis.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { loadFramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { type BriefFormat, renderBrief } from '../pipeline/report/render-brief.ts';

export type { BriefFormat };
export const BRIEF_FORMATS: readonly BriefFormat[] = ['md', 'html', 'json'];

/** The brief use-case: render one story of an analysis in a format. */
export function writeBrief(
  analysis: Analysis,
  options: { storyId?: string; format: BriefFormat; words?: number; focus?: string },
): string {
  return renderBrief(analysis, options);
}

/** The bundled framing lexicon extended by a user's JSON file (validated; clear errors). */
export function loadLexicon(path: string): FramingLexicon {
  return loadFramingLexicon(path);
}
