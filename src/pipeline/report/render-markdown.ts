import type { Brief, Citation } from './brief-model.ts';

/** Escape Markdown syntax in extracted text so that it renders as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** A footnote quotes at most this many words of its span (the offsets locate all of it). */
export const FOOTNOTE_WORDS = 8;

function footnote(c: Citation): string {
  const date = c.publishedAt ? `, ${c.publishedAt}` : '';
  const words = c.text.split(/\s+/).filter(Boolean);
  const quote = words.length > FOOTNOTE_WORDS ? `${words.slice(0, FOOTNOTE_WORDS).join(' ')} …` : c.text;
  return `[^${c.n}]: “${escapeMarkdown(quote)}” — ${c.articleId}:${c.start}–${c.end} (${escapeMarkdown(c.source)}${date})`;
}

/**
 * The brief as Markdown: one list item per sentence, each followed by footnote references; every
 * footnote quotes its span (whitespace collapsed) and names the article and offsets.
 */
export function renderMarkdown(brief: Brief): string {
  const lines: string[] = [`# Situation report: ${escapeMarkdown(brief.title)}`, ''];
  for (const section of brief.sections) {
    lines.push(`## ${section.title}`, '');
    for (const s of section.sentences) {
      lines.push(`- ${escapeMarkdown(s.text)}${s.citations.map((n) => `[^${n}]`).join('')}`);
    }
    if (section.omitted)
      lines.push(
        `- … and ${section.omitted.count} more ${section.omitted.what} (in the analysis JSON, the API and the UI)`,
      );
    lines.push('');
  }
  lines.push(...brief.citations.map(footnote), '');
  return lines.join('\n');
}
