/**
 * The brief of a whole pile: an index of its storylines — ranked by size, independent origins and
 * recency, each with its counts and one cited line saying what it is about — followed by the briefs of
 * the top stories, all in one document with one list of citations. Bounded: at most INDEX_STORIES
 * entries (the rest counted), at most `top` briefs, each section capped (BRIEF_CAPS).
 * See docs/decisions/0054-executive-summary.md.
 */
import type { Analysis, AnalysisArticle } from '../../core/analysis.ts';
import type { Story } from '../../core/story.ts';
import { BriefBuilder, plural, quoted, sourceList } from './brief-builder.ts';
import type { Brief } from './brief-model.ts';
import { type BriefOptions, writeStorySections } from './build-brief.ts';
import { articleOrigins } from './executive-summary.ts';
import { summarize } from './summarize.ts';

/** Most storylines the index lists. */
export const INDEX_STORIES = 40;
/** Words of an entry's line on what the story is about. */
const LINE_WORDS = 40;

export interface PileBriefOptions extends BriefOptions {
  /** How many of the top stories get a full brief after the index (default 3). */
  top?: number;
}

interface Ranked {
  story: Story;
  articles: AnalysisArticle[];
  origins: number;
  score: number;
}

/**
 * Storylines by importance: ln(1 + articles) + ln(1 + independent origins) + recency, where recency
 * is the story's place among the stories' latest dates (1 for the latest, 0 for the earliest or
 * undated). Ties: more articles, then the id.
 */
export function rankStories(analysis: Analysis): Ranked[] {
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));
  const lines = analysis.stories.filter((s) => s.kind === 'storyline');
  const ends = [...new Set(lines.flatMap((s) => (s.period.end ? [s.period.end] : [])))].sort();
  const recency = (s: Story) =>
    s.period.end && ends.length > 1 ? ends.indexOf(s.period.end) / (ends.length - 1) : 0;
  return lines
    .map((story) => {
      const articles = story.articleIds.flatMap((id) => byId.get(id) ?? []);
      const origins = articleOrigins(
        articles.map((a) => a.id),
        byId,
      );
      const score = Math.log1p(articles.length) + Math.log1p(origins) + recency(story);
      return { story, articles, origins, score };
    })
    .sort(
      (x, y) =>
        y.score - x.score || y.articles.length - x.articles.length || x.story.id.localeCompare(y.story.id),
    );
}

function period(story: Story): string {
  const { start, end } = story.period;
  if (!start) return 'undated';
  return end && end !== start ? `${start.slice(0, 10)} to ${end.slice(0, 10)}` : start.slice(0, 10);
}

/** The pile's brief: the story index, then the top stories' briefs. */
export function buildPileBrief(analysis: Analysis, options: PileBriefOptions = {}): Brief {
  const b = new BriefBuilder(analysis);
  const ranked = rankStories(analysis);
  const listed = ranked.filter((r) => r.articles.length > 1).slice(0, INDEX_STORIES);
  const index = b.section(
    'index',
    `Stories (${plural(ranked.length, 'storyline')} in ${plural(analysis.articles.length, 'article')}), by size, independent origins and recency`,
  );
  listed.forEach((r, i) => {
    const { story } = r;
    const line = summarize(r.articles, { words: LINE_WORDS })[0];
    const title = story.titleSpan ? [story.titleSpan] : r.articles.slice(0, 1).map((a) => b.titleSpan(a));
    const ids = r.articles.map((a) => a.id);
    const named = ids.some((id) => b.outlet(id) !== undefined);
    const from = named ? sourceList(ids, (id) => b.outlet(id), 3) : 'none with a named outlet';
    b.say(
      index,
      `${i + 1}. ${quoted(story.title)} [${story.id.slice(0, 12)}]: ${plural(r.articles.length, 'article')} (${from}), ${plural(r.origins, 'independent origin')}, ${period(story)}.${line ? ` ${line.text}` : ''}`,
      [...title, ...(line ? [line.span] : [])],
    );
  });
  b.omit(index, ranked.length - listed.length, 'storylines (those with one article each, or ranked lower)');
  for (const [i, r] of listed.slice(0, options.top ?? 3).entries()) {
    writeStorySections(b, analysis, r.story, options, {
      title: `Story ${i + 1}`,
      anchor: `story-${i + 1}`,
    });
  }
  const dates = analysis.articles.flatMap((a) => (a.publishedAt ? [a.publishedAt] : [])).sort();
  return b.finish({
    storyId: 'index',
    title: `${plural(ranked.length, 'story', 'stories')} in ${plural(analysis.articles.length, 'article')}`,
    period: { ...(dates[0] ? { start: dates[0] } : {}), ...(dates.at(-1) ? { end: dates.at(-1) } : {}) },
    generatedFrom: analysis.generatedAt,
  });
}
