// @spec specthread-core#21.4
import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { checkStatementsCached } from '../../server/src/core/checks/statementResults';
import { compileRuleSettings } from '../../server/src/core/config/ruleSettings';
import { Statement, statementFromSource } from '../../server/src/core/requirements/statement';
import { range } from '../../server/src/core/text/range';

/**
 * The statement cache (checks/statementResults.ts) keeps the findings of the files checked last:
 * a file checked again reuses what did not change, and the entries of files not checked for a
 * long time are let go, so that a language server does not hold an entry for every criterion of
 * a large workspace. Counted through the checks the cache lets through.
 */

const rule = {};

function statements(path: string, texts: readonly string[], glossary: readonly string[] = []): Statement[] {
  return texts.map((text, i) => statementFromSource(path, `1.${i + 1}`, range(10 + i, 3, 10 + i, 3 + text.length), glossary, undefined, text));
}

describe('statement cache', () => {
  const context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context;
  let checked: string[] = [];
  const run = (list: readonly Statement[]) =>
    checkStatementsCached(
      rule,
      list,
      () => undefined,
      context,
      NEVER_CANCELLED,
      (s, report) => {
        checked.push(s.text);
        if (s.text.includes('fast')) report({ path: s.path, message: 'vague', range: s.range });
      },
    );
  const file = (n: number) => `/ws/.kiro/specs/s${n}/requirements.md`;

  beforeEach(() => (checked = []));

  it('re-checks only the changed criterion of a file checked again', () => {
    run(statements(file(0), ['THE A SHALL be fast', 'THE B SHALL log']));
    assert.deepStrictEqual(checked, ['THE A SHALL be fast', 'THE B SHALL log']);
    checked = [];
    run(statements(file(0), ['THE A SHALL be fast', 'THE B SHALL log it']));
    assert.deepStrictEqual(checked, ['THE B SHALL log it']);
  });

  it('keeps the files checked last, and forgets the one checked longest ago', () => {
    run(statements(file(1), ['THE C SHALL start']));
    // 63 more files keep file 1 among the 64 kept: checked again, it is not re-checked.
    for (let n = 2; n <= 64; n++) run(statements(file(n), [`THE D${n} SHALL stop`]));
    checked = [];
    run(statements(file(1), ['THE C SHALL start']));
    assert.deepStrictEqual(checked, []);
    // 64 other files since: file 1 was forgotten and is checked again, with the same findings.
    for (let n = 65; n <= 128; n++) run(statements(file(n), [`THE E${n} SHALL stop`]));
    checked = [];
    run(statements(file(1), ['THE C SHALL start']));
    assert.deepStrictEqual(checked, ['THE C SHALL start']);
  });

  it('reports cached findings moved to the criterion line', () => {
    const found: number[] = [];
    const report = (list: readonly Statement[]) =>
      checkStatementsCached(
        rule,
        list,
        (p) => found.push(p.range.start.line),
        context,
        NEVER_CANCELLED,
        (s, r) => {
          checked.push(s.text);
          if (s.text.includes('fast')) r({ path: s.path, message: 'vague', range: s.range });
        },
      );
    report(statements(file(200), ['THE A SHALL be fast']));
    // The criterion keeps its id and moves one line down, below a new one.
    const text = 'THE A SHALL be fast';
    report([
      statementFromSource(file(200), '1.2', range(10, 3, 10, 18), [], undefined, 'THE X SHALL log'),
      statementFromSource(file(200), '1.1', range(11, 3, 11, 3 + text.length), [], undefined, text),
    ]);
    assert.deepStrictEqual(found, [10, 11]);
    assert.deepStrictEqual(checked, ['THE A SHALL be fast', 'THE X SHALL log']);
  });

  it('keeps entries apart per file and per glossary', () => {
    run(statements(file(300), ['THE A SHALL be fast'], ['A']));
    run(statements(file(301), ['THE A SHALL be fast'], ['A']));
    run(statements(file(300), ['THE A SHALL be fast'], ['A', 'B']));
    assert.deepStrictEqual(checked, ['THE A SHALL be fast', 'THE A SHALL be fast', 'THE A SHALL be fast']);
  });
});
