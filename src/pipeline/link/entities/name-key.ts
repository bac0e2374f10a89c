/** Keys already made, by name: a corpus names the same few thousand things in every article. Bounded. */
const keys = new Map<string, string>();
const KEYS_LIMIT = 50_000;

/** Comparison key of a name: no diacritics, lower case, hyphens and dots as spaces ("Kim Jong-un" = "Kim Jong Un"). */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = makeKey(name);
    if (keys.size >= KEYS_LIMIT) keys.clear();
    keys.set(name, key);
  }
  return key;
}

function makeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[-.‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'la']);

/** Initials of a multi-word name ("Center for Strategic and International Studies" → "CSIS"). */
export function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w !== '');
  const all = words.map((w) => w[0] ?? '').join('');
  const content = words
    .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('');
  return (content.length >= 2 ? content : all).toUpperCase();
}

/** Is `short` an abbreviation of `long`: its initials, with or without the function words? */
export function isAbbreviationOf(short: string, long: string): boolean {
  const s = short.replace(/\./g, '').toUpperCase();
  if (s.length < 2 || !/^[A-Z]+$/.test(s)) return false;
  const words = long.split(/[\s-]+/).filter((w) => w !== '');
  if (words.length < 2) return false;
  return (
    s === initials(long) ||
    s ===
      words
        .map((w) => w[0] ?? '')
        .join('')
        .toUpperCase()
  );
}
