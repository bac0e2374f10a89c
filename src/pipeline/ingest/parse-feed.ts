import { parseFeed as parseFeedXml } from '@rowanmanning/feed-parser';
import type { DocumentHints } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome, ok } from '../../core/outcome.ts';
import { findXmlError } from './check-xml.ts';
import { skipProlog } from './detect-format.ts';
import { type DocumentItem, hashIdentity } from './document-item.ts';

/**
 * Cut an RSS, Atom or RDF feed into one HTML item per entry ('item:N',
 * 1-based, in document order). The item body is the longest of its content
 * (content:encoded / Atom content) and description (summary), wrapped in a
 * small HTML page. Hints: title, url (item link, resolved against `baseUrl`),
 * publishedAt (ISO; the updated date when there is no published one), byline
 * (author names), outlet (feed title), language (feed language). Identity:
 * guid/id, else link, else derived from the raw hash. A feed without items
 * is INPUT_EMPTY; XML that does not nest or is cut short is INPUT_MALFORMED.
 */
export function parseFeed(
  xml: string,
  rawSha256: string,
  where: string,
  baseUrl?: string,
): Outcome<DocumentItem>[] {
  const problem = findXmlError(xml);
  if (problem)
    return [fail(where, new SitrepError('INPUT_MALFORMED', `malformed feed XML in ${where}: ${problem}`))];
  const entities = declaredEntities(xml);
  if (entities) {
    return [
      fail(
        where,
        new SitrepError(
          'INPUT_UNSUPPORTED',
          `feed ${where} declares entities in its DOCTYPE (${entities}); Sitrep does not expand DTD entities, which can nest without bound (billion laughs), so the feed is not read`,
        ),
      ),
    ];
  }
  let feed: ReturnType<typeof parseFeedXml>;
  try {
    feed = parseFeedXml(xml);
  } catch (error) {
    const message = (error as Error).message;
    return [
      fail(
        where,
        new SitrepError('INPUT_MALFORMED', `malformed feed XML in ${where}: ${message}`, { cause: error }),
      ),
    ];
  }
  const items = feed.items;
  if (items.length === 0) {
    return [
      fail(where, new SitrepError('INPUT_EMPTY', `feed ${where} has no items; there is nothing to read`)),
    ];
  }
  const outlet = clean(feed.title);
  const language = clean(feed.language);
  return items.map((item, index) => {
    const itemKey = `item:${index + 1}`;
    const hints: DocumentHints = {};
    const title = clean(item.title);
    if (title) hints.title = title;
    const link = resolveUrl(clean(item.url), baseUrl);
    if (link) hints.url = link;
    const date = item.published ?? item.updated;
    if (date && !Number.isNaN(date.getTime())) hints.publishedAt = date.toISOString();
    const names = [...new Set(item.authors.map((a) => clean(a.name)).filter((n): n is string => !!n))];
    if (names.length > 0) hints.byline = names.join(', ');
    if (outlet) hints.outlet = outlet;
    if (language) hints.language = language;
    const body = longest(item.content, item.description);
    const identity = clean(item.id) ?? link ?? hashIdentity(rawSha256, itemKey);
    return ok({ itemKey, identity, format: 'html', content: wrapHtml(body, title, language), hints });
  });
}

/**
 * The entity declarations of the doctype's internal subset ('lol, lol1, lol2 …'), or undefined when it
 * declares none. The feed parser leaves references to them unexpanded, so items would be stored holding
 * the literal `&lol9;`; expanding them is what a billion-laughs feed attacks.
 */
export function declaredEntities(xml: string): string | undefined {
  const prolog = xml.slice(0, xml.length - skipProlog(xml).length);
  const names = [...prolog.matchAll(/<!ENTITY\s+(?:%\s+)?([^\s>]+)/gi)].map((m) => m[1]!);
  if (names.length === 0) return undefined;
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function longest(a: string | null, b: string | null): string {
  const x = a?.trim() ?? '';
  const y = b?.trim() ?? '';
  return y.length > x.length ? y : x;
}

function resolveUrl(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A minimal HTML page around an item body so the HTML extractor can read it.
 * A body without any tags is plain text: it is escaped and its blank-line
 * separated blocks become paragraphs.
 */
export function wrapHtml(body: string, title: string | undefined, language: string | undefined): string {
  const isHtml = /<\/?[a-z][\w-]*[\s>/]/i.test(body) || /&(?:[a-z]+|#\d+|#x[\da-f]+);/i.test(body);
  const inner = isHtml
    ? body
    : body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('\n');
  const lang = language ? ` lang="${escapeHtml(language)}"` : '';
  const head = `<meta charset="utf-8">${title ? `<title>${escapeHtml(title)}</title>` : ''}`;
  return `<!DOCTYPE html>\n<html${lang}><head>${head}</head><body><article>\n${inner}\n</article></body></html>\n`;
}
