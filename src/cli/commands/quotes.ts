import type { Command } from 'commander';
import type { Quote } from '../../core/quote.ts';
import { selectQuotes } from '../../engine/analysis-query.ts';
import type { Io } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

export function formatQuotes(quotes: Quote[]): string {
  if (quotes.length === 0) return 'no quotes';
  return quotes
    .map((q) => {
      const via = q.via ? ` via ${q.via}` : '';
      const kind = q.direct ? 'direct' : 'reported';
      return `${q.id}  [${kind}] ${q.speaker.text} (${q.cue}${via}) — article ${q.articleId} ${q.content.start}-${q.content.end}\n    “${q.content.text.replace(/\s+/g, ' ')}”`;
    })
    .join('\n');
}

export function registerQuotes(program: Command, io: Io): void {
  pageOptions(
    program
      .command('quotes')
      .description('list direct and reported quotes with speaker, cue, medium and content span')
      .option('--speaker <text>', 'only quotes whose speaker contains this text')
      .option('--article <id>', 'only quotes from this article (id or id prefix)')
      .option('--story <id>', 'only quotes from articles of this story'),
    'quotes',
  )
    .option('--json', 'print JSON: { quotes, total, offset, limit }')
    .action(
      async (
        flags: PageFlags & { speaker?: string; article?: string; story?: string; json?: boolean },
        command: Command,
      ) => {
        const { speaker, article, story } = flags;
        const quotes = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
          selectQuotes(a, { speaker, article, story }),
        );
        printPage(io, pageOf(quotes, flags), { json: flags.json, name: 'quotes', format: formatQuotes });
      },
    );
}
