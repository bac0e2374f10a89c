// The Sitrep web UI: hash routes, fetch from /api, render with the pure functions of render.js.
import {
  escapeHtml,
  renderArticle,
  renderArticleList,
  renderError,
  renderSearchResults,
  renderStoryListPage,
  renderStoryPage,
} from './render.js';

const main = document.querySelector('#main');

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
async function api(path, retried = false) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = { accept: 'application/json, application/problem+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { headers });
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 && !retried) {
    const given = window.prompt('This Sitrep server needs its access token:')?.trim();
    if (given) {
      sessionStorage.setItem(TOKEN_KEY, given);
      return api(path, true);
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

async function articlesPage() {
  const { articles, total } = await api('/api/articles?limit=200');
  return `<h2>Articles <small>(${total})</small></h2>${renderArticleList(articles)}`;
}

/** A story-list page; the hash's sort, kind and offset pass through to the API, which checks them. */
async function storiesPage(search) {
  const query = new URLSearchParams();
  for (const key of ['sort', 'kind', 'offset']) {
    const value = search.get(key);
    if (value) query.set(key, value);
  }
  try {
    return renderStoryListPage(await api(`/api/stories?${query}`));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 503) throw error;
    return `<p class="notice">${escapeHtml(error.message)}</p>${await articlesPage()}`;
  }
}

async function articlePage(id) {
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
  return renderArticle(article, annotations);
}

async function searchPage(q) {
  const { hits } = await api(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  return renderSearchResults(q, hits);
}

async function route() {
  main.innerHTML = '<p class="empty">Loading…</p>';
  try {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, search = ''] = hash.split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    let html;
    if (parts[0] === 'story' && parts[1])
      html = renderStoryPage(await api(`/api/stories/${encodeURIComponent(parts[1])}`));
    else if (parts[0] === 'article' && parts[1]) html = await articlePage(parts[1]);
    else if (parts[0] === 'search') html = await searchPage(new URLSearchParams(search).get('q') ?? '');
    else if (parts[0] === 'articles') html = await articlesPage();
    else html = await storiesPage(new URLSearchParams(search));
    main.innerHTML = html;
  } catch (error) {
    main.innerHTML = renderError(error instanceof Error ? error.message : String(error));
  }
}

document.querySelector('#search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.currentTarget).get('q')?.toString().trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', route);
route();
