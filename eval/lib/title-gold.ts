/**
 * Hand-made headline gold for pages of an extraction benchmark that has none (schema
 * `sitrep/title-gold@1`, e.g. test/fixtures/titles/scrapinghub-100.json):
 *   { "schema": "sitrep/title-gold@1", "source": "…", "licence": "…", "selection": "…",
 *     "titles": [{ "id": "<page id>", "url": "…", "title": "<headline>" | null, "note"?: "…" }] }
 * `title: null` marks a page with no headline (an index page): there the extractor is right to give none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SitrepError } from '../../src/core/errors.ts';
import { normaliseTitle } from './extraction-dataset.ts';

export const TITLE_GOLD_SCHEMA = 'sitrep/title-gold@1';

export interface TitleGoldEntry {
  id: string;
  url: string;
  /** The page's headline as a reader sees it; null when the page has none. */
  title: string | null;
  note?: string;
}

export interface TitleGold {
  source: string;
  licence: string;
  selection: string;
  titles: TitleGoldEntry[];
}

function fail(where: string, problem: string): never {
  throw new SitrepError(
    'INPUT_MALFORMED',
    `${where}: ${problem} (expected {"schema": "${TITLE_GOLD_SCHEMA}", "source", "licence", "selection", "titles": [{"id", "url", "title", "note"?}]}).`,
  );
}

/** Validate parsed JSON as title gold; `where` names the file in error messages. */
export function parseTitleGold(value: unknown, where: string): TitleGold {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'not a JSON object');
  const doc = value as Record<string, unknown>;
  if (doc.schema !== TITLE_GOLD_SCHEMA) fail(where, `schema is ${JSON.stringify(doc.schema)}`);
  for (const key of ['source', 'licence', 'selection'] as const) {
    if (typeof doc[key] !== 'string' || (doc[key] as string).trim() === '')
      fail(where, `"${key}" is missing`);
  }
  if (!Array.isArray(doc.titles) || doc.titles.length === 0) fail(where, '"titles" is not a non-empty array');
  const seen = new Set<string>();
  const titles = doc.titles.map((raw: unknown, i: number): TitleGoldEntry => {
    const at = `titles[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(where, `${at} is not an object`);
    const entry = raw as Record<string, unknown>;
    if (typeof entry.id !== 'string' || entry.id.trim() === '') fail(where, `${at} has no string "id"`);
    if (seen.has(entry.id)) fail(where, `${at} repeats id ${entry.id}`);
    seen.add(entry.id);
    if (typeof entry.url !== 'string') fail(where, `${at} (${entry.id}) has no string "url"`);
    if (entry.title !== null && typeof entry.title !== 'string') {
      fail(where, `${at} (${entry.id}) has no "title" (a string, or null for a page without a headline)`);
    }
    if (typeof entry.title === 'string' && normaliseTitle(entry.title) === '') {
      fail(where, `${at} (${entry.id}) has an empty title; write null for a page without a headline`);
    }
    if (entry.note !== undefined && typeof entry.note !== 'string')
      fail(where, `${at} (${entry.id}) "note" is not a string`);
    return {
      id: entry.id,
      url: entry.url,
      title: entry.title,
      ...(typeof entry.note === 'string' ? { note: entry.note } : {}),
    };
  });
  return {
    source: doc.source as string,
    licence: doc.licence as string,
    selection: doc.selection as string,
    titles,
  };
}

/** Read and validate a title gold file. */
export function loadTitleGold(path: string): TitleGold {
  if (!existsSync(path)) throw new SitrepError('INPUT_NOT_FOUND', `Title gold file ${path} does not exist.`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new SitrepError('INPUT_MALFORMED', `${path} is not valid JSON.`, { cause });
  }
  return parseTitleGold(value, path);
}

export interface TitleGoldMiss {
  id: string;
  extracted: string | undefined;
  gold: string | null;
}

export interface TitleGoldScore {
  pages: number;
  exact: number;
  misses: TitleGoldMiss[];
}

/**
 * Exact match after normaliseTitle (case, punctuation and spacing aside) of the extracted title of each
 * gold page; a null gold is matched by no title. Every gold id must have been extracted.
 */
export function scoreTitleGold(
  gold: TitleGold,
  extracted: ReadonlyMap<string, string | undefined>,
  where: string,
): TitleGoldScore {
  const missing = gold.titles.filter((t) => !extracted.has(t.id)).map((t) => t.id);
  if (missing.length > 0) {
    throw new SitrepError(
      'INPUT_MALFORMED',
      `${where}: ${missing.length} gold page(s) are not in the data folder (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}).`,
    );
  }
  const misses: TitleGoldMiss[] = [];
  for (const t of gold.titles) {
    const got = extracted.get(t.id);
    const hit =
      t.title === null
        ? normaliseTitle(got ?? '') === ''
        : normaliseTitle(got ?? '') === normaliseTitle(t.title);
    if (!hit) misses.push({ id: t.id, extracted: got, gold: t.title });
  }
  return { pages: gold.titles.length, exact: gold.titles.length - misses.length, misses };
}
