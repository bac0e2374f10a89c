import type { Claim, ClaimMention } from '../../../core/quote.ts';
import type { DerivationLink, DuplicateLink } from '../../../core/story.ts';

export const ORIGINS_STAGE = { name: 'independent-origins', version: '1' } as const;

export interface OriginsContext {
  articles: { id: string; outlet?: string }[];
  duplicates: DuplicateLink[];
  derivations: DerivationLink[];
}

interface Origin {
  key: string;
  name: string;
  why: string;
  uncertain: boolean;
}

/** Comparable form of a source name: "the U.S. officials" → "us officials", "NBC News." → "nbc news". */
export function originKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\bu\.s\.(?=\s|$)/g, 'us')
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Anonymous: the head is a common noun or a pronoun ("six senior US officials", "a report", "he"). */
export function isAnonymous(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (words.length === 1 && COMMON_HEADS.test(last)) return true;
  return !/^\p{Lu}/u.test(last) || /^(It|He|She|They|We|I)$/.test(name.trim());
}

/** Common-noun sources that open a sentence capitalised ("Experts are worried…"). */
const COMMON_HEADS =
  /^(experts?|officials?|sources?|analysts?|observers?|diplomats?|lawmakers?|critics?|residents?|witnesses|authorities|officers?|aides?|advisers?|insiders?|people|reports?)$/i;

/** The context's lookups, indexed once per call: first duplicate link and first article per id, links by article. */
interface OriginsIndex {
  duplicateOf: Map<string, string>;
  outletOf: Map<string, string | undefined>;
  /** Derivation links by the article carrying them, each with its position in `ctx.derivations`. */
  derivations: Map<string, { at: number; link: DerivationLink }[]>;
  /** `originKey` and `isAnonymous`, each name worked out once per call. */
  key: (name: string) => string;
  anonymous: (name: string) => boolean;
  /** The article each article is a copy of, as followed so far. */
  canonical: Map<string, string>;
}

function remembered<T>(f: (name: string) => T): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    let value = known.get(name);
    if (value === undefined && !known.has(name)) {
      value = f(name);
      known.set(name, value);
    }
    return value as T;
  };
}

function indexContext(ctx: OriginsContext): OriginsIndex {
  const duplicateOf = new Map<string, string>();
  for (const d of ctx.duplicates)
    if (!duplicateOf.has(d.articleId)) duplicateOf.set(d.articleId, d.duplicateOf);
  const outletOf = new Map<string, string | undefined>();
  for (const a of ctx.articles) if (!outletOf.has(a.id)) outletOf.set(a.id, a.outlet);
  const derivations = new Map<string, { at: number; link: DerivationLink }[]>();
  ctx.derivations.forEach((link, at) => {
    const list = derivations.get(link.articleId) ?? [];
    list.push({ at, link });
    derivations.set(link.articleId, list);
  });
  return {
    duplicateOf,
    outletOf,
    derivations,
    key: remembered(originKey),
    anonymous: remembered(isAnonymous),
    canonical: new Map(),
  };
}

/** Follow duplicate links to the article a copy was made from (cycle-safe); once per article and call. */
function canonicalArticle(id: string, index: OriginsIndex): string {
  let known = index.canonical.get(id);
  if (known === undefined) {
    known = followDuplicates(id, index);
    index.canonical.set(id, known);
  }
  return known;
}

function followDuplicates(id: string, index: OriginsIndex): string {
  if (!index.duplicateOf.has(id)) return id;
  const seen = new Set<string>();
  let cur = id;
  while (!seen.has(cur)) {
    seen.add(cur);
    const next = index.duplicateOf.get(cur);
    if (next === undefined) break;
    cur = next;
  }
  return cur;
}

/** The derivation links of either article, in their order in the context. */
function linksOf(index: OriginsIndex, a: string, b: string): DerivationLink[] {
  const own = index.derivations.get(a) ?? [];
  if (a === b) return own.map((x) => x.link);
  return [...own, ...(index.derivations.get(b) ?? [])].sort((x, y) => x.at - y.at).map((x) => x.link);
}

/**
 * Where a mention comes from. The nearest named source in its chain that is not the carrying article's
 * own outlet (a first-hand speaker such as "Lloyd Austin", or the outlet that reported anonymous
 * sources, "NBC News"); failing that, the source the carrying article derives from (a citation or
 * reused text), then the carrying outlet itself, then the article as an unnamed carrier.
 */
function originOf(
  m: ClaimMention,
  firstIn: Map<string, ClaimMention>,
  index: OriginsIndex,
  depth = 0,
): Origin {
  const articleId = canonicalArticle(m.articleId, index);
  const copy = articleId !== m.articleId ? ` (article ${m.articleId} is a copy of ${articleId})` : '';
  const outlet = index.outletOf.get(articleId) ?? index.outletOf.get(m.articleId);
  const own = outlet ? index.key(outlet) : undefined;
  const anonymous = m.attribution.filter((s) => index.anonymous(s) && index.key(s) !== own);
  const named = m.attribution.find((s) => !index.anonymous(s) && index.key(s) !== own);
  if (named) {
    const behind = m.attribution.slice(0, m.attribution.indexOf(named)).filter(index.anonymous);
    const why = behind.length > 0 ? `${behind.join(', ')} via ${named}` : `first-hand: ${named}`;
    return { key: index.key(named), name: named, why: why + copy, uncertain: false };
  }
  const links = linksOf(index, articleId, m.articleId);
  const cited = [...new Set(links.filter((d) => d.outlet).map((d) => d.outlet!))];
  if (cited.length === 1) {
    const why = `${outlet ?? `article ${m.articleId}`} derives from ${cited[0]} (${links.find((d) => d.outlet)!.kind})`;
    return { key: index.key(cited[0]!), name: cited[0]!, why: why + copy, uncertain: anonymous.length > 0 };
  }
  const reused = links.find((d) => d.kind === 'text-reuse' && d.sourceArticleId && !d.outlet);
  if (reused?.sourceArticleId && depth < 5) {
    const upstream = firstIn.get(reused.sourceArticleId);
    const source = upstream ?? { ...m, articleId: reused.sourceArticleId, attribution: [] };
    const o = originOf(source, firstIn, index, depth + 1);
    return { ...o, why: `text reused from article ${reused.sourceArticleId}: ${o.why}` };
  }
  const several = cited.length > 1 ? `; cites ${cited.join(', ')}, cannot tell which` : '';
  if (outlet) {
    const why = anonymous.length > 0 ? `${anonymous.join(', ')} via ${outlet}` : `asserted by ${outlet}`;
    return { key: index.key(outlet), name: outlet, why: why + several + copy, uncertain: several !== '' };
  }
  const name = `unnamed outlet (article ${articleId})`;
  const why = `${anonymous.length > 0 ? `${anonymous.join(', ')} via` : 'asserted by'} an article with no known outlet${several}${copy}`;
  return { key: `article:${articleId}`, name, why, uncertain: true };
}

/** Merge keys where one name is a word-prefix of the other ("nbc" / "nbc news"). */
function mergeAliases(origins: Origin[]): Map<string, string> {
  const keys = [...new Set(origins.map((o) => o.key))].sort((a, b) => a.length - b.length);
  const to = new Map<string, string>();
  const known = new Set(keys);
  for (const k of keys) {
    // The shortest key that is a word-prefix of k (looked up prefix by prefix, shortest first).
    let shorter: string | undefined;
    for (let at = k.indexOf(' '); at >= 0 && shorter === undefined; at = k.indexOf(' ', at + 1)) {
      if (known.has(k.slice(0, at))) shorter = k.slice(0, at);
    }
    to.set(k, shorter ? (to.get(shorter) ?? shorter) : k);
  }
  return to;
}

/**
 * Fill `independentOrigins` and `origins` on each claim: mentions collapse onto one origin when they
 * trace to the same first-hand speaker or original reporting outlet, through their attribution chains,
 * duplicate links (copies) and derivation links (rewrites and citations). See ADR 0040.
 */
export function countIndependentOrigins(claims: Claim[], ctx: OriginsContext): Claim[] {
  const index = indexContext(ctx);
  return claims.map((claim) => {
    // The claim's first mention in each article (where a reused text's claim is looked up).
    const firstIn = new Map<string, ClaimMention>();
    for (const m of claim.mentions) if (!firstIn.has(m.articleId)) firstIn.set(m.articleId, m);
    const per = claim.mentions.map((m) => originOf(m, firstIn, index));
    const alias = mergeAliases(per);
    const groups = new Map<
      string,
      { names: string[]; mentions: number[]; why: string[]; uncertain: boolean }
    >();
    per.forEach((o, i) => {
      const key = alias.get(o.key) ?? o.key;
      const g = groups.get(key) ?? { names: [], mentions: [], why: [], uncertain: false };
      g.names.push(o.name);
      g.mentions.push(i);
      if (!g.why.includes(o.why)) g.why.push(o.why);
      g.uncertain ||= o.uncertain;
      groups.set(key, g);
    });
    const origins = [...groups.values()].map((g) => {
      const origin = g.names.reduce((a, b) => (b.length > a.length ? b : a));
      const entry: NonNullable<Claim['origins']>[number] = {
        origin,
        mentions: g.mentions,
        why: g.why.join('; '),
      };
      if (g.uncertain) entry.uncertain = true;
      return entry;
    });
    return { ...claim, independentOrigins: origins.length, origins };
  });
}
