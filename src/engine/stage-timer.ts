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
