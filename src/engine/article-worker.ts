/**
 * Worker-thread entry of `ArticlePool`: runs the per-article phases and the story stages
 * (`runInline` of analyze-articles.ts) with the registry's stages on each job it is sent, and posts
 * the results back in order, with the time each stage took.
 */
import { parentPort } from 'node:worker_threads';
import { ARTICLE_STAGES } from './article-phase.ts';
import { type PhaseJob, type PhaseResults, runInline } from './phase-jobs.ts';

export type PhaseRequest = PhaseJob & { job: number };

export type PhaseReply =
  | { job: number; results: PhaseResults; timer: [string, number][] }
  | { job: number; error: string };

const port = parentPort;
if (!port) throw new Error('article-worker.ts runs as a worker thread of ArticlePool, not on its own');
port.on('message', ({ job, ...request }: PhaseRequest) => {
  try {
    const timer = new Map<string, number>();
    const results = runInline(request as PhaseJob, ARTICLE_STAGES, timer);
    port.postMessage({ job, results, timer: [...timer] } satisfies PhaseReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ job, error: message } satisfies PhaseReply);
  }
});
