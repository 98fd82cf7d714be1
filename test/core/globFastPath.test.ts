// @spec specthread-core#14.3
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_EXCLUDES } from '../../shared/settings';
import { DEFAULT_TEST_FILES, DEFAULT_TRACE_EXCLUDES } from '../../shared/traceSettings';
import { compileGlobs } from '../../server/src/core/glob/glob';
import { GlobAutomaton } from '../../server/src/core/glob/globAutomaton';
import { NameVerdict, fastPathFor, fastShapeFor } from '../../server/src/core/glob/globFastPath';
import { parseGlob } from '../../server/src/core/glob/globSyntax';

/** The automaton's answer, which every fast path must give. */
const automaton = (pattern: string) => {
  const a = new GlobAutomaton(parseGlob(pattern.replace(/^(?:\.\/)+/, '')));
  return (path: string) => a.test(path);
};
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** A folder's verdict applied to one name. */
const verdictOn = (verdict: NameVerdict, name: string) => (typeof verdict === 'boolean' ? verdict : verdict(name));

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

  // @spec specthread-core#21.2
  describe('split into a folder part and a name part (a listing is classified folder by folder)', () => {
    const name = segment.filter((n) => !n.includes('/'));
    const folder = fc.oneof(path, fc.constant(''));

    it('each fast shape gives, for a folder and a name, the answer its whole-path test gives (seeded)', () => {
      let split = 0;
      fc.assert(
        fc.property(pattern, fc.array(fc.tuple(folder, fc.array(name, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 }), (p, folders) => {
          const shape = fastShapeFor(p);
          if (!shape) return;
          split++;
          for (const [dir, names] of folders) {
            const verdict = shape.inFolder(dir);
            for (const n of names) {
              const q = `${dir}/${n}`;
              assert.strictEqual(verdictOn(verdict, n), shape.test(q, n), `'${p}' in '${dir}' on '${n}'`);
            }
          }
        }),
        { seed: 20261203, numRuns: 6000 },
      );
      assert.ok(split > 1000, `only ${split} generated patterns had a fast path`);
    });

    it('compiled lists give, folder by folder, what match gives for each path: automata, negations, basename mode and top-level files included (seeded)', () => {
      const listed = fc.tuple(fc.boolean(), pattern).map(([neg, p]) => (neg ? '!' : '') + p);
      fc.assert(
        fc.property(
          fc.array(listed, { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          fc.array(fc.tuple(fc.option(folder, { nil: undefined }), fc.array(name, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 }),
          (patterns, basename, folders) => {
            const mine = compileGlobs(patterns, { basename });
            for (const [dir, names] of folders) {
              const verdict = mine.inFolder(dir);
              for (const n of names) {
                const q = dir === undefined ? n : `${dir}/${n}`;
                assert.strictEqual(verdictOn(verdict, n), mine.match(q), `${JSON.stringify(patterns)} in ${JSON.stringify(dir)} on '${n}'`);
              }
            }
          },
        ),
        { seed: 20261204, numRuns: 4000 },
      );
    });

    const splits: [string, string | undefined, string, boolean][] = [
      ['**/test/**', 'a/test', 'b.ts', true],
      ['**/test/**', 'a', 'test', true],
      ['**/test/**', 'a/tests', 'b.ts', false],
      ['**/src/test/**', 'p/src', 'test', true],
      ['**/src/test/**', 'p/xsrc', 'test', false],
      ['dist/**', undefined, 'dist', true],
      ['dist/**', 'dist/a', 'b', true],
      ['a/b/c', 'a/b', 'c', true],
      ['a/b/c', 'a', 'b', false],
      ['*.md', undefined, 'a.md', true],
      ['*.md', 'a', 'b.md', false],
      ['src/**/*.ts', 'src/a', 'b.ts', true],
      ['src/**/*.ts', 'lib', 'b.ts', false],
      ['!**/node_modules/**', 'a/node_modules', 'b.js', false],
      ['!**/node_modules/**', 'a', 'b.js', true],
    ];
    for (const [p, dir, n, expected] of splits) {
      it(`'${p}' ${expected ? 'matches' : 'does not match'} '${n}' in ${JSON.stringify(dir)}`, () => {
        const mine = compileGlobs([p]);
        assert.strictEqual(verdictOn(mine.inFolder(dir), n), expected);
        assert.strictEqual(mine.match(dir === undefined ? n : `${dir}/${n}`), expected);
      });
    }
  });
});
