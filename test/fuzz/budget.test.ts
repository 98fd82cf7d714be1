// @spec specthread-core#14.7
import * as assert from 'assert';
import { BASE_RUNS, FUZZ_SCALE, FUZZ_SEED, executedRuns } from './fuzzConfig';

/**
 * The fuzz budget: the unit suite runs at least 10,000 seeded cases, and every run reports how
 * many it executed and with which seed, so a passing random run (`npm run fuzz`) can be replayed
 * as well as a failing one.
 */

describe('fuzz budget', () => {
  it('the properties add up to at least 10,000 cases per unit-suite run', () => {
    const total = Object.values(BASE_RUNS).reduce((a, b) => a + b, 0);
    assert.ok(total >= 10_000, `only ${total} cases configured in BASE_RUNS`);
  });
});

after(() => {
  const runs = executedRuns();
  if (runs.size === 0) return;
  const total = [...runs.values()].reduce((a, b) => a + b, 0);
  console.log(`\n  fuzz: ${total} cases (${[...runs].map(([k, n]) => `${k} ${n}`).join(', ')}), FUZZ_SEED=${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_SCALE}`);
});
