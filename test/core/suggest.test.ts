import * as assert from 'assert';
import { compareIds, editDistance, editDistanceWithin, suggestIds } from '../../server/src/core/checks/suggest';

/**
 * The bounded edit distance suggestions use gives the exact distance within its bound and a
 * number above it otherwise, so a bounded suggestion is the one the full table gave.
 */
describe('bounded edit distance for suggestions', () => {
  /** A deterministic sequence of strings over a small alphabet, so that near and far pairs both occur. */
  function strings(seed: number, count: number, longest = 11, alphabet = 'ab.-1'): string[] {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const length = next() % (longest + 1);
      let s = '';
      for (let j = 0; j < length; j++) s += alphabet[next() % alphabet.length];
      out.push(s);
    }
    return out;
  }

  /** For every pair of `words` and every bound: the full distance within the bound, more than the bound otherwise. */
  function assertBoundedAgrees(words: readonly string[], limits: readonly number[]): void {
    for (const a of words)
      for (const b of words)
        for (const limit of limits) {
          const full = editDistance(a, b);
          const bounded = editDistanceWithin(a, b, limit);
          if (full <= limit) assert.strictEqual(bounded, full, `${a} / ${b} within ${limit}`);
          else assert.ok(bounded > limit, `${a} / ${b}: ${bounded} should exceed ${limit} (full ${full})`);
        }
  }

  it('equals the full edit distance within the bound, and exceeds the bound otherwise', () => {
    assertBoundedAgrees(strings(7, 120), [0, 1, 2, 4, 7]);
  });

  it('equals the full edit distance within the bound for names longer than 32 characters, non-ASCII ones and wide bounds', () => {
    assertBoundedAgrees([...strings(3, 50, 40), ...strings(5, 30, 40, 'ab-é漢'), 'a'.repeat(32), 'a'.repeat(33), `${'a'.repeat(31)}b`], [3, 9, 15, 20, 41]);
  });

  it('suggests what the unbounded ranking suggests, for any candidates and any number of suggestions', () => {
    /** suggestIds as it was before bounds: every full distance, then the same ranking. */
    const reference = (wrong: string, candidates: string[], max: number): string[] => {
      const major = wrong.split('.')[0];
      const same = candidates.filter((id) => id.includes('.') && id.split('.')[0] === major);
      const pool = same.length ? same : candidates;
      const last = (id: string) => Number(id.slice(id.lastIndexOf('.') + 1)) || 0;
      return pool
        .map((id) => ({ id, d: editDistance(wrong, id) }))
        .filter((c) => c.d <= Math.max(2, Math.ceil(wrong.length / 2)))
        .map((c) => ({ id: c.id, score: c.d * 2 + (c.id.split('.')[0] === major ? Math.abs(last(c.id) - last(wrong)) / 1000 : 1) }))
        .sort((a, b) => a.score - b.score || compareIds(a.id, b.id))
        .slice(0, max)
        .map((c) => c.id);
    };
    const words = strings(11, 60);
    const dotted = ['2.7', '2.6', '2.3000', '2.12', '7.2', '12.7', '2', '2.70', '3.1', '2.7000'];
    for (const max of [1, 2, 3])
      for (const wrong of [...words.slice(0, 20), ...dotted]) {
        const candidates = [...words, ...dotted].filter((c) => c !== wrong);
        assert.deepStrictEqual(suggestIds(wrong, candidates, max), reference(wrong, candidates, max), `${wrong} (max ${max})`);
      }
  });

  it('suggests what it did before the bound', () => {
    assert.deepStrictEqual(suggestIds('2.7', ['2.6', '7.2', '2.8', '3.7']), ['2.6', '2.8']);
    assert.deepStrictEqual(suggestIds('user-login', ['user-logout', 'user-log-in', 'billing']), ['user-log-in', 'user-logout']);
    assert.deepStrictEqual(suggestIds('x', ['completely-different']), []);
  });
});
