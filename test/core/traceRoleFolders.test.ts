// @spec specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_TRACE_SETTINGS, TraceSettings } from '../../shared/traceSettings';
import { compileGlobs } from '../../server/src/core/glob/glob';
import { RootRelative } from '../../server/src/core/glob/rootRelative';
import { CodeFiles } from '../../server/src/core/trace/codeFiles';
import { syntaxFor } from '../../server/src/core/trace/languages';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/** The whole-path definitions that traceRole, isScannable and roleOf must keep, however they are asked. */
function definitions(settings: TraceSettings, roots: readonly string[]) {
  const relative = new RootRelative(() => roots);
  const excluded = compileGlobs(settings.exclude).match;
  const test = compileGlobs(settings.testFiles).match;
  const scannable = (path: string) => {
    const rel = relative.of(path);
    return syntaxFor(path) !== undefined && rel !== undefined && !excluded(rel);
  };
  const roleOf = (path: string) => {
    const rel = relative.of(path);
    return rel !== undefined && test(rel) ? 'test' : 'source';
  };
  return { scannable, roleOf, traceRole: (path: string) => (scannable(path) ? roleOf(path) : undefined) };
}

describe('CodeFiles trace roles, answered by the folder of the last question', () => {
  const settings = fc.constantFrom<TraceSettings>(
    DEFAULT_TRACE_SETTINGS,
    { ...DEFAULT_TRACE_SETTINGS, testFiles: ['src/**/*.ts', '!**/a/**', '?.py'], exclude: ['**/b/**', 'x*/**'] },
    { ...DEFAULT_TRACE_SETTINGS, testFiles: [], exclude: ['**/*.ts'] },
  );
  const rootLists = [['/ws'], ['/ws/sub', '/ws'], ['/other']];
  const segment = fc.constantFrom(
    'a',
    'b',
    'sub',
    'src',
    'test',
    'tests',
    'node_modules',
    'x1',
    'f.ts',
    'g.test.ts',
    'h.py',
    'a.py',
    'i.md',
    'Makefile',
    'logo.png',
  );
  const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => '/ws/' + s.join('/'));
  const step = fc.oneof(
    fc.record({ op: fc.constant('ask' as const), path }),
    fc.record({ op: fc.constant('configure' as const), settings }),
    fc.record({ op: fc.constant('roots' as const), roots: fc.nat(rootLists.length - 1) }),
  );

  it('gives the whole-path answers through any sequence of questions, settings and roots (seeded)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        // A new list each time the roots change, as hosts replace theirs.
        let roots: readonly string[] = [...rootLists[0]!];
        let current = DEFAULT_TRACE_SETTINGS;
        const files = new CodeFiles(() => roots);
        for (const s of steps) {
          if (s.op === 'configure') {
            files.configure(s.settings);
            current = s.settings;
          } else if (s.op === 'roots') roots = [...rootLists[s.roots]!];
          else {
            const expected = definitions(current, roots);
            assert.strictEqual(files.traceRole(s.path), expected.traceRole(s.path), `traceRole(${s.path})`);
            assert.strictEqual(files.isScannable(s.path), expected.scannable(s.path), `isScannable(${s.path})`);
            assert.strictEqual(files.roleOf(s.path), expected.roleOf(s.path), `roleOf(${s.path})`);
          }
        }
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(500) },
    );
  });
});
