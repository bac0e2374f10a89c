import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome, ok } from '../../core/outcome.ts';
import { DEFAULT_EXCLUDE } from './read-options.ts';

export interface WalkOptions {
  include?: string[];
  exclude?: string[];
}

/**
 * Yield the files under `root` (a folder path as given), recursively, in a
 * deterministic order (entries sorted by name, by code unit). Globs are
 * matched against the path relative to `root` with '/' separators; a pattern
 * without '/' matches the base name at any depth. Excluded folders are not
 * entered. Symbolic links are followed, except a link to a folder that is
 * already being walked (by real path), so link loops end. Failures (unreadable folder, broken
 * link) are yielded as values; when nothing matches, one INPUT_NOT_FOUND.
 */
export async function* walkFolder(root: string, options: WalkOptions): AsyncGenerator<Outcome<string>> {
  const include = options.include && options.include.length > 0 ? options.include : undefined;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const isIncluded = include ? compileGlobs(include) : () => true;
  const isExcluded = compileGlobs(exclude);
  let matched = 0;
  let rootFailed = false;

  async function* walk(dir: string, rel: string, ancestors: Set<string>): AsyncGenerator<Outcome<string>> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (ancestors.has(real)) return; // a link back up the tree: a loop
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (rel === '') rootFailed = true;
      yield fail(dir, unreadable(dir, error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const fullPath = join(dir, entry.name);
      if (isExcluded(relPath)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(fullPath);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          if (isIncluded(relPath)) {
            matched++;
            yield fail(
              fullPath,
              new SitrepError(
                'INPUT_NOT_FOUND',
                `broken symbolic link: ${fullPath} (its target does not exist)`,
              ),
            );
          }
          continue;
        }
      }
      if (isDir) {
        yield* walk(fullPath, relPath, new Set([...ancestors, real]));
      } else if (isFile && isIncluded(relPath)) {
        matched++;
        yield ok(fullPath);
      }
    }
  }

  yield* walk(root, '', new Set());
  if (matched === 0 && !rootFailed) {
    const what = include ? `matching ${include.join(', ')}` : 'at all';
    const excluding = exclude.length > 0 ? ` (excluding ${exclude.join(', ')})` : '';
    yield fail(
      root,
      new SitrepError(
        'INPUT_NOT_FOUND',
        `no files ${what} in folder ${root}${excluding}; check the --include/--exclude globs`,
      ),
    );
  }
}

/**
 * One matcher for several globs. Dotfiles are matched like any other name;
 * a pattern without '/' is matched against the base name (so '*.html' finds
 * HTML files at any depth), others against the whole relative path.
 */
export function compileGlobs(patterns: string[]): (relPath: string) => boolean {
  const matchers = patterns.map((pattern) => {
    const matcher = picomatch(pattern, { dot: true });
    if (pattern.includes('/')) return matcher;
    return (relPath: string) => matcher(relPath.slice(relPath.lastIndexOf('/') + 1));
  });
  return (relPath) => matchers.some((m) => m(relPath));
}

function unreadable(path: string, error: unknown): SitrepError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
  return new SitrepError('INPUT_UNREADABLE', `cannot read folder ${path}: ${reason}`, { cause: error });
}
