import { stat } from 'node:fs/promises';
import type { RawInput } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome } from '../../core/outcome.ts';
import { fetchUrl } from './fetch-url.ts';
import { type FsPath, resolveLossyPath } from './fs-path.ts';
import { fileError, readFileInput, readStdinInput } from './read-files.ts';
import { DEFAULT_MAX_STREAM_BYTES, type ReadOptions } from './read-options.ts';
import { walkFolder } from './walk-folder.ts';

export { normalizeDate } from '../extract/normalize-date.ts';
export { classifyAddress, isBlockedAddress } from './address-policy.ts';
export { type Conditional, fetchUrl } from './fetch-url.ts';
export {
  DEFAULT_EXCLUDE,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_STREAM_BYTES,
  DEFAULT_USER_AGENT,
  type ReadOptions,
} from './read-options.ts';
export { splitDocuments } from './split-documents.ts';

/**
 * Read every input spec into raw bytes (each at most maxStreamBytes), in order: a file path, a folder
 * (walked recursively in sorted order, filtered by include/exclude globs),
 * '-' for stdin, or an http(s) URL. Failures are yielded as values and
 * reading goes on with the next file or spec.
 */
export async function* readInputs(specs: string[], options: ReadOptions): AsyncGenerator<Outcome<RawInput>> {
  // One input may hold many documents (JSON lines, a feed): it is capped by the stream ceiling here,
  // and each document by maxBytes when it is cut out (splitDocuments).
  const maxBytes = options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES;
  for (const spec of specs) {
    if (spec === '-') {
      yield await readStdinInput(maxBytes, options.now, options.readStdin);
      continue;
    }
    const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(spec)?.[1]?.toLowerCase();
    if (scheme !== undefined) {
      if (scheme === 'http' || scheme === 'https') {
        yield await fetchUrl(spec, options);
      } else {
        yield fail(
          spec,
          new SitrepError(
            'INPUT_UNSUPPORTED',
            `unsupported URL scheme "${scheme}:" in ${spec}; Sitrep fetches http and https URLs`,
          ),
        );
      }
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    let path: FsPath = spec;
    try {
      info = await stat(spec);
    } catch (error) {
      // A name that is not UTF-8 reaches us with U+FFFD for its bad bytes: find the file it meant.
      const resolved = await resolveLossyPath(spec);
      const found = resolved && (await stat(resolved).catch(() => undefined));
      if (!resolved || !found) {
        yield fail(spec, fileError(spec, error));
        continue;
      }
      info = found;
      path = resolved;
    }
    if (info.isDirectory()) {
      for await (const file of walkFolder(path, options)) {
        yield file.ok ? await readFileInput(file.value, maxBytes, options.now) : file;
      }
    } else if (info.isFile()) {
      yield await readFileInput(path, maxBytes, options.now);
    } else {
      yield fail(
        spec,
        new SitrepError('INPUT_UNREADABLE', `cannot read ${spec}: not a regular file or folder`),
      );
    }
  }
}
