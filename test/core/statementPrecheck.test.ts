// @spec specthread-core#21.4
import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { ReportedProblem, RuleMeta } from '../../server/src/core/checks/rule';
import { precheckStatements } from '../../server/src/core/checks/statementPrecheck';
import { checkStatementsCached, usePrecheck } from '../../server/src/core/checks/statementResults';
import { compileRuleSettings } from '../../server/src/core/config/ruleSettings';
import { PrecheckedStatement, StatementPrecheck } from '../../server/src/core/engine/options';
import { PlainStatement, Statement, plainStatementsOfFile, statementFromSource, statementsOf } from '../../server/src/core/requirements/statement';
import { buildSpecModel } from '../../server/src/core/index/specModel';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { range } from '../../server/src/core/text/range';

/**
 * The engine's side of a statement precheck (checks/statementResults.ts): a statement not checked
 * before takes its findings from the precheck, once, if the precheck ran with the same rule
 * context; anything else is checked on the engine's thread, as before.
 */

const meta = (code: string): RuleMeta => ({ code, defaultSeverity: 'warning', summary: '', description: '', bad: '', good: '' });
const ruleA = { meta: meta('test.a') };
const ruleB = { meta: meta('test.b') };
const PATH = '/ws/.kiro/specs/s/requirements.md';

function statement(line: number, text: string, glossary: readonly string[] = []): Statement {
  return statementFromSource(PATH, '1.1', range(line, 3, line, 3 + text.length), glossary, undefined, text);
}

/** A port that answers every statement with `answer`, and records what it was asked. */
function port(answer: PrecheckedStatement | undefined): StatementPrecheck & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    begin: () => true,
    submit: () => undefined,
    end: () => undefined,
    take: (s: PlainStatement, glossary: string) => {
      asked.push(`${s.id} ${glossary}`);
      return answer;
    },
  };
}

function run(rule: { meta: RuleMeta }, list: readonly Statement[], context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context) {
  const reported: ReportedProblem[] = [];
  const checked: string[] = [];
  checkStatementsCached(
    rule,
    list,
    (p) => reported.push(p),
    context,
    NEVER_CANCELLED,
    (s, report) => {
      checked.push(s.text);
      report({ path: s.path, range: s.range, message: `computed ${rule.meta.code}` });
    },
  );
  return { reported, checked };
}

describe('statement precheck lookup', () => {
  it('reports the precheck findings instead of checking, moved to the statement line', () => {
    const context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context;
    const problem: ReportedProblem = {
      path: PATH,
      range: range(7, 5, 7, 9),
      message: 'from the thread',
      fixes: [{ title: 'fix', edits: [{ path: PATH, range: range(7, 5, 7, 9), newText: 'x' }] }],
    };
    const p = port({ line: 7, found: { 'test.a': [problem] } });
    usePrecheck(context, p, [ruleA, ruleB]);
    const s = statement(9, 'THE A SHALL be fast', ['Term', 'Other']);
    const a = run(ruleA, [s], context);
    assert.deepStrictEqual(a.checked, []);
    assert.deepStrictEqual(a.reported, [
      { ...problem, range: range(9, 5, 9, 9), fixes: [{ title: 'fix', edits: [{ path: PATH, range: range(9, 5, 9, 9), newText: 'x' }] }] },
    ]);
    // Rule B found nothing there; the answer was taken once, for both rules, with the statement's glossary.
    assert.deepStrictEqual(run(ruleB, [s], context), { reported: [], checked: [] });
    assert.deepStrictEqual(p.asked, ['1.1 Term\u0000Other']);
  });

  it('does not use answers for another rule context (other settings)', () => {
    const context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context;
    const p = port({ line: 3 });
    usePrecheck(context, p, [ruleA]);
    const other = compileRuleSettings({ ...DEFAULT_SETTINGS, terms: { 'quality.vague-term': { add: ['zippy'] } } }, ['/ws']).context;
    const r = run(ruleA, [statement(3, 'THE A SHALL go')], other);
    assert.deepStrictEqual(r.checked, ['THE A SHALL go']);
    assert.deepStrictEqual(p.asked, []);
  });

  it('checks a rule itself where the precheck did not run it, or where it threw', () => {
    const context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context;
    usePrecheck(context, port({ line: 3, failed: ['test.a'] }), [ruleA]);
    const s = statement(3, 'THE A SHALL go');
    assert.deepStrictEqual(run(ruleA, [s], context).checked, ['THE A SHALL go']);
    // Rule B was not in the precheck's run.
    assert.deepStrictEqual(run(ruleB, [s], context).checked, ['THE A SHALL go']);
  });

  it('checks every statement itself when the precheck has no answer', () => {
    const context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context;
    usePrecheck(context, port(undefined), [ruleA]);
    assert.deepStrictEqual(run(ruleA, [statement(3, 'THE A SHALL go')], context).checked, ['THE A SHALL go']);
  });
});

describe('plainStatementsOfFile', () => {
  it('gives the statements statementsOf gives, with their glossaries, skipping a bugfix spec’s section 1', () => {
    const requirements =
      '# Requirements\n\n## Glossary\n\n- **Auth_Service**: checks passwords\n\n### Requirement 1: Login\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in, THE Auth_Service SHALL check the password\n2. THE Auth_Service SHALL be fast\n';
    const bugfix =
      '# Bugfix Requirements\n\n## 1. Current Behavior\n\n1.1 WHEN the cache is cold THEN the system crashes\n\n## 2. Expected Behavior\n\n2.1 WHEN the cache is cold THEN the system SHALL load the data\n';
    const dir = '/ws/.kiro/specs/auth';
    const files = [
      parseSpecFile(`${dir}/requirements.md`, 'requirements', requirements, NEVER_CANCELLED, 'kiro'),
      parseSpecFile(`${dir}/bugfix.md`, 'bugfix', bugfix, NEVER_CANCELLED, 'kiro'),
    ];
    const model = buildSpecModel('auth', dir, 'kiro', files);
    const fromModel = statementsOf(model).map((s) => ({
      path: s.path,
      id: s.id,
      range: s.range,
      source: s.source,
      fallbackText: s.fallbackText,
      glossary: s.glossary,
    }));
    const fromFiles = files.flatMap((f) => {
      const plain = plainStatementsOfFile(f)!;
      return plain.statements.map((s) => ({ ...s, glossary: plain.glossary }));
    });
    assert.deepStrictEqual(
      fromModel.map((s) => `${s.path.slice(dir.length + 1)} ${s.id}`),
      ['requirements.md 1.1', 'requirements.md 1.2', 'bugfix.md 2.1'],
    );
    assert.ok(fromModel.some((s) => s.glossary.length > 0));
    assert.deepStrictEqual(fromFiles, fromModel);
  });

  it('precheckStatements finds what the rules find, and names a rule it cannot run as failed', () => {
    const context = compileRuleSettings(DEFAULT_SETTINGS, ['/ws']).context;
    const plain: PlainStatement = { path: PATH, id: '1.1', range: range(2, 3, 2, 28), source: undefined, fallbackText: 'THE system SHALL be fast' };
    const [[answer]] = precheckStatements([{ glossary: [], statements: [plain] }], ['quality.vague-term', 'no.such-rule'], context);
    assert.strictEqual(answer?.line, 2);
    assert.strictEqual(answer?.found?.['quality.vague-term']?.length, 1);
    assert.deepStrictEqual(answer?.failed, ['no.such-rule']);
  });
});
