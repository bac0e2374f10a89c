import { Command, CommanderError } from 'commander';
import { isSitrepError } from '../core/errors.ts';
import { analyzeStore } from '../engine/analysis.ts';
import { serverJobsFor } from '../engine/server-jobs.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerArticles } from './commands/articles.ts';
import { registerBrief } from './commands/brief.ts';
import { registerClaims } from './commands/claims.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEntities } from './commands/entities.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerQuotes } from './commands/quotes.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerShow } from './commands/show.ts';
import { registerStories } from './commands/stories.ts';
import { registerEvents, registerTimeline } from './commands/timeline.ts';
import { registerWorker } from './commands/worker.ts';
import { EXIT, exitCodeFor, formatError, type Io, processIo } from './output.ts';
import { terminalSafeIo } from './terminal-text.ts';

/** Build the `sitrep` program: a thin shell over the engine's use-cases. */
export function createProgram(io: Io): Command {
  const program = new Command('sitrep')
    .description('Sitrep: turn noisy, overlapping news reports into a sourced situation picture')
    .version('0.1.0')
    .option('--db <file>', 'SQLite database file', process.env['SITREP_DB'] ?? './sitrep.db')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  registerIngest(program, io);
  registerArticles(program, io);
  registerShow(program, io);
  registerSearch(program, io);
  registerDemo(program, io);
  registerAnalyze(program, io);
  registerBrief(program, io);
  registerStories(program, io);
  registerEntities(program, io);
  registerQuotes(program, io);
  registerClaims(program, io);
  registerTimeline(program, io);
  registerEvents(program, io);
  registerWorker(program, io);
  registerServe(program, io, {
    analyze: (store) => analyzeStore(store, { now: () => new Date() }),
    jobs: (db) => serverJobsFor({ db }),
  });
  return program;
}

/** Run the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], rawIo: Io = processIo): Promise<number> {
  // Everything printed can quote titles, file names and text from the inputs: no escape sequence
  // or bidi override in them reaches the terminal.
  const io = terminalSafeIo(rawIo);
  const program = createProgram(io);
  for (const command of program.commands) command.exitOverride();
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.err(formatError(error));
    return isSitrepError(error) ? exitCodeFor(error) : EXIT.failure;
  } finally {
    process.exitCode = undefined;
  }
}
