import { stableId } from '../../core/hash.ts';
import type { Story } from '../../core/story.ts';
import { hash32 } from '../dedupe/text-features.ts';
import { type ArticleProfile, cosine, type WeightedTerm } from './article-profile.ts';

/** Members of one story and how to weigh their terms (IDF at build time). */
export interface StoryMembers {
  kind: Story['kind'];
  members: readonly ArticleProfile[];
  weigh: (profile: ArticleProfile) => WeightedTerm[];
}

const TITLE_MAX = 200;
const SAMPLE = 64;

/** The id of a story: a hash of its kind and its smallest member id (stable while that member stays). */
export function storyId(kind: Story['kind'], memberIds: readonly string[]): string {
  let min = memberIds[0]!;
  for (const id of memberIds) if (id < min) min = id;
  return stableId('story', kind, min);
}

/** A title taken from the text: trimmed, whitespace collapsed, cut at a word boundary past 200 characters. */
function titleText(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_MAX) return flat;
  const cut = flat.lastIndexOf(' ', TITLE_MAX);
  return flat.slice(0, cut > 60 ? cut : TITLE_MAX);
}

/**
 * Build a story: the centroid of the members' IDF-weighted vectors (of 64 members chosen by a hash of
 * their ids when there are more); the most central article (highest
 * cosine to the centroid, ties by id); its candidate sentence closest to the centroid as the title
 * (with its span); key terms when no sentence qualifies; the period from the members' dates.
 */
export function buildStory({ kind, members, weigh }: StoryMembers): Story {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Large stories: centroid and centrality over a sample fixed by the member ids (order-independent).
  const sample =
    sorted.length <= SAMPLE
      ? sorted
      : [...sorted]
          .map((m) => [hash32(m.id), m] as const)
          .sort((a, b) => a[0] - b[0] || (a[1].id < b[1].id ? -1 : 1))
          .slice(0, SAMPLE)
          .map(([, m]) => m);
  const vectors = sample.map(weigh);
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  const norm = Math.hypot(...sum.values()) || 1;
  const centroid: WeightedTerm[] = [...sum]
    .map(([t, w]): WeightedTerm => [t, w / norm])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const weightOf = new Map(centroid);
  let central = 0;
  let best = -1;
  vectors.forEach((v, i) => {
    const c = cosine(v, centroid);
    if (c > best + 1e-12) {
      best = c;
      central = i;
    }
  });
  const article = sample[central]!;
  let title: string | undefined;
  let titleSpan: Story['titleSpan'];
  let bestScore = 0;
  for (const c of article.candidates) {
    let s = 0;
    for (const t of c.terms) s += weightOf.get(t) ?? 0;
    const score = s / Math.sqrt(c.terms.length + 1);
    if (score > bestScore + 1e-12) {
      bestScore = score;
      title = titleText(c.text);
      titleSpan = { articleId: article.id, start: c.start, end: c.end };
    }
  }
  if (!title) {
    title = [...centroid]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([t]) => t.replace(/^@/, ''))
      .join(' · ');
  }
  const dates = sorted
    .map((m) => m.publishedAt)
    .filter((d): d is string => d !== undefined)
    .sort();
  const period: Story['period'] = {};
  if (dates.length > 0) {
    period.start = dates[0]!;
    period.end = dates[dates.length - 1]!;
  }
  const ids = sorted.map((m) => m.id);
  const story: Story = { id: storyId(kind, ids), kind, title, articleIds: ids, period };
  if (titleSpan) story.titleSpan = titleSpan;
  return story;
}
