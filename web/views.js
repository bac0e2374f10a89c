// Pure rendering of the analysis views (brief, claims, quotes, events, entities, an entity): data in,
// HTML string out, every value escaped. No DOM access (types: views.d.ts; tests in src/server).
import { articleName, escapeHtml, formatPeriod, renderTimeline, scrollBox } from './render.js';

const enc = encodeURIComponent;
const a = (href, text) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The hash route of an article, scrolled to a span when one is given. */
export function articleHref(articleId, span) {
  return `#/article/${enc(articleId)}${span ? `?at=${span.start}-${span.end}` : ''}`;
}

/** A hash route with query parameters (empty ones left out). */
export function routeHref(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== '' && v !== 0) q.set(k, String(v));
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

/** "1–100 of 523" with previous and next links for a paged API answer. */
export function renderPager(page, hrefFor, label) {
  const shown = page.items ?? 0;
  const range = shown
    ? `${page.offset + 1}–${page.offset + shown} of ${page.total}`
    : `none of ${page.total}`;
  const prev = page.offset > 0 ? a(hrefFor(Math.max(0, page.offset - page.limit)), '← previous') : '';
  const next = page.offset + shown < page.total ? a(hrefFor(page.offset + page.limit), 'next →') : '';
  return `<nav class="pager" aria-label="${escapeHtml(label)}"><span class="range">${range}</span> ${prev} ${next}</nav>`;
}

/** A cited brief (sitrep/brief@1): each sentence followed by links to the spans it rests on. */
export function renderBrief(brief) {
  const cite = (c) =>
    `<a class="cite" href="${escapeHtml(articleHref(c.articleId, c))}" aria-label="source ${c.n}">[${c.n}]</a>`;
  const sections = brief.sections.map((section) => {
    const sentences = section.sentences.map(
      (s) => `<li>${escapeHtml(s.text)} ${(s.citations ?? []).map(cite).join('')}</li>`,
    );
    return `<section><h3>${escapeHtml(section.title)}</h3><ul class="brief-sentences">${sentences.join('')}</ul></section>`;
  });
  const period = brief.period ? `<p class="meta">${escapeHtml(formatPeriod(brief.period))}</p>` : '';
  const back = brief.storyId ? `<p>${a(`#/story/${enc(brief.storyId)}`, '← the story page')}</p>` : '';
  return `<article class="brief"><h2>${escapeHtml(brief.title ?? 'Brief')}</h2>${period}${back}${sections.join('')}</article>`;
}

const MODALITIES = ['asserted', 'reported', 'expected', 'speculative', 'denied'];

/** The legend of claim styles. */
export const CLAIM_LEGEND =
  '<p class="legend">Modality: <span class="modality-asserted">asserted</span> · <span class="modality-reported">reported</span> · ' +
  '<span class="modality-expected">expected (italic)</span> · <span class="modality-speculative">speculative (italic)</span> · ' +
  '<span class="modality-denied">denied (struck through)</span>. Origins: independent sources behind a claim (copies of one report count once).</p>';

/**
 * A filter form for a route: text, number and choice fields holding the current filter's values;
 * the story filter rides along hidden. app.js turns a submit into the route's query.
 */
function filterForm(route, filter, fields) {
  const inputs = fields.map((f) => {
    const value = filter[f.name] ?? '';
    if (f.choices) {
      const options = f.choices
        .map(
          ([v, label]) =>
            `<option value="${escapeHtml(v)}"${value === v ? ' selected' : ''}>${escapeHtml(label)}</option>`,
        )
        .join('');
      return `<label>${escapeHtml(f.label)} <select name="${f.name}">${options}</select></label>`;
    }
    const type = f.number ? 'type="number" min="0" inputmode="numeric"' : 'type="search"';
    return `<label>${escapeHtml(f.label)} <input name="${f.name}" ${type} value="${escapeHtml(value)}"></label>`;
  });
  const story = filter.story ? `<input type="hidden" name="story" value="${escapeHtml(filter.story)}">` : '';
  return `<form class="filters" data-route="${route}">${inputs.join(' ')}${story} <button type="submit">Filter</button></form>`;
}

/** The claims page: filters and sort, legend, a table of claims with their attribution and origins, a pager. */
export function renderClaimsPage(page, filter) {
  const form = filterForm('claims', filter, [
    { name: 'modality', label: 'Modality', choices: [['', 'any'], ...MODALITIES.map((m) => [m, m])] },
    { name: 'minOrigins', label: 'Origins at least', number: true },
    { name: 'outlet', label: 'Outlet' },
    {
      name: 'sort',
      label: 'Sort by',
      choices: [
        ['', 'mentions'],
        ['origins', 'independent origins'],
      ],
    },
  ]);
  const rows = page.claims.map((c) => {
    const first = c.mentions[0];
    const chains = (c.attribution ?? []).map((chain) => chain.join(' → ')).filter(Boolean);
    return (
      `<tr><td class="claim modality-${escapeHtml(c.modality)}">${escapeHtml(c.text)}` +
      (first ? ` ${a(articleHref(first.articleId, first), 'source')}` : '') +
      `</td><td>${escapeHtml(c.modality)}</td><td class="origins">${c.independentOrigins}</td>` +
      `<td>${chains.length ? escapeHtml(chains.join('; ')) : '–'}</td><td>${c.mentionCount ?? c.mentions.length}</td></tr>`
    );
  });
  const table = rows.length
    ? scrollBox(
        'claims table',
        `<table class="claims"><caption>Claims</caption><thead><tr><th scope="col">claim</th><th scope="col">modality</th><th scope="col">origins</th><th scope="col">attribution</th><th scope="col">mentions</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
      )
    : '<p class="empty">No claims match.</p>';
  const pager = renderPager(
    { ...page, items: page.claims.length },
    (offset) => routeHref('claims', { ...filter, offset }),
    'claim pages',
  );
  return `<h2>Claims <small>(${page.total})</small></h2>${form}${CLAIM_LEGEND}${table}${pager}`;
}

/** The quotes page: who said what, through which medium, with a link to the quote in its article. */
export function renderQuotesPage(page, filter) {
  const items = page.quotes.map((q) => {
    const speaker = q.speaker.entityId
      ? a(`#/entity/${enc(q.speaker.entityId)}`, q.speaker.text)
      : escapeHtml(q.speaker.text);
    const via = q.via ? ` <span class="meta">via ${escapeHtml(q.via)}</span>` : '';
    const kind = q.direct ? 'direct' : 'reported';
    return `<li><blockquote class="${kind}">${escapeHtml(q.content.text)}</blockquote><p class="meta">${speaker} · ${escapeHtml(q.cue)} · ${kind}${via} · ${a(articleHref(q.articleId, q.content), 'in the article')}</p></li>`;
  });
  const list = items.length ? `<ul class="quotes">${items.join('')}</ul>` : '<p class="empty">No quotes.</p>';
  const pager = renderPager(
    { ...page, items: page.quotes.length },
    (offset) => routeHref('quotes', { ...filter, offset }),
    'quote pages',
  );
  const form = filterForm('quotes', filter, [{ name: 'speaker', label: 'Speaker' }]);
  return `<h2>Quotes <small>(${page.total})</small></h2>${form}${list}${pager}`;
}

/** The events page: actor – action – target with modality, time and place, and the timeline. */
export function renderEventsPage(page, timeline, filter) {
  const rows = page.events.map((e) => {
    const m = e.mentions[0];
    const when = e.time ? formatPeriod({ start: e.time.start, end: e.time.end }) : '–';
    return (
      `<tr><td>${escapeHtml(e.actor?.text ?? '–')}</td><td>${escapeHtml(e.action)}${m ? ` ${a(articleHref(m.articleId, m), 'source')}` : ''}</td>` +
      `<td>${escapeHtml(e.target?.text ?? '–')}</td><td>${escapeHtml(e.modality)}</td><td>${escapeHtml(when)}</td><td>${escapeHtml(e.place?.text ?? '–')}</td></tr>`
    );
  });
  const table = rows.length
    ? scrollBox(
        'events table',
        `<table class="events"><caption>Events</caption><thead><tr><th scope="col">actor</th><th scope="col">action</th><th scope="col">target</th><th scope="col">modality</th><th scope="col">when</th><th scope="col">where</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
      )
    : '<p class="empty">No events.</p>';
  const pager = renderPager(
    { ...page, items: page.events.length },
    (offset) => routeHref('events', { ...filter, offset }),
    'event pages',
  );
  const form = filterForm('events', filter, [
    { name: 'type', label: 'Type' },
    { name: 'actor', label: 'Actor' },
  ]);
  return `<h2>Events <small>(${page.total})</small></h2>${form}${table}${pager}<section><h3>Timeline</h3>${renderTimeline(timeline)}</section>`;
}

const TYPES = ['', 'person', 'organization', 'country', 'place', 'facility', 'other'];

/** The entities page: a type filter and the entities with their mention counts. */
export function renderEntitiesPage(page, filter) {
  const types = TYPES.map((t) => {
    const current = (filter.type ?? '') === t;
    return `<a href="${escapeHtml(routeHref('entities', { type: t }))}"${current ? ' aria-current="true"' : ''}>${t || 'all'}</a>`;
  }).join(' · ');
  const items = page.entities.map(
    (e) =>
      `<li class="type-${escapeHtml(e.type)}">${a(`#/entity/${enc(e.id)}`, e.name)} <small>${escapeHtml(e.type)} · ${plural(e.mentionCount ?? e.mentions.length, 'mention')}</small></li>`,
  );
  const list = items.length
    ? `<ul class="entity-list">${items.join('')}</ul>`
    : '<p class="empty">No entities.</p>';
  const pager = renderPager(
    { ...page, items: page.entities.length },
    (offset) => routeHref('entities', { ...filter, offset }),
    'entity pages',
  );
  return `<h2>Entities <small>(${page.total})</small></h2><p class="controls">Type: ${types}</p>${list}${pager}`;
}

/** One entity: aliases, the stories and articles that mention it, who it appears with, its quotes. */
export function renderEntityPage(detail) {
  const { entity } = detail;
  const aliases = entity.aliases.length
    ? `<p class="meta">also: ${escapeHtml(entity.aliases.join(', '))}</p>`
    : '';
  const roles = entity.roles?.length
    ? `<p class="meta">roles: ${escapeHtml(entity.roles.join(', '))}</p>`
    : '';
  const contexts = (detail.contexts ?? []).map(
    (m) =>
      `<li>…${escapeHtml(m.before)}<a href="${escapeHtml(articleHref(m.articleId, m))}"><mark>${escapeHtml(m.text)}</mark></a>${escapeHtml(m.after)}…</li>`,
  );
  const stories = detail.stories.map(
    (s) =>
      `<li>${a(`#/story/${enc(s.id)}`, s.title)} <small>${escapeHtml(s.kind)} · ${plural(s.articleCount, 'article')}</small></li>`,
  );
  const articles = detail.articles.map(
    (x) =>
      `<li>${a(articleHref(x.id), articleName(x))} <small>${escapeHtml(x.outlet ?? '–')} · ${plural(x.mentions, 'mention')}</small></li>`,
  );
  const others = detail.cooccurring.map(
    (o) =>
      `<li>${a(`#/entity/${enc(o.id)}`, o.name)} <small>${escapeHtml(o.type)} · ${plural(o.articles, 'shared article')}</small></li>`,
  );
  const quotes = detail.quotes.map(
    (q) =>
      `<li><blockquote>${escapeHtml(q.content.text)}</blockquote> ${a(articleHref(q.articleId, q.content), 'in the article')}</li>`,
  );
  const list = (title, items, empty) =>
    `<section><h3>${title}</h3>${items.length ? `<ul>${items.join('')}</ul>` : `<p class="empty">${empty}</p>`}</section>`;
  return (
    `<article class="entity-page"><h2>${escapeHtml(entity.name)} <small>${escapeHtml(entity.type)}</small></h2>${aliases}` +
    `${roles}<p class="meta">${plural(entity.mentions.length, 'mention')} in ${plural(detail.articleCount, 'article')}</p>` +
    list('Stories', stories, 'In no story.') +
    list(
      entity.mentions.length > contexts.length
        ? `Mentions (${contexts.length} of ${entity.mentions.length})`
        : 'Mentions',
      contexts,
      'No mentions.',
    ) +
    list('Appears with', others, 'With no other entity.') +
    list('Quotes', quotes, 'No quotes of this speaker.') +
    list(
      detail.articleCount > articles.length
        ? `Articles (the ${articles.length} with most mentions)`
        : 'Articles',
      articles,
      'No articles.',
    ) +
    '</article>'
  );
}

/** A link to a span of an article, labelled with its outlet (or id). */
function spanLink(span, outletOf) {
  return a(articleHref(span.articleId, span), outletOf.get(span.articleId) ?? span.articleId.slice(0, 8));
}

/**
 * The story page's comparison sections: where sources differ (figures and facts, each value with the
 * sources that give it, side by side), what each source adds, and the forecasts made in the story.
 */
export function renderStorySections(detail) {
  const outletOf = new Map(detail.articles.map((x) => [x.id, x.outlet || articleName(x)]));
  const comparison = detail.comparison;
  const rows = [];
  for (const n of comparison?.numbers ?? []) {
    const values = n.values.map((v) => `<li>${escapeHtml(v.text)} — ${spanLink(v, outletOf)}</li>`).join('');
    rows.push(
      `<tr><th scope="row">${escapeHtml(n.quantity)}<small> (${escapeHtml(n.kind)})</small></th><td><ul>${values}</ul><small>${escapeHtml(n.note)}</small></td></tr>`,
    );
  }
  for (const d of comparison?.divergences ?? []) {
    const values = d.values
      .map(
        (v) => `<li>${escapeHtml(v.value)} — ${v.mentions.map((m) => spanLink(m, outletOf)).join(', ')}</li>`,
      )
      .join('');
    rows.push(`<tr><th scope="row">${escapeHtml(d.about)}</th><td><ul>${values}</ul></td></tr>`);
  }
  const differ = rows.length
    ? scrollBox(
        'where sources differ',
        `<table class="divergences"><thead><tr><th scope="col">about</th><th scope="col">what each source says</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
      )
    : '<p class="empty">The sources agree on every figure and fact compared.</p>';
  const claimText = new Map(detail.claims.map((c) => [c.id, c.text]));
  const adds = (comparison?.unique ?? [])
    .filter((u) => u.claimIds.length + u.quoteIds.length > 0)
    .map((u) => {
      const first = u.claimIds
        .slice(0, 3)
        .map((id) => `<li>${escapeHtml(claimText.get(id) ?? id)}</li>`)
        .join('');
      return `<li><strong>${escapeHtml(u.outlet)}</strong>: ${plural(u.claimIds.length, 'claim')} and ${plural(u.quoteIds.length, 'quote')} no other source has${first ? `<ul>${first}</ul>` : ''}</li>`;
    });
  const forecasts = (detail.forecasts ?? []).map((f) => {
    const later = f.laterEvents.length
      ? ` <small>${plural(f.laterEvents.length, 'later event')} bear on it</small>`
      : '';
    return `<li>${escapeHtml(f.text)} <span class="meta">${escapeHtml(f.by.join(' → ') || 'unattributed')}${f.madeAt ? `, ${escapeHtml(f.madeAt.slice(0, 10))}` : ''} · ${spanLink(f.mention, outletOf)}</span>${later}</li>`;
  });
  return (
    `<section><h3>Where sources differ</h3>${differ}</section>` +
    `<section><h3>What each source adds</h3>${adds.length ? `<ul>${adds.join('')}</ul>` : '<p class="empty">No source adds anything the others lack.</p>'}</section>` +
    `<section><h3>Forecasts</h3>${forecasts.length ? `<ul class="forecasts">${forecasts.join('')}</ul>` : '<p class="empty">No expectations or warnings stated.</p>'}</section>`
  );
}

/** The form that adds articles (POST /api/ingest): URLs to fetch, or one text with its metadata. */
export function renderIngestForm(health) {
  const token =
    health.writes === 'token'
      ? '<p class="notice">This server needs its access token to add articles; you will be asked for it once.</p>'
      : '';
  return (
    `<h2>Add articles</h2>${token}` +
    '<form id="ingest" class="ingest">' +
    '<fieldset><legend>Fetch pages</legend><label for="ingest-urls">URLs, one per line (at most 50; public http(s) addresses only)</label>' +
    '<textarea id="ingest-urls" name="urls" rows="4"></textarea></fieldset>' +
    '<fieldset><legend>Or paste an article</legend>' +
    '<label for="ingest-title">Title</label><input id="ingest-title" name="title">' +
    '<label for="ingest-outlet">Outlet</label><input id="ingest-outlet" name="outlet">' +
    '<label for="ingest-date">Published (ISO date)</label><input id="ingest-date" name="publishedAt" placeholder="2024-06-19">' +
    '<label for="ingest-text">Text</label><textarea id="ingest-text" name="text" rows="10"></textarea></fieldset>' +
    '<button type="submit">Add</button></form><div id="ingest-report" role="status"></div>'
  );
}

/** What POST /api/ingest did with each item. */
export function renderIngestReport(report) {
  const items = report.items.map((item) => {
    const what = item.error
      ? `<span class="error">${escapeHtml(item.error.code)}</span>: ${escapeHtml(item.error.message)}`
      : item.articleId
        ? a(articleHref(item.articleId), articleName({ ...item, id: item.articleId }))
        : '';
    return `<li><strong>${escapeHtml(item.status)}</strong> ${escapeHtml(item.where)} ${what}</li>`;
  });
  const counts = Object.entries(report.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `<p>${escapeHtml(counts || 'nothing')}. The analysis is recomputed in the background.</p><ul>${items.join('')}</ul>`;
}
