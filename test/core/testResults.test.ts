// @spec specthread-core#17.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { withTestResults } from '../../server/src/core/coverage/passing';
import { readJUnit } from '../../server/src/core/testResults/junit';
import { TEST_FAILED, TestReport } from '../../server/src/core/testResults/testResults';
import { FIXTURES, engineFor, formatFinding } from '../helpers/fixtures';

const JUNIT = path.join(FIXTURES, 'junit');
const TOOLS = ['mocha', 'jest', 'vitest', 'pytest', 'go', 'surefire'] as const;
const report = (tool: string): TestReport => ({ path: `/ws/reports/${tool}.xml`, text: fs.readFileSync(path.join(JUNIT, `${tool}.xml`), 'utf8') });

const REQUIREMENTS = `# Requirements Document

### Requirement 1: Sign in

#### Acceptance Criteria

1. WHEN a user signs in THEN THE Auth_Service SHALL issue a token
2. WHEN sign-in fails three times THEN THE Auth_Service SHALL lock the account

### Requirement 2: Sessions

#### Acceptance Criteria

1. WHEN a token is issued THEN THE Auth_Service SHALL store a session
2. WHEN a session is idle for an hour THEN THE Auth_Service SHALL expire it
3. WHEN a user logs out THEN THE Auth_Service SHALL end the session

### Requirement 3: Export

#### Acceptance Criteria

1. WHEN a user exports THEN THE Export_Service SHALL write CSV
2. WHEN a cart changes THEN THE Cart_Service SHALL keep the item count

### Requirement 4: Billing

#### Acceptance Criteria

1. WHEN an invoice is built THEN THE Billing_Service SHALL total and tax its lines
`;

/** One test file per reporter, written the way each ecosystem writes tests. */
const FILES: Record<string, string> = {
  '.kiro/specs/user-auth/requirements.md': REQUIREMENTS,
  'test/auth.test.ts':
    "// @spec user-auth#1.1\ndescribe('tokens', () => {\n  it('accepts a fresh token', () => {});\n  it('rejects an expired token', () => {});\n});\n",
  'src/sessions.test.ts':
    "describe('sessions', () => {\n  it('user-auth#2.1 stores the session', () => {});\n  it('user-auth#2.2 expires the session', () => {});\n  it.skip('user-auth#2.3 logs out', () => {});\n});\n",
  'src/export.test.ts': "describe('export', () => {\n  it('user-auth#3.1 writes CSV', () => {});\n  it('user-auth#3.1 escapes \"quotes\"', () => {});\n});\n",
  'tests/test_auth.py':
    '# @spec user-auth#1.2\n\ndef test_login_succeeds():\n    assert login()\n\n\ndef test_login_locks_after_three_failures():\n    assert attempts() == 3\n',
  'shop/cart/cart_test.go': '// @spec user-auth#3.2\npackage cart\n\nfunc TestAddItem(t *testing.T) {}\n\nfunc TestRemoveItem(t *testing.T) {}\n',
  'billing/src/test/java/com/example/billing/InvoiceTest.java':
    '// @spec user-auth#4.1\nclass InvoiceTest {\n  @Test void totalsLines() {}\n  @Test void appliesTax() {}\n}\n',
};

describe('JUnit XML of each test runner', () => {
  it('reads outcomes, files and failure messages from mocha, jest, vitest, pytest, go-junit-report and Surefire', () => {
    const summary = TOOLS.map((tool) => {
      const cases = readJUnit(report(tool).text);
      return `${tool}: ${cases.map((c) => `${c.outcome}${c.file ? `@${c.file}` : ''}`).join(' ')}`;
    });
    assert.deepStrictEqual(summary, [
      'mocha: passed@test/auth.test.ts failed@test/auth.test.ts skipped@test/auth.test.ts',
      'jest: passed@src/sessions.test.ts failed@src/sessions.test.ts skipped@src/sessions.test.ts',
      'vitest: passed failed',
      'pytest: passed failed skipped',
      'go: passed failed',
      'surefire: passed failed skipped',
    ]);
    const messages = TOOLS.flatMap((tool) => readJUnit(report(tool).text).flatMap((c) => (c.message ? [c.message] : [])));
    assert.deepStrictEqual(messages, [
      'expected 200 to equal 401',
      'Error: expect(received).toBe(expected) // Object.is equality',
      `expected 'a,b' to be '"a,b"'`,
      'AssertionError: assert 2 == 3',
      'Failed',
      'Cannot invoke "Tax.rate()" because "tax" is null',
    ]);
  });

  it('reads what a truncated or odd report holds without throwing', () => {
    assert.deepStrictEqual(
      readJUnit('<testsuite><testcase name="a"/><testcase name="b"><failure message="x"').map((c) => `${c.name} ${c.outcome}`),
      ['a passed', 'b failed'],
    );
    assert.deepStrictEqual(
      readJUnit('<ns:testsuites><ns:testcase name="c" status="skipped"></ns:testcase></ns:testsuites>').map((c) => c.outcome),
      ['skipped'],
    );
    assert.deepStrictEqual(readJUnit('not xml at all </testcase> <'), []);
  });
});

describe('test results close the thread', () => {
  it('a passing test naming a criterion makes it passing; a failed one is a finding at the test, related to the criterion', async () => {
    const engine = await engineFor(FILES);
    const results = await engine.testResults(TOOLS.map(report), NEVER_CANCELLED);
    assert.deepStrictEqual([...results.passing].map((k) => k.slice(k.indexOf('#') + 1)).sort(), ['1.1', '1.2', '2.1', '3.1', '3.2', '4.1']);
    assert.deepStrictEqual(results.counts, { passed: 6, failed: 6, skipped: 4, naming: 16 });
    assert.deepStrictEqual(
      results.findings.map((f) => formatFinding(f)),
      [
        "test/auth.test.ts:4:7-4:31 error coverage.test-failed Test 'tokens rejects an expired token' naming user-auth#1.1 failed: expected 200 to equal 401",
        "src/sessions.test.ts:3:7-3:40 error coverage.test-failed Test 'sessions user-auth#2.2 expires the session' naming user-auth#2.2 failed: Error: expect(received).toBe(expected) // Object.is equality",
        `src/export.test.ts:3:7-3:37 error coverage.test-failed Test 'export > user-auth#3.1 escapes "quotes"' naming user-auth#3.1 failed: expected 'a,b' to be '"a,b"'`,
        "tests/test_auth.py:7:5-7:42 error coverage.test-failed Test 'test_login_locks_after_three_failures' naming user-auth#1.2 failed: AssertionError: assert 2 == 3",
        "shop/cart/cart_test.go:6:6-6:20 error coverage.test-failed Test 'TestRemoveItem' naming user-auth#3.2 failed: Failed",
        'billing/src/test/java/com/example/billing/InvoiceTest.java:4:14-4:24 error coverage.test-failed Test \'appliesTax\' naming user-auth#4.1 failed: Cannot invoke "Tax.rate()" because "tax" is null',
      ],
    );
    const related = results.findings[0]!.related!;
    assert.deepStrictEqual(
      related.map((r) => `${r.path.slice(4)}:${r.range.start.line + 1} ${r.message}`),
      ['.kiro/specs/user-auth/requirements.md:7 user-auth#1.1 is named by this test'],
    );
  });

  it('skipped tests verify nothing, and with results a criterion is complete only when a passing test names it', async () => {
    const engine = await engineFor(FILES);
    const results = await engine.testResults(TOOLS.map(report), NEVER_CANCELLED);
    const coverage = withTestResults(engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED), results.passing);
    const states = coverage.specs[0]!.requirements.flatMap((r) => r.criteria.map((c) => `${c.id} ${c.state}`));
    // 2.2 failed: a tagged test, but none passed. 2.3's only test is skipped in the source, so it is test pending.
    assert.deepStrictEqual(states, ['1.1 passing', '1.2 passing', '2.1 passing', '2.2 verified', '2.3 pending', '3.1 passing', '3.2 passing', '4.1 passing']);
    assert.strictEqual(coverage.summary.passing, 6);
    // Nothing in source implements them, so only the passing requirement keeps them incomplete; require verification only.
    const verifiedOnly = await engineFor({ ...FILES, 'specthread.json': JSON.stringify({ codeTrace: { requireImplemented: [] } }) });
    const tested = withTestResults(
      verifiedOnly.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED),
      (await verifiedOnly.testResults(TOOLS.map(report), NEVER_CANCELLED)).passing,
    );
    assert.deepStrictEqual(tested.summary, { criteria: 8, tasked: 0, implemented: 0, verified: 7, pending: 1, complete: 6, percent: 75, passing: 6 });
  });

  it("the rule reference's bad example fires and its good one does not", async () => {
    const engine = await engineFor({
      '.kiro/specs/user-auth/requirements.md': REQUIREMENTS,
      'auth.test.ts': "it('user-auth#1.2 rejects expired tokens', () => {});\n",
    });
    const run = async (testcase: string) => engine.testResults([{ path: '/ws/junit.xml', text: `<testsuite>${testcase}</testsuite>` }], NEVER_CANCELLED);
    assert.deepStrictEqual(
      (await run(TEST_FAILED.bad)).findings.map((f) => formatFinding(f)),
      ["auth.test.ts:1:5-1:41 error coverage.test-failed Test 'user-auth#1.2 rejects expired tokens' naming user-auth#1.2 failed: expected 401"],
    );
    const good = await run(TEST_FAILED.good);
    assert.deepStrictEqual([good.findings.length, [...good.passing].length], [0, 1]);
  });

  it('a failed test whose file cannot be found is reported in the report, at its test case', async () => {
    const engine = await engineFor({ '.kiro/specs/user-auth/requirements.md': REQUIREMENTS });
    const text = '<testsuite>\n  <testcase classname="gone" name="user-auth#2.1 stores">\n    <failure message="boom"/>\n  </testcase>\n</testsuite>\n';
    const { findings } = await engine.testResults([{ path: '/ws/junit.xml', text }], NEVER_CANCELLED);
    assert.deepStrictEqual(
      findings.map((f) => formatFinding(f)),
      ["junit.xml:2:3-2:58 error coverage.test-failed Test 'user-auth#2.1 stores' naming user-auth#2.1 failed: boom"],
    );
  });
});
