import type { Command } from 'commander';
import { formatTable, type Io, positiveInt, printJson } from '../output.ts';
import { type GlobalOptions, withStore } from './context.ts';

export function registerSearch(program: Command, io: Io): void {
  program
    .command('search')
    .description(
      'full-text search over clean article text and titles (words, "phrases", prefix*, AND/OR/NOT)',
    )
    .argument('<query...>', 'what to look for')
    .option('--limit <n>', 'at most this many hits', positiveInt, 20)
    .option('--json', 'print JSON')
    .action(async (query: string[], flags: { limit: number; json?: boolean }, command: Command) => {
      const hits = await withStore(command.optsWithGlobals<GlobalOptions>(), { mustExist: true }, (store) =>
        store.searchArticles(query.join(' '), { limit: flags.limit }),
      );
      if (flags.json) {
        printJson(io, hits);
        return;
      }
      if (hits.length === 0) {
        io.out('no matches');
        return;
      }
      io.out(
        formatTable(
          ['id', 'outlet', 'title / excerpt'],
          hits.flatMap((h) => [
            [h.id, h.outlet ?? '-', h.title ?? ''],
            ['', '', h.snippet.replace(/\s+/g, ' ')],
          ]),
          io.columns,
        ),
      );
    });
}
