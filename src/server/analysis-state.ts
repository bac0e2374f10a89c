import type { Analysis } from '../core/analysis.ts';
import { type ErrorCode, isSitrepError, SitrepError } from '../core/errors.ts';
import { bodyOf, type CachedBody } from './http-send.ts';

/**
 * The analysis the server answers from, kept fresh behind the requests (stale-while-revalidate; see
 * docs/decisions/0060 and 0080): reads are answered from the last complete analysis while a new one
 * is computed; a write schedules a recompute, one at a time, and writes during a recompute are
 * coalesced into one more after it. A failed recompute keeps the previous analysis and is reported
 * in `status()` (and so in /api/health), never thrown at readers. Only before the first analysis
 * exists do reads wait for it (up to `firstWaitMs`, then 503 ANALYSIS_PENDING).
 */
export interface AnalysisSnapshot {
  analysis: Analysis;
  /** 1 for the first analysis the server computed, then one more per new analysis. */
  version: number;
  /** Response bodies derived from this analysis, by route and query, as UTF-8 (see `view`). */
  views: Map<string, CachedBody>;
  /** Bytes of the bodies in `views`. */
  viewBytes: number;
}

export interface AnalysisStatus {
  /** `generatedAt` of the analysis being served; absent before the first one. */
  generatedAt?: string;
  version: number;
  /** A recompute is running or scheduled: a newer analysis is on its way. */
  pending: boolean;
  /** When the last recompute finished, and how long it took. */
  lastRun?: { finishedAt: string; ms: number; ok: boolean };
  /** The last recompute's failure, until one succeeds again. */
  error?: { code: string; message: string; at: string };
}

/** Thrown to readers while the first analysis is still being computed after `firstWaitMs`. */
export class AnalysisPendingError extends Error {
  constructor() {
    super('the analysis is being computed; try again in a few seconds');
    this.name = 'AnalysisPendingError';
  }
}

/** Cached bodies per analysis: at most this many (route + query strings are the keys) … */
export const MAX_VIEWS = 256;
/** … of at most this many bytes in all (the oldest go first). */
export const MAX_VIEW_BYTES = 256 * 2 ** 20;

export class AnalysisState {
  private current: AnalysisSnapshot | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private version = 0;
  private lastRun: AnalysisStatus['lastRun'];
  private failure: { error: unknown; at: string } | undefined;

  constructor(
    private readonly compute: () => Promise<Analysis>,
    private readonly options: {
      now: () => Date;
      firstWaitMs?: number;
      /** Called (on a later turn of the event loop) with each new analysis: index building that would otherwise fall on the first reader. */
      warm?: (analysis: Analysis) => void;
    } = { now: () => new Date() },
  ) {}

  /** The analysis to answer from: the last complete one, else the first one once it is computed. */
  async snapshot(): Promise<AnalysisSnapshot> {
    if (this.current) return this.current;
    if (!this.running) this.refresh();
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      this.running!.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.options.firstWaitMs ?? 10_000);
      }),
    ]);
    clearTimeout(timer);
    if (this.current) return this.current;
    if (!waited) throw new AnalysisPendingError();
    // The first analysis failed: its error is the answer (the next read tries again).
    const error = this.failure?.error;
    throw isSitrepError(error)
      ? error
      : new SitrepError('INTERNAL', `the analysis failed: ${String((error as Error)?.message ?? error)}`);
  }

  /** Start a recompute now, or after the running one (writes while one runs make one more, not many). */
  refresh(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
  }

  /** Resolves once no recompute is running or scheduled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** What the served analysis covers: its `generatedAt` and article count (undefined before the first). */
  served(): { generatedAt: string; articles: number } | undefined {
    const analysis = this.current?.analysis;
    return analysis ? { generatedAt: analysis.generatedAt, articles: analysis.articles.length } : undefined;
  }

  status(): AnalysisStatus {
    const status: AnalysisStatus = {
      version: this.current?.version ?? 0,
      pending: this.running !== undefined,
    };
    if (this.current) status.generatedAt = this.current.analysis.generatedAt;
    if (this.lastRun) status.lastRun = this.lastRun;
    if (this.failure) {
      const error = this.failure.error;
      status.error = {
        code: isSitrepError(error) ? (error.code as ErrorCode) : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        at: this.failure.at,
      };
    }
    return status;
  }

  private async run(): Promise<void> {
    const started = performance.now();
    let ok = false;
    try {
      const analysis = await this.compute();
      this.version += 1;
      this.current = { analysis, version: this.version, views: new Map(), viewBytes: 0 };
      const warm = this.options.warm;
      if (warm) setImmediate(() => warm(analysis));
      this.failure = undefined;
      ok = true;
    } catch (error) {
      this.failure = { error, at: this.options.now().toISOString() };
    } finally {
      const ms = Math.round(performance.now() - started);
      this.lastRun = { finishedAt: this.options.now().toISOString(), ms, ok };
    }
  }
}

/**
 * A response body derived from the snapshot, made once per analysis and query (`key`) and kept as
 * bytes: a cached body is sent as it is, without serializing or encoding it again.
 */
export function view(snapshot: AnalysisSnapshot, key: string, make: () => string): CachedBody {
  const hit = snapshot.views.get(key);
  if (hit !== undefined) return hit;
  const body = bodyOf(make());
  const size = body.bytes.length;
  if (size > MAX_VIEW_BYTES / 4) return body;
  for (const [oldest, cached] of snapshot.views) {
    if (snapshot.views.size < MAX_VIEWS && snapshot.viewBytes + size <= MAX_VIEW_BYTES) break;
    snapshot.views.delete(oldest);
    snapshot.viewBytes -= cached.bytes.length;
  }
  snapshot.views.set(key, body);
  snapshot.viewBytes += size;
  return body;
}
