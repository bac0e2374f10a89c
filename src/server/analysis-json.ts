import type { Analysis, AnalysisDocument } from '../core/analysis.ts';

/** Array elements serialized per chunk: a few milliseconds of work each. */
const CHUNK_ITEMS = 200;

/**
 * The analysis as JSON text in pieces: the same text as `JSON.stringify(analysis)`, made a slice of
 * an array at a time. A 5,000-article analysis is ~100 MB of JSON and one `JSON.stringify` of it
 * takes about a second, during which a server would answer nothing; streamed, the event loop serves
 * other requests between the pieces and no copy of the whole text is ever held.
 */
export function* analysisJsonChunks(
  analysis: Analysis | AnalysisDocument,
  size = CHUNK_ITEMS,
): Generator<string> {
  const record = analysis as unknown as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined);
  yield '{';
  for (const [i, key] of keys.entries()) {
    const value = record[key];
    const prefix = `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (!Array.isArray(value)) {
      yield prefix + JSON.stringify(value);
      continue;
    }
    yield `${prefix}[`;
    for (let start = 0; start < value.length; start += size) {
      const slice = value.slice(start, start + size).map((item) => JSON.stringify(item) ?? 'null');
      yield (start > 0 ? ',' : '') + slice.join(',');
    }
    yield ']';
  }
  yield '}';
}

/** A byte stream of the chunks, made as the client reads them. */
export function textStream(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
