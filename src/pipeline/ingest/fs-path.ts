import { readdir } from 'node:fs/promises';
import { isAbsolute } from 'node:path';

/**
 * A path as the file system knows it: a string when it is valid UTF-8, else the raw bytes (a Linux
 * file name may hold any byte but '/' and NUL; a string path would turn 0xFF into U+FFFD and name
 * another file).
 */
export type FsPath = string | Buffer;

const strict = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Bytes as a path: a string when they are valid UTF-8 (so most paths stay strings), else the bytes. */
export function fsPathOf(bytes: Buffer): FsPath {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

/** `dir/name` for a folder entry, keeping the bytes when either part is not UTF-8. */
export function joinFsPath(dir: FsPath, name: Buffer): FsPath {
  if (typeof dir === 'string' && isUtf8(name))
    return dir.endsWith('/') ? dir + name.toString('utf8') : `${dir}/${name.toString('utf8')}`;
  const head = typeof dir === 'string' ? Buffer.from(dir, 'utf8') : dir;
  const sep = head.at(-1) === 0x2f ? [] : [Buffer.from('/')];
  return fsPathOf(Buffer.concat([head, ...sep, name]));
}

/** Sequence length announced by a UTF-8 lead byte (1 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  return 1;
}

/** A path for messages and for the stored article: valid UTF-8 as is, every other byte as `\xHH`. */
export function displayPath(path: FsPath): string {
  if (typeof path === 'string') return path;
  let out = '';
  let i = 0;
  while (i < path.length) {
    const byte = path[i] as number;
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      i += 1;
      continue;
    }
    const length = sequenceLength(byte);
    const sequence = path.subarray(i, i + length);
    if (length > 1 && sequence.length === length && isUtf8(sequence)) {
      out += sequence.toString('utf8');
      i += length;
    } else {
      out += `\\x${byte.toString(16).padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

/**
 * The file a command-line path names when its bytes were not UTF-8: Node decodes argv with U+FFFD for
 * each bad byte, so the path as given does not exist. Each component holding U+FFFD is matched against
 * its folder's raw entry names decoded the same way; exactly one match must remain at every step.
 */
export async function resolveLossyPath(spec: string): Promise<Buffer | undefined> {
  if (!spec.includes('\ufffd')) return undefined;
  const parts = spec.split('/');
  let current: Buffer = Buffer.from(isAbsolute(spec) ? '/' : '');
  for (const [index, part] of parts.entries()) {
    if (part === '' && index === 0) continue;
    let name: Buffer = Buffer.from(part, 'utf8');
    if (part.includes('\ufffd')) {
      let entries: Buffer[];
      try {
        entries = await readdir(current.length > 0 ? current : '.', { encoding: 'buffer' });
      } catch {
        return undefined;
      }
      const matches = entries.filter((entry) => entry.toString('utf8') === part);
      if (matches.length !== 1) return undefined;
      name = matches[0] as Buffer;
    }
    const sep = current.length > 0 && current.at(-1) !== 0x2f ? [Buffer.from('/')] : [];
    current = Buffer.concat([current, ...sep, name]);
  }
  return current;
}
