import type { EntityMention } from '../../../core/entity.ts';
import type { ClaimMention, Quote } from '../../../core/quote.ts';
import type { Range } from '../../../core/span.ts';
import { segment } from '../../segment/segment.ts';
import { claimModality } from './modality.ts';

export const CLAIMS_STAGE = { name: 'claims', version: '1' } as const;

export interface ExtractClaimsOptions {
  quotes: Quote[];
  /** The article's own outlet ("Yonhap"); when unknown the chain ends with the nearest cited source. */
  outlet?: string;
  entities?: EntityMention[];
  /** Where the body starts; sentences before it (the title) are not claims. Default: after the first paragraph. */
  bodyStart?: number;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const contains = (outer: Range, inner: Range): boolean =>
  outer.start <= inner.start &&
  inner.end <= outer.end &&
  (outer.start !== inner.start || outer.end !== inner.end);

/** The quote with the smallest content among those overlapping `range`. */
function innermost(quotes: Quote[], range: Range): Quote | undefined {
  let best: Quote | undefined;
  for (const q of quotes) {
    if (q.content.start >= range.end || q.content.end <= range.start) continue;
    if (!best || q.content.end - q.content.start < best.content.end - best.content.start) best = q;
  }
  return best;
}

/** The source an outlet is shown citing in this article, preferring one with the claim's source noun. */
function citedSourceOf(quotes: Quote[], outlet: string, claim: string): string | undefined {
  const sources: string[] = [];
  for (const q of quotes) {
    if (q.via && norm(q.via) === norm(outlet) && q.speaker.kind === 'anonymous') sources.push(q.speaker.text);
    if (q.citing && norm(q.speaker.text) === norm(outlet)) sources.push(q.citing);
  }
  const heads = new Set(
    claim.toLowerCase().match(/\b(officials?|sources?|diplomats?|analysts?|experts?)\b/g) ?? [],
  );
  return sources.find((s) => heads.has(s.toLowerCase().split(/\s+/).pop() ?? ''));
}

/** Nearest speaker first: the quote's speaker (after any source it cites), its medium, the outer quotes, the outlet. */
function chainOf(
  quotes: Quote[],
  quote: Quote | undefined,
  claim: string,
  outlet: string | undefined,
): string[] {
  const chain: string[] = [];
  for (let q = quote; q; ) {
    if (q.citing && chain.length === 0) chain.push(q.citing);
    else if (chain.length === 0 && q.speaker.kind === 'outlet') {
      const cited = citedSourceOf(quotes, q.speaker.text, claim);
      if (cited) chain.push(cited);
    }
    chain.push(q.speaker.text);
    if (q.via) chain.push(q.via);
    const inner: Quote = q;
    q = quotes
      .filter(
        (o) =>
          contains(o.content, inner.content) ||
          (o !== inner && o.content.start === inner.content.start && o.content.end > inner.content.end),
      )
      .sort((a, b) => a.content.end - a.content.start - (b.content.end - b.content.start))[0];
  }
  if (outlet) chain.push(outlet);
  return chain.filter((s, i) => i === 0 || norm(s) !== norm(chain[i - 1]!));
}

/**
 * The claims stage: every body sentence is a claim — or, inside a quote, the part of the sentence the
 * quote covers — with its modality and its attribution chain, nearest speaker first, ending with the
 * article's own outlet when known (an unknown outlet is omitted; the article is then an unnamed carrier).
 */
export function extractClaims(
  articleId: string,
  text: string,
  options: ExtractClaimsOptions,
): ClaimMention[] {
  const { paragraphs, sentences } = segment(text);
  const bodyStart = options.bodyStart ?? (paragraphs.length > 1 ? paragraphs[1]!.start : 0);
  const quotes = options.quotes.filter((q) => q.articleId === articleId);
  const out: ClaimMention[] = [];
  for (const sentence of sentences) {
    if (sentence.start < bodyStart) continue;
    // A sentence that only attributes content elsewhere ("This was reported by NBC News.") is no claim.
    const attributesOnly = quotes.some(
      (q) =>
        q.cueSpan &&
        q.cueSpan.start >= sentence.start &&
        q.cueSpan.end <= sentence.end &&
        q.content.end <= sentence.start,
    );
    if (attributesOnly) continue;
    const quote = innermost(quotes, sentence);
    const range: Range = quote
      ? {
          start: Math.max(sentence.start, quote.content.start),
          end: Math.min(sentence.end, quote.content.end),
        }
      : sentence;
    const claimText = text.slice(range.start, range.end).trim();
    if (claimText.split(/\s+/).length < 5 || /\?\W*$/.test(claimText)) continue;
    const inQuote = quote;
    const attribution = chainOf(quotes, inQuote, claimText, options.outlet);
    const attributed = attribution.some((s) => !options.outlet || norm(s) !== norm(options.outlet));
    const mention: ClaimMention = {
      articleId,
      start: range.start,
      end: range.end,
      text: text.slice(range.start, range.end),
      modality: claimModality(claimText, {
        cue: inQuote?.cue,
        attributed:
          attributed ||
          /\b(it (was|is|has been) reported|reportedly|according to reports)\b/i.test(claimText),
      }),
      attribution,
    };
    if (inQuote) mention.quoteId = inQuote.id;
    const ids = (options.entities ?? [])
      .filter((e) => e.entityId && e.start >= range.start && e.end <= range.end)
      .map((e) => e.entityId!);
    if (ids.length > 0) mention.entities = [...new Set(ids)].sort();
    out.push(mention);
  }
  return out;
}
