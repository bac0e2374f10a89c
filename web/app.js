// The Sitrep web UI: hash routes, fetch from /api, render with the pure functions of render.js and
// views.js. After each navigation the view's title is set, focus moves to the content, the current
// section is marked in the navigation, and a polite status line announces the view.

import { drawEntityGraph, drawSourceGraph } from './graph.js';
import {
  escapeHtml,
  renderArticle,
  renderArticleList,
  renderError,
  renderSearchResults,
  renderStoryListPage,
  renderStoryPage,
} from './render.js';
import {
  renderBrief,
  renderClaimsPage,
  renderEntitiesPage,
  renderEntityPage,
  renderEventsPage,
  renderIngestForm,
  renderIngestReport,
  renderPager,
  renderQuotesPage,
  renderStorySections,
  routeHref,
} from './views.js';

const main = document.querySelector('#main');
const status = document.querySelector('#status');

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const TOKEN_KEY = 'sitrep-token';

/**
 * GET a JSON resource. Errors are RFC 9457 problem details ({ code, detail }). A server listening off
 * loopback wants its token for reads: on 401 the token is asked for once and kept for this tab.
 */
async function api(path, retried = false, post = undefined) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = { accept: 'application/json, application/problem+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (post !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(
    path,
    post === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(post) },
  );
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 && !retried) {
    const given = window.prompt('This Sitrep server needs its access token:')?.trim();
    if (given) {
      sessionStorage.setItem(TOKEN_KEY, given);
      return api(path, true, post);
    }
  }
  if (!res.ok) throw new ApiError(res.status, body.code, body.detail ?? res.statusText);
  return body;
}

/** Every page of a paged collection (`{ [key]: [...], total }`), `limit` items at a time. */
async function allPages(path, key, limit = 500) {
  const items = [];
  for (let offset = 0; ; offset += limit) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api(`${path}${sep}limit=${limit}&offset=${offset}`);
    items.push(...page[key]);
    if (items.length >= page.total || page[key].length === 0) return items;
  }
}

/** Query parameters of the hash route that the API takes, passed through (the API checks them). */
function pick(search, keys) {
  const out = {};
  for (const key of keys) {
    const value = search.get(key);
    if (value) out[key] = value;
  }
  return out;
}
const qs = (params) => new URLSearchParams(params).toString();

/** A view: its name (data-view, navigation), title and HTML, and what to do once it is in the page. */
const view = (name, title, html, after = undefined) => ({ name, title, html, after });

async function articlesView(search) {
  const offset = Number(search.get('offset') ?? 0) || 0;
  const page = await api(`/api/articles?${qs({ limit: 100, offset })}`);
  const pager = renderPager(
    { ...page, items: page.articles.length },
    (o) => routeHref('articles', { offset: o }),
    'article pages',
  );
  return view(
    'articles',
    'Articles',
    `<h2>Articles <small>(${page.total})</small></h2>${renderArticleList(page.articles)}${pager}`,
  );
}

async function storiesView(search) {
  const filter = pick(search, ['outlet', 'from', 'to', 'minArticles']);
  const query = { sort: 'rank', ...pick(search, ['sort', 'kind', 'offset']), ...filter };
  try {
    return view('stories', 'Stories', renderStoryListPage(await api(`/api/stories?${qs(query)}`), filter));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 503) throw error;
    const articles = await articlesView(new URLSearchParams());
    return view('stories', 'Stories', `<p class="notice">${escapeHtml(error.message)}</p>${articles.html}`);
  }
}

async function storyView(id) {
  const detail = await api(`/api/stories/${encodeURIComponent(id)}`);
  const draw = () => {
    const entities = main.querySelector('.entity-section');
    if (entities)
      drawEntityGraph(entities, detail, (id) => (location.hash = `#/entity/${encodeURIComponent(id)}`));
    const sources = main.querySelector('.source-section');
    if (sources)
      drawSourceGraph(sources, detail, (id) => (location.hash = `#/article/${encodeURIComponent(id)}`));
  };
  // The graphs (a 430 KB library and its layout) are drawn when their section comes near the
  // viewport, not while the page's first screen is shown; the SVG versions stand until then.
  const drawWhenNear = () => {
    const section = main.querySelector('.graphs');
    if (!section || !('IntersectionObserver' in window)) return draw();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        draw();
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(section);
    window.addEventListener('hashchange', () => observer.disconnect(), { once: true });
  };
  return view(
    'story',
    detail.story.title,
    renderStoryPage(detail, renderStorySections(detail)),
    drawWhenNear,
  );
}

async function briefView(id) {
  const brief = await api(`/api/brief?${qs({ story: id, format: 'json' })}`);
  return view('brief', `Brief: ${brief.title ?? id}`, renderBrief(brief));
}

async function articleView(id, search) {
  const article = await api(`/api/articles/${encodeURIComponent(id)}`);
  let annotations = [];
  try {
    annotations = await allPages(
      `/api/articles/${encodeURIComponent(article.id)}/annotations`,
      'annotations',
    );
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 503) throw error;
  }
  const at = /^(\d+)-(\d+)$/.exec(search.get('at') ?? '');
  const target = at ? { start: Number(at[1]), end: Number(at[2]) } : undefined;
  return view('article', article.title ?? article.id, renderArticle(article, annotations, target));
}

async function claimsView(search) {
  const filter = pick(search, ['story', 'modality', 'minOrigins', 'outlet', 'sort', 'offset']);
  return view(
    'claims',
    'Claims',
    renderClaimsPage(await api(`/api/claims?${qs({ ...filter, mentionLimit: 1 })}`), filter),
  );
}

async function quotesView(search) {
  const filter = pick(search, ['story', 'speaker', 'offset']);
  return view('quotes', 'Quotes', renderQuotesPage(await api(`/api/quotes?${qs(filter)}`), filter));
}

async function eventsView(search) {
  const filter = pick(search, ['story', 'type', 'actor', 'offset']);
  const [page, timeline] = await Promise.all([
    api(`/api/events?${qs({ ...filter, mentionLimit: 1 })}`),
    api(`/api/timeline?${qs({ ...pick(search, ['story']), limit: 200 })}`),
  ]);
  return view('events', 'Events and timeline', renderEventsPage(page, timeline.timeline, filter));
}

async function entitiesView(search) {
  const filter = pick(search, ['type', 'offset']);
  return view(
    'entities',
    'Entities',
    renderEntitiesPage(await api(`/api/entities?${qs({ ...filter, mentionLimit: 0 })}`), filter),
  );
}

async function entityView(id) {
  const detail = await api(`/api/entities/${encodeURIComponent(id)}`);
  return view('entity', detail.entity.name, renderEntityPage(detail));
}

async function ingestView() {
  return view('ingest', 'Add articles', renderIngestForm(await api('/api/health')));
}

async function searchView(search) {
  const q = search.get('q') ?? '';
  const { hits } = await api(`/api/search?${qs({ q, limit: 50 })}`);
  return view('search', `Search: ${q}`, renderSearchResults(q, hits));
}

/** The view for a hash route. */
function resolve(parts, search) {
  const [first, id, sub] = parts;
  if (first === 'story' && id && sub === 'brief') return briefView(id);
  if (first === 'story' && id) return storyView(id);
  if (first === 'article' && id) return articleView(id, search);
  if (first === 'entity' && id) return entityView(id);
  if (first === 'search') return searchView(search);
  if (first === 'articles') return articlesView(search);
  if (first === 'claims') return claimsView(search);
  if (first === 'quotes') return quotesView(search);
  if (first === 'events') return eventsView(search);
  if (first === 'entities') return entitiesView(search);
  if (first === 'ingest') return ingestView();
  return storiesView(search);
}

/** Scroll positions of the routes visited, so that Back returns to where the reader was. */
const scrolls = new Map();
let shownHash = '';

async function route() {
  scrolls.set(shownHash, window.scrollY);
  const hash = location.hash.replace(/^#/, '') || '/';
  shownHash = hash;
  const [path, query = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let shown;
  try {
    shown = await resolve(parts, new URLSearchParams(query));
  } catch (error) {
    shown = view('error', 'Error', renderError(error instanceof Error ? error.message : String(error)));
  }
  if (hash !== shownHash) return; // a later navigation won
  main.innerHTML = shown.html;
  main.dataset.view = shown.name;
  document.title = `${shown.title} · Sitrep`;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === shown.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  status.textContent = shown.title;
  // After the view is painted: drawing a graph (loading its library, laying it out) must not hold the page.
  if (shown.after) requestAnimationFrame(() => setTimeout(shown.after, 0));
  main.focus({ preventScroll: true });
  const target = document.querySelector('#at');
  if (target) target.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, scrolls.get(hash) ?? 0);
}

// The ingest form: URLs, or one pasted article, posted; the report replaces the form's status line.
main.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.id !== 'ingest') return;
  event.preventDefault();
  const data = new FormData(form);
  const field = (name) => String(data.get(name) ?? '').trim();
  const urls = field('urls').split(/\s+/).filter(Boolean);
  const item = {
    text: field('text'),
    title: field('title'),
    outlet: field('outlet'),
    publishedAt: field('publishedAt'),
  };
  for (const key of Object.keys(item)) if (!item[key]) delete item[key];
  const report = document.querySelector('#ingest-report');
  try {
    const body = { ...(urls.length ? { urls } : {}), ...(item.text ? { items: [item] } : {}) };
    report.innerHTML = renderIngestReport(await api('/api/ingest', false, body));
  } catch (error) {
    report.innerHTML = renderError(error instanceof Error ? error.message : String(error));
  }
});

// Downloads (exports) from a server that wants its token: a plain link cannot send it, so the file is
// fetched with the token and handed to the browser as a blob.
main.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[download]') : null;
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!link || !token) return;
  event.preventDefault();
  const res = await fetch(link.getAttribute('href'), { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    status.textContent = `Download failed (${res.status})`;
    return;
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'sitrep-export';
  const url = URL.createObjectURL(await res.blob());
  const save = Object.assign(document.createElement('a'), { href: url, download: name });
  save.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// Filter forms: their fields become the route's query (empty ones left out).
main.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.route) return;
  event.preventDefault();
  const params = {};
  for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') params[k] = String(v).trim();
  location.hash = routeHref(form.dataset.route, params);
});

document.querySelector('#search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.currentTarget).get('q')?.toString().trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', route);
route();
