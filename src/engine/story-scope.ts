import type { Analysis, AnalysisSource, LoadedTerm } from '../core/analysis.ts';
import type { Entity } from '../core/entity.ts';
import { SitrepError } from '../core/errors.ts';
import type { Span } from '../core/span.ts';
import type { Story } from '../core/story.ts';

type InScope = (span: { articleId: string }) => boolean;

/**
 * One story's part of an analysis, as an analysis of its own (same contract): its articles, the story
 * first and then (for a storyline) its events, and every item that rests on its articles. Items that
 * are one storyline's by construction (claims, merged events, comparisons: docs/decisions/0013) are
 * kept whole; items that span the pile (entities, outlets' loaded terms) keep only their mentions in
 * the story. What a story file, a story's API view and a story's brief are made of
 * (docs/decisions/0014). The analysis is split by storyline once (one pass over its items), so scoping
 * every story of a pile costs about one pass, not one pass per story.
 */
export function scopeToStory(analysis: Analysis, wanted: string): Analysis {
  const { parts, stories, lineOf } = storylineParts(analysis);
  const story = (stories.get(wanted) ?? stories.get(resolveStoryId(analysis.stories, wanted))) as Story;
  const lineId = story.kind === 'storyline' ? story.id : story.storylineId;
  // An event is its storyline's part narrowed to its articles. A story with articles outside that
  // storyline (clustering never makes one, a hand-made analysis may) is cut from the whole.
  const line = story.articleIds.every((id) => lineOf.get(id) === lineId)
    ? parts.get(lineId ?? '')
    : undefined;
  const from = line ?? analysis;
  const scoped = line && story.kind === 'storyline' ? line : cut(from, new Set(story.articleIds));
  const events = new Set(story.eventIds ?? []);
  return {
    ...scoped,
    stories: [story, ...(story.eventIds ?? []).flatMap((id) => stories.get(id) ?? [])],
    comparisons: from.comparisons.filter((c) => c.storyId === story.id || events.has(c.storyId)),
    ...failuresOf(analysis, story),
  };
}

interface Parts {
  parts: Map<string, Analysis>;
  stories: Map<string, Story>;
  /** Each article's storyline. */
  lineOf: Map<string, string>;
}

/**
 * Build an analysis's per-storyline parts now (a server does it when an analysis arrives, so that the
 * first reader of a story does not wait for it: ~270 ms at 5,000 articles).
 */
export function warmStoryScopes(analysis: Analysis): void {
  storylineParts(analysis);
}

/** Each analysis's parts by storyline, made once (an analysis is immutable once made). */
const partsCache = new WeakMap<Analysis, Parts>();

function storylineParts(analysis: Analysis): Parts {
  const hit = partsCache.get(analysis);
  if (hit) return hit;
  const lineOf = new Map<string, string>();
  for (const s of analysis.stories) {
    if (s.kind === 'storyline') for (const id of s.articleIds) lineOf.set(id, s.id);
  }
  /** The storylines an item's spans fall in, each once, in order of first mention. */
  const linesOf = (spans: { articleId: string }[]): string[] => {
    const out: string[] = [];
    for (const span of spans) {
      const line = lineOf.get(span.articleId);
      if (line !== undefined && !out.includes(line)) out.push(line);
    }
    return out;
  };
  const parts = new Map<string, Analysis>();
  const part = (line: string): Analysis => {
    let p = parts.get(line);
    if (!p) {
      p = {
        schema: analysis.schema,
        generatedAt: analysis.generatedAt,
        versions: analysis.versions,
        articles: [],
        stories: [],
        entities: [],
        quotes: [],
        claims: [],
        events: [],
        timeline: [],
        sources: [],
        derivations: [],
        comparisons: [],
        forecasts: [],
      };
      parts.set(line, p);
    }
    return p;
  };
  const spread = <T>(items: T[], spans: (item: T) => { articleId: string }[], into: (p: Analysis) => T[]) => {
    for (const item of items) for (const line of linesOf(spans(item))) into(part(line)).push(item);
  };
  spread(
    analysis.articles,
    (a) => [{ articleId: a.id }],
    (p) => p.articles,
  );
  spread(
    analysis.quotes,
    (q) => [q.content],
    (p) => p.quotes,
  );
  spread(
    analysis.claims,
    (c) => c.mentions,
    (p) => p.claims,
  );
  spread(
    analysis.events,
    (e) => e.mentions,
    (p) => p.events,
  );
  spread(
    analysis.timeline,
    (t) => t.mentions,
    (p) => p.timeline,
  );
  spread(
    analysis.derivations,
    (d) => [d],
    (p) => p.derivations,
  );
  spread(
    analysis.forecasts,
    (f) => [f.mention],
    (p) => p.forecasts,
  );
  /** Spans grouped by the storyline of their article, in one pass. */
  const byLine = <T extends { articleId: string }>(spans: T[]): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const span of spans) {
      const line = lineOf.get(span.articleId);
      if (line === undefined) continue;
      const list = out.get(line);
      if (list) list.push(span);
      else out.set(line, [span]);
    }
    return out;
  };
  // Entities and outlets span the pile: each is split by storyline in one pass over its mentions
  // (filtering a pile-wide entity's mentions once per storyline was most of the time of scoping
  // pile-dev's 476 storylines).
  for (const entity of analysis.entities) {
    for (const [line, mentions] of byLine(entity.mentions)) part(line).entities.push({ ...entity, mentions });
  }
  for (const source of analysis.sources) {
    const articles = byLine(source.articleIds.map((articleId) => ({ articleId })));
    const own = splitTerms(source.loadedTerms, byLine);
    const quoted = source.quotedLoadedTerms ? splitTerms(source.quotedLoadedTerms, byLine) : undefined;
    for (const [line, ids] of articles) {
      const scoped: AnalysisSource = {
        ...source,
        articleIds: ids.map((a) => a.articleId),
        loadedTerms: own.get(line) ?? [],
      };
      if (quoted) scoped.quotedLoadedTerms = quoted.get(line) ?? [];
      part(line).sources.push(scoped);
    }
  }
  const storyLine = new Map<string, string>();
  for (const s of analysis.stories) {
    if (s.kind !== 'storyline') continue;
    storyLine.set(s.id, s.id);
    for (const e of s.eventIds ?? []) storyLine.set(e, s.id);
  }
  for (const c of analysis.comparisons) {
    const line = storyLine.get(c.storyId);
    if (line !== undefined) part(line).comparisons.push(c);
  }
  const made = { parts, stories: new Map(analysis.stories.map((s) => [s.id, s])), lineOf };
  partsCache.set(analysis, made);
  return made;
}

/** Loaded terms split by storyline: each term with its mentions there, in the terms' order. */
function splitTerms(
  terms: LoadedTerm[],
  byLine: (spans: Span[]) => Map<string, Span[]>,
): Map<string, LoadedTerm[]> {
  const out = new Map<string, LoadedTerm[]>();
  for (const term of terms) {
    for (const [line, mentions] of byLine(term.mentions)) {
      const list = out.get(line);
      if (list) list.push({ ...term, mentions });
      else out.set(line, [{ ...term, mentions }]);
    }
  }
  return out;
}

/** The items of `from` that rest on the given articles (a story inside a storyline's part). */
function cut(from: Analysis, ids: Set<string>): Analysis {
  const inStory: InScope = (span) => ids.has(span.articleId);
  return {
    ...from,
    articles: from.articles.filter((a) => ids.has(a.id)),
    entities: scopeEntities(from.entities, inStory),
    quotes: from.quotes.filter((q) => ids.has(q.articleId)),
    claims: from.claims.filter((c) => c.mentions.some(inStory)),
    events: from.events.filter((e) => e.mentions.some(inStory)),
    timeline: from.timeline.filter((t) => t.mentions.some(inStory)),
    sources: scopeSources(from.sources, ids, inStory),
    derivations: from.derivations.filter((d) => ids.has(d.articleId)),
    forecasts: from.forecasts.filter((f) => inStory(f.mention)),
  };
}

function failuresOf(analysis: Analysis, story: Story): Pick<Analysis, 'failures'> {
  const ids = new Set(story.articleIds);
  const failures = analysis.failures?.filter(
    (f) => (f.articleId !== undefined && ids.has(f.articleId)) || f.storyId === story.id,
  );
  return failures && failures.length > 0 ? { failures } : {};
}

function scopeEntities(entities: Entity[], inScope: InScope): Entity[] {
  const out: Entity[] = [];
  for (const entity of entities) {
    const mentions = entity.mentions.filter(inScope);
    if (mentions.length > 0) out.push({ ...entity, mentions });
  }
  return out;
}

function scopeSources(sources: AnalysisSource[], ids: Set<string>, inScope: InScope): AnalysisSource[] {
  const terms = (list: LoadedTerm[]) =>
    list.flatMap((t) => {
      const mentions = t.mentions.filter(inScope);
      return mentions.length > 0 ? [{ ...t, mentions }] : [];
    });
  const out: AnalysisSource[] = [];
  for (const source of sources) {
    const articleIds = source.articleIds.filter((id) => ids.has(id));
    if (articleIds.length === 0) continue;
    const scoped: AnalysisSource = { ...source, articleIds, loadedTerms: terms(source.loadedTerms) };
    if (source.quotedLoadedTerms) scoped.quotedLoadedTerms = terms(source.quotedLoadedTerms);
    out.push(scoped);
  }
  return out;
}

/** A story id or a unique prefix of one. */
export function resolveStoryId(stories: { id: string }[], wanted: string): string {
  const exact = stories.find((s) => s.id === wanted);
  if (exact) return exact.id;
  const matches = stories.filter((s) => s.id.startsWith(wanted));
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) {
    throw new SitrepError(
      'AMBIGUOUS_ID',
      `story id prefix "${wanted}" matches several stories; give more characters`,
    );
  }
  throw new SitrepError('NOT_FOUND', `no story with id ${wanted}; \`sitrep stories\` lists them`);
}
