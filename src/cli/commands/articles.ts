import type { Command } from 'commander';
import type { ArticleSummary } from '../../store/store.ts';
import { formatTable, type Io, positiveInt, printJson } from '../output.ts';
import { type GlobalOptions, withStore } from './context.ts';

export function formatArticleTable(articles: ArticleSummary[], columns: number): string {
  if (articles.length === 0) return 'no articles yet; `sitrep ingest <paths>` adds some';
  return formatTable(
    ['id', 'published', 'outlet', 'chars', 'removed', 'title'],
    articles.map((a) => [
      a.id,
      a.publishedAt ?? '-',
      a.outlet ?? '-',
      String(a.chars),
      String(a.removedBlocks),
      a.title ?? a.input.path ?? a.input.url ?? '',
    ]),
    columns,
  );
}

export function registerArticles(program: Command, io: Io): void {
  program
    .command('articles')
    .description('list stored articles (oldest publication date first; undated last)')
    .option('--outlet <name>', 'only articles from this outlet')
    .option('--limit <n>', 'at most this many', positiveInt)
    .option('--offset <n>', 'skip this many', (v) => (v === '0' ? 0 : positiveInt(v)))
    .option('--json', 'print JSON')
    .action(
      async (
        flags: { outlet?: string; limit?: number; offset?: number; json?: boolean },
        command: Command,
      ) => {
        const articles = await withStore(
          command.optsWithGlobals<GlobalOptions>(),
          { mustExist: true },
          (store) =>
            store.listArticles({
              ...(flags.outlet ? { outlet: flags.outlet } : {}),
              ...(flags.limit ? { limit: flags.limit } : {}),
              ...(flags.offset ? { offset: flags.offset } : {}),
            }),
        );
        if (flags.json) printJson(io, articles);
        else io.out(formatArticleTable(articles, io.columns));
      },
    );
}
