/**
 * Drivers of the composition's per-article and story work (analyze-articles.ts yields it as jobs):
 * inline on this thread, or cut by weight between an ArticlePool's workers and this thread.
 */
import type { EntityMention } from '../core/entity.ts';
import { type ArticleRecord, articleRecord } from '../pipeline/cluster/article-record.ts';
import {
  type ArticleAnnotations,
  type ArticleFacts,
  type ArticleStages,
  articleAnnotations,
  articleFacts,
  clusterInput,
  type PhaseArticle,
} from './article-phase.ts';
import type { ArticlePool } from './article-pool.ts';
import { type StageTimer, timeStage } from './stage-timer.ts';
import {
  analyzeStory,
  type StoryLinks,
  type StoryMember,
  type StoryResult,
  type StoryUnit,
} from './story-phase.ts';

export type Linked = { text: EntityMention[]; captions: EntityMention[] };

/** Per-article work the composition hands to its driver: phase 1 or phase 2 for some articles. */
export type PhaseJob =
  | { phase: 'facts'; articles: PhaseArticle[] }
  | { phase: 'annotations'; items: AnnotationsItem[] }
  | { phase: 'stories'; items: { unit: StoryUnit; members: StoryMember[]; links: StoryLinks }[] };
export type PhaseResults = ArticleFacts[] | AnnotationsResult[] | StoryResult[];

/** Phase 2 of one article; with `record`, its cluster record is built too (the index does not hold it). */
export interface AnnotationsItem {
  article: PhaseArticle;
  facts: ArticleFacts;
  linked: Linked;
  record?: true;
}
export type AnnotationsResult = ArticleAnnotations & { record?: ArticleRecord };

/**
 * Phase 2 of one article, and its cluster record when asked for. A record that cannot be built is
 * left to the cluster index, which builds it again and records the failure against clustering.
 */
function annotate(
  item: AnnotationsItem,
  stages: ArticleStages,
  timer: StageTimer | undefined,
): AnnotationsResult {
  const out: AnnotationsResult = articleAnnotations(item.article, item.facts, item.linked, stages, timer);
  if (!item.record) return out;
  try {
    const input = clusterInput(item.article, item.facts.publishedAt, item.linked.text);
    out.record = timeStage(timer, 'cluster-records', () => articleRecord(input));
  } catch {
    // built (and its failure recorded) by the index
  }
  return out;
}

/** Run a job on this thread. */
export function runInline(job: PhaseJob, stages: ArticleStages, timer: StageTimer | undefined): PhaseResults {
  switch (job.phase) {
    case 'facts':
      return job.articles.map((a) => articleFacts(a, stages, timer));
    case 'annotations':
      return job.items.map((i) => annotate(i, stages, timer));
    case 'stories':
      return job.items.map((i) => analyzeStory(i.unit, i.members, i.links, timer));
  }
}

const itemsOf = (job: PhaseJob): unknown[] => (job.phase === 'facts' ? job.articles : job.items);

/** The same job on items [from, to). */
function sliceJob(job: PhaseJob, from: number, to: number): PhaseJob {
  switch (job.phase) {
    case 'facts':
      return { phase: 'facts', articles: job.articles.slice(from, to) };
    case 'annotations':
      return { phase: 'annotations', items: job.items.slice(from, to) };
    case 'stories':
      return { phase: 'stories', items: job.items.slice(from, to) };
  }
}

/** How much work an item is: the text length, or for a story the text of all its members. */
function weights(job: PhaseJob): number[] {
  switch (job.phase) {
    case 'facts':
      return job.articles.map((a) => a.text.length);
    case 'annotations':
      return job.items.map((i) => i.article.text.length);
    case 'stories':
      // Claim matching grows faster than linearly with a storyline's size.
      return job.items.map((i) => i.members.reduce((n, m) => n + m.claimMentions.length + 1, 0) ** 1.5);
  }
}

/** Cut points splitting the items into `parts` contiguous runs of about equal weight. */
function cuts(w: number[], parts: number): number[] {
  const total = w.reduce((a, b) => a + b, 0);
  const out = [0];
  let sum = 0;
  for (let i = 0; i < w.length && out.length < parts; i++) {
    sum += w[i]!;
    if (sum >= (total * out.length) / parts) out.push(i + 1);
  }
  while (out.length < parts) out.push(w.length);
  out.push(w.length);
  return out;
}

/**
 * Cut a job between the pool's workers (the first shares) and this thread (the last), run them at
 * once and join the results in order. A worker's share that fails is run here instead.
 */
export async function runShared(
  job: PhaseJob,
  pool: ArticlePool,
  stages: ArticleStages,
  timer: StageTimer | undefined,
): Promise<PhaseResults> {
  const at = cuts(weights(job), pool.threads + 1);
  const shares = Array.from({ length: pool.threads }, (_, w) => sliceJob(job, at[w]!, at[w + 1]!));
  const replies = shares.map((share, w) =>
    itemsOf(share).length === 0 ? Promise.resolve(undefined) : pool.send(w, share),
  );
  const own = runInline(sliceJob(job, at[pool.threads]!, itemsOf(job).length), stages, timer);
  const results: unknown[] = [];
  for (const [w, reply] of (await Promise.all(replies)).entries()) {
    if (!reply) continue;
    if ('error' in reply) {
      results.push(...runInline(shares[w]!, stages, timer));
      continue;
    }
    for (const [stage, ms] of reply.timer) timer?.set(stage, (timer.get(stage) ?? 0) + ms);
    results.push(...reply.results);
  }
  results.push(...own);
  return results as PhaseResults;
}
