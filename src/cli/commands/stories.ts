import type { Command } from 'commander';
import type { Story } from '../../core/story.ts';
import { orderStories } from '../../engine/story-list.ts';
import { formatTable, type Io } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

const period = (s: Story) =>
  s.period.start
    ? s.period.end && s.period.end !== s.period.start
      ? `${s.period.start} – ${s.period.end}`
      : s.period.start
    : '-';

/** A table of stories in the order given, events indented under the storyline they follow. */
export function formatStories(stories: Story[], columns: number): string {
  if (stories.length === 0) return 'no stories yet; `sitrep ingest <paths>` adds articles';
  const rows = stories.map((s) => [
    s.id,
    s.kind === 'event' ? '  event' : s.kind,
    String(s.articleIds.length),
    period(s),
    s.title,
  ]);
  return formatTable(['id', 'kind', 'articles', 'period', 'title'], rows, columns);
}

export function registerStories(program: Command, io: Io): void {
  pageOptions(
    program
      .command('stories')
      .description(
        'list stories: storylines ranked by size, independent origins and recency, each with its events',
      )
      .option('--kind <kind>', 'only "event" or "storyline"'),
    'stories',
  )
    .option('--json', 'print JSON: { stories, total, offset, limit }')
    .action(async (flags: PageFlags & { kind?: string; json?: boolean }, command: Command) => {
      const stories = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
        orderStories(a).filter((s) => !flags.kind || s.kind === flags.kind),
      );
      printPage(io, pageOf(stories, flags), {
        json: flags.json,
        name: 'stories',
        format: (items) => formatStories(items, io.columns),
      });
    });
}
