/**
 * Parse the names part of a byline ("Jane Doe and John Roe", "Jane Doe, AFP", "Yonhap").
 * Person names are 2–5 capitalised tokens; a lone token or an organisation-like name is a
 * news agency or outlet writing under its own name.
 */

export interface ParsedByline {
  /** The credited names as written, without a trailing outlet. */
  byline: string;
  /** An outlet named in the byline: the agency itself, or a trailing acronym / organisation. */
  outlet?: string;
  /** True when the whole byline is an organisation (e.g. a wire agency), not people. */
  organisation: boolean;
}

const PARTICLE = /^(?:de|da|di|del|della|van|von|der|den|du|la|le|bin|al|el|ibn|y)$/;
const NAME_TOKEN =
  /^(?:\p{Lu}[\p{Ll}\p{M}'’-]*\p{Ll}[\p{Ll}\p{M}'’-]*|\p{Lu}[\p{Lu}'’-]+|\p{Lu}\.|\p{Lu}[\p{Ll}]*-\p{Lu}[\p{Ll}]+|Mc\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+)$/u;
const ORG_SUFFIX =
  /\b(?:Press|News|Agency|Times|Post|Journal|Herald|Tribune|Wire|Media|Service|Network|Broadcasting|Telegraph|Gazette|Daily|Radio|TV|Television|Courier|Chronicle|Standard|Observer|Express|Mail|Star|Sun|Independent|Review|Monitor|Today|Weekly|Magazine|Insider|Report|Digest|Dispatch|Inquirer|Examiner|Bulletin|Record|Press Service)$/;
const ACRONYM = /^\p{Lu}[\p{Lu}.&-]{1,7}$/u;

/** 2–5 capitalised tokens (particles allowed inside): a person's name. */
export function isPersonName(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  return tokens.every((t, i) => NAME_TOKEN.test(t) || (i > 0 && i < tokens.length - 1 && PARTICLE.test(t)));
}

function isOrganisation(text: string): boolean {
  const t = text.trim();
  if (ACRONYM.test(t)) return true;
  if (/^\p{Lu}[\p{L}]+$/u.test(t)) return true;
  return ORG_SUFFIX.test(t) && t.split(/\s+/).every((w) => /^[\p{Lu}&]/u.test(w));
}

export function parseByline(text: string): ParsedByline | undefined {
  const [first, ...others] = text.split(/\s+[|·•]\s+/);
  const main = first!.trim().replace(/[.,;:]$/, '');
  const affiliation = others.map((o) => o.trim()).find((o) => isOrganisation(o));
  const parsed = parseNames(main);
  if (parsed && affiliation && !parsed.outlet && !parsed.organisation)
    return { ...parsed, outlet: affiliation };
  return parsed;
}

function parseNames(main: string): ParsedByline | undefined {
  if (main.length === 0 || main.length > 120) return undefined;
  const parts = main.split(/\s*,\s*|\s+and\s+|\s*&\s*/);
  const only = parts[0]!;
  if (parts.length === 1 && isOrganisation(only) && (ORG_SUFFIX.test(only) || !isPersonName(only))) {
    return { byline: main, outlet: main, organisation: true };
  }
  let outlet: string | undefined;
  let people = parts;
  const last = parts[parts.length - 1]!;
  if (parts.length > 1 && !isPersonName(last)) {
    if (!/^\p{Lu}[\p{L}.&-]*(?:\s\p{Lu}[\p{L}.&-]*){0,3}$/u.test(last)) return undefined;
    if (ACRONYM.test(last) || ORG_SUFFIX.test(last)) outlet = last;
    people = parts.slice(0, -1);
  }
  const names = people.map((p) => p.replace(/\s+in\s+\p{Lu}[\p{L} .-]*$/u, ''));
  if (!names.every(isPersonName)) return undefined;
  const cut = outlet || people.length < parts.length ? main.lastIndexOf(last) : main.length;
  const byline = main
    .slice(0, cut)
    .replace(/[\s,&]+$/, '')
    .replace(/\s+and$/, '')
    .replace(/\s+in\s+\p{Lu}[\p{L} .-]*$/u, '');
  return outlet ? { byline, outlet, organisation: false } : { byline, organisation: false };
}
