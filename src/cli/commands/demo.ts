import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Article } from '../../core/article.ts';
import { ingest } from '../../engine/ingest.ts';
import { EXIT, type Io, printJson } from '../output.ts';
import { formatArticleTable } from './articles.ts';
import { type GlobalOptions, withStore } from './context.ts';
import { formatIngestSummary } from './ingest.ts';

/** The bundled example corpus (five real scrapes about Russia–North Korea military cooperation). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/korea-russia', import.meta.url));

function removalSummary(article: Article): string {
  const counts = new Map<string, number>();
  for (const block of article.removed) counts.set(block.reason, (counts.get(block.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => (n > 1 ? `${reason}×${n}` : reason)).join(', ') || 'nothing';
}

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'the main job on the bundled example corpus: ingest examples/korea-russia and print what was found',
    )
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const result = await withStore(globals, {}, async (store) => {
        const report = await ingest(store, [EXAMPLES_DIR], { now: () => new Date(), include: ['**/*.txt'] });
        const articles = [];
        for (const item of report.items) {
          const article = item.articleId ? await store.getArticle(item.articleId) : undefined;
          if (article) articles.push(article);
        }
        return { report, articles, listed: await store.listArticles() };
      });
      if (flags.json) {
        printJson(io, { report: result.report, articles: result.listed });
      } else {
        io.out(`Sitrep demo: ${EXAMPLES_DIR} → ${globals.db}`);
        io.out(formatIngestSummary(result.report));
        io.out('');
        io.out(formatArticleTable(result.listed, io.columns));
        io.out('');
        io.out('boilerplate removed per article:');
        for (const article of result.articles) {
          io.out(`  ${article.id}  ${removalSummary(article)}`);
        }
        io.out('');
        io.out(
          'next: `npm run sitrep -- show <id>` for one article, `npm run sitrep -- search <words>` to search',
        );
      }
      if (result.report.counts.failed > 0) process.exitCode = EXIT.failure;
    });
}
