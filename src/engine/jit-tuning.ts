/**
 * V8's optimising compiler, tuned for a long batch job. By default V8 optimises a function once it
 * has run about 66 KB of bytecode; an analysis then compiles ~1,400 functions, many of them large and
 * several times over (a function is deoptimised when objects of a new shape reach it, and optimised
 * again), and on pile-dev the compiler's background threads took ~8 of the ~40 s of CPU an analysis
 * costs on one thread, 20 s of 55 s with a worker thread (each isolate compiles its own code). On two
 * cores that CPU is taken from the analysis itself. Waiting eight times longer before optimising
 * compiles only what is really hot, once its feedback has settled: 13 % less CPU and 10 % less wall
 * time for the same analysis (docs/decisions/0013, "The optimising compiler"). The flag changes when
 * code is optimised, never what it computes.
 *
 * Set at run time (the flag is read when a function's budget is next set, so it must come before the
 * work, not before the modules load); `SITREP_DEFAULT_JIT=1` keeps V8's default, for A/B runs.
 */
import { setFlagsFromString } from 'node:v8';

/** V8 11's default interrupt budget (67,584 bytes of bytecode) times eight. */
export const INTERRUPT_BUDGET = 8 * 67_584;

let tuned = false;

/** Apply the tuning once per process (worker threads share the process's flags). */
export function tuneJit(): void {
  if (tuned || process.env['SITREP_DEFAULT_JIT']) return;
  tuned = true;
  try {
    setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  } catch {
    // A runtime without the flag keeps its default: only speed depends on it.
  }
}
