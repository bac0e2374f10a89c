import type { DomDocument } from './dom.ts';

/** The article fields Sitrep reads from schema.org JSON-LD. */
export interface JsonLdArticle {
  type: string;
  headline?: string;
  authors: string[];
  datePublished?: string;
  url?: string;
  publisherName?: string;
  section?: string;
  inLanguage?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'blogposting',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'liveblogposting',
  'report',
  'techarticle',
  'scholarlyarticle',
  'socialmediaposting',
  'satiricalarticle',
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(item: JsonObject): string[] {
  const type = item['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string');
}

/** Parse one script body; tolerate HTML comments, CDATA wrappers and trailing commas; null when hopeless. */
function parseJson(source: string): unknown {
  const cleaned = source
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      return JSON.parse(cleaned.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/** Every object in the JSON-LD blocks: top level, arrays, @graph, one level of nesting in @graph. */
function collectObjects(value: unknown, into: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  into.push(value);
  if (value['@graph']) collectObjects(value['@graph'], into, depth + 1);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    return trimmed || undefined;
  }
  if (typeof value === 'number') return String(value);
  return undefined;
}

function resolve(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

function nameOf(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  const resolved = resolve(value, byId);
  if (typeof resolved === 'string') return text(resolved);
  if (isObject(resolved)) return text(resolved['name']);
  return undefined;
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (isObject(value)) return text(value['@id']) ?? text(value['url']);
  return undefined;
}

/** The first article-typed JSON-LD object of the page, with references into @graph resolved. */
export function readJsonLdArticle(document: DomDocument): JsonLdArticle | null {
  const objects: JsonObject[] = [];
  const scripts = document.querySelectorAll('script[type]');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    collectObjects(parseJson(script.textContent ?? ''), objects);
  }
  const byId = new Map<string, JsonObject>();
  for (const item of objects) if (typeof item['@id'] === 'string') byId.set(item['@id'], item);
  const article = objects.find((item) => typesOf(item).some((t) => ARTICLE_TYPES.has(t.toLowerCase())));
  if (!article) return null;
  const authorValue = article['author'] ?? article['creator'];
  const authorList = Array.isArray(authorValue)
    ? authorValue
    : authorValue === undefined
      ? []
      : [authorValue];
  const authors = [...new Set(authorList.map((a) => nameOf(a, byId)).filter((a): a is string => !!a))];
  const section = article['articleSection'];
  const language = article['inLanguage'];
  return {
    type: typesOf(article).find((t) => ARTICLE_TYPES.has(t.toLowerCase())) ?? 'Article',
    headline: text(article['headline']) ?? text(article['name']),
    authors,
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    url: urlOf(article['url']) ?? urlOf(article['mainEntityOfPage']),
    publisherName: nameOf(article['publisher'], byId),
    section: text(Array.isArray(section) ? section[0] : section),
    inLanguage: text(isObject(language) ? (language['alternateName'] ?? language['name']) : language),
  };
}
