// Pure rendering for the Sitrep web UI: data in, HTML string out, every value escaped.
// No DOM access here, so Node tests can import it (types: render.d.ts).
import { renderCoverageChart, renderTimelineChart } from './charts.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[/** @type {keyof typeof ESCAPES} */ (ch)]);
}

/** @param {string} route @param {string} id */
const href = (route, id) => `#/${route}/${encodeURIComponent(id)}`;
/** What a link to an article says: its title, else its source URL or file, else its short id. */
export function articleName(x) {
  const title = (x.title ?? '').trim();
  return title || x.url || x.input?.url || x.input?.path || `article ${String(x.id ?? '').slice(0, 8)}`;
}

const link = (route, id, text) => `<a href="${escapeHtml(href(route, id))}">${escapeHtml(text)}</a>`;

/** @param {{ start?: string, end?: string }} period */
export function formatPeriod(period) {
  if (!period?.start && !period?.end) return 'undated';
  if (period.start === period.end || !period.end) return period.start ?? '';
  if (!period.start) return `until ${period.end}`;
  return `${period.start} – ${period.end}`;
}

export function renderStoryList(stories) {
  if (stories.length === 0)
    return '<p class="empty">No stories yet: ingest some articles and analyse them.</p>';
  const rows = stories.map(
    (s) =>
      `<li class="story story-${escapeHtml(s.kind)}"><h3>${link('story', s.id, s.title)}</h3>` +
      `<p class="meta"><span class="kind">${escapeHtml(s.kind)}</span> · <span class="size">${s.articleCount} article${s.articleCount === 1 ? '' : 's'}</span>` +
      ` · <span class="period">${escapeHtml(formatPeriod(s.period))}</span>` +
      (s.outlets.length ? ` · <span class="outlets">${escapeHtml(s.outlets.join(', '))}</span>` : '') +
      '</p></li>',
  );
  return `<ul class="stories">${rows.join('')}</ul>`;
}

/** Filters of the story list that pass through its routes. */
const STORY_FILTERS = ['outlet', 'from', 'to', 'minArticles'];

/** The hash route of one story-list page (rank order, the default, is left out). */
export function storiesHref(q) {
  const params = new URLSearchParams();
  if (q.sort && q.sort !== 'rank') params.set('sort', q.sort);
  if (q.kind) params.set('kind', q.kind);
  for (const key of STORY_FILTERS) if (q[key]) params.set(key, String(q[key]));
  if (q.offset) params.set('offset', String(q.offset));
  const search = params.toString();
  return `#/stories${search ? `?${search}` : ''}`;
}

const choice = (label, href, current) =>
  `<a href="${escapeHtml(href)}"${current ? ' aria-current="true"' : ''}>${escapeHtml(label)}</a>`;

/**
 * One page of the story list (GET /api/stories): order and kind choices, the list, and a pager
 * saying which stories of how many are shown.
 */
export function renderStoryListPage(page, filter = {}) {
  const { sort, kind, limit, offset, total } = page;
  const orders = [
    ['ranked', 'rank'],
    ['most articles', 'size'],
    ['latest', 'recent'],
  ].map(([label, value]) => choice(label, storiesHref({ ...filter, sort: value, kind }), sort === value));
  const kinds = [
    ['all', undefined],
    ['storylines', 'storyline'],
    ['events', 'event'],
  ].map(([label, value]) => choice(label, storiesHref({ ...filter, sort, kind: value }), kind === value));
  const field = (name, label, type = 'text') =>
    `<label>${label} <input name="${name}" type="${type}" value="${escapeHtml(filter[name] ?? '')}"${type === 'number' ? ' min="1"' : ''}></label>`;
  const form =
    '<form class="filters" data-route="stories">' +
    `${field('outlet', 'Outlet')} ${field('from', 'From (2024-06)')} ${field('to', 'To')} ${field('minArticles', 'Min. articles', 'number')}` +
    (sort && sort !== 'rank' ? `<input type="hidden" name="sort" value="${escapeHtml(sort)}">` : '') +
    (kind ? `<input type="hidden" name="kind" value="${escapeHtml(kind)}">` : '') +
    '<button type="submit">Filter</button></form>';
  const controls = `<p class="controls">Order: ${orders.join(' · ')} <span class="sep">|</span> Show: ${kinds.join(' · ')}</p>${form}`;
  const shown = page.stories.length;
  const range = shown ? `${offset + 1}–${offset + shown} of ${total}` : `none of ${total}`;
  const prev =
    offset > 0
      ? choice(
          '← previous',
          storiesHref({ ...filter, sort, kind, offset: Math.max(0, offset - limit) }),
          false,
        )
      : '';
  const next =
    offset + shown < total
      ? choice('next →', storiesHref({ ...filter, sort, kind, offset: offset + limit }), false)
      : '';
  const pager = `<nav class="pager" aria-label="story pages"><span class="range">${range}</span> ${prev} ${next}</nav>`;
  return `<h2>Stories <small>(${total})</small></h2>${controls}${renderStoryList(page.stories)}${pager}`;
}

export function renderArticleList(articles) {
  if (articles.length === 0) return '<p class="empty">No articles yet.</p>';
  const rows = articles.map(
    (a) =>
      `<tr><td>${escapeHtml(a.publishedAt ?? '–')}</td><td>${escapeHtml(a.outlet ?? '–')}</td>` +
      `<td>${link('article', a.id, articleName(a))}</td></tr>`,
  );
  return `<table class="articles"><thead><tr><th>published</th><th>outlet</th><th>title</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderTimeline(entries) {
  if (entries.length === 0) return '<p class="empty">No dated events.</p>';
  const items = entries.map(
    (t) =>
      `<li><time datetime="${escapeHtml(t.start)}">${escapeHtml(formatPeriod({ start: t.start, end: t.end }))}</time>` +
      ` <span class="granularity">${escapeHtml(t.granularity)}</span> ${escapeHtml(t.label)}` +
      ` <span class="count">${t.mentions.length} mention${t.mentions.length === 1 ? '' : 's'}</span></li>`,
  );
  return `<ol class="timeline">${items.join('')}</ol>`;
}

/** Claim × source matrix: one row per claim, one column per outlet; a cell says whether and via whom. */
export function renderClaimMatrix(claims, comparison) {
  const cells = comparison?.matrix ?? [];
  if (claims.length === 0) return '<p class="empty">No claims.</p>';
  const outlets = [...new Set(cells.map((c) => c.outlet))].sort();
  const head = `<tr><th>claim</th><th>origins</th>${outlets.map((o) => `<th>${escapeHtml(o)}</th>`).join('')}</tr>`;
  const rows = claims.map((claim) => {
    const row = outlets.map((outlet) => {
      const cell = cells.find((c) => c.claimId === claim.id && c.outlet === outlet);
      if (!cell) return '<td class="absent"></td>';
      const via = cell.via.length ? `via ${cell.via.join(', ')}` : 'own reporting';
      return `<td class="carried" title="${escapeHtml(via)}">●${cell.via.length ? `<small>${escapeHtml(via)}</small>` : ''}</td>`;
    });
    return `<tr><td class="claim modality-${escapeHtml(claim.modality)}">${escapeHtml(claim.text)}</td><td class="origins">${claim.independentOrigins}</td>${row.join('')}</tr>`;
  });
  return `<table class="matrix"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Nodes on a circle, in the given order: deterministic, no physics. */
function circleLayout(n, size) {
  const c = size / 2;
  const r = n <= 1 ? 0 : size / 2 - 60;
  return Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
    return { x: Math.round(c + r * Math.cos(angle)), y: Math.round(c + r * Math.sin(angle)) };
  });
}

// A group, not an image: the graphs hold links (an image role with links inside is nested interaction).
const svgOpen = (cls, size, label) =>
  `<svg class="${cls}" viewBox="0 0 ${size} ${size}" role="group" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">`;

/** Entity co-occurrence graph: entities mentioned in the same article are joined. */
export function renderEntityGraph(entities, cooccurrence, options = {}) {
  const shown = entities.slice(0, options.max ?? 24);
  if (shown.length === 0) return '<p class="empty">No entities.</p>';
  const size = 480;
  const pos = new Map(shown.map((e, i) => [e.id, circleLayout(shown.length, size)[i]]));
  // Each node's three strongest links (a story's entities nearly all co-occur: drawing every pair gave
  // hundreds of lines among two dozen nodes).
  const candidates = cooccurrence
    .filter((p) => pos.has(p.a) && pos.has(p.b))
    .sort((x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const degree = new Map();
  const kept = candidates.filter((p) => {
    if ((degree.get(p.a) ?? 0) >= 3 && (degree.get(p.b) ?? 0) >= 3) return false;
    degree.set(p.a, (degree.get(p.a) ?? 0) + 1);
    degree.set(p.b, (degree.get(p.b) ?? 0) + 1);
    return true;
  });
  const edges = kept.map((p) => {
    const a = pos.get(p.a);
    const b = pos.get(p.b);
    return `<line class="edge" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke-width="${Math.min(1 + p.articles, 8)}"><title>${p.articles} shared article(s)</title></line>`;
  });
  const nodes = shown.map((e) => {
    const p = pos.get(e.id);
    const r = Math.min(6 + 2 * Math.sqrt(e.mentions), 22);
    return (
      `<a class="node type-${escapeHtml(e.type)}" href="${escapeHtml(href('entity', e.id))}"><circle cx="${p.x}" cy="${p.y}" r="${r.toFixed(1)}"><title>${escapeHtml(`${e.name} (${e.type}, ${e.mentions} mentions)`)}</title></circle>` +
      `<text x="${p.x}" y="${(p.y + r + 12).toFixed(0)}" text-anchor="middle">${escapeHtml(e.name.length > 20 ? `${e.name.slice(0, 19)}…` : e.name)}</text></a>`
    );
  });
  const types = [...new Set(shown.map((e) => e.type))]
    .map((t) => `<li><span class="dot type-${escapeHtml(t)}"></span>${escapeHtml(t)}</li>`)
    .join('');
  const note = `<small>${kept.length} of ${candidates.length} links drawn (each entity's strongest); a node opens its entity page.</small>`;
  return `${svgOpen('graph entity-graph', size, 'entity co-occurrence graph')}${edges.join('')}${nodes.join('')}</svg><ul class="chart-legend">${types}</ul>${note}`;
}

/**
 * Source-dependence graph: one node per article (and per cited outlet outside the corpus); an arrow
 * from the derived article to what it reuses (solid) or cites (dashed).
 */
export function renderSourceGraph(articles, derivations) {
  if (articles.length === 0) return '<p class="empty">No articles.</p>';
  const nodes = articles.map((a) => ({
    id: `a:${a.id}`,
    label: a.outlet || articleName(a),
    title: articleName(a),
    article: a.id,
  }));
  const outletNode = new Map(articles.filter((a) => a.outlet).map((a) => [a.outlet, `a:${a.id}`]));
  const edges = [];
  for (const d of derivations) {
    let target = d.sourceArticleId ? `a:${d.sourceArticleId}` : undefined;
    if (!target && d.outlet) {
      target = outletNode.get(d.outlet) ?? `o:${d.outlet}`;
      if (!nodes.some((n) => n.id === target))
        nodes.push({ id: target, label: d.outlet, title: `${d.outlet} (not in the corpus)` });
    }
    if (target && nodes.some((n) => n.id === target))
      edges.push({ from: `a:${d.articleId}`, to: target, kind: d.kind, score: d.score });
  }
  const size = 480;
  const layout = circleLayout(nodes.length, size);
  const pos = new Map(nodes.map((n, i) => [n.id, layout[i]]));
  const lines = edges
    .filter((e) => pos.has(e.from))
    .map((e) => {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      return `<line class="edge ${escapeHtml(e.kind)}" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" marker-end="url(#arrow)"><title>${escapeHtml(`${e.kind} (score ${e.score})`)}</title></line>`;
    });
  const circles = nodes.map((n) => {
    const p = pos.get(n.id);
    const dot = `<circle cx="${p.x}" cy="${p.y}" r="10"><title>${escapeHtml(n.title)}</title></circle><text x="${p.x}" y="${p.y + 24}" text-anchor="middle">${escapeHtml(n.label)}</text>`;
    return n.article
      ? `<a class="node article" href="${escapeHtml(href('article', n.article))}">${dot}</a>`
      : `<g class="node outlet">${dot}</g>`;
  });
  const marker =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="20" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>';
  return `${svgOpen('graph source-graph', size, 'source-dependence graph')}${marker}${lines.join('')}${circles.join('')}</svg>`;
}

/** The zoom tools and canvas of an interactive graph (web/graph.js shows them once it has drawn). */
const graphBox = (label) =>
  '<div class="graph-tools" hidden><button type="button" data-zoom="in">Zoom in</button> <button type="button" data-zoom="out">Zoom out</button> <button type="button" data-zoom="fit">Fit</button></div>' +
  `<div class="graph-canvas" hidden role="img" aria-label="${escapeHtml(label)}"></div>`;

/** Claims the story page's matrix shows. */
const STORY_CLAIMS = 40;

/** The story page; `sections` (of views.js) go at its end, inside the article. */
export function renderStoryPage(detail, sections = '') {
  const { story } = detail;
  const articles = detail.articles.map(
    (a) =>
      `<li>${link('article', a.id, articleName(a))} <span class="meta">${escapeHtml(a.outlet ?? '–')} · ${escapeHtml(a.publishedAt ?? 'undated')}${a.duplicateOf ? ' · duplicate' : ''}</span></li>`,
  );
  const entities = detail.entities.map(
    (e) =>
      `<li class="type-${escapeHtml(e.type)}">${link('entity', e.id, e.name)} <small>${escapeHtml(e.type)} · ${e.mentions}</small></li>`,
  );
  const storyRef = encodeURIComponent(story.id);
  // The matrix shows the claims with most independent origins; the claims view has them all.
  const topClaims = [...detail.claims]
    .sort((a, b) => b.independentOrigins - a.independentOrigins || b.mentions.length - a.mentions.length)
    .slice(0, STORY_CLAIMS);
  const moreClaims =
    detail.claims.length > topClaims.length
      ? `<p><a href="#/claims?story=${escapeHtml(storyRef)}">All ${detail.claims.length} claims</a> (the ${topClaims.length} with most independent origins above)</p>`
      : '';
  const more = [
    [`#/story/${storyRef}/brief`, 'Brief'],
    [`#/claims?story=${storyRef}`, 'All claims'],
    [`#/quotes?story=${storyRef}`, 'Quotes'],
    [`#/events?story=${storyRef}`, 'Events'],
  ].map(([h, t]) => `<a href="${escapeHtml(h)}">${t}</a>`);
  const exports = [
    [`/api/brief?story=${storyRef}&format=md`, 'brief (Markdown)'],
    [`/api/brief?story=${storyRef}&format=html`, 'brief (HTML)'],
    [`/api/stories/${storyRef}/analysis`, 'analysis (JSON)'],
    [`/api/export/csv?kind=claims&story=${storyRef}`, 'claims (CSV)'],
    [`/api/export/csv?kind=quotes&story=${storyRef}`, 'quotes (CSV)'],
    [`/api/export/csv?kind=events&story=${storyRef}`, 'events (CSV)'],
    [`/api/export/stix?story=${storyRef}`, 'STIX 2.1 bundle'],
  ].map(([h, t]) => `<a href="${escapeHtml(h)}" download>${t}</a>`);
  return [
    `<article class="story-page"><h2>${escapeHtml(story.title)}</h2>`,
    `<p class="meta">${escapeHtml(story.kind)} · ${story.articleIds.length} articles · ${escapeHtml(formatPeriod(story.period))}</p>`,
    `<p class="story-links">${more.join(' · ')}</p><p class="story-links">Export: ${exports.join(' · ')}</p>`,
    `<section><h3>Articles</h3><ul class="story-articles">${articles.join('')}</ul></section>`,
    `<section><h3>Coverage over time</h3>${renderCoverageChart(detail.articles)}</section>`,
    `<section><h3>Timeline</h3>${renderTimelineChart(detail.timeline)}${renderTimeline(detail.timeline)}</section>`,
    `<section><h3>Claims × sources</h3><p class="legend">● the outlet carries the claim (with whom it cites); origins: independent sources behind it; <em>italic</em>: expected or speculative; <s>struck</s>: denied.</p>${scrollBox('claims by source', renderClaimMatrix(topClaims, detail.comparison))}${moreClaims}</section>`,
    `<section class="graphs"><div class="entity-section"><h3>Entities</h3>` +
      graphBox('interactive entity graph; the list below has the same entities as links') +
      `${renderEntityGraph(detail.entities, detail.cooccurrence)}<ul class="entities">${entities.join('')}</ul></div>`,
    `<div class="source-section"><h3>Source dependence</h3>${graphBox('interactive source-dependence graph; the article list above has the same articles')}${renderSourceGraph(detail.articles, detail.derivations)}</div></section>${sections}</article>`,
  ].join('');
}

const KIND_ORDER = ['entity', 'quote', 'claim'];

/** The text with each annotated stretch in a <mark>; overlapping annotations split the text into segments. */
export function highlight(text, annotations, target) {
  const cuts = new Set([0, text.length]);
  const spans = annotations.filter((a) => a.start < a.end && a.start >= 0 && a.end <= text.length);
  for (const a of spans) cuts.add(a.start).add(a.end);
  const aimed = target && target.start >= 0 && target.end <= text.length && target.start < target.end;
  if (aimed) cuts.add(target.start).add(target.end);
  const points = [...cuts].sort((x, y) => x - y);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = escapeHtml(text.slice(from, to));
    const active = spans.filter((a) => a.start <= from && a.end >= to);
    const inTarget = aimed && target.start <= from && target.end >= to;
    const id = inTarget && from === target.start ? ' id="at"' : '';
    if (active.length === 0) {
      html += inTarget ? `<mark class="hl-target"${id}>${piece}</mark>` : piece;
      continue;
    }
    const kinds = KIND_ORDER.filter((k) => active.some((a) => a.kind === k));
    const title = active.map((a) => `${a.kind}: ${a.label}`).join('; ');
    // Focusable, with its label shown on focus (style.css): reachable by keyboard and touch, not hover only.
    const classes = [...kinds.map((k) => `hl-${k}`), ...(inTarget ? ['hl-target'] : [])].join(' ');
    html += `<mark class="${classes}"${id} tabindex="0" title="${escapeHtml(title)}" data-label="${escapeHtml(title)}">${piece}</mark>`;
  }
  return html;
}

export function renderRemoved(removed) {
  if (removed.length === 0) return '<p class="empty">Nothing was removed.</p>';
  const items = removed.map(
    (b) =>
      `<li><span class="reason">${escapeHtml(b.reason)}</span> <code>${b.start}–${b.end}</code> <q>${escapeHtml(b.text)}</q>${b.rule ? ` <small class="rule">${escapeHtml(b.rule)}</small>` : ''}</li>`,
  );
  return `<details class="removed"><summary>Removed boilerplate (${removed.length} block${removed.length === 1 ? '' : 's'})</summary><ol>${items.join('')}</ol></details>`;
}

export function renderArticle(article, annotations = [], target = undefined) {
  const fields = [
    ['outlet', article.outlet],
    ['byline', article.byline],
    ['published', article.publishedAt],
    // A file's name, not the server's path to it.
    ['source', article.input?.url ?? article.input?.path?.split(/[\\/]/).pop()],
    ['extractor', article.extractor ? `${article.extractor.name}@${article.extractor.version}` : undefined],
  ].filter(([, v]) => v);
  const meta = fields.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const legend = annotations.length
    ? '<p class="legend"><mark class="hl-entity">entity</mark> <mark class="hl-quote">quote</mark> <mark class="hl-claim">claim</mark></p>'
    : '';
  return (
    `<article class="article-view"><h2>${escapeHtml(article.title ?? article.id)}</h2><dl class="meta">${meta}</dl>${legend}` +
    `<div class="article-text">${highlight(article.text, annotations, target)}</div>${renderRemoved(article.removed ?? [])}</article>`
  );
}

export function renderSearchResults(query, hits) {
  if (hits.length === 0) return `<p class="empty">No matches for <q>${escapeHtml(query)}</q>.</p>`;
  const items = hits.map(
    (h) =>
      `<li>${link('article', h.id, articleName(h))} <span class="meta">${escapeHtml(h.outlet ?? '–')} · ${escapeHtml(h.publishedAt ?? 'undated')}</span>` +
      `<p class="snippet">${escapeHtml(h.snippet).replace(/«/g, '<mark>').replace(/»/g, '</mark>')}</p></li>`,
  );
  return `<h2>Search: ${escapeHtml(query)}</h2><ol class="hits">${items.join('')}</ol>`;
}

/** A box whose wide content scrolls inside it, never the page; focusable so a keyboard can scroll it. */
export function scrollBox(label, html) {
  return `<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(label)}">${html}</div>`;
}

export function renderError(message) {
  return `<p class="error" role="alert">${escapeHtml(message)}</p>`;
}
