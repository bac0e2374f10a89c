import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.ts';
import { BRIEF_FORMATS, type BriefFormat, resolveStoryId, writeBrief } from '../../engine/brief.ts';
import type { Io } from '../output.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

const FORMATS = BRIEF_FORMATS;

interface BriefFlags {
  story?: string;
  format: string;
  out?: string;
  words: string;
  top: string;
  focus?: string;
}

export function registerBrief(program: Command, io: Io): void {
  program
    .command('brief')
    .description('write the situation report: every sentence cites the article spans it rests on')
    .option('--story <id>', "brief this story (default: the story index and the top stories' briefs)")
    .option('--top <n>', 'without --story: how many top stories get a full brief', '3')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--words <n>', 'word budget of the executive summary', '250')
    .option('--focus <text>', 'a query or narrative that steers what the summary selects')
    .action(async (flags: BriefFlags, command: Command) => {
      if (!FORMATS.includes(flags.format as BriefFormat)) {
        throw new SitrepError('USAGE', `unknown brief format "${flags.format}": use md, html or json`);
      }
      const top = Number(flags.top);
      if (!Number.isInteger(top) || top < 0 || top > 50) {
        throw new SitrepError('USAGE', `--top must be a whole number from 0 to 50, got "${flags.top}"`);
      }
      const words = Number(flags.words);
      if (!Number.isInteger(words) || words < 20 || words > 5000) {
        throw new SitrepError(
          'USAGE',
          `--words must be a whole number from 20 to 5000, got "${flags.words}"`,
        );
      }
      const text = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (analysis) =>
        writeBrief(analysis, {
          format: flags.format as BriefFormat,
          words,
          top,
          ...(flags.focus?.trim() ? { focus: flags.focus } : {}),
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
