/**
 * Drivers of the composition's per-article and story work (analyze-articles.ts yields it as jobs):
 * inline on this thread, or cut by weight between an ArticlePool's workers and this thread.
 */
import { articleFraming } from '../pipeline/analyze/compare/build-sources.ts';
import type { LoadedTermsResult } from '../pipeline/annotate/framing/find-loaded-terms.ts';
import type { FramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
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
import { type Linked, localizeLinked } from './local-entities.ts';
import { type StageTimer, timeStage } from './stage-timer.ts';
import {
  analyzeStory,
  type StoryLinks,
  type StoryMember,
  type StoryResult,
  type StoryUnit,
} from './story-phase.ts';

export type { Linked };

/** Per-article work the composition hands to its driver: phase 1 or phase 2 for some articles. */
export type PhaseJob =
  | { phase: 'facts'; articles: PhaseArticle[] }
  | { phase: 'annotations'; items: AnnotationsItem[]; framing?: FramingJob }
  | { phase: 'stories'; items: { unit: StoryUnit; members: StoryMember[]; links: StoryLinks }[] };
export type PhaseResults = ArticleFacts[] | AnnotationsResult[] | StoryResult[];

/** Phase 2 of one article; with `record`, its cluster record is built too (the index does not hold it). */
export interface AnnotationsItem {
  article: PhaseArticle;
  facts: ArticleFacts;
  /**
   * The article's linked mentions, with corpus ids: the stages read them with ids local to the
   * article (local-entities.ts), the cluster record with the corpus ids.
   */
  linked: Linked;
  record?: true;
}
/** Loaded terms are found with the annotations when asked (the lexicon: absent for the bundled one). */
export interface FramingJob {
  lexicon?: FramingLexicon;
}
export type AnnotationsResult = ArticleAnnotations & { record?: ArticleRecord; framing?: LoadedTermsResult };

/**
 * Phase 2 of one article, and its cluster record when asked for. A record that cannot be built is
 * left to the cluster index, which builds it again and records the failure against clustering.
 */
function annotate(
  item: AnnotationsItem,
  stages: ArticleStages,
  timer: StageTimer | undefined,
  framing: FramingJob | undefined,
): AnnotationsResult {
  const { local } = localizeLinked(item.linked);
  const out: AnnotationsResult = articleAnnotations(item.article, item.facts, local, stages, timer);
  if (framing) {
    try {
      out.framing = timeStage(timer, 'framing', () =>
        articleFraming(item.article, out.quotes, framing.lexicon),
      );
    } catch {
      // found again (and its failure recorded) by the composition
    }
  }
  if (!item.record) return out;
  try {
    const input = clusterInput(item.article, item.facts.publishedAt, item.linked.text);
    out.record = timeStage(timer, 'cluster-records', () => articleRecord(input));
  } catch {
    // built (and its failure recorded) by the index
  }
  return out;
}

/** How many articles a job reads (a story job: the members of its storylines). */
export function jobArticles(job: PhaseJob): number {
  switch (job.phase) {
    case 'facts':
      return job.articles.length;
    case 'annotations':
      return job.items.length;
    case 'stories':
      return job.items.reduce((n, i) => n + i.members.length, 0);
  }
}

/** Run a job on this thread. */
export function runInline(job: PhaseJob, stages: ArticleStages, timer: StageTimer | undefined): PhaseResults {
  switch (job.phase) {
    case 'facts':
      return job.articles.map((a) => articleFacts(a, stages, timer));
    case 'annotations':
      return job.items.map((i) => annotate(i, stages, timer, job.framing));
    case 'stories':
      return job.items.map((i) => analyzeStory(i.unit, i.members, i.links, timer));
  }
}

/** The same job on items [from, to). */
function sliceJob(job: PhaseJob, from: number, to: number): PhaseJob {
  switch (job.phase) {
    case 'facts':
      return { phase: 'facts', articles: job.articles.slice(from, to) };
    case 'annotations':
      return { ...job, items: job.items.slice(from, to) };
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

/** Cut points splitting the items into contiguous runs of at most `limit` weight each (an item heavier alone is a run). */
function cuts(w: number[], limit: number): number[] {
  const out = [0];
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    if (sum > 0 && sum + w[i]! > limit) {
      out.push(i);
      sum = 0;
    }
    sum += w[i]!;
  }
  if (out[out.length - 1] !== w.length) out.push(w.length);
  return out;
}

/** Cut a job into about `count` contiguous chunks of similar weight; joined in order they are the job. */
export function cutJob(job: PhaseJob, count: number): PhaseJob[] {
  const w = weights(job);
  const total = w.reduce((a, b) => a + b, 0);
  const at = cuts(w, total / count);
  return Array.from({ length: at.length - 1 }, (_, c) => sliceJob(job, at[c]!, at[c + 1]!));
}

/** Chunks per thread a job is cut into: small enough to balance the threads and bound what a worker holds. */
export const CHUNKS_PER_THREAD = 16;
/** Chunks a worker is sent ahead, so that it never waits for this thread to hand it the next. */
const AHEAD = 2;

/**
 * Cut a job into chunks and run them at once on the pool's workers and on this thread, each taking
 * the next chunk when it is done (a worker is kept `AHEAD` chunks ahead); the results are joined in
 * order — the same as running the job inline. A worker's chunk that fails is run here instead.
 * Small chunks keep both threads busy to the end and bound the results a worker holds at a time.
 */
export async function runShared(
  job: PhaseJob,
  pool: ArticlePool,
  stages: ArticleStages,
  timer: StageTimer | undefined,
): Promise<PhaseResults> {
  const chunks = cutJob(job, CHUNKS_PER_THREAD * (pool.threads + 1));
  const results: PhaseResults[] = new Array(chunks.length);
  let next = 0;
  const workerLoop = async (worker: number): Promise<void> => {
    const inFlight: Promise<void>[] = [];
    const take = (): Promise<void> | undefined => {
      if (next >= chunks.length) return undefined;
      const c = next++;
      return pool.send(worker, chunks[c]!).then((reply) => {
        if ('error' in reply) {
          results[c] = runInline(chunks[c]!, stages, timer);
          return;
        }
        for (const [stage, ms] of reply.timer) timer?.set(stage, (timer.get(stage) ?? 0) + ms);
        results[c] = reply.results;
      });
    };
    for (let k = 0; k < AHEAD; k++) {
      const p = take();
      if (p) inFlight.push(p);
    }
    while (inFlight.length > 0) {
      await inFlight.shift();
      const p = take();
      if (p) inFlight.push(p);
    }
  };
  const workers = Array.from({ length: pool.threads }, (_, worker) => workerLoop(worker));
  while (next < chunks.length) {
    const c = next++;
    results[c] = runInline(chunks[c]!, stages, timer);
    // Let the workers' replies in, so that each is sent its next chunk before this thread runs one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return results.flat() as PhaseResults;
}
