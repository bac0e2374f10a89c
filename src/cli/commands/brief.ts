import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.ts';
import { BRIEF_FORMATS, type BriefFormat, writeBrief } from '../../engine/brief.ts';
import type { Io } from '../output.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

const FORMATS = BRIEF_FORMATS;

export function registerBrief(program: Command, io: Io): void {
  program
    .command('brief')
    .description('write the situation report: every sentence cites the article spans it rests on')
    .option('--story <id>', 'brief this story (default: the largest storyline)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: { story?: string; format: string; out?: string }, command: Command) => {
      if (!FORMATS.includes(flags.format as BriefFormat)) {
        throw new SitrepError('USAGE', `unknown brief format "${flags.format}": use md, html or json`);
      }
      const text = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (analysis) =>
        writeBrief(analysis, {
          format: flags.format as BriefFormat,
          ...(flags.story ? { storyId: resolveStoryId(analysis.stories, flags.story) } : {}),
        }),
      );
      if (flags.out) {
        writeFileSync(flags.out, text);
        io.out(`sitrep: wrote ${flags.out}`);
      } else {
        io.out(text.trimEnd());
      }
    });
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
