// @spec specthread-core#14.7
import fc from 'fast-check';

/**
 * How many cases each property runs and with which seed. The unit suite uses a fixed seed so
 * that CI is reproducible; `FUZZ_SEED` replays a reported failure (fast-check prints the seed and
 * path when a property fails), `FUZZ_SEED=random` explores new inputs, and `FUZZ_RUNS` scales
 * every property's run count (`npm run fuzz` sets it to 10).
 */

const DEFAULT_SEED = 0x5eed_0814;

function readSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return (Math.random() * 0x7fffffff) | 0;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", not "${raw}"`);
  return n;
}

function readScale(): number {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`FUZZ_RUNS must be a positive number (a multiplier of each property's runs), not "${raw}"`);
  return n;
}

export const FUZZ_SEED = readSeed();
export const FUZZ_SCALE = readScale();

/**
 * Cases per property in the unit suite, before `FUZZ_RUNS` scales them. Together at least 10,000
 * (budget.test.ts checks the sum), in about two minutes of one core. The parsers are cheap and
 * get most cases; the LSP sequences start two servers each.
 */
export const BASE_RUNS = {
  parsers: 5000,
  grammar: 2500,
  corpus: 1500,
  determinism: 1000,
  lsp: 6,
  xml: 1000,
  edits: 200,
} as const;

export type PropertyName = keyof typeof BASE_RUNS;

/** Cases actually executed, per property, so the suite can report its total. */
const executed = new Map<PropertyName, number>();

export function runsFor(base: number): number {
  return Math.max(1, Math.round(base * FUZZ_SCALE));
}

/**
 * Parameters for `fc.assert`: the seed (printed by the reporter on failure, with how to replay
 * it), the scaled number of runs, and a counter of executed cases.
 */
export function fuzzParams<T>(name: PropertyName, options: { readonly shrink?: boolean } = {}): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: runsFor(BASE_RUNS[name]),
    // Shrinking re-runs the case many times; where a case costs seconds, the first failure is reported as is.
    endOnFailure: options.shrink === false,
    reporter: (details) => {
      executed.set(name, details.numRuns);
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
      throw new Error(`${fc.defaultReportMessage(details)}\nReplay with FUZZ_SEED=${FUZZ_SEED}\n\nError of the smallest failing case:\n${cause}`);
    },
  };
}

export function executedRuns(): ReadonlyMap<PropertyName, number> {
  return executed;
}
