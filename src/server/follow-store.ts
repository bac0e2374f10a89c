import type { Store } from '../store/store.ts';
import type { AnalysisState } from './analysis-state.ts';

/** How often `sitrep serve` looks at its store for other processes' changes (`--follow-ms`). */
export const FOLLOW_EVERY_MS = 5000;

export interface StoreFollower {
  stop(): void;
  /** One look now (what the timer does); resolves once it is done (tests). */
  look(): Promise<void>;
}

/**
 * The server follows what other processes do to its store (docs/decisions/0090, "The API server
 * follows the store"): `sitrep ingest` or `sitrep analyze` in another terminal, a fleet of workers.
 * It used to recompute only after its own uploads, so what others stored was not served until a
 * restart. Every `everyMs` it reads the number of stored articles and the stored analysis's manifest
 * (two small queries) and compares them with the analysis it serves:
 * - another process stored a newer analysis (the manifest's `generatedAt` differs): refresh now —
 *   the analysis finds that one's records and only assembles them;
 * - articles were added (the count differs) and nobody analysed them: refresh once the count has
 *   held still for one more look, so that a burst of ingests is analysed once; a fleet analysing
 *   meanwhile holds the store's analysis lock, which the refresh waits for rather than repeating its
 *   work.
 * Nothing is looked at while a refresh runs. A failed look is tried again at the next tick.
 *
 * `othersWillAnalyse` (a fleet on PostgreSQL: live workers with ingest or analysis jobs pending) is
 * asked before added articles are analysed here: while it says yes, the server leaves them to the
 * fleet and waits for the analysis it stores, instead of taking the lock first and running the
 * analysis in the API process.
 */
export function followStore(
  store: Store,
  analysis: AnalysisState,
  everyMs: number,
  othersWillAnalyse?: () => Promise<boolean>,
): StoreFollower {
  let pendingCount: number | undefined;
  /** The count a refresh of ours was started for: when that refresh failed, it is not tried again. */
  let refreshedFor: number | undefined;
  let looking: Promise<void> | undefined;
  const refresh = (count: number) => {
    pendingCount = undefined;
    refreshedFor = count;
    analysis.refresh();
  };
  const look = async (): Promise<void> => {
    // Nothing served yet (a server started on an empty store) counts as no articles: what others
    // add is analysed as it would be after one served analysis.
    const served = analysis.served() ?? { generatedAt: undefined, articles: 0 };
    const status = analysis.status();
    if (status.pending) return;
    const [count, manifest] = await Promise.all([
      store.countArticles(),
      store.getDerived<{ generatedAt?: unknown }>('analysis', 'corpus'),
    ]);
    const stored = manifest?.value.generatedAt;
    if (typeof stored === 'string' && stored !== served.generatedAt) refresh(count);
    else if (count === served.articles) pendingCount = undefined;
    // A failed refresh is reported in /api/health; the same count does not start it again.
    else if (status.lastRun?.ok === false && refreshedFor === count) pendingCount = undefined;
    else if (await othersWillAnalyse?.()) pendingCount = undefined;
    else if (pendingCount === count) refresh(count);
    else pendingCount = count;
  };
  const tick = () => {
    looking ??= look()
      .catch(() => undefined)
      .finally(() => {
        looking = undefined;
      });
    return looking;
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), look: tick };
}
