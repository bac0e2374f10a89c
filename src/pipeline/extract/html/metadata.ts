import type { ArticleMetadata, DocumentHints, Evidence, MetadataField } from '../../../core/article.ts';
import { normalizeDate } from '../normalize-date.ts';
import {
  attr,
  collapsedText,
  collapseWhitespace,
  type DomDocument,
  type DomElement,
  firstLineText,
} from './dom.ts';
import { type JsonLdArticle, readJsonLdArticle } from './json-ld.ts';
import { chooseOutlet, copyrightHolder, logoAlt, titleSitePart } from './outlet-candidates.ts';

export interface PageMetadata {
  metadata: ArticleMetadata;
  evidence: Partial<Record<MetadataField, Evidence>>;
}

interface Found {
  value: string;
  evidence: Evidence;
}

type MetaTags = Map<string, Found>;

/** First value of every meta[property], meta[name] and meta[itemprop], keyed by the lower-cased key. */
function readMetaTags(document: DomDocument): MetaTags {
  const tags: MetaTags = new Map();
  const metas = document.querySelectorAll('meta[content]');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const value = collapseWhitespace(meta.getAttribute('content') ?? '');
    if (!value) continue;
    for (const kind of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(kind)?.trim().toLowerCase();
      if (key && !tags.has(key))
        tags.set(key, { value, evidence: { source: 'meta-tag', detail: `meta[${kind}="${key}"]` } });
    }
  }
  return tags;
}

const fromJsonLd = (ld: JsonLdArticle | null, value: string | undefined, field: string): Found | undefined =>
  ld && value ? { value, evidence: { source: 'json-ld', detail: `JSON-LD ${ld.type}.${field}` } } : undefined;

function fromElement(
  document: DomDocument,
  selector: string,
  read?: (e: DomElement) => string,
): Found | undefined {
  const element = document.querySelector(selector);
  const value = element ? (read ? read(element) : collapsedText(element)) : '';
  return value ? { value, evidence: { source: 'html', detail: selector } } : undefined;
}

const TITLE_SEPARATOR = /\s+[|–—·»:]\s+|\s+[-/]\s+|\s*::\s*/;

/** Drop a site name from either end of a title ("Story | Site", "Site - Story"). */
export function stripSiteName(title: string, outlet: string | undefined, aggressive: boolean): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const site = outlet ? norm(outlet) : '';
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  if (site && (norm(last) === site || norm(last).includes(site) || site.includes(norm(last)))) {
    return title
      .slice(0, title.length - last.length)
      .replace(new RegExp(`(?:${TITLE_SEPARATOR.source})$`), '')
      .trim();
  }
  if (site && norm(first) === site)
    return title
      .slice(first.length)
      .replace(/^\s*\S+\s*/, '')
      .trim();
  if (aggressive) {
    const head = title
      .slice(0, title.lastIndexOf(last))
      .replace(new RegExp(`(?:${TITLE_SEPARATOR.source})$`), '');
    if (last.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 3) return head.trim();
  }
  return title;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function absolute(href: string, base: string | undefined): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function languageCode(value: string): string | undefined {
  const code = value.trim().toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : undefined;
}

const isUrl = (value: string) => /^(https?:)?\/\//i.test(value);
const isDate = (value: string) => /^\d{4}-\d{2}(-\d{2})?/.test(value);
const stripBy = (value: string) => value.replace(/^(by|von|par|por|di|door)\s+/i, '').trim();

function pick(...candidates: Array<Found | undefined>): Found | undefined {
  return candidates.find((c) => c !== undefined && c.value !== '');
}

const SOURCE_NAMES: Record<string, string> = {
  og: 'og:title',
  twitter: 'twitter:title',
  ld: 'the JSON-LD headline',
  h1: 'an <h1>',
  title: '<title>',
};

/**
 * twitter:title is most often a copy of og:title made by the same publishing plugin: the two are one
 * witness (the share text), not two, when candidates are weighed.
 */
const familyOf = (source: string) => (source === 'twitter' ? 'og' : source);

const titleKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The headline, weighing every candidate — og:title, twitter:title, the JSON-LD headline, each <h1>
 * on the page, <title> with its site part cut — by how many of the others (by source; og:title and
 * twitter:title count as one) agree with it
 * (the same words; for <title>, contained in it). The most agreed wins; among equals, a visible <h1>
 * when some other source agrees with it (what the reader sees over the text written for sharing),
 * else the first of og:title, twitter:title, JSON-LD, <h1>, <title>. A candidate that is the site's
 * name, or is a short label (three words at most) no other source agrees with, is never chosen when
 * another is there.
 */
function chooseTitle(
  document: DomDocument,
  tags: Map<string, Found>,
  ld: JsonLdArticle | null,
  outlet: string | undefined,
  pageUrl: string | undefined,
): Found | undefined {
  const titleTag = fromElement(document, 'title');
  const headings = Array.from(document.querySelectorAll('h1'))
    .slice(0, 6)
    .map((h, i): Found | undefined => {
      const value = firstLineText(h);
      return value
        ? { value, evidence: { source: 'html', detail: i === 0 ? 'h1' : `h1 #${i + 1}` } }
        : undefined;
    });
  const candidates = [
    { found: tags.get('og:title'), source: 'og' },
    { found: tags.get('twitter:title'), source: 'twitter' },
    { found: fromJsonLd(ld, ld?.headline, 'headline'), source: 'ld' },
    ...headings.map((found) => ({ found, source: 'h1' })),
    {
      found: titleTag && { ...titleTag, value: stripSiteName(titleTag.value, outlet, true) },
      source: 'title',
    },
  ]
    .filter(
      (c): c is { found: Found; source: string } => c.found !== undefined && c.found.value.trim() !== '',
    )
    .map((c, order) => ({
      ...c,
      order,
      found: { ...c.found, value: stripSiteName(c.found.value, outlet, false) },
    }));
  if (candidates.length === 0) return undefined;
  const rawTitle = titleKey(titleTag?.value ?? '');
  const site = new Set(
    [outlet, hostOf(pageUrl)?.split('.').slice(-2, -1)[0]].flatMap((x) => (x ? [titleKey(x)] : [])),
  );
  const scored = candidates.map((c) => {
    const key = titleKey(c.found.value);
    const words = key.split(' ').length;
    const agreeingCandidates = candidates
      .filter((d) => familyOf(d.source) !== familyOf(c.source))
      .filter(
        (d) =>
          titleKey(d.found.value) === key ||
          (d.source === 'title' && words >= 3 && ` ${rawTitle} `.includes(` ${key} `)),
      );
    const agreeing = new Set(agreeingCandidates.map((d) => SOURCE_NAMES[d.source] ?? d.source));
    const agree = new Set(agreeingCandidates.map((d) => familyOf(d.source))).size;
    const label = site.has(key) || (words <= 3 && agree === 0);
    const detail =
      agree > 0
        ? `${c.found.evidence.detail}, agreeing with ${[...agreeing].join(', ')}`
        : c.found.evidence.detail;
    return { ...c, agree, label, found: { ...c.found, evidence: { ...c.found.evidence, detail } } };
  });
  const usable = scored.some((c) => !c.label) ? scored.filter((c) => !c.label) : scored;
  usable.sort(
    (x, y) =>
      y.agree - x.agree ||
      (x.agree > 0 ? Number(y.source === 'h1') - Number(x.source === 'h1') : 0) ||
      x.order - y.order,
  );
  return usable[0]!.found;
}

/** Title, outlet, byline, date, canonical URL, language and section from the page's markup. */
export function readPageMetadata(document: DomDocument, pageUrl: string | undefined): PageMetadata {
  const tags = readMetaTags(document);
  const ld = readJsonLdArticle(document);
  const found: Partial<Record<MetadataField, Found>> = {};

  const outlet = pick(
    tags.get('og:site_name'),
    fromJsonLd(ld, ld?.publisherName, 'publisher.name'),
    tags.get('application-name'),
  );

  found.title = chooseTitle(document, tags, ld, outlet?.value, pageUrl);

  const author = tags.get('article:author');
  found.byline = pick(
    fromJsonLd(ld, ld?.authors.join(', ') || undefined, 'author'),
    tags.get('author'),
    author && !isUrl(author.value) ? author : undefined,
    fromElement(document, '[rel="author"]', (e) => stripBy(collapsedText(e))),
    fromElement(document, '.byline', (e) => stripBy(collapsedText(e))),
  );

  // A date is kept only when it reads as a calendar date, normalised to ISO 8601 ("2024-05-25 10:19" →
  // "2024-05-25T10:19"); anything else is not evidence of a date.
  const dated = (f: Found | undefined) => {
    const date = f && isDate(f.value) ? normalizeDate(f.value) : undefined;
    return f && date?.ok ? { ...f, value: date.iso } : undefined;
  };
  found.publishedAt = pick(
    dated(fromJsonLd(ld, ld?.datePublished, 'datePublished')),
    dated(tags.get('article:published_time')),
    dated(tags.get('date')),
    dated(tags.get('pubdate')),
    dated(tags.get('dc.date.issued')),
    dated(tags.get('datepublished')),
    dated(
      fromElement(document, 'article header time[datetime]', (e) => e.getAttribute('datetime')?.trim() ?? ''),
    ),
    dated(fromElement(document, 'header time[datetime]', (e) => e.getAttribute('datetime')?.trim() ?? '')),
  );

  const canonical = fromElement(
    document,
    'link[rel="canonical"][href]',
    (e) => e.getAttribute('href')?.trim() ?? '',
  );
  found.canonicalUrl = pick(
    canonical,
    tags.get('og:url'),
    fromJsonLd(ld, ld?.url, 'url'),
    pageUrl ? { value: pageUrl, evidence: { source: 'url', detail: 'the page URL' } } : undefined,
  );
  if (found.canonicalUrl) found.canonicalUrl.value = absolute(found.canonicalUrl.value, pageUrl);

  const host = hostOf(found.canonicalUrl?.value) ?? hostOf(pageUrl);
  const titleText = fromElement(document, 'title')?.value ?? '';
  const sitePart = titleSitePart(titleText, found.title?.value);
  const holder = copyrightHolder(document);
  const logo = logoAlt(document);
  found.outlet = chooseOutlet([
    outlet,
    sitePart
      ? {
          value: sitePart,
          evidence: { source: 'html', detail: `site part of <title> "${titleText}"` },
          needsConfirmation: true,
        }
      : undefined,
    holder
      ? { value: holder, evidence: { source: 'html', detail: `copyright line naming "${holder}"` } }
      : undefined,
    logo ? { value: logo, evidence: { source: 'html', detail: `logo alt text "${logo}"` } } : undefined,
    host
      ? {
          value: host,
          evidence: { source: 'url', detail: `host of ${found.canonicalUrl?.value ?? pageUrl}` },
        }
      : undefined,
  ]);

  const htmlLang = document.documentElement
    ? languageCode(attr(document.documentElement, 'lang'))
    : undefined;
  const locale = tags.get('og:locale');
  const ldLanguage = ld?.inLanguage ? languageCode(ld.inLanguage) : undefined;
  found.language = pick(
    htmlLang ? { value: htmlLang, evidence: { source: 'html', detail: 'html[lang]' } } : undefined,
    locale && languageCode(locale.value)
      ? { value: languageCode(locale.value)!, evidence: locale.evidence }
      : undefined,
    fromJsonLd(ld, ldLanguage, 'inLanguage'),
  );

  found.section = pick(tags.get('article:section'), fromJsonLd(ld, ld?.section, 'articleSection'));

  const metadata: ArticleMetadata = {};
  const evidence: PageMetadata['evidence'] = {};
  for (const [field, value] of Object.entries(found) as Array<[MetadataField, Found | undefined]>) {
    if (!value) continue;
    metadata[field] = value.value;
    evidence[field] = value.evidence;
  }
  return { metadata, evidence };
}

const HINT_FIELDS: Array<[keyof DocumentHints, MetadataField]> = [
  ['title', 'title'],
  ['outlet', 'outlet'],
  ['byline', 'byline'],
  ['publishedAt', 'publishedAt'],
  ['language', 'language'],
  ['url', 'canonicalUrl'],
];

/** Hints that came with the document win over what the page says, field by field. */
export function applyHints(page: PageMetadata, hints: DocumentHints): void {
  for (const [hint, field] of HINT_FIELDS) {
    const value = hints[hint]?.trim();
    if (!value) continue;
    page.metadata[field] = value;
    page.evidence[field] = { source: 'input', detail: `hints.${hint}` };
  }
}
