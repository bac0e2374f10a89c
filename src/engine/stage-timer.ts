/** Accumulated milliseconds per stage name. */
export type StageTimer = Map<string, number>;

/** Run a stage body, adding its elapsed time to the timer when there is one. */
export function timeStage<T>(timer: StageTimer | undefined, stage: string, body: () => T): T {
  if (!timer) return body();
  const started = performance.now();
  try {
    return body();
  } finally {
    timer.set(stage, (timer.get(stage) ?? 0) + performance.now() - started);
  }
}

/** The timer as one line: each stage's seconds, the longest first ("quotes 9.2, entities 6.9, …"). */
export function formatStageTimes(timer: StageTimer): string {
  return [...timer]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)}`)
    .join(', ');
}
