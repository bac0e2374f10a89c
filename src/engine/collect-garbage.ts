/**
 * A full garbage collection between the analysis's phases. Each phase leaves garbage of the size of
 * its inputs (worker replies, records read and written, transient indexes), and V8 lets the heap grow
 * to about twice the live data before it collects on its own: at pile-dev the live heap was 400 MB
 * where the heap reached 720 MB and RSS 1.1 GB. Collected where it measured to matter — around
 * storing the cluster index, where clustering's garbage and the written state meet the largest live
 * heap — the peak follows the live data (docs/decisions/0013, "Collecting between phases").
 *
 * V8 exposes `gc` only with `--expose-gc`; the flag can be turned on at run time, and the function
 * read from a fresh context (the `expose-gc` package does the same). Where that fails, nothing is
 * collected: it only bounds memory, never changes a result.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined | null = null;

export function collectGarbage(): void {
  if (gc === null) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = undefined;
    }
  }
  if (process.env.SITREP_NO_PHASE_GC) return;
  gc?.();
}
