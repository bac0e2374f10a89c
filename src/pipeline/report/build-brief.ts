import type { Analysis, NumericDivergence } from '../../core/analysis.ts';
import { SitrepError } from '../../core/errors.ts';
import type { EventRecord } from '../../core/event.ts';
import type { ClaimModality } from '../../core/quote.ts';
import type { Span } from '../../core/span.ts';
import type { Story } from '../../core/story.ts';
import { BriefBuilder, listText, plural, quoted, sourceList } from './brief-builder.ts';
import { BRIEF_CAPS, type Brief } from './brief-model.ts';
import { writeExecutiveSummary } from './executive-summary.ts';

export interface BriefOptions {
  storyId?: string;
  /** Most claims listed under "Who says what" (default 10). */
  maxClaims?: number;
  /** Word budget of the executive summary (default 250). */
  words?: number;
  /** A query or narrative that steers what the summary selects. */
  focus?: string;
}

const MODALITY: Record<ClaimModality, string> = {
  asserted: 'Stated',
  reported: 'Reported',
  expected: 'Expected or warned',
  speculative: 'Speculated',
  denied: 'Denied',
};

const NUMBER_KIND: Record<NumericDivergence['kind'], string> = {
  qualified: 'differ only in their qualifiers',
  rounded: 'differ, one looking like a rounding of the other',
  updated: 'change between earlier and later reports',
  disagree: 'disagree',
};

/** The story to brief: the one asked for, else the largest storyline, else all articles as one story. */
export function pickStory(analysis: Analysis, storyId: string | undefined): Story {
  if (storyId !== undefined) {
    const story = analysis.stories.find((s) => s.id === storyId);
    if (!story) {
      const known = analysis.stories.map((s) => s.id).join(', ') || 'none';
      throw new SitrepError('NOT_FOUND', `no story "${storyId}" in this analysis (stories: ${known})`);
    }
    return story;
  }
  const ranked = [...analysis.stories].sort(
    (a, b) =>
      Number(b.kind === 'storyline') - Number(a.kind === 'storyline') ||
      b.articleIds.length - a.articleIds.length,
  );
  if (ranked[0]) return ranked[0];
  const first = analysis.articles[0];
  if (!first)
    throw new SitrepError('INPUT_EMPTY', 'the analysis has no articles: ingest and analyze some first');
  const dates = analysis.articles
    .map((a) => a.publishedAt)
    .filter((d): d is string => d !== undefined)
    .sort();
  return {
    id: 'all',
    kind: 'storyline',
    title: first.title,
    articleIds: analysis.articles.map((a) => a.id),
    period: { ...(dates[0] ? { start: dates[0] } : {}), ...(dates.at(-1) ? { end: dates.at(-1) } : {}) },
  };
}

const strip = ({ articleId, start, end }: Span): Span => ({ articleId, start, end });

function eventLabel(analysis: Analysis, event: EventRecord): string {
  const entry = analysis.timeline.find((t) => t.eventIds.includes(event.id));
  return entry?.label ?? [event.actor?.text, event.action, event.target?.text].filter(Boolean).join(' ');
}

function when(start: string, end: string, mod?: string): string {
  const range = start === end ? start : `${start} to ${end}`;
  return mod ? `${range} (${mod.toLowerCase()})` : range;
}

/**
 * Build a situation report for one story from an analysis: every sentence is a template over extracted
 * items (labels, claim texts, names, numbers as written) and carries the spans it rests on.
 */
export function buildBrief(analysis: Analysis, options: BriefOptions = {}): Brief {
  const story = pickStory(analysis, options.storyId);
  const b = new BriefBuilder(analysis);
  writeStorySections(b, analysis, story, options);
  return b.finish({
    storyId: story.id,
    title: story.title,
    period: story.period,
    generatedFrom: analysis.generatedAt,
  });
}

/**
 * The sections of one story's brief, written into a builder (which may hold other stories' sections:
 * the pile brief). `heading` prefixes the section titles and anchors when several stories share a page.
 */
export function writeStorySections(
  b: BriefBuilder,
  analysis: Analysis,
  story: Story,
  options: BriefOptions = {},
  heading?: { title: string; anchor: string },
): void {
  b.heading = heading;
  const ids = new Set(story.articleIds);
  const inStory = (s: Span): boolean => ids.has(s.articleId);
  const articles = story.articleIds.map((id) => b.article(id)).filter((a) => a !== undefined);
  const titleSpans = articles.map((a) => b.titleSpan(a));
  const claims = analysis.claims.filter((c) => c.mentions.some(inStory));
  const comparison = analysis.comparisons.find((c) => c.storyId === story.id);

  const summary = b.section('summary', heading ? `Summary: ${story.title}` : 'Summary');
  writeExecutiveSummary(b, summary, {
    analysis,
    articles,
    claims,
    inStory,
    words: options.words ?? 250,
    ...(options.focus ? { focus: options.focus } : {}),
    ...(comparison ? { comparison } : {}),
  });

  const developments = b.section('developments', 'Key developments');
  const dated = analysis.timeline.filter((t) => t.mentions.some(inStory));
  const reportedBy = (t: (typeof dated)[number]) =>
    new Set(t.mentions.filter(inStory).map((m) => m.articleId)).size;
  // The most reported developments (then the latest), shown in time order.
  const entries = [...dated]
    .sort((x, y) => reportedBy(y) - reportedBy(x) || y.end.localeCompare(x.end))
    .slice(0, BRIEF_CAPS.developments)
    .sort((x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end));
  b.omit(developments, dated.length - entries.length, 'developments');
  for (const t of entries) {
    const disputed = analysis.events.some(
      (e) => t.eventIds.includes(e.id) && (e.divergences?.length ?? 0) > 0,
    );
    const note = disputed ? ' (sources differ on details; see Disagreements)' : '';
    b.say(developments, `${when(t.start, t.end, t.mod)}: ${t.label}${note}.`, t.mentions.filter(inStory));
  }

  const who = b.section('claims', 'Who says what, on whose authority');
  const ranked = [...claims].sort(
    (x, y) =>
      new Set(y.mentions.filter(inStory).map((m) => m.articleId)).size -
        new Set(x.mentions.filter(inStory).map((m) => m.articleId)).size ||
      y.independentOrigins - x.independentOrigins,
  );
  const maxClaims = options.maxClaims ?? BRIEF_CAPS.claims;
  b.omit(who, ranked.length - maxClaims, 'claims');
  for (const c of ranked.slice(0, maxClaims)) {
    const mentions = c.mentions.filter(inStory);
    const chains = [...new Set(mentions.map((m) => m.attribution.join(' via ')).filter(Boolean))];
    const carriers = [...new Set(mentions.map((m) => m.articleId))];
    const by = chains.length > 0 ? chains.join('; ') : 'no attribution given';
    const from = sourceList(carriers, (id) => b.outlet(id), 4);
    b.say(
      who,
      `${MODALITY[c.modality]}: ${quoted(c.text)} (${by}; ${plural(c.independentOrigins, 'independent origin')}, carried by ${plural(carriers.length, 'article')}: ${from}).`,
      mentions,
    );
  }

  const disagreements = b.section('disagreements', 'Disagreements');
  for (const comparison of analysis.comparisons.filter((c) => c.storyId === story.id)) {
    const found = comparison.numbers.length + comparison.divergences.length;
    // Details sources give differently first (they name what differs), then figures.
    const divergences = comparison.divergences.slice(0, BRIEF_CAPS.disagreements);
    const numbers = comparison.numbers.slice(0, BRIEF_CAPS.disagreements - divergences.length);
    b.omit(disagreements, found - divergences.length - numbers.length, 'disagreements');
    for (const d of numbers) {
      const values = d.values.map((v) => `${quoted(v.text)} (${b.source(v.articleId)})`);
      b.say(
        disagreements,
        `Figures for ${d.quantity} ${NUMBER_KIND[d.kind]}: ${values.join(' vs ')}.`,
        d.values.map(strip),
      );
    }
    for (const d of divergences) {
      const values = d.values.map(
        (v) => `${quoted(v.value)} (${listText([...new Set(v.mentions.map((m) => b.source(m.articleId)))])})`,
      );
      b.say(
        disagreements,
        `Sources differ on the ${d.about}: ${values.join(' vs ')}.`,
        d.values.flatMap((v) => v.mentions),
      );
    }
  }

  const outlook = b.section('outlook', 'Outlook and forecasts');
  const forecasts = analysis.forecasts
    .filter((x) => inStory(x.mention))
    .sort(
      (x, y) =>
        Number(y.by.length > 0) - Number(x.by.length > 0) ||
        y.laterEvents.length - x.laterEvents.length ||
        (y.madeAt ?? '').localeCompare(x.madeAt ?? ''),
    );
  b.omit(outlook, forecasts.length - BRIEF_CAPS.forecasts, 'forecasts');
  for (const f of forecasts.slice(0, BRIEF_CAPS.forecasts)) {
    const made = f.madeAt ? ` (as reported on ${f.madeAt.slice(0, 10)})` : '';
    b.say(outlook, `${f.by.join(' via ')} expected${made}: ${quoted(f.text)}.`, [f.mention]);
    // At most one later event per forecast: the first the forecast stage linked.
    for (const later of f.laterEvents.slice(0, 1)) {
      const event = analysis.events.find((e) => e.id === later.eventId);
      if (!event) continue;
      const date = event.time ? `${when(event.time.start, event.time.end)}: ` : '';
      b.say(
        outlook,
        `Later, ${date}${eventLabel(analysis, event)} — ${later.relation}.`,
        event.mentions.map(strip),
      );
    }
  }

  const framing = b.section('framing', 'Framing by source');
  const framed = analysis.sources
    .filter((x) => x.articleIds.some((id) => ids.has(id)))
    .filter(
      (x) =>
        x.loadedTerms.some((t) => t.mentions.some(inStory)) ||
        (x.quotedLoadedTerms ?? []).some((t) => t.mentions.some(inStory)),
    )
    .sort(
      (x, y) =>
        y.articleIds.filter((id) => ids.has(id)).length - x.articleIds.filter((id) => ids.has(id)).length,
    );
  b.omit(framing, framed.length - BRIEF_CAPS.framing, 'sources');
  for (const s of framed.slice(0, BRIEF_CAPS.framing)) {
    const terms = (list: typeof s.loadedTerms) =>
      list.map(
        (t) =>
          `${quoted(t.term)} ×${t.mentions.length} (${t.category ?? 'loaded'}${t.strength === 'mild' ? ', mild' : ''})`,
      );
    // An outlet's terms are counted and cited in this story's articles only (its loaded terms span
    // the pile: counting them all said "×14" of a term the story's articles use once).
    const inThisStory = (list: typeof s.loadedTerms) =>
      list.flatMap((t) => {
        const mentions = t.mentions.filter(inStory);
        return mentions.length > 0 ? [{ ...t, mentions }] : [];
      });
    const own = inThisStory(s.loadedTerms);
    const inQuotes = inThisStory(s.quotedLoadedTerms ?? []);
    if (own.length > 0) {
      b.say(
        framing,
        `${s.outlet} uses in its own voice ${listText(terms(own))}.`,
        own.flatMap((t) => t.mentions),
      );
    }
    if (inQuotes.length > 0) {
      b.say(
        framing,
        `${s.outlet} carries inside attributed quotes ${listText(terms(inQuotes))}.`,
        inQuotes.flatMap((t) => t.mentions),
      );
    }
  }

  const sourcesSection = b.section('sources', 'Sources');
  b.say(
    sourcesSection,
    `Story: ${quoted(story.title)}.`,
    story.titleSpan ? [story.titleSpan] : titleSpans.slice(0, 1),
  );
  const { start, end } = story.period;
  const period = start
    ? end && end !== start
      ? `, published from ${start} to ${end}`
      : `, published ${start}`
    : '';
  b.say(
    sourcesSection,
    `${plural(articles.length, 'article')} from ${sourceList(
      articles.map((a) => a.id),
      (id) => b.outlet(id),
    )}${period}.`,
    titleSpans,
  );
  // The corroboration picture in one sentence: claims carried by several articles, and how many
  // independent origins stand behind them (copies of one report count once).
  const shared = claims.filter((c) => new Set(c.mentions.filter(inStory).map((m) => m.articleId)).size > 1);
  if (shared.length > 0) {
    const single = shared.filter((c) => c.independentOrigins <= 1).length;
    b.say(
      sourcesSection,
      `${plural(shared.length, 'claim')} ${shared.length === 1 ? 'is' : 'are'} carried by more than one article; ${single} of them rest${single === 1 ? 's' : ''} on a single independent origin.`,
      shared.flatMap((c) => c.mentions.filter(inStory).slice(0, 2)).slice(0, 12),
    );
  }

  const unique = comparison?.unique ?? [];
  // The story's articles, the earliest first; a capped list.
  const listed = [...articles]
    .sort((x, y) => (x.publishedAt ?? '~').localeCompare(y.publishedAt ?? '~') || x.id.localeCompare(y.id))
    .slice(0, BRIEF_CAPS.articles);
  b.omit(sourcesSection, articles.length - listed.length, 'articles');
  for (const a of listed) {
    const source = b.source(a.id);
    const byline = a.byline ? ` by ${a.byline}` : '';
    // An article without a title is named by the start of its text (the span cited).
    const head = b.titleSpan(a);
    const name = a.title.trim() || a.text.slice(head.start, head.end).split(/\s+/).slice(0, 12).join(' ');
    b.say(sourcesSection, `${source}: ${quoted(name)}${byline}, ${a.publishedAt ?? 'undated'}.`, [head]);
    const cites = analysis.derivations.filter((d) => d.articleId === a.id && d.outlet && d.citation);
    if (cites.length > 0) {
      const outlets = listText([...new Set(cites.map((d) => d.outlet as string))]);
      b.say(
        sourcesSection,
        `${source} cites ${outlets}.`,
        cites.map((d) => strip(d.citation as Span)),
      );
    }
  }
  for (const u of unique.slice(0, BRIEF_CAPS.unique)) {
    const own = claims.filter((c) => u.claimIds.includes(c.id));
    if (own.length === 0) continue;
    b.say(
      sourcesSection,
      `Only ${u.outlet} carries ${plural(own.length, 'claim')}, such as ${quoted(own[0]?.text ?? '')}.`,
      own.flatMap((c) => c.mentions.filter(inStory).slice(0, 1)),
    );
  }

  b.heading = undefined;
}
