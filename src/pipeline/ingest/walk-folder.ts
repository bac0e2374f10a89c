import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome, ok } from '../../core/outcome.ts';
import { displayPath, type FsPath, joinFsPath } from './fs-path.ts';
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
 * link) are yielded as values; when nothing matches, one INPUT_NOT_FOUND. Entry names are read as
 * bytes, so a file whose name is not UTF-8 is yielded as a Buffer path that opens it (globs and
 * messages see the name decoded, with `\xHH` for bad bytes in messages).
 */
export async function* walkFolder(root: FsPath, options: WalkOptions): AsyncGenerator<Outcome<FsPath>> {
  const include = options.include && options.include.length > 0 ? options.include : undefined;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const isIncluded = include ? compileGlobs(include) : () => true;
  const isExcluded = compileGlobs(exclude);
  let matched = 0;
  let rootFailed = false;

  async function* walk(dir: FsPath, rel: string, ancestors: Set<string>): AsyncGenerator<Outcome<FsPath>> {
    let real: string;
    let entries: Dirent<Buffer>[];
    try {
      real = (await realpath(dir, { encoding: 'buffer' })).toString('latin1');
      if (ancestors.has(real)) return; // a link back up the tree: a loop
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      if (rel === '') rootFailed = true;
      yield fail(displayPath(dir), unreadable(displayPath(dir), error));
      return;
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') }));
    named.sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : Buffer.compare(a.entry.name, b.entry.name),
    );
    for (const { entry, name } of named) {
      const relPath = rel ? `${rel}/${name}` : name;
      const fullPath = joinFsPath(dir, entry.name);
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
              displayPath(fullPath),
              new SitrepError(
                'INPUT_NOT_FOUND',
                `broken symbolic link: ${displayPath(fullPath)} (its target does not exist)`,
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
      displayPath(root),
      new SitrepError(
        'INPUT_NOT_FOUND',
        `no files ${what} in folder ${displayPath(root)}${excluding}; check the --include/--exclude globs`,
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
