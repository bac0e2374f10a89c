import type { LoadedTerm } from '../../../core/analysis.ts';
import type { Span } from '../../../core/span.ts';
import { defaultFramingLexicon, type FramingLexicon, type LexiconEntry } from './framing-lexicon.ts';

export const FRAMING_FINDER = { name: 'framing', version: '1' } as const;

export interface LoadedTermsResult {
  /** Terms in the outlet's own voice. */
  ownVoice: LoadedTerm[];
  /** Terms inside quoted speech (direct-quote content spans, or scare quotes around the term itself). */
  inQuotes: LoadedTerm[];
}

interface Hit {
  entry: LexiconEntry;
  start: number;
  end: number;
}

const OPEN_MARKS = '"“‘\'«„';
const CLOSE_MARKS = '"”’\'»“';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A form as a regex: words separated by any run of spaces or a hyphen, whole words only. */
function formPattern(form: string): string {
  return form
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegex)
    .join('[\\s\\u00a0-]+');
}

const patternCache = new WeakMap<LexiconEntry, RegExp>();

function entryRegex(entry: LexiconEntry): RegExp {
  let re = patternCache.get(entry);
  if (!re) {
    const forms = [entry.term, ...entry.forms].sort((a, b) => b.length - a.length).map(formPattern);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    patternCache.set(entry, re);
  }
  return re;
}

function insideException(text: string, entry: LexiconEntry, start: number, end: number): boolean {
  for (const phrase of entry.except) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${formPattern(phrase)}(?![\\p{L}\\p{N}])`, 'giu');
    const from = Math.max(0, start - phrase.length - 2);
    for (const m of text.slice(from, end + phrase.length + 2).matchAll(re)) {
      if (from + m.index <= start && from + m.index + m[0].length >= end) return true;
    }
  }
  return false;
}

function scareQuoted(text: string, start: number, end: number): boolean {
  return OPEN_MARKS.includes(text[start - 1] ?? ' ') && CLOSE_MARKS.includes(text[end] ?? ' ');
}

function group(articleId: string, hits: Hit[]): LoadedTerm[] {
  const byTerm = new Map<LexiconEntry, LoadedTerm>();
  for (const hit of hits) {
    let term = byTerm.get(hit.entry);
    if (!term) {
      term = {
        term: hit.entry.term,
        category: hit.entry.category,
        strength: hit.entry.strength,
        mentions: [],
      };
      byTerm.set(hit.entry, term);
    }
    term.mentions.push({ articleId, start: hit.start, end: hit.end });
  }
  return [...byTerm.values()];
}

/**
 * Loaded and evaluative terms of the lexicon in one article's clean text, split into the outlet's own
 * voice and quoted speech. A term counts as quoted when it lies inside one of `quoteSpans` (direct-quote
 * content spans from the quote stage; spans of other articles are ignored) or is itself wrapped in
 * quotation marks. Overlapping matches keep the longest; matches inside an entry's `except` phrases are
 * descriptive and skipped.
 */
export function findLoadedTerms(
  articleId: string,
  text: string,
  options: { lexicon?: FramingLexicon; quoteSpans?: Span[] } = {},
): LoadedTermsResult {
  const lexicon = options.lexicon ?? defaultFramingLexicon;
  const quotes = (options.quoteSpans ?? []).filter((q) => q.articleId === articleId);
  const hits: Hit[] = [];
  for (const entry of lexicon.entries) {
    for (const m of text.matchAll(entryRegex(entry))) {
      const start = m.index;
      const end = start + m[0].length;
      if (!insideException(text, entry, start, end)) hits.push({ entry, start, end });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const hit of hits) {
    const last = kept.at(-1);
    if (last && hit.start < last.end) {
      if (hit.end - hit.start > last.end - last.start) kept[kept.length - 1] = hit;
      continue;
    }
    kept.push(hit);
  }
  const quoted = (h: Hit): boolean =>
    scareQuoted(text, h.start, h.end) || quotes.some((q) => q.start <= h.start && h.end <= q.end);
  return {
    ownVoice: group(
      articleId,
      kept.filter((h) => !quoted(h)),
    ),
    inQuotes: group(articleId, kept.filter(quoted)),
  };
}
