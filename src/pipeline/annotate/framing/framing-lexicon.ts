import { readFileSync } from 'node:fs';
import { SitrepError } from '../../../core/errors.ts';
import bundled from './framing-lexicon.json' with { type: 'json' };

/** The categories of the bundled lexicon; user files may add their own (kebab-case). */
export const FRAMING_CATEGORIES = [
  'dehumanizing',
  'delegitimizing',
  'pejorative-label',
  'loaded-verb',
  'intensifier',
  'euphemism',
] as const;

export interface LexiconEntry {
  /** The canonical term reported for every form ("dictator" for "dictators"). */
  term: string;
  /** Other spellings and inflections that count as the term. */
  forms: string[];
  category: string;
  strength: 'strong' | 'mild';
  note?: string;
  /** Phrases in which the term is descriptive ("sanctions regime"): a match inside one is skipped. */
  except: string[];
}

export interface FramingLexicon {
  entries: LexiconEntry[];
  /** Where the entries came from: 'bundled', then the files merged into it. */
  sources: string[];
}

const TERM = /^[\p{L}\p{N}][\p{L}\p{N}' -]*[\p{L}\p{N}]$|^[\p{L}]$/u;
const CATEGORY = /^[a-z][a-z-]*$/;

function malformed(where: string, what: string): SitrepError {
  return new SitrepError(
    'INPUT_MALFORMED',
    `framing lexicon ${where}: ${what}. Expected {"entries": [{"term": "…", "category": "…", "strength": "strong" | "mild", "forms"?: […], "except"?: […], "note"?: "…"}], "disable"?: ["term", …]}`,
  );
}

function stringList(value: unknown, where: string, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw malformed(where, `"${field}" must be a list of non-empty strings`);
  }
  return value.map((v: string) => v.trim());
}

function parseEntry(raw: unknown, where: string): LexiconEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw malformed(where, 'not an object');
  const e = raw as Record<string, unknown>;
  const known = new Set(['term', 'forms', 'category', 'strength', 'note', 'except']);
  const extra = Object.keys(e).find((k) => !known.has(k));
  if (extra) throw malformed(where, `unknown field "${extra}"`);
  if (typeof e['term'] !== 'string' || !TERM.test(e['term'].trim())) {
    throw malformed(
      where,
      '"term" must be a word or phrase of letters, digits, spaces, hyphens or apostrophes',
    );
  }
  if (typeof e['category'] !== 'string' || !CATEGORY.test(e['category'])) {
    throw malformed(where, `"category" must be kebab-case, e.g. one of ${FRAMING_CATEGORIES.join(', ')}`);
  }
  const strength = e['strength'] ?? 'strong';
  if (strength !== 'strong' && strength !== 'mild')
    throw malformed(where, '"strength" must be "strong" or "mild"');
  if (e['note'] !== undefined && typeof e['note'] !== 'string')
    throw malformed(where, '"note" must be a string');
  const forms = stringList(e['forms'], where, 'forms');
  const bad = forms.find((f) => !TERM.test(f));
  if (bad !== undefined)
    throw malformed(where, `form "${bad}" must be letters, digits, spaces, hyphens or apostrophes`);
  const entry: LexiconEntry = {
    term: e['term'].trim(),
    forms,
    category: e['category'],
    strength,
    except: stringList(e['except'], where, 'except'),
  };
  if (typeof e['note'] === 'string') entry.note = e['note'];
  return entry;
}

/** Validate a parsed lexicon document; `where` names it in error messages. */
export function parseFramingLexicon(
  json: unknown,
  where: string,
): { entries: LexiconEntry[]; disable: string[] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw malformed(where, 'not a JSON object');
  const doc = json as Record<string, unknown>;
  if (doc['entries'] !== undefined && !Array.isArray(doc['entries']))
    throw malformed(where, '"entries" must be a list');
  const rawEntries = (doc['entries'] ?? []) as unknown[];
  const entries = rawEntries.map((raw, i) => parseEntry(raw, `${where} entry ${i + 1}`));
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.term.toLowerCase();
    if (seen.has(key)) throw malformed(where, `term "${entry.term}" is listed twice`);
    seen.add(key);
  }
  return { entries, disable: stringList(doc['disable'], where, 'disable') };
}

/** Merge a parsed document into a lexicon: same term replaces, `disable` removes. */
export function mergeFramingLexicon(
  base: FramingLexicon,
  extra: { entries: LexiconEntry[]; disable: string[] },
  source: string,
): FramingLexicon {
  const drop = new Set([...extra.disable, ...extra.entries.map((e) => e.term)].map((t) => t.toLowerCase()));
  return {
    entries: [...base.entries.filter((e) => !drop.has(e.term.toLowerCase())), ...extra.entries],
    sources: [...base.sources, source],
  };
}

/** The lexicon shipped with Sitrep (framing-lexicon.json beside this file). */
export const defaultFramingLexicon: FramingLexicon = {
  entries: parseFramingLexicon(bundled, 'bundled').entries,
  sources: ['bundled'],
};

/**
 * Read a user lexicon file (same format as the bundled one) and merge it into `base` (the bundled
 * lexicon unless given). Throws SitrepError INPUT_NOT_FOUND / INPUT_UNREADABLE / INPUT_MALFORMED.
 */
export function loadFramingLexicon(
  path: string,
  base: FramingLexicon = defaultFramingLexicon,
): FramingLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SitrepError(
      missing ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
      `framing lexicon ${path}: ${missing ? 'no such file' : 'cannot be read'}; check the path`,
      { cause },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SitrepError('INPUT_MALFORMED', `framing lexicon ${path}: not valid JSON (${String(cause)})`, {
      cause,
    });
  }
  return mergeFramingLexicon(base, parseFramingLexicon(json, path), path);
}
