import { type Command, Option } from 'commander';
import type { Story } from '../../core/story.ts';
import { dateBound } from '../../engine/analysis-query.ts';
import { STORY_KINDS, STORY_SORTS, type StorySort, selectStories } from '../../engine/story-list.ts';
import { formatTable, type Io, positiveInt } from '../output.ts';
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
      .addOption(new Option('--kind <kind>', 'only events or storylines').choices(STORY_KINDS))
      .addOption(
        new Option('--sort <order>', 'rank (reading order), size (largest first) or recent (latest first)')
          .choices(STORY_SORTS)
          .default('rank'),
      )
      .option('--outlet <name>', 'only stories with an article from this outlet (any case)')
      .option('--from <date>', 'only stories ending on or after this ISO date (any precision)')
      .option('--to <date>', 'only stories starting on or before this ISO date (any precision)')
      .option('--min-articles <n>', 'only stories of at least this many articles', positiveInt),
    'stories',
  )
    .option('--json', 'print JSON: { stories, total, offset, limit }')
    .action(async (flags: StoryFlags, command: Command) => {
      // Checked before the analysis is loaded: a typo fails at once.
      const from = dateBound('--from', flags.from, 'first');
      const to = dateBound('--to', flags.to, 'last');
      const stories = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) => {
        const byId = new Map(a.stories.map((s) => [s.id, s]));
        const { kind, sort = 'rank', outlet, minArticles } = flags;
        return selectStories(a, { kind, sort, outlet, from, to, minArticles }).map((s) => byId.get(s.id)!);
      });
      printPage(io, pageOf(stories, flags), {
        json: flags.json,
        name: 'stories',
        format: (items) => formatStories(items, io.columns),
      });
    });
}

type StoryFlags = PageFlags & {
  kind?: Story['kind'];
  sort?: StorySort;
  outlet?: string;
  from?: string;
  to?: string;
  minArticles?: number;
  json?: boolean;
};
