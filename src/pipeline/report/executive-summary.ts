/**
 * The brief's executive summary: at most `words` words (every word of every sentence counted) saying
 * what happened, who says so on whose authority, what is disputed and what is expected. Template
 * sentences over extracted items come first in the budget (the best-carried attributed claim, the
 * first disagreement, the first forecast), the extractive sentences (summarize.ts) fill the rest and
 * lead the section. Every sentence cites its spans. See docs/decisions/0054-executive-summary.md.
 */
import type { Analysis, AnalysisArticle, SourceComparison } from '../../core/analysis.ts';
import type { EventRecord, Modality, TimelineEntry } from '../../core/event.ts';
import type { Claim } from '../../core/quote.ts';
import type { Span } from '../../core/span.ts';
import { UnionFind } from '../dedupe/union-find.ts';
import { type BriefBuilder, listText, plural, quoted } from './brief-builder.ts';
import type { BriefSection } from './brief-model.ts';
import { summarize, wordCount } from './summarize.ts';

export interface SummaryInput {
  analysis: Analysis;
  articles: AnalysisArticle[];
  claims: Claim[];
  comparison?: SourceComparison;
  inStory: (s: Span) => boolean;
  words: number;
  focus?: string;
}

/**
 * Independent origins among some articles: copies (duplicateOf), rewrites and citations
 * (derivedFrom: the source article or the cited outlet) count once.
 */
export function articleOrigins(ids: string[], byId: Map<string, AnalysisArticle>): number {
  const sets = new UnionFind();
  const node = new Map<string, number>();
  const at = (key: string): number => {
    let i = node.get(key);
    if (i === undefined) {
      i = sets.add();
      node.set(key, i);
    }
    return i;
  };
  for (const id of ids) {
    const a = byId.get(id);
    if (a?.duplicateOf) sets.union(at(id), at(a.duplicateOf));
    for (const d of a?.derivedFrom ?? []) {
      if (d.articleId) sets.union(at(id), at(d.articleId));
      else if (d.outlet) sets.union(at(id), at(`outlet:${d.outlet}`));
    }
  }
  return new Set(ids.map((id) => sets.find(at(id)))).size;
}

/** How certain a development is: occurred before reported; expected, alleged or denied are not developments. */
const CERTAINTY: Partial<Record<Modality, number>> = { occurred: 2, reported: 1 };

/** What carries a timeline entry in a story: its articles, their independent origins, its certainty. */
export interface EntrySupport {
  entry: TimelineEntry;
  articles: number;
  origins: number;
  /** 2 occurred, 1 reported (the most certain of its events that happened). */
  certainty: number;
  /** Every event of the entry was typed by a CAMEO verb pattern (not the ontology's triggers). */
  verbPattern: boolean;
}

/**
 * The support of each timeline entry of a story that tells of something that happened: only its
 * events that occurred or were reported count (never expected, alleged or denied ones), with the
 * story's articles that mention them and their independent origins (copies, rewrites and citations
 * of one report count once).
 */
export function entrySupport(
  analysis: Pick<Analysis, 'events' | 'timeline'>,
  inStory: (s: Span) => boolean,
  byId: Map<string, AnalysisArticle>,
): EntrySupport[] {
  const events = new Map(analysis.events.map((e) => [e.id, e]));
  const out: EntrySupport[] = [];
  for (const entry of analysis.timeline) {
    if (!entry.mentions.some(inStory)) continue;
    const happened = entry.eventIds
      .map((id) => events.get(id))
      .filter((e): e is EventRecord => e !== undefined && (CERTAINTY[e.modality] ?? 0) > 0);
    const ids = [...new Set(happened.flatMap((e) => e.mentions.filter(inStory).map((m) => m.articleId)))];
    if (ids.length === 0) continue;
    out.push({
      entry,
      articles: ids.length,
      origins: articleOrigins(ids, byId),
      certainty: Math.max(...happened.map((e) => CERTAINTY[e.modality] ?? 0)),
      verbPattern: happened.every((e) => e.cameo !== undefined),
    });
  }
  return out;
}

/**
 * The summary's "Latest" development: the latest entry that happened (docs/decisions/0054, "Latest
 * by support"). An event typed by a CAMEO verb pattern alone (hand-checked category precision about
 * 0.6 on news, docs/decisions/0030-events.md) stands only when two independent origins carry it, so
 * a one-source verb-pattern event does not displace a development the ontology's triggers found; the
 * ontology's events (precision first) stand on one. Of entries ending on the same date, the one more
 * articles carry on more independent origins wins, then the more certain (occurred over reported).
 */
export function latestDevelopment(
  analysis: Pick<Analysis, 'events' | 'timeline'>,
  inStory: (s: Span) => boolean,
  byId: Map<string, AnalysisArticle>,
): TimelineEntry | undefined {
  return entrySupport(analysis, inStory, byId)
    .filter((s) => !s.verbPattern || s.origins >= 2)
    .sort(
      (x, y) =>
        y.entry.end.localeCompare(x.entry.end) ||
        y.entry.start.localeCompare(x.entry.start) ||
        y.origins - x.origins ||
        y.articles - x.articles ||
        y.certainty - x.certainty,
    )[0]?.entry;
}

/** Write the summary section; returns the words it used. */
export function writeExecutiveSummary(b: BriefBuilder, section: BriefSection, input: SummaryInput): number {
  const { analysis, inStory } = input;
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));
  const templates: { text: string; spans: Span[]; first?: boolean }[] = [];
  // What happened last: the latest development the story's articles carry well enough.
  const latest = latestDevelopment(analysis, inStory, byId);
  if (latest) {
    const when = latest.start === latest.end ? latest.start : `${latest.start} to ${latest.end}`;
    const mod = latest.mod ? ` (${latest.mod.toLowerCase()})` : '';
    templates.push({
      text: `Latest: ${when}${mod}, ${latest.label}.`,
      spans: latest.mentions.filter(inStory),
      first: true,
    });
  }
  // Who says so, on whose authority: the attributed claims carried by most articles (two at most).
  const carriers = (c: Claim) => [...new Set(c.mentions.filter(inStory).map((m) => m.articleId))];
  const attributed = input.claims
    .filter((c) => carriers(c).length >= 2 && c.mentions.some((m) => inStory(m) && m.attribution.length > 0))
    .sort(
      (x, y) =>
        carriers(y).length - carriers(x).length ||
        y.independentOrigins - x.independentOrigins ||
        x.id.localeCompare(y.id),
    )
    .slice(0, 2);
  for (const claim of attributed) {
    const mentions = claim.mentions.filter(inStory);
    // The longest chain names the most links (officials → outlet → the outlet that relayed it).
    const chain = mentions
      .map((m) => m.attribution)
      .sort((x, y) => y.length - x.length)[0]!
      .join(' via ');
    // The earliest of the most precise dates ("2024-05-25" rather than "2024").
    const dates = carriers(claim)
      .flatMap((id) => byId.get(id)?.publishedAt ?? [])
      .map((d) => d.slice(0, 10))
      .sort((x, y) => y.length - x.length || x.localeCompare(y));
    const reported = dates[0] ? `reported ${dates[0]}; ` : '';
    templates.push({
      text: `${chain}: ${quoted(claim.text)} (${reported}${plural(carriers(claim).length, 'article')}, ${plural(claim.independentOrigins, 'independent origin')}).`,
      spans: mentions,
    });
  }
  // What is disputed: the first figure or detail the sources give differently.
  const divergence = input.comparison?.divergences[0];
  const figures = input.comparison?.numbers.find((d) => d.kind === 'disagree');
  if (divergence) {
    const values = divergence.values.map(
      (v) => `${quoted(v.value)} (${listText([...new Set(v.mentions.map((m) => b.source(m.articleId)))])})`,
    );
    templates.push({
      text: `Sources differ on the ${divergence.about}: ${values.join(' vs ')}.`,
      spans: divergence.values.flatMap((v) => v.mentions),
    });
  } else if (figures) {
    templates.push({
      text: `Figures for ${figures.quantity} disagree: ${figures.values.map((v) => `${quoted(v.text)} (${b.source(v.articleId)})`).join(' vs ')}.`,
      spans: figures.values.map(({ articleId, start, end }) => ({ articleId, start, end })),
    });
  }
  // What is expected: the first forecast with a named source.
  const forecast = analysis.forecasts.find((f) => inStory(f.mention) && f.by.length > 0);
  if (forecast) {
    templates.push({
      text: `${forecast.by.join(' via ')} expected: ${quoted(forecast.text)}.`,
      spans: [forecast.mention],
    });
  }
  let used = 0;
  const kept: typeof templates = [];
  for (const t of templates) {
    const n = wordCount(t.text);
    if (used + n > input.words) continue;
    kept.push(t);
    used += n;
  }
  const note = (support: string[]) =>
    support.length > 1
      ? ` (${plural(support.length, 'article')}; ${plural(articleOrigins(support, byId), 'independent origin')})`
      : '';
  const sentences = summarize(input.articles, {
    words: input.words,
    spent: used,
    avoid: kept.map((t) => t.text),
    noteWords: (support) => wordCount(note(support)),
    ...(input.focus ? { focus: input.focus } : {}),
  });
  for (const t of kept.filter((k) => k.first)) b.say(section, t.text, t.spans);
  for (const s of sentences) {
    // The same statement in several articles is one sentence, with how many carry it and on how many
    // independent origins.
    const text = `${s.text}${note(s.support)}`;
    b.say(section, text, [s.span]);
    used += wordCount(text);
  }
  for (const t of kept.filter((k) => !k.first)) b.say(section, t.text, t.spans);
  return used;
}
