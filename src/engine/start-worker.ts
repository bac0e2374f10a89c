import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * A worker thread running the entry module `name` beside the calling module (`callerUrl`): the built
 * JavaScript when the caller is built, else the TypeScript source, loaded through tsx's API (Node 20
 * does not carry a parent's `--import` loader hooks into a worker reliably, so the worker registers
 * tsx itself before importing the entry).
 */
export function startWorker(callerUrl: string, name: string, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), limits);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${script}); });`, {
    eval: true,
    ...limits,
  });
}
