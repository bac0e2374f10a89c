import type { ArticleStages } from '../engine/article-phase.ts';

/** How long the slow stage holds its thread, per article. */
export const SLOW_STAGE_MS = 400;

/**
 * Per-article stages for the tests of the server's responsiveness (off-event-loop.test.ts), loaded
 * by the analysis thread through `ServerJobsOptions.stagesModule`: `numbers` holds the thread busy
 * (a synchronous wait, like a CPU-bound stage) for SLOW_STAGE_MS per article and finds nothing.
 */
export const stages: Partial<ArticleStages> = {
  numbers: () => {
    const until = Date.now() + SLOW_STAGE_MS;
    while (Date.now() < until) {
      // busy: a stage that computes
    }
    return [];
  },
};
