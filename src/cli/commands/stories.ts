import type { Command } from 'commander';
import type { Story } from '../../core/story.ts';
import { formatTable, type Io, printJson } from '../output.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

const period = (s: Story) =>
  s.period.start
    ? s.period.end && s.period.end !== s.period.start
      ? `${s.period.start} – ${s.period.end}`
      : s.period.start
    : '-';

export function formatStories(stories: Story[], columns: number): string {
  if (stories.length === 0) return 'no stories yet; `sitrep ingest <paths>` adds articles';
  const storylines = stories.filter((s) => s.kind === 'storyline');
  const rows: string[][] = [];
  const listed = new Set<string>();
  for (const line of storylines) {
    rows.push([line.id, 'storyline', String(line.articleIds.length), period(line), line.title]);
    listed.add(line.id);
    for (const event of stories.filter((s) => s.kind === 'event' && s.storylineId === line.id)) {
      rows.push([event.id, '  event', String(event.articleIds.length), period(event), event.title]);
      listed.add(event.id);
    }
  }
  for (const s of stories.filter((x) => !listed.has(x.id))) {
    rows.push([s.id, s.kind, String(s.articleIds.length), period(s), s.title]);
  }
  return formatTable(['id', 'kind', 'articles', 'period', 'title'], rows, columns);
}

export function registerStories(program: Command, io: Io): void {
  program
    .command('stories')
    .description('list stories: storylines with their events, sizes and periods')
    .option('--kind <kind>', 'only "event" or "storyline"')
    .option('--json', 'print JSON')
    .action(async (flags: { kind?: string; json?: boolean }, command: Command) => {
      const stories = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
        a.stories.filter((s) => !flags.kind || s.kind === flags.kind),
      );
      if (flags.json) printJson(io, stories);
      else io.out(formatStories(stories, io.columns));
    });
}
