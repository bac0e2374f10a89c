/**
 * Who published a page, from what the page says of itself: the declared name (og:site_name, the
 * JSON-LD publisher, application-name), the site part of <title> beside the headline, the copyright
 * line, the logo's alt text, and the host of its canonical or source URL. Each candidate carries its
 * evidence; the one most other sources agree with wins (ties: in that order). Nothing is invented:
 * without any candidate the outlet stays unknown. See docs/decisions/0005.
 */
import type { Evidence } from '../../../core/article.ts';
import { attr, collapsedText, type DomDocument, type DomElement } from './dom.ts';

export interface OutletCandidate {
  value: string;
  evidence: Evidence;
  /** Taken only when another source agrees (a <title> part may be a section or the page's topic). */
  needsConfirmation?: boolean;
}

const SEPARATOR = /\s+[|–—·»:]\s+|\s+[-/]\s+|\s*::\s*/;
const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(com|co\.uk|org|net|in|ae)\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Parts of a title that name a section rather than a site. */
const SECTION =
  /^(news|home|world|sport|sports|business|politics|opinion|latest|local|breaking news|top stories)$/i;

/** The site part of `<title>`: the outermost segment that is not the headline ("… - Khaleej Times Online"). */
export function titleSitePart(titleText: string, headline: string | undefined): string | undefined {
  const parts = titleText
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || !headline) return undefined;
  // Two parts, one of them the headline: the other names the site. Longer titles mix sections,
  // topics and sites ("S.O.N. | Magnetosphere | From Observatories | Tromso, Norway"): not read.
  if (parts.length !== 2) return undefined;
  const h = key(headline);
  for (const [site, rest] of [
    [parts[1]!, parts[0]!],
    [parts[0]!, parts[1]!],
  ] as const) {
    if (words(site) > 6 || SECTION.test(site) || h.includes(key(site))) continue;
    if (key(rest) === h) return site;
  }
  return undefined;
}

const COPYRIGHT =
  /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\s*,?\s*)?((?:the\s+)?[\p{Lu}\d][\p{L}\p{N}&.'’ -]{1,60}?)(?=\s*(?:[.,;|]|\s-\s|all rights|\binc\b|\bltd\b|\blimited\b|\bllc\b|\bplc\b|$))/iu;

/** The name on the page's copyright line ("© 2008 Khaleej Times. All rights reserved."). */
export function copyrightHolder(document: DomDocument): string | undefined {
  const places = Array.from(
    document.querySelectorAll(
      'footer, [class*="footer"], [id*="footer"], [class*="copyright"], [id*="copyright"]',
    ),
  );
  const texts = places.length > 0 ? places.map((e) => collapsedText(e)) : [collapsedText(document.body)];
  for (const text of texts) {
    const name = COPYRIGHT.exec(text)?.[1]
      ?.replace(/^by\s+/i, '')
      // A footer's links run on after the name: "AAMC Terms and Conditions Privacy Statement".
      .replace(/\s+(?:terms|privacy|contact|about|home|site ?map|disclaimer|advertis\w*|subscribe)\b.*$/i, '')
      .trim()
      .replace(/[.\s]+$/, '');
    if (!name || words(name) > 6 || !/\p{L}{2}/u.test(name) || /^(all|by|the)$/i.test(name)) continue;
    if (/rights reserved/i.test(name)) continue;
    // A name cut at an initial ("Donald W" of "Donald W. Smith") is not the name.
    if (/\s\p{Lu}$/u.test(name)) continue;
    return name;
  }
  return undefined;
}

/** The alt text of the site's logo image, "logo" and "home" words cut. */
export function logoAlt(document: DomDocument): string | undefined {
  for (const img of Array.from(document.querySelectorAll('img[alt]')).slice(0, 200) as DomElement[]) {
    const own = `${attr(img, 'class')} ${attr(img, 'id')} ${attr(img, 'src')}`;
    const parent = img.parentElement;
    const around = parent ? `${attr(parent, 'class')} ${attr(parent, 'id')}` : '';
    if (!/logo/.test(own) && !/logo|brand|masthead/.test(around)) continue;
    const alt = (img.getAttribute('alt') ?? '')
      .replace(/\b(logo|home ?page|home|go to|return to)\b/gi, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s:|[\](){}-]+|[\s:|[\](){}-]+$/g, '');
    if (alt && words(alt) <= 6 && /\p{L}{2}/u.test(alt)) return alt;
  }
  return undefined;
}

/**
 * The outlet among the candidates (in order of preference: declared, <title> site part, copyright,
 * logo, URL host): the one the most other sources agree with (one name containing the other, case,
 * "the", domain endings and punctuation aside); the evidence names the agreeing sources.
 */
export function chooseOutlet(candidates: Array<OutletCandidate | undefined>): OutletCandidate | undefined {
  const present = candidates.filter((c): c is OutletCandidate => c !== undefined && key(c.value) !== '');
  const scored = present.map((c, order) => {
    const k = key(c.value);
    const agreeing = present
      .filter((d) => d !== c && d.evidence.detail !== c.evidence.detail)
      .filter((d) => {
        const dk = key(d.value);
        return dk.length >= 3 && k.length >= 3 && (dk.includes(k) || k.includes(dk));
      })
      .map((d) => d.evidence.detail);
    return { c, order, agreeing };
  });
  const usable = scored.filter((x) => !x.c.needsConfirmation || x.agreeing.length > 0);
  usable.sort((x, y) => y.agreeing.length - x.agreeing.length || x.order - y.order);
  const best = usable[0];
  if (!best) return undefined;
  if (best.agreeing.length === 0) return best.c;
  // A declared name that is a slug or a URL ("detroitnews", "https://www.newsnation.in") is shown as an
  // agreeing source writes it ("The Detroit News").
  const written = (v: string) => /\p{Lu}/u.test(v) && !/^(https?:)?\/\/|^www\./i.test(v);
  const shown = written(best.c.value)
    ? best.c.value
    : (present.find((d) => best.agreeing.includes(d.evidence.detail) && written(d.value))?.value ??
      best.c.value);
  return {
    value: shown,
    evidence: {
      ...best.c.evidence,
      detail: `${best.c.evidence.detail}, agreeing with ${best.agreeing.join('; ')}`,
    },
  };
}
