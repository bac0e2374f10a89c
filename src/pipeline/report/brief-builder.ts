import type { Analysis, AnalysisArticle } from '../../core/analysis.ts';
import type { Span } from '../../core/span.ts';
import { sourceLabel } from '../analyze/compare/source-label.ts';
import type { Brief, BriefArticle, BriefSection, BriefSentence, Citation } from './brief-model.ts';

/** Most spans a sentence cites (the rest are counted in `uncited`). */
export const MAX_CITATIONS = 3;

/**
 * Collects sentences and their citations. A sentence whose spans are all unusable (unknown article,
 * empty or out-of-range offsets) is dropped: nothing goes into the brief without a span behind it.
 */
export class BriefBuilder {
  readonly sections: BriefSection[] = [];
  readonly citations: Citation[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly articles: Map<string, AnalysisArticle>;
  private readonly cited: string[] = [];

  constructor(analysis: Analysis) {
    this.articles = new Map(analysis.articles.map((a) => [a.id, a]));
  }

  article(id: string): AnalysisArticle | undefined {
    return this.articles.get(id);
  }

  /** The article's outlet, or undefined when it names none. */
  outlet(id: string): string | undefined {
    return this.articles.get(id)?.outlet?.trim() || undefined;
  }

  /**
   * Who an article is, in a sentence: its outlet; without one, its headline (first words) — a reader
   * knows an article by its headline, not by an id.
   */
  source(id: string): string {
    const outlet = this.outlet(id);
    if (outlet) return outlet;
    const article = this.articles.get(id);
    const words = (article?.title ?? '').split(/\s+/).filter(Boolean);
    if (words.length === 0) return `article ${id.slice(0, 8)}`;
    return `“${words.slice(0, 8).join(' ')}${words.length > 8 ? ' …' : ''}”`;
  }

  /** The span of an article's title in its text (the clean text starts with it), else its first paragraph. */
  titleSpan(article: AnalysisArticle): Span {
    const at = article.title ? article.text.indexOf(article.title) : -1;
    if (at >= 0 && article.title) return { articleId: article.id, start: at, end: at + article.title.length };
    const end = article.text.indexOf('\n\n');
    return { articleId: article.id, start: 0, end: end > 0 ? end : article.text.length };
  }

  private cite(span: Span): number | undefined {
    const article = this.articles.get(span.articleId);
    if (!article || span.start < 0 || span.end > article.text.length || span.end <= span.start)
      return undefined;
    const key = `${span.articleId}:${span.start}:${span.end}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const citation: Citation = {
      n: this.citations.length + 1,
      articleId: span.articleId,
      start: span.start,
      end: span.end,
      text: article.text.slice(span.start, span.end),
      source: sourceLabel(article),
    };
    if (article.publishedAt) citation.publishedAt = article.publishedAt;
    this.citations.push(citation);
    this.byKey.set(key, citation.n);
    if (!this.cited.includes(article.id)) this.cited.push(article.id);
    return citation.n;
  }

  /** Set while one story's sections are written into a page holding several stories. */
  heading: { title: string; anchor: string } | undefined;

  section(id: BriefSection['id'], title: string): BriefSection {
    const section: BriefSection = this.heading
      ? {
          id,
          title: `${this.heading.title} — ${title}`,
          anchor: `${this.heading.anchor}-${id}`,
          sentences: [],
        }
      : { id, title, sentences: [] };
    this.sections.push(section);
    return section;
  }

  /** Record that a section's cap left out `count` items (nothing when it left none out). */
  omit(section: BriefSection, count: number, what: string): void {
    if (count > 0) section.omitted = { count, what };
  }

  /**
   * Add a sentence citing its spans: the first MAX_CITATIONS usable ones are cited, how many more it
   * rests on is kept as `uncited` (a line over a hundred articles does not carry a hundred footnotes).
   */
  say(section: BriefSection, text: string, spans: Span[]): void {
    const usable = spans.filter((s) => this.usable(s));
    const distinct = [...new Map(usable.map((s) => [`${s.articleId}:${s.start}:${s.end}`, s])).values()];
    const ns = [...new Set(distinct.slice(0, MAX_CITATIONS).map((s) => this.cite(s)!))];
    if (ns.length === 0) return;
    const tidy = text.replace(/([.!?])”\.$/, '$1”');
    const sentence: BriefSentence = { text: tidy.charAt(0).toUpperCase() + tidy.slice(1), citations: ns };
    if (distinct.length > MAX_CITATIONS) sentence.uncited = distinct.length - MAX_CITATIONS;
    section.sentences.push(sentence);
  }

  private usable(span: Span): boolean {
    const article = this.articles.get(span.articleId);
    return (
      article !== undefined && span.start >= 0 && span.end <= article.text.length && span.end > span.start
    );
  }

  finish(head: Omit<Brief, 'sections' | 'citations' | 'articles'>): Brief {
    const articles: BriefArticle[] = this.cited.map((id) => {
      const a = this.articles.get(id) as AnalysisArticle;
      const out: BriefArticle = { id, title: a.title, source: sourceLabel(a), text: a.text };
      if (a.publishedAt) out.publishedAt = a.publishedAt;
      if (a.input.url) out.url = a.input.url;
      if (a.input.path) out.path = a.input.path;
      return out;
    });
    return {
      ...head,
      sections: this.sections.filter((s) => s.sentences.length > 0),
      citations: this.citations,
      articles,
    };
  }
}

/** Quoted extract for a sentence: whitespace collapsed, a dangling comma or colon dropped. */
export function quoted(text: string): string {
  return `“${text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:]$/, '')}”`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The sources of some articles in words: named outlets listed (the most articles first, at most
 * `most`), articles without a named outlet counted as one group rather than listed one by one.
 */
export function sourceList(ids: string[], outlet: (id: string) => string | undefined, most = 8): string {
  const counts = new Map<string, number>();
  let unnamed = 0;
  for (const id of ids) {
    const label = outlet(id);
    if (label === undefined) unnamed += 1;
    else counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const named = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
  const shown = named.slice(0, most);
  if (named.length > most) shown.push(`${named.length - most} more`);
  const outlets = named.length > 0 ? `${plural(named.length, 'outlet')} (${listText(shown)})` : '';
  const none = unnamed > 0 ? `${plural(unnamed, 'article')} with no named outlet` : '';
  return [outlets, none].filter(Boolean).join(' and ');
}
