import type { AnalysisSource, LoadedTerm } from '../../../core/analysis.ts';
import type { Quote } from '../../../core/quote.ts';
import type { DerivationLink } from '../../../core/story.ts';
import { findLoadedTerms } from '../../annotate/framing/find-loaded-terms.ts';
import type { FramingLexicon } from '../../annotate/framing/framing-lexicon.ts';
import { type SourceArticle, sourceLabel } from './source-label.ts';

function mergeTerms(into: LoadedTerm[], more: LoadedTerm[]): void {
  for (const t of more) {
    const have = into.find((x) => x.term === t.term);
    if (have) have.mentions.push(...t.mentions);
    else into.push({ ...t, mentions: [...t.mentions] });
  }
}

/**
 * The `sources` section of an analysis: one entry per outlet (unnamed articles each their own), with
 * the outlets it cites (from citation derivations) and its loaded terms, own voice kept apart from
 * terms inside direct quotes.
 */
export function buildSources(input: {
  articles: (SourceArticle & { text: string })[];
  quotes: Quote[];
  derivations: DerivationLink[];
  lexicon?: FramingLexicon;
}): AnalysisSource[] {
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
    for (const d of input.derivations) {
      if (d.articleId === article.id && d.outlet && d.outlet !== outlet && !source.cites.includes(d.outlet)) {
        source.cites.push(d.outlet);
      }
    }
    const quoteSpans = input.quotes
      .filter((q) => q.articleId === article.id && q.direct)
      .map((q) => q.content);
    const found = findLoadedTerms(article.id, article.text, {
      quoteSpans,
      ...(input.lexicon ? { lexicon: input.lexicon } : {}),
    });
    mergeTerms(source.loadedTerms, found.ownVoice);
    mergeTerms(source.quotedLoadedTerms ?? [], found.inQuotes);
  }
  return [...byOutlet.values()];
}
