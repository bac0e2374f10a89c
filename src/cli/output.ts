import { InvalidArgumentError } from 'commander';
import { isSitrepError, type SitrepError } from '../core/errors.ts';
import { terminalSafe } from './terminal-text.ts';

/** Exit codes scripts can trust: 0 success, 1 failure (bad input, not found, some items failed), 2 usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export function exitCodeFor(error: SitrepError): number {
  return error.code === 'USAGE' ? EXIT.usage : EXIT.failure;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  columns: number;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTty: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns || 100,
};

/**
 * A reader that stops reading (`sitrep claims | head`) closes the pipe, and the next write fails with
 * EPIPE — an error event nobody handled, which printed a stack trace and exited 1. Such a process now
 * stops quietly, as command-line tools do when their reader goes, with the exit code it had so far:
 * what it stored is committed already, and what it was printing has no reader.
 */
export function quitOnClosedPipe(
  proc: Pick<NodeJS.Process, 'stdout' | 'stderr' | 'exit' | 'exitCode'>,
): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : EXIT.ok);
    });
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** One line for an error at the edge: the code and what to do, never a stack trace. */
export function formatError(error: unknown): string {
  if (isSitrepError(error)) return `sitrep: ${error.message} [${error.code}]`;
  const message = error instanceof Error ? error.message : String(error);
  return `sitrep: internal error: ${message} [INTERNAL] (please report this with the command you ran)`;
}

function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/**
 * A plain table: columns sized to content, the last column truncated to the terminal width. Cells are
 * made one-line and terminal-safe (a newline, tab or escape sequence in a title cannot break the rows).
 */
export function formatTable(headers: string[], cells: string[][], columns = 100): string {
  const rows = cells.map((row) => row.map((cell) => terminalSafe(cell)));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fixed = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  const lastIndex = widths.length - 1;
  widths[lastIndex] = Math.max(10, Math.min(widths[lastIndex] ?? 10, columns - fixed));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 10;
        const text = truncate(cell, w);
        return i === lastIndex ? text : text.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Parse a positive integer option; commander reports the message as a usage error. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

/** A whole number, zero included (an option where 0 turns something off). */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 or more).');
  return n;
}
