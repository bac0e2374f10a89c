import type { Command } from 'commander';
import { type Io, positiveInt, printJson } from './output.ts';

/** Rows a list command prints unless told otherwise: a screenful, as the API's default page. */
export const CLI_PAGE = 50;

export interface PageFlags {
  limit?: number;
  offset?: number;
  all?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Items the query matches over all pages. */
  total: number;
  offset: number;
  /** Absent with --all. */
  limit?: number;
}

/** `--limit`, `--offset` and `--all` on a list command. */
export function pageOptions(command: Command, what: string): Command {
  return command
    .option('--limit <n>', `at most this many ${what} (default ${CLI_PAGE})`, positiveInt)
    .option('--offset <n>', 'skip this many', (v) => (v === '0' ? 0 : positiveInt(v)))
    .option('--all', `every ${what.replace(/s$/, '')} (no page)`);
}

export function pageOf<T>(items: T[], flags: PageFlags): Page<T> {
  const offset = flags.offset ?? 0;
  if (flags.all) return { items: items.slice(offset), total: items.length, offset };
  const limit = flags.limit ?? CLI_PAGE;
  return { items: items.slice(offset, offset + limit), total: items.length, offset, limit };
}

/**
 * Print a page: as JSON `{ <name>: [...], total, offset, limit }` (the API's paged shape), or as the
 * command's text followed by where the page sits in the whole when it is not all of it.
 */
export function printPage<T>(
  io: Io,
  page: Page<T>,
  options: { json?: boolean | undefined; name: string; format: (items: T[]) => string },
): void {
  if (options.json) {
    printJson(io, {
      [options.name]: page.items,
      total: page.total,
      offset: page.offset,
      ...(page.limit !== undefined ? { limit: page.limit } : {}),
    });
    return;
  }
  io.out(options.format(page.items));
  const shown = page.items.length;
  if (shown === page.total) return;
  const next = page.offset + shown;
  const range = shown > 0 ? `${page.offset + 1}–${next}` : 'none';
  io.out(
    `(${options.name} ${range} of ${page.total}${next < page.total ? `; --offset ${next} for the next page` : ''}, --all for every one)`,
  );
}
