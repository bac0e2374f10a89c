/**
 * What every fuzz file shares: the seed and run counts (fixed, so CI is reproducible; override with
 * SITREP_FUZZ_SEED and scale with SITREP_FUZZ_SCALE to fuzz longer by hand), running one input on
 * every driver with the results compared, and the PostgreSQL half's skip-or-fail convention.
 */
import assert from 'node:assert/strict';
import { it, type TestContext } from 'node:test';
import type fc from 'fast-check';
import type { Store } from '../../src/store/store.ts';
import type { FuzzDriver, FuzzStores } from './fuzz-stores.ts';

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? '');
  return process.env[name] && Number.isFinite(value) && value > 0 ? value : fallback;
}

const DEFAULT_SEED = 180018;
export const FUZZ_SEED = Math.floor(envNumber('SITREP_FUZZ_SEED', DEFAULT_SEED));
const SCALE = envNumber('SITREP_FUZZ_SCALE', 1);

/**
 * fast-check parameters for `runs` runs (scaled), with the fixed seed and the given examples. A
 * failure ends the run at once (its seed and path are printed; shrinking a batch through two stores
 * can take many minutes): set SITREP_FUZZ_SHRINK=1 to shrink it to a small counterexample.
 */
export function fuzzParameters<T>(runs: number, examples: T[] = []): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(runs * SCALE)),
    examples,
    endOnFailure: process.env['SITREP_FUZZ_SHRINK'] !== '1',
  };
}

/**
 * Print the figures, and require at least `minimum` inputs at the default seed and scale (where the
 * count is fixed): fewer means the generators shrank and the suite no longer runs what it promises.
 */
export function expectInputs(
  t: TestContext,
  area: string,
  inputs: number,
  runs: number,
  minimum: number,
  drivers: FuzzDriver[],
): void {
  t.diagnostic(
    `fuzz ${area}: seed ${FUZZ_SEED}, ${runs} runs, ${inputs} generated inputs, each on ${drivers.map((d) => d.name).join(' and ')}`,
  );
  if (SCALE === 1 && FUZZ_SEED === DEFAULT_SEED)
    assert.ok(inputs >= minimum, `${area}: ${inputs} inputs, fewer than the ${minimum} this file promises`);
}

export function fuzzDrivers(stores: FuzzStores): FuzzDriver[] {
  return stores.postgres ? [stores.sqlite, stores.postgres] : [stores.sqlite];
}

/** JSON's view of a value: what a client of either driver sees. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * Run `body` on a new store of every driver and require the same result from each (compared as
 * JSON). Returns the first driver's result.
 */
export async function onEveryDriver<R>(
  drivers: FuzzDriver[],
  body: (store: Store) => Promise<R>,
): Promise<R> {
  const results: R[] = [];
  for (const driver of drivers) {
    const store = await driver.open();
    try {
      results.push(await body(store));
    } catch (error) {
      throw new Error(`[${driver.name}] ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    } finally {
      await store.close();
      await driver.discard();
    }
  }
  for (let i = 1; i < results.length; i++) {
    assert.deepEqual(
      asJson(results[i]),
      asJson(results[0]),
      `${drivers[i]?.name} and ${drivers[0]?.name} differ`,
    );
  }
  return results[0] as R;
}

/** The PostgreSQL half, when PostgreSQL is not reachable: skipped, or failed when SITREP_TEST_POSTGRES is set. */
export function postgresMissing(stores: FuzzStores): void {
  const missing = stores.postgresMissing;
  if (!missing) return;
  if (missing.required) {
    it('reaches PostgreSQL', () => {
      assert.fail(missing.reason);
    });
  } else {
    it('on PostgreSQL', { skip: missing.reason }, () => {});
  }
}
