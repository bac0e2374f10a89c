import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { extractPlainText } from '../../src/pipeline/extract/text/extract-text.ts';
import type { GoldTimeDocument, GoldTimex } from './time-tml.ts';

/** A seed gold file (test/fixtures/time/*.json): TIMEX3 by quoted text, resolved to offsets on load. */
export interface SeedGoldFile {
  corpus: string;
  documents: {
    /** The seed file, relative to the repository root. */
    file: string;
    documentDate: string;
    timexes: { text: string; occurrence?: number; type: string; value: string; mod?: string }[];
  }[];
}

/**
 * The clean text of a seed: the plain-text extractor's output when it works, else the raw file
 * (the gold quotes text rather than offsets so it resolves against either).
 */
export function seedText(content: string): { text: string; from: 'clean' | 'raw' } {
  try {
    return { text: extractPlainText(content, {}).text, from: 'clean' };
  } catch {
    return { text: content, from: 'raw' };
  }
}

function nth(text: string, needle: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** Load a seed gold file into gold documents; quotes that are not in the text are reported, not dropped silently. */
export function loadSeedGold(
  path: string,
  root = resolve(dirname(path), '../../..'),
): {
  docs: GoldTimeDocument[];
  missing: string[];
} {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as SeedGoldFile;
  const docs: GoldTimeDocument[] = [];
  const missing: string[] = [];
  for (const d of gold.documents) {
    const { text } = seedText(readFileSync(resolve(root, d.file), 'utf8'));
    const timexes: GoldTimex[] = [];
    for (const t of d.timexes) {
      const start = nth(text, t.text, t.occurrence ?? 0);
      if (start < 0) {
        missing.push(`${d.file}: "${t.text}" #${t.occurrence ?? 0}`);
        continue;
      }
      const timex: GoldTimex = {
        start,
        end: start + t.text.length,
        text: t.text,
        type: t.type,
        value: t.value,
      };
      if (t.mod) timex.mod = t.mod;
      timexes.push(timex);
    }
    timexes.sort((a, b) => a.start - b.start);
    docs.push({ id: d.file, dct: d.documentDate, text, timexes });
  }
  return { docs, missing };
}
