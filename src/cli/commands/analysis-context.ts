import type { Analysis } from '../../core/analysis.ts';
import { analyzeStore } from '../../engine/analysis.ts';
import { type GlobalOptions, withStore } from './context.ts';

/** Open the store, get its analysis (cached while the articles and stage versions are unchanged), close. */
export function withAnalysis<T>(
  globals: GlobalOptions,
  body: (analysis: Analysis) => T | Promise<T>,
): Promise<T> {
  return withStore(globals, { mustExist: true }, async (store) =>
    body(await analyzeStore(store, { now: () => new Date() })),
  );
}
