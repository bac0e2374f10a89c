import { open } from 'node:fs/promises';
import type { InputSource, RawInput } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { sha256Hex } from '../../core/hash.ts';
import { fail, type Outcome, ok } from '../../core/outcome.ts';
import { displayPath, type FsPath } from './fs-path.ts';
import { formatBytes, isBlankBytes } from './read-options.ts';

/** Wrap bytes as a RawInput, or fail INPUT_EMPTY when they hold nothing but whitespace. */
export function toRawInput(
  where: string,
  bytes: Uint8Array,
  source: InputSource,
  receivedAt: Date,
  contentType?: string,
): Outcome<RawInput> {
  if (isBlankBytes(bytes)) {
    const what = bytes.length === 0 ? 'is empty (0 bytes)' : 'contains only whitespace';
    return fail(where, new SitrepError('INPUT_EMPTY', `${where} ${what}; there is nothing to read`));
  }
  const raw: RawInput = { sha256: sha256Hex(bytes), bytes, source, receivedAt: receivedAt.toISOString() };
  if (contentType !== undefined) raw.contentType = contentType;
  return ok(raw);
}

export function tooLarge(
  where: string,
  maxBytes: number,
  size?: number,
  flag: '--max-bytes' | '--max-stream-bytes' = '--max-stream-bytes',
): SitrepError {
  const actual = size === undefined ? 'more than' : `${formatBytes(size)}, over`;
  return new SitrepError(
    'INPUT_TOO_LARGE',
    `${where} is too large (${actual} the ${formatBytes(maxBytes)} limit); raise ${flag} to read it`,
  );
}

/**
 * Read one regular file, at most `maxBytes` (the size is checked up front and
 * again while reading, in case the file grows).
 */
export async function readFileInput(
  fsPath: FsPath,
  maxBytes: number,
  now: () => Date,
): Promise<Outcome<RawInput>> {
  // Messages and the stored source show the path; a name that is not UTF-8 with `\xHH` escapes.
  const path = displayPath(fsPath);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(fsPath, 'r');
    const info = await handle.stat();
    if (!info.isFile()) {
      return fail(
        path,
        new SitrepError(
          'INPUT_UNREADABLE',
          `cannot read ${path}: not a regular file (device, socket or pipe)`,
        ),
      );
    }
    if (info.size > maxBytes) return fail(path, tooLarge(path, maxBytes, info.size));
    const chunks: Uint8Array[] = [];
    let total = 0;
    const chunkSize = Math.min(Math.max(info.size + 1, 1), 1024 * 1024);
    for (;;) {
      const buffer = new Uint8Array(chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return fail(path, tooLarge(path, maxBytes));
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return toRawInput(path, concat(chunks, total), { kind: 'file', path }, now());
  } catch (error) {
    return fail(path, fileError(path, error));
  } finally {
    await handle?.close();
  }
}

/** Map a file-system error to a SitrepError with a useful message. */
export function fileError(path: string, error: unknown): SitrepError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new SitrepError('INPUT_NOT_FOUND', `no such file or folder: ${path}`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new SitrepError('INPUT_UNREADABLE', `cannot read ${path}: permission denied`, { cause: error });
  }
  if (code === 'EISDIR') {
    return new SitrepError('INPUT_UNREADABLE', `cannot read ${path}: it is a folder`, { cause: error });
  }
  return new SitrepError('INPUT_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`, {
    cause: error,
  });
}

/** Read '-' through the injected reader or process.stdin, capped at maxBytes. */
export async function readStdinInput(
  maxBytes: number,
  now: () => Date,
  readStdin?: () => Promise<Uint8Array>,
): Promise<Outcome<RawInput>> {
  const where = 'stdin';
  let bytes: Uint8Array;
  try {
    if (readStdin) {
      bytes = await readStdin();
      if (bytes.length > maxBytes) return fail(where, tooLarge(where, maxBytes, bytes.length));
    } else {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) return fail(where, tooLarge(where, maxBytes));
        chunks.push(chunk);
      }
      bytes = concat(chunks, total);
    }
  } catch (error) {
    return fail(where, new SitrepError('INPUT_UNREADABLE', `cannot read stdin: ${(error as Error).message}`));
  }
  return toRawInput(where, bytes, { kind: 'stdin' }, now());
}

export function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === total) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
