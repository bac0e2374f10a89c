import type { Brief, BriefArticle, Citation } from './brief-model.ts';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1f23; --muted: #5b6270; --rule: #d9dce1; --mark: #fff1a8; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .2rem; }
.meta { font: .85rem/1.4 system-ui, sans-serif; color: var(--muted); margin: 0 0 1rem; }
ul.sentences { padding-left: 1.1rem; }
ul.sentences li { margin: .35rem 0; }
sup.cite { font: .7rem system-ui, sans-serif; margin-left: .1rem; }
sup.cite a, .notes a { color: var(--accent); text-decoration: none; }
ol.notes { font-size: .85rem; color: var(--muted); padding-left: 1.6rem; }
ol.notes li { margin: .2rem 0; }
article.source { border-top: 1px solid var(--rule); margin-top: 1.5rem; }
.text { white-space: pre-wrap; font-size: .95rem; }
mark { background: var(--mark); padding: 0 .05em; }
mark:target, span.anchor:target + * { outline: 2px solid var(--accent); }
li.more { list-style: none; color: var(--muted); font-style: italic; }
main, .text, ol.notes li { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { font-size: 17px; }
  main { padding: 1rem .9rem 3rem; }
  h1 { font-size: 1.35rem; }
  h2 { font-size: .95rem; }
  ul.sentences { padding-left: .9rem; }
  sup.cite a { display: inline-block; min-width: 1.6rem; min-height: 1.6rem; text-align: center; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  mark { background: none; border-bottom: 1.5px solid #777; }
  section#articles { break-before: page; }
  article.source { break-inside: auto; }
  h2, h3 { break-after: avoid; }
}
`;

function citeLinks(ns: number[]): string {
  return ns.map((n) => `<sup class="cite"><a href="#m-${n}" title="citation ${n}">[${n}]</a></sup>`).join('');
}

/** An article's text with each cited span highlighted; overlapping spans share marks, each span has an anchor. */
function markedText(article: BriefArticle, citations: Citation[]): string {
  const own = citations.filter((c) => c.articleId === article.id);
  const cuts = [...new Set([0, article.text.length, ...own.flatMap((c) => [c.start, c.end])])].sort(
    (a, b) => a - b,
  );
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const piece = escapeHtml(article.text.slice(from, to));
    const covering = own.filter((c) => c.start <= from && c.end >= to);
    const starting = own.filter((c) => c.start === from);
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    const [first, ...more] = starting;
    const id = first ? ` id="m-${first.n}"` : '';
    const anchors = more.map((c) => `<span class="anchor" id="m-${c.n}"></span>`).join('');
    const label = covering.map((c) => `[${c.n}]`).join(' ');
    html += `<mark${id} title="${label}">${anchors}${piece}</mark>`;
  }
  return html;
}

/**
 * The brief as one self-contained HTML file: inline CSS with a print stylesheet, no external assets.
 * Citation links jump to the cited span, highlighted inside a reproduction of its article.
 */
export function renderHtml(brief: Brief): string {
  const parts: string[] = [];
  const period = [brief.period.start, brief.period.end].filter(Boolean).join(' to ');
  parts.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Situation report: ${escapeHtml(brief.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(brief.title)}</h1>`,
    `<p class="meta">Situation report · story ${escapeHtml(brief.storyId)}${period ? ` · ${escapeHtml(period)}` : ''} · analysis of ${escapeHtml(brief.generatedFrom)}</p>`,
    '</header>',
  );
  for (const section of brief.sections) {
    parts.push(
      `<section id="${escapeHtml(section.anchor ?? `s-${section.id}`)}">`,
      `<h2>${escapeHtml(section.title)}</h2>`,
      '<ul class="sentences">',
    );
    for (const s of section.sentences) parts.push(`<li>${escapeHtml(s.text)}${citeLinks(s.citations)}</li>`);
    if (section.omitted) {
      parts.push(
        `<li class="more">… and ${section.omitted.count} more ${escapeHtml(section.omitted.what)} (in the analysis JSON, the API and the UI)</li>`,
      );
    }
    parts.push('</ul>', '</section>');
  }
  parts.push('<section id="citations">', '<h2>Citations</h2>', '<ol class="notes">');
  for (const c of brief.citations) {
    parts.push(
      `<li id="fn-${c.n}"><a href="#m-${c.n}">“${escapeHtml(c.text.replace(/\s+/g, ' '))}”</a> — ${escapeHtml(c.source)}${c.publishedAt ? `, ${escapeHtml(c.publishedAt)}` : ''}; article ${escapeHtml(c.articleId)}, characters ${c.start}–${c.end}</li>`,
    );
  }
  parts.push('</ol>', '</section>', '<section id="articles">', '<h2>Cited articles</h2>');
  for (const a of brief.articles) {
    const link = a.url
      ? ` · <a href="${escapeHtml(a.url)}">${escapeHtml(a.url)}</a>`
      : a.path
        ? ` · ${escapeHtml(a.path)}`
        : '';
    parts.push(
      `<article class="source" id="article-${escapeHtml(a.id)}">`,
      `<h3>${escapeHtml(a.title)}</h3>`,
      `<p class="meta">${escapeHtml(a.source)} · ${escapeHtml(a.publishedAt ?? 'undated')} · article ${escapeHtml(a.id)}${link}</p>`,
      `<div class="text">${markedText(a, brief.citations)}</div>`,
      '</article>',
    );
  }
  parts.push('</section>', '</main>', '</body>', '</html>', '');
  return parts.join('\n');
}
