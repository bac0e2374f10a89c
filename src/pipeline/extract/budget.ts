import { SitrepError } from '../../core/errors.ts';

/** Default work budget for extracting one item: far above any real page (the slowest seen take well under a second). */
export const DEFAULT_EXTRACT_BUDGET_MS = 5000;

/** How many `check` calls pass between two readings of the clock. */
const CHECK_EVERY = 256;

/**
 * A deadline for the work spent on one item, checked inside the extractors' loops. When it has passed,
 * `check` throws EXTRACT_BUDGET naming what was too large, so one pathological input becomes that
 * item's failure instead of stalling the batch. The clock is passed in (stages have no hidden clocks);
 * the default is the monotonic `performance.now`.
 */
export class WorkBudget {
  private readonly deadline: number;
  private ticks = 0;
  /** What is being extracted, in words, for the message ("plain text of 10.5 million characters in 3495253 blocks"). */
  subject = 'the input';

  constructor(
    readonly ms: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.deadline = clock() + ms;
  }

  /** Cheap: reads the clock every 256 calls. For inner loops. */
  check(): void {
    if (++this.ticks % CHECK_EVERY === 0) this.checkNow();
  }

  /** Reads the clock now. For phase boundaries. */
  checkNow(): void {
    if (this.clock() < this.deadline) return;
    throw new SitrepError(
      'EXTRACT_BUDGET',
      `extraction stopped after its budget of ${this.ms} ms: ${this.subject} is too large to extract in time; split the input, or raise the budget (--extract-budget-ms) if it is a real article`,
    );
  }
}

/** Size of a text for messages: '10.5 million characters', '12.3 thousand characters', '800 characters'. */
export function describeSize(chars: number): string {
  if (chars >= 1e6) return `${(chars / 1e6).toFixed(1)} million characters`;
  if (chars >= 1e4) return `${(chars / 1e3).toFixed(1)} thousand characters`;
  return `${chars} characters`;
}
