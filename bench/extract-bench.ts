/**
 * Extraction throughput: Sitrep's extractHtml against @mozilla/readability alone over the same DOM (parse5 tree, linkedom),
 * over the pages of an extraction benchmark folder cycled to at least 1,000 documents.
 *   tsx bench/extract-bench.ts <dir>      (or benchExtract(dir) from bench/run.ts)
 */
import { pathToFileURL } from 'node:url';
import { loadExtractionDataset, readCaseHtml } from '../eval/lib/extraction-dataset.ts';
import { readabilityText } from '../eval/lib/readability-baseline.ts';
import { describeError } from '../src/core/errors.ts';
import { extractHtml } from '../src/pipeline/extract/html/extract-html.ts';

const MIN_DOCUMENTS = 1000;
const TARGET_RATIO = 1.5;

interface RunResult {
  name: string;
  documents: number;
  seconds: number;
  megabytes: number;
  peakHeapMb: number;
  maxRssMb: number;
}

function runOnce(
  name: string,
  pages: Array<{ html: string; url: string; bytes: number }>,
  total: number,
  run: (html: string, url: string) => void,
): RunResult {
  let bytes = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const page = pages[i % pages.length]!;
    run(page.html, page.url);
    bytes += page.bytes;
    if (i % 25 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return {
    name,
    documents: total,
    seconds,
    megabytes: bytes / 1e6,
    peakHeapMb: peakHeap / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const sitrep = (html: string, url: string): void => {
  try {
    extractHtml(html, {}, { url });
  } catch {
    // An empty page is a per-item outcome, not a benchmark failure.
  }
};

const readability = (html: string): void => {
  readabilityText(html);
};

/** Measure and print throughput, the Sitrep/Readability time ratio and peak memory. */
export async function benchExtract(dataDir: string): Promise<void> {
  const cases = loadExtractionDataset(dataDir);
  const pages = cases.map((item) => {
    const html = readCaseHtml(item);
    return { html, url: item.url, bytes: Buffer.byteLength(html) };
  });
  const total = Math.ceil(MIN_DOCUMENTS / pages.length) * pages.length;
  console.log(`extract bench: ${pages.length} pages cycled to ${total} documents (warm-up: one pass each)`);
  runOnce('warm-up', pages, pages.length, readability);
  runOnce('warm-up', pages, pages.length, sitrep);
  // Interleave the two extractors pass by pass (a pass = every page once), alternating which goes
  // first, so that both see the same heap and garbage-collection conditions; a single long run of
  // one after the other let the second inherit the first's grown heap.
  const passes = total / pages.length;
  const parts: Record<'readability' | 'sitrep', RunResult[]> = { readability: [], sitrep: [] };
  for (let pass = 0; pass < passes; pass++) {
    const order =
      pass % 2 === 0 ? (['readability', 'sitrep'] as const) : (['sitrep', 'readability'] as const);
    for (const which of order) {
      parts[which].push(runOnce(which, pages, pages.length, which === 'readability' ? readability : sitrep));
    }
  }
  const combine = (name: string, runs: RunResult[]): RunResult => ({
    name,
    documents: runs.reduce((n, r) => n + r.documents, 0),
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
    megabytes: runs.reduce((n, r) => n + r.megabytes, 0),
    peakHeapMb: Math.max(...runs.map((r) => r.peakHeapMb)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
  });
  const results = [
    combine('@mozilla/readability (same DOM)', parts.readability),
    combine('Sitrep extractHtml', parts.sitrep),
  ];
  console.log(
    `${'extractor'.padEnd(32)} ${'docs/s'.padStart(8)} ${'MB/s'.padStart(7)} ${'seconds'.padStart(8)} ${'peak heap MB'.padStart(13)} ${'max RSS MB'.padStart(11)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(32)} ${(r.documents / r.seconds).toFixed(1).padStart(8)} ${(r.megabytes / r.seconds).toFixed(2).padStart(7)} ${r.seconds.toFixed(2).padStart(8)} ${r.peakHeapMb.toFixed(0).padStart(13)} ${r.maxRssMb.toFixed(0).padStart(11)}`,
    );
  }
  const ratio = results[1]!.seconds / results[0]!.seconds;
  const verdict = ratio <= TARGET_RATIO ? 'within' : 'OVER';
  console.log(
    `time ratio Sitrep / Readability alone: ${ratio.toFixed(2)}x (${verdict} the ${TARGET_RATIO}x target)`,
  );
  console.log('(passes interleaved; max RSS is the process high-water mark, shared by both rows)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchExtract(process.argv[2] ?? '').catch((error: unknown) => {
    console.error(`extract bench: ${describeError(error)}`);
    process.exitCode = 1;
  });
}
