// @spec specthread-core#14.3
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_EXCLUDES } from '../../shared/settings';
import { DEFAULT_TEST_FILES, DEFAULT_TRACE_EXCLUDES } from '../../shared/traceSettings';
import { compileGlobs } from '../../server/src/core/glob/glob';
import { GlobAutomaton } from '../../server/src/core/glob/globAutomaton';
import { fastPathFor } from '../../server/src/core/glob/globFastPath';
import { parseGlob } from '../../server/src/core/glob/globSyntax';

/** The automaton's answer, which every fast path must give. */
const automaton = (pattern: string) => {
  const a = new GlobAutomaton(parseGlob(pattern.replace(/^(?:\.\/)+/, '')));
  return (path: string) => a.test(path);
};
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

describe('glob fast paths (common shapes answered without the automaton)', () => {
  it('covers every default test-file and exclude glob, so classifying a path runs no automaton', () => {
    for (const pattern of [...DEFAULT_TEST_FILES, ...DEFAULT_TRACE_EXCLUDES, ...DEFAULT_EXCLUDES]) {
      assert.ok(fastPathFor(pattern), `no fast path for '${pattern}'`);
    }
  });

  it('leaves other shapes to the automaton', () => {
    for (const pattern of ['src/**/*.ts', '**.md', '[ab]/**', '**/*.{1..3}', '@(a|b)', '?.md', '\\*', '**/{a,b/c}/**', 'a/**/b', '{a}', '**/**']) {
      assert.strictEqual(fastPathFor(pattern), undefined, pattern);
    }
  });

  const cases: [string, string, boolean][] = [
    ['**/*.test.*', 'src/a.test.ts', true],
    ['**/*.test.*', 'a.test.', true],
    ['**/*.test.*', 'src/a.test/b.ts', false],
    ['**/test/**', 'test', true],
    ['**/test/**', 'a/test/b.ts', true],
    ['**/test/**', 'a/tests/b.ts', false],
    ['**/src/test/**', 'p/src/test/x.java', true],
    ['**/src/test/**', 'p/src/tester/x.java', false],
    ['**/*Test.{java,kt,scala,groovy}', 'a/FooTest.kt', true],
    ['**/*Test.{java,kt,scala,groovy}', 'a/FooTest.ts', false],
    ['**/test_*.py', 'test_.py', true],
    ['**/test_*.py', 'a/test_a/b.py', false],
    ['dist/**', 'dist', true],
    ['dist/**', 'distx/a', false],
    ['*.md', 'a/b.md', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'abbc', true],
    ['a*bc*c', 'abc', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`'${pattern}' ${expected ? 'matches' : 'does not match'} '${path}', as the automaton says`, () => {
      const fast = fastPathFor(pattern);
      assert.ok(fast);
      assert.strictEqual(fast(path, baseOf(path)), expected);
      assert.strictEqual(automaton(pattern)(path), expected);
    });
  }

  // Patterns built from the pieces of the fast shapes, and some that are not, so that shapes near
  // the edges (empty words, `**` inside a segment, braces next to stars) are compared too.
  const token = fc.constantFrom(
    'a',
    'b',
    'ab',
    '.',
    '-',
    '_',
    '*',
    '**',
    '/',
    '/**',
    '**/',
    '{a,b}',
    '{.a,b-}',
    '{a,ab}',
    '{a}',
    'test',
    '.test.',
    '?',
    '[a]',
    '\\*',
  );
  const pattern = fc.tuple(fc.constantFrom('', '**/', '**'), fc.array(token, { maxLength: 6 })).map(([head, rest]) => head + rest.join(''));
  const segment = fc.constantFrom('', 'a', 'b', 'ab', 'ba', '.', '-', '_', 'a.b', '.a', 'b-', 'test', 'a.test.b', '.test.', 'aab', 'bab', '*', '{a,b}');
  const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));

  it('gives the automaton’s answer on generated patterns and paths (seeded)', () => {
    let fast = 0;
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 12 }), (p, paths) => {
        const test = fastPathFor(p);
        if (!test) return;
        fast++;
        const slow = automaton(p);
        for (const q of paths) assert.strictEqual(test(q, baseOf(q)), slow(q), `'${p}' on '${q}'`);
      }),
      { seed: 20261201, numRuns: 6000 },
    );
    // The generator must reach the fast paths often, or the property proves little.
    assert.ok(fast > 1000, `only ${fast} generated patterns had a fast path`);
  });

  it('compiled lists answer as the automata alone do, negations and basename mode included (seeded)', () => {
    const listed = fc.tuple(fc.boolean(), pattern).map(([neg, p]) => (neg ? '!' : '') + p);
    fc.assert(
      fc.property(
        fc.array(listed, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(path, { minLength: 1, maxLength: 8 }),
        (patterns, basename, paths) => {
          const mine = compileGlobs(patterns, { basename });
          const positive = patterns.filter((p) => !p.startsWith('!')).map(automaton);
          const negative = patterns.filter((p) => p.startsWith('!')).map((p) => automaton(p.slice(1)));
          for (const q of paths) {
            const subject = basename ? baseOf(q) : q;
            const expected = positive.some((t) => t(subject)) || negative.some((t) => !t(subject));
            assert.strictEqual(mine.match(q), expected, `${JSON.stringify(patterns)} on '${q}'`);
          }
        },
      ),
      { seed: 20261202, numRuns: 3000 },
    );
  });
});
