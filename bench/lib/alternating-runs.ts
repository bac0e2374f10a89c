import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * A/B runs of a benchmark across checkouts: this one and, with `--compare DIR`, another. Each run is
 * a fresh child process of `script` (`node [nodeArgs] --import tsx script ...args(root)`), whose last
 * line of output is its result as JSON; the checkouts alternate (A B, B A, …) so that a machine's
 * drift falls on both. `keep` folds each run's result into the one kept per checkout (the best).
 */
export function alternatingRuns<R>(options: {
  script: string;
  /** This checkout, then the one to compare with, when there is one. */
  roots: string[];
  runs: number;
  args: (root: string) => string[];
  nodeArgs?: string[];
  keep: (kept: R | undefined, next: R, root: string) => R;
}): R[] {
  const { roots } = options;
  const kept: (R | undefined)[] = roots.map(() => undefined);
  for (let r = 0; r < options.runs; r++) {
    const order = r % 2 === 0 ? roots.map((_, k) => k) : roots.map((_, k) => roots.length - 1 - k);
    for (const k of order) {
      const out = spawnSync(
        process.execPath,
        [...(options.nodeArgs ?? []), '--import', 'tsx', options.script, ...options.args(roots[k]!)],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`);
      const result = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as R;
      kept[k] = options.keep(kept[k], result, roots[k]!);
    }
  }
  return kept.map((r) => r!);
}

/** The checkouts a bench compares: the one it lives in (`benchDir`'s parent), then `compare`. */
export function checkouts(benchDir: string, compare: string | undefined): string[] {
  const roots = [resolve(benchDir, '..')];
  if (compare) roots.push(resolve(compare));
  return roots;
}
