import type { Command } from 'commander';
import { analyzeStore } from '../../engine/analysis.ts';
import { analysisDocument } from '../../engine/analysis-document.ts';
import { loadLexicon } from '../../engine/brief.ts';
import { ingest } from '../../engine/ingest.ts';
import { formatStageTimes, type StageTimer } from '../../engine/stage-timer.ts';
import { scopeToStory } from '../../engine/story-scope.ts';
import { describeFailures, summarizeAnalysis, writeAnalysisOutputs } from '../../engine/write-outputs.ts';
import { EXIT, type Io, printJson } from '../output.ts';
import { type GlobalOptions, withStore } from './context.ts';
import { formatIngestSummary } from './ingest.ts';

interface AnalyzeFlags {
  json?: boolean;
  out?: string;
  lexicon?: string;
  fresh?: boolean;
  allowPrivate?: boolean;
  story?: string;
  timings?: boolean;
}

export function registerAnalyze(program: Command, io: Io): void {
  program
    .command('analyze')
    .description(
      'run the whole pipeline: ingest the inputs (if any) and analyze them (or, without inputs, every stored article)',
    )
    .argument('[inputs...]', 'paths, folders, URLs or - (as for ingest)')
    .option('--json', 'print the sitrep/analysis@2 JSON (article texts by reference: id, length, digest)')
    .option(
      '--out <dir>',
      'write the analysis per story into this folder: index.json, articles.jsonl, entities.jsonl, sources.json, stories/<id>.json and .md, and the brief (brief.md, brief.html, brief.json)',
    )
    .option('--story <id>', 'only this story (an id or a unique prefix) in --json and --out')
    .option('--lexicon <file>', 'extend the framing lexicon with this JSON file')
    .option('--fresh', 'recompute even when a cached analysis matches')
    .option('--allow-private', 'allow fetching URLs on private addresses')
    .option(
      '--timings',
      "print each stage's and store step's seconds to stderr (stages on worker threads add their threads' time)",
    )
    .action(async (inputs: string[], flags: AnalyzeFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const lexicon = flags.lexicon ? loadLexicon(flags.lexicon) : undefined;
      const timer: StageTimer | undefined = flags.timings ? new Map() : undefined;
      /** Stored results that could not be read and were computed again, by kind. */
      const unreadable = new Map<string, number>();
      const result = await withStore(globals, {}, async (store) => {
        const report =
          inputs.length > 0
            ? await ingest(store, inputs, {
                now: () => new Date(),
                allowPrivate: flags.allowPrivate ?? false,
              })
            : undefined;
        const articleIds = report?.items.flatMap((i) => (i.articleId ? [i.articleId] : []));
        const analysis = await analyzeStore(store, {
          now: () => new Date(),
          ...(articleIds ? { articleIds } : {}),
          ...(lexicon ? { lexicon } : {}),
          ...(flags.fresh ? { fresh: true } : {}),
          ...(timer ? { timer } : {}),
          onWaitForLock: () =>
            io.err('sitrep: another process is analysing this store; waiting for it to finish'),
          onUnreadable: (kind) => unreadable.set(kind, (unreadable.get(kind) ?? 0) + 1),
        });
        return { report, analysis };
      });
      const scoped = flags.story ? scopeToStory(result.analysis, flags.story) : result.analysis;
      const paths = flags.out ? writeAnalysisOutputs(scoped, flags.out) : undefined;
      if (flags.json) {
        printJson(io, analysisDocument(result.analysis, flags.story));
      } else {
        if (result.report) io.out(formatIngestSummary(result.report));
        for (const line of summarizeAnalysis(result.analysis)) io.out(line);
        if (paths) for (const [what, path] of Object.entries(paths)) io.out(`wrote ${what}: ${path}`);
        if (!paths) io.out('(--json prints the analysis; --out DIR writes it with the brief)');
      }
      if (timer) io.err(`analysis steps (s): ${formatStageTimes(timer)}`);
      if (unreadable.size > 0) {
        const total = [...unreadable.values()].reduce((a, b) => a + b, 0);
        const kinds = [...unreadable].map(([kind, n]) => `${kind} ${n}`).join(', ');
        io.err(
          `sitrep: warning: ${total} stored result(s) could not be read (is the store damaged?) and were computed again: ${kinds}`,
        );
      }
      for (const line of describeFailures(result.analysis)) io.err(line);
      if (result.report && result.report.counts.failed > 0) process.exitCode = EXIT.failure;
      if (result.analysis.failures) process.exitCode = EXIT.failure;
    });
}
