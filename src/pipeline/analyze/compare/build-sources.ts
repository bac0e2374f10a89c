import type { AnalysisSource, LoadedTerm } from '../../../core/analysis.ts';
import type { Quote } from '../../../core/quote.ts';
import type { DerivationLink } from '../../../core/story.ts';
import { findLoadedTerms, type LoadedTermsResult } from '../../annotate/framing/find-loaded-terms.ts';
import type { FramingLexicon } from '../../annotate/framing/framing-lexicon.ts';
import { type SourceArticle, sourceLabel } from './source-label.ts';

export const SOURCES_BUILDER = { name: 'sources', version: '1' } as const;

function mergeTerms(into: LoadedTerm[], more: LoadedTerm[]): void {
  for (const t of more) {
    const have = into.find((x) => x.term === t.term);
    if (have) have.mentions.push(...t.mentions);
    else into.push({ ...t, mentions: [...t.mentions] });
  }
}

/** Items by the article they belong to, in their original order. */
function groupByArticle<T extends { articleId: string }>(items: T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const item of items) {
    const list = by.get(item.articleId);
    if (list) list.push(item);
    else by.set(item.articleId, [item]);
  }
  return by;
}

/**
 * The loaded terms of one article (a per-article stage, cached with the article's annotations): its
 * direct quotes' contents count as quoted speech.
 */
export function articleFraming(
  article: { id: string; text: string },
  quotes: readonly Quote[],
  lexicon?: FramingLexicon,
): LoadedTermsResult {
  const quoteSpans = quotes.filter((q) => q.direct && q.articleId === article.id).map((q) => q.content);
  return findLoadedTerms(article.id, article.text, { quoteSpans, ...(lexicon ? { lexicon } : {}) });
}

/**
 * The `sources` section of an analysis: one entry per outlet (unnamed articles each their own), with
 * the outlets it cites (from citation derivations) and its loaded terms (each article's
 * `articleFraming`), own voice kept apart from terms inside direct quotes.
 */
export function buildSources(input: {
  articles: SourceArticle[];
  framing: ReadonlyMap<string, LoadedTermsResult>;
  derivations: DerivationLink[];
}): AnalysisSource[] {
  const derivationsOf = groupByArticle(input.derivations);
  const byOutlet = new Map<string, AnalysisSource>();
  for (const article of input.articles) {
    const outlet = sourceLabel(article);
    const source = byOutlet.get(outlet) ?? {
      outlet,
      articleIds: [],
      cites: [],
      loadedTerms: [],
      quotedLoadedTerms: [],
    };
    byOutlet.set(outlet, source);
    source.articleIds.push(article.id);
    for (const d of derivationsOf.get(article.id) ?? []) {
      if (d.articleId === article.id && d.outlet && d.outlet !== outlet && !source.cites.includes(d.outlet)) {
        source.cites.push(d.outlet);
      }
    }
    const found = input.framing.get(article.id);
    if (!found) continue;
    mergeTerms(source.loadedTerms, found.ownVoice);
    mergeTerms(source.quotedLoadedTerms ?? [], found.inQuotes);
  }
  return [...byOutlet.values()];
}
