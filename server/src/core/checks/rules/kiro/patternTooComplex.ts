// @spec specthread-core#14.3
import { compileGlobs } from '../../../glob/glob';
import { kiroPatterns } from '../../kiroPatterns';
import { SpecRule } from '../../rule';

/**
 * A steering `fileMatchPattern` or hook `patterns` glob that SpecThread refuses to match: a
 * negated extglob `!(…)`, a brace range of thousands of values, or a pattern so large that its
 * automaton would be huge. Globs in workspace files are untrusted input, so they are matched
 * without backtracking and anything that cannot be is named here instead of being slow or silent.
 */
export const patternTooComplex: SpecRule = {
  meta: {
    code: 'link.pattern-too-complex',
    defaultSeverity: 'warning',
    summary: 'A Kiro steering `fileMatchPattern` or hook `patterns` glob is too complex for SpecThread to match.',
    description:
      'SpecThread matches globs from workspace files with an automaton that never backtracks, so a hostile pattern ' +
      'cannot stall the editor. A negated extglob `!(…)`, a brace range of more than 1000 values, or a pattern over ' +
      '2000 characters is refused: it matches nothing in SpecThread, and link.pattern-matches-nothing is not reported ' +
      'for it. Write the pattern as a plain glob or a list of globs.',
    bad: 'fileMatchPattern: "src/!(generated)/**/*.ts"',
    good: 'fileMatchPattern: ["src/app/**/*.ts", "src/lib/**/*.ts"]',
  },
  check(spec, report) {
    if (spec.format !== 'kiro' || (spec.id !== 'steering' && spec.id !== 'hooks')) return;
    for (const f of spec.fileList) {
      for (const { list, range } of kiroPatterns(f.extras)) {
        for (const problem of compileGlobs(list).problems) {
          report({ path: f.path, range, message: `'${problem.pattern}' is not matched: ${problem.reason}.` });
        }
      }
    }
  },
};
