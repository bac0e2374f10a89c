/** Pieces of the analysis assembled from per-article and per-story results (analyze-articles.ts). */
import type { AnalysisArticle } from '../core/analysis.ts';
import type { Article } from '../core/article.ts';
import type { DerivationLink, DuplicateLink, Story } from '../core/story.ts';
import type { ArticleFacts } from './article-phase.ts';
import type { StoryUnit } from './story-phase.ts';

/** Duplicate and derivation links by the article they describe (the first duplicate link wins). */
export function linksByArticle(duplicates: DuplicateLink[], derivations: DerivationLink[]) {
  const duplicateOf = new Map<string, DuplicateLink>();
  for (const d of duplicates) if (!duplicateOf.has(d.articleId)) duplicateOf.set(d.articleId, d);
  const derivedFrom = new Map<string, DerivationLink[]>();
  for (const d of derivations) {
    const list = derivedFrom.get(d.articleId) ?? [];
    list.push(d);
    derivedFrom.set(d.articleId, list);
  }
  return { duplicateOf, derivedFrom };
}

export function toAnalysisArticle(
  article: Article,
  facts: ArticleFacts,
  links: ReturnType<typeof linksByArticle>,
): AnalysisArticle {
  const out: AnalysisArticle = {
    id: article.id,
    input: article.input,
    title: article.title ?? '',
    text: article.text,
    removed: article.removed.map(({ start, end, reason, text }) => ({ start, end, reason, text })),
  };
  if (article.outlet) out.outlet = article.outlet;
  if (article.byline) out.byline = article.byline;
  if (facts.publishedAt) out.publishedAt = facts.publishedAt;
  if (facts.publishedAtEvidence) out.publishedAtEvidence = facts.publishedAtEvidence;
  if (facts.publishedAtConfidence !== undefined) out.publishedAtConfidence = facts.publishedAtConfidence;
  if (facts.publishedAtReasons) out.publishedAtReasons = facts.publishedAtReasons;
  if (article.language) out.language = article.language;
  const duplicate = links.duplicateOf.get(article.id);
  if (duplicate) out.duplicateOf = duplicate.duplicateOf;
  const derived = links.derivedFrom.get(article.id) ?? [];
  if (derived.length > 0) {
    out.derivedFrom = derived.map((d) => {
      const evidence =
        d.kind === 'citation'
          ? `cites ${d.outlet ?? 'another outlet'}: "${d.citation?.text ?? ''}"`
          : `reuses ${d.alignments?.length ?? 0} passage(s) (score ${d.score.toFixed(2)})`;
      return {
        ...(d.sourceArticleId ? { articleId: d.sourceArticleId } : {}),
        ...(d.outlet ? { outlet: d.outlet } : {}),
        evidence,
      };
    });
  }
  return out;
}

/** Items by the article they describe. */
export function groupByArticle<T extends { articleId: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.articleId);
    if (list) list.push(item);
    else out.set(item.articleId, [item]);
  }
  return out;
}

/** Storylines as story units, in the order of their first article; articles in none are units alone. */
export function storyUnits(articles: readonly { id: string }[], stories: Story[]): StoryUnit[] {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const byId = new Map(stories.map((s) => [s.id, s]));
  const units: StoryUnit[] = [];
  const covered = new Set<string>();
  for (const line of stories.filter((s) => s.kind === 'storyline')) {
    const ids = line.articleIds.filter((id) => position.has(id) && !covered.has(id));
    if (ids.length === 0) continue;
    ids.sort((a, b) => position.get(a)! - position.get(b)!);
    for (const id of ids) covered.add(id);
    const events = (line.eventIds ?? []).flatMap((id) => byId.get(id) ?? []);
    units.push({ id: line.id, articleIds: ids, stories: [line, ...events] });
  }
  for (const a of articles) if (!covered.has(a.id)) units.push({ id: a.id, articleIds: [a.id], stories: [] });
  // An event its storyline does not list (never the case for the cluster index) joins its first article's unit.
  const listed = new Set(units.flatMap((u) => u.stories.map((s) => s.id)));
  const unitOf = new Map(units.flatMap((u) => u.articleIds.map((id) => [id, u] as const)));
  for (const event of stories) {
    if (listed.has(event.id)) continue;
    const first = event.articleIds.find((id) => unitOf.has(id));
    if (first) unitOf.get(first)!.stories.push(event);
  }
  return units.sort((x, y) => position.get(x.articleIds[0]!)! - position.get(y.articleIds[0]!)!);
}
