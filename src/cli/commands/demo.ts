import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { projectRoot } from '../../core/project-root.ts';
import { analyzeStore } from '../../engine/analysis.ts';
import { analysisDocument } from '../../engine/analysis-document.ts';
import { ingest } from '../../engine/ingest.ts';
import { orderStories } from '../../engine/story-list.ts';
import { summarizeAnalysis, writeAnalysisOutputs } from '../../engine/write-outputs.ts';
import { EXIT, type Io, printJson } from '../output.ts';
import { type GlobalOptions, withStore } from './context.ts';
import { formatIngestSummary } from './ingest.ts';
import { formatStories } from './stories.ts';

/** The bundled example corpus (five real scrapes about Russia–North Korea military cooperation). */
export const EXAMPLES_DIR = join(projectRoot(import.meta.url), 'examples');

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'the main job on the bundled example corpus (what `npm start` runs): ingest examples/, analyze, write the brief to out/',
    )
    .option('--out <dir>', 'where to write the analysis and the brief', 'out')
    .option('--json', 'print the analysis JSON instead of the summary')
    .action(async (flags: { out: string; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const started = performance.now();
      const result = await withStore(globals, {}, async (store) => {
        const report = await ingest(store, [EXAMPLES_DIR], { now: () => new Date(), include: ['**/*.txt'] });
        const articleIds = report.items.flatMap((i) => (i.articleId ? [i.articleId] : []));
        const analysis = await analyzeStore(store, { now: () => new Date(), articleIds });
        return { report, analysis };
      });
      const paths = writeAnalysisOutputs(result.analysis, flags.out);
      if (flags.json) {
        printJson(io, analysisDocument(result.analysis));
      } else {
        io.out(`Sitrep: ${EXAMPLES_DIR} → ${globals.db}`);
        io.out(formatIngestSummary(result.report));
        for (const line of summarizeAnalysis(result.analysis)) io.out(line);
        io.out('');
        io.out(formatStories(orderStories(result.analysis), io.columns));
        io.out('');
        for (const [what, path] of Object.entries(paths)) io.out(`${what.padEnd(13)} ${resolve(path)}`);
        io.out(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        io.out(
          'next: open out/brief.html, or try `npx sitrep claims`, `npx sitrep timeline`, `npx sitrep serve`',
        );
      }
      if (result.report.counts.failed > 0) process.exitCode = EXIT.failure;
    });
}
