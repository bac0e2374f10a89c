/**
 * Worker-thread entry of `ArticlePool`: runs the per-article phases (article-phase.ts) with the
 * registry's stages on each batch it is sent, and posts the results back in order, with the time
 * each stage took.
 */
import { parentPort } from 'node:worker_threads';
import type { EntityMention } from '../core/entity.ts';
import {
  ARTICLE_STAGES,
  type ArticleAnnotations,
  type ArticleFacts,
  articleAnnotations,
  articleFacts,
  type PhaseArticle,
} from './article-phase.ts';

export type PhaseRequest =
  | { job: number; phase: 'facts'; articles: PhaseArticle[] }
  | {
      job: number;
      phase: 'annotations';
      items: {
        article: PhaseArticle;
        facts: ArticleFacts;
        linked: { text: EntityMention[]; captions: EntityMention[] };
      }[];
    };

export type PhaseReply =
  | { job: number; results: ArticleFacts[] | ArticleAnnotations[]; timer: [string, number][] }
  | { job: number; error: string };

const port = parentPort;
if (!port) throw new Error('article-worker.ts runs as a worker thread of ArticlePool, not on its own');
port.on('message', (request: PhaseRequest) => {
  try {
    const timer = new Map<string, number>();
    const results =
      request.phase === 'facts'
        ? request.articles.map((a) => articleFacts(a, ARTICLE_STAGES, timer))
        : request.items.map((i) => articleAnnotations(i.article, i.facts, i.linked, ARTICLE_STAGES, timer));
    port.postMessage({ job: request.job, results, timer: [...timer] } satisfies PhaseReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ job: request.job, error: message } satisfies PhaseReply);
  }
});
