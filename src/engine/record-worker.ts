/**
 * Worker-thread entry of `RecordPool`: builds cluster records (`articleRecord`, a pure function of
 * one article) for each batch it is sent and posts them back in the same order.
 */
import { parentPort } from 'node:worker_threads';
import type { ClusterInput } from '../core/story.ts';
import { articleRecord } from '../pipeline/cluster/article-record.ts';

export interface RecordRequest {
  job: number;
  inputs: ClusterInput[];
}

export type RecordReply =
  | { job: number; records: ReturnType<typeof articleRecord>[] /** Time spent building them. */; ms: number }
  | { job: number; error: string };

const port = parentPort;
if (!port) throw new Error('record-worker.ts runs as a worker thread of RecordPool, not on its own');
port.on('message', ({ job, inputs }: RecordRequest) => {
  try {
    const t0 = performance.now();
    const records = inputs.map(articleRecord);
    port.postMessage({ job, records, ms: performance.now() - t0 } satisfies RecordReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ job, error: message } satisfies RecordReply);
  }
});
