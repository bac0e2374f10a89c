import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Extraction } from '../../src/core/article.ts';
import type { EntityType } from '../../src/core/entity.ts';
import { extractPlainText } from '../../src/pipeline/extract/text/extract-text.ts';
import type { LabelledSpan } from './ner-score.ts';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** A nationality adjective or people noun ("Russian", "North Koreans"), linked to its country. */
  demonym?: boolean;
}

export interface SeedGold {
  description: string;
  /** What the offsets index: the raw example files (the clean-text gold is derived, see seedCases). */
  textSource: 'raw';
  textSourceNote?: string;
  articles: Array<{ article: string; file: string; mentions: GoldMention[] }>;
}

export const SEED_GOLD_PATH = resolve(import.meta.dirname, '../../test/fixtures/entities/seed-gold.json');
export const SEED_DIR = resolve(import.meta.dirname, '../../examples/korea-russia');

export function loadSeedGold(path = SEED_GOLD_PATH): SeedGold {
  return JSON.parse(readFileSync(path, 'utf8')) as SeedGold;
}

/** The raw text of a seed (what the gold's offsets index). */
export const seedText = (file: string): string => readFileSync(join(SEED_DIR, file), 'utf8');

/** The plain-text extractor's output for a seed. */
export const seedExtraction = (file: string): Extraction =>
  extractPlainText(readFileSync(join(SEED_DIR, file), 'utf8'), {});

/** Gold spans with Sitrep labels: the type, or 'demonym' for demonyms. */
export const sitrepGoldLabel = (m: GoldMention): string => (m.demonym ? 'demonym' : m.type);

/** Gold spans with CoNLL labels (see conllLabel). */
export function conllGoldLabel(m: GoldMention): string {
  if (m.demonym) return 'MISC';
  return m.type === 'person'
    ? 'PER'
    : m.type === 'organization'
      ? 'ORG'
      : m.type === 'other'
        ? 'MISC'
        : 'LOC';
}

export const goldSpans = (ms: GoldMention[], label: (m: GoldMention) => string): LabelledSpan[] =>
  ms.map((m) => ({ start: m.start, end: m.end, label: label(m) }));

/**
 * Moves gold mentions from the raw text into the clean text through the extractor's kept blocks
 * (each kept block is a verbatim copy of its raw stretch). Mentions outside every kept block were
 * in removed boilerplate: they are dropped and returned apart.
 */
export function relocate(
  mentions: GoldMention[],
  extraction: Pick<Extraction, 'kept' | 'text'>,
): { kept: GoldMention[]; lost: GoldMention[] } {
  const kept: GoldMention[] = [];
  const lost: GoldMention[] = [];
  for (const m of mentions) {
    const block = extraction.kept.find((b) => b.rawStart <= m.start && m.end <= b.rawEnd);
    const start = block ? block.start + (m.start - block.rawStart) : -1;
    if (!block || extraction.text.slice(start, start + m.text.length) !== m.text) {
      lost.push(m);
      continue;
    }
    kept.push({ ...m, start, end: start + m.text.length });
  }
  return { kept, lost };
}

/** One seed ready to score: the text annotated and the gold mentions with offsets into it. */
export interface SeedCase {
  article: string;
  text: string;
  mentions: GoldMention[];
}

/**
 * The seeds as the pipeline sees them: the extractor's clean text, with the gold moved into it through
 * the kept blocks (mentions in removed boilerplate dropped). `raw` scores the raw files instead.
 */
export function seedCases(gold: SeedGold, text: 'clean' | 'raw' = 'clean'): SeedCase[] {
  return gold.articles.map((a) => {
    if (text === 'raw') return { article: a.article, text: seedText(a.file), mentions: a.mentions };
    const extraction = seedExtraction(a.file);
    return { article: a.article, text: extraction.text, mentions: relocate(a.mentions, extraction).kept };
  });
}
