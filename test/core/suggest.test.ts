import * as assert from 'assert';
import { editDistance, editDistanceWithin, suggestIds } from '../../server/src/core/checks/suggest';

/**
 * The bounded edit distance suggestions use gives the exact distance within its bound and a
 * number above it otherwise, so a bounded suggestion is the one the full table gave.
 */
describe('bounded edit distance for suggestions', () => {
  /** A deterministic sequence of strings over a small alphabet, so that near and far pairs both occur. */
  function strings(seed: number, count: number): string[] {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const length = next() % 12;
      let s = '';
      for (let j = 0; j < length; j++) s += 'ab.-1'[next() % 5];
      out.push(s);
    }
    return out;
  }

  it('equals the full edit distance within the bound, and exceeds the bound otherwise', () => {
    const words = strings(7, 120);
    for (const a of words)
      for (const b of words)
        for (const limit of [0, 1, 2, 4, 7]) {
          const full = editDistance(a, b);
          const bounded = editDistanceWithin(a, b, limit);
          if (full <= limit) assert.strictEqual(bounded, full, `${a} / ${b} within ${limit}`);
          else assert.ok(bounded > limit, `${a} / ${b}: ${bounded} should exceed ${limit} (full ${full})`);
        }
  });

  it('suggests what it did before the bound', () => {
    assert.deepStrictEqual(suggestIds('2.7', ['2.6', '7.2', '2.8', '3.7']), ['2.6', '2.8']);
    assert.deepStrictEqual(suggestIds('user-login', ['user-logout', 'user-log-in', 'billing']), ['user-log-in', 'user-logout']);
    assert.deepStrictEqual(suggestIds('x', ['completely-different']), []);
  });
});
