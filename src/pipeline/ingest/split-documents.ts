import type { RawInput, SourceDocument } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome, ok } from '../../core/outcome.ts';
import { cleanChars, cleanHints } from './clean-chars.ts';
import { bomThatFits, decodeBytes } from './decode.ts';
import {
  binaryMessage,
  guessUtf16,
  sniffControlBytes,
  sniffGuessedText,
  sniffMagic,
  sniffUndecodable,
} from './detect-binary.ts';
import { detectFormat } from './detect-format.ts';
import { type DocumentItem, hashIdentity } from './document-item.ts';
import { parseFeed } from './parse-feed.ts';
import { parseJsonLines } from './parse-json-lines.ts';
import { tooLarge } from './read-files.ts';
import { DEFAULT_MAX_BYTES } from './read-options.ts';

export interface SplitOptions {
  /** Size cap for one document (a page, a text file, one JSON line's text or HTML, one feed item); default 10 MiB. */
  maxBytes?: number;
}

/**
 * Cut one raw input into source documents: refuse binary data, decode the
 * bytes, detect the format, and return one document for a text or HTML
 * input, one per feed item, or one per JSON line. Failures of single items
 * (a bad JSON line, an item over the size cap) are values beside the documents that did parse.
 * An item that names its URL (a JSON line's "url", a feed item's link) keeps it as the document's
 * source URL, beside the path of the file it came in.
 */
export function splitDocuments(raw: RawInput, options: SplitOptions = {}): Outcome<SourceDocument>[] {
  const where = describeSource(raw);
  const bytes = raw.bytes;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  const magic = sniffMagic(bytes);
  if (magic) return [fail(where, new SitrepError('INPUT_BINARY', binaryMessage(`looks like ${magic}`)))];
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return [
      fail(
        where,
        new SitrepError(
          'INPUT_UNSUPPORTED',
          `${where} is UTF-32 text, which is not supported; convert it to UTF-8`,
        ),
      ),
    ];
  }
  if (!bomThatFits(bytes) && !guessUtf16(bytes)) {
    const control = sniffControlBytes(bytes);
    if (control) return [fail(where, new SitrepError('INPUT_BINARY', binaryMessage(control)))];
  }

  const { text, charset } = decodeBytes(bytes, raw.contentType);
  const undecodable =
    sniffUndecodable(text) ??
    (charset.from === 'default' || (charset.from === 'detected' && !/^utf-/.test(charset.name))
      ? sniffGuessedText(bytes, text)
      : undefined);
  if (undecodable) return [fail(where, new SitrepError('INPUT_BINARY', binaryMessage(undecodable)))];
  if (text.trim() === '') {
    return [
      fail(
        where,
        new SitrepError('INPUT_EMPTY', `${where} contains only whitespace; there is nothing to read`),
      ),
    ];
  }

  const input: SourceDocument['input'] = {};
  let pageUrl: string | undefined;
  if (raw.source.kind === 'file') input.path = raw.source.path;
  if (raw.source.kind === 'url') {
    input.url = raw.source.url;
    pageUrl = withoutFragment(raw.source.finalUrl);
  }
  // Text is cleaned here, once for every driver and before any offset into it exists: the extractor's
  // raw text and every span index the cleaned content; the raw bytes keep the original (cleanChars).
  const toDocument = (item: DocumentItem, itemCharset: SourceDocument['charset']): SourceDocument => {
    const hints = cleanHints(item.hints);
    return {
      rawSha256: raw.sha256,
      itemKey: item.itemKey,
      identity: cleanChars(item.identity),
      format: item.format,
      content: cleanChars(item.content),
      charset: itemCharset,
      hints,
      // An item of a container that names its URL keeps it as its source (a page keeps the one fetched).
      input: item.itemKey !== '' && hints.url ? { ...input, url: hints.url } : input,
    };
  };
  const fromContainer = { name: charset.name, from: 'container' as const };

  const format = detectFormat(text, raw.contentType);
  if (format === 'feed' || format === 'json') {
    const items =
      format === 'feed'
        ? parseFeed(text, raw.sha256, where, pageUrl)
        : parseJsonLines(text, raw.sha256, where);
    return items.map((item) => {
      if (!item.ok) return item;
      const size = Buffer.byteLength(item.value.content);
      if (size <= maxBytes) return ok(toDocument(item.value, fromContainer));
      const at = `${where}#${item.value.itemKey}`;
      return fail<SourceDocument>(at, tooLarge(at, maxBytes, size, '--max-bytes'));
    });
  }
  if (bytes.length > maxBytes) return [fail(where, tooLarge(where, maxBytes, bytes.length, '--max-bytes'))];
  const document: DocumentItem = {
    itemKey: '',
    identity: pageUrl ?? hashIdentity(raw.sha256, ''),
    format,
    content: text,
    hints: pageUrl ? { url: pageUrl } : {},
  };
  return [ok(toDocument(document, charset))];
}

/** A short name for messages: the file path, the URL, or 'stdin'. */
export function describeSource(raw: RawInput): string {
  switch (raw.source.kind) {
    case 'file':
      return raw.source.path;
    case 'url':
      return raw.source.url;
    case 'stdin':
      return 'stdin';
  }
}

function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url.replace(/#.*$/, '');
  }
}
