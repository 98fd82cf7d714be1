// @spec specthread-core#17.3
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REQUIREMENTS = `# Requirements Document

### Requirement 1: Tokens

#### Acceptance Criteria

1. WHEN a user signs in THEN THE Auth_Service SHALL issue a token
2. WHEN a token expires THEN THE Auth_Service SHALL reject it
`;

const junit = (failing: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="2" failures="${failing ? 1 : 0}">
  <testsuite name="tokens" tests="2" failures="${failing ? 1 : 0}">
    <testcase classname="tokens user-auth#1.1 issues" name="tokens user-auth#1.1 issues" time="0.004" file="src/tokens.test.ts"/>
    <testcase classname="tokens user-auth#1.2 rejects" name="tokens user-auth#1.2 rejects" time="0.004" file="src/tokens.test.ts">${
      failing ? '<failure message="expected 401, got 200"/>' : ''
    }</testcase>
  </testsuite>
</testsuites>
`;

/** A project whose two criteria are implemented and tagged by tests, with JUnit reports in reports/. */
function project(failing: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-results-'));
  const files: Record<string, string> = {
    'specthread.json': '{}\n',
    '.kiro/specs/user-auth/requirements.md': REQUIREMENTS,
    'src/tokens.ts': '// @spec user-auth#1\nexport const issue = () => 1;\n',
    'src/tokens.test.ts': "it('user-auth#1.1 issues', () => {});\nit('user-auth#1.2 rejects', () => {});\n",
    'reports/unit/junit.xml': junit(failing),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('--test-results (CLI)', function () {
  this.timeout(60_000);
  const made: string[] = [];
  const make = (failing: boolean) => (made.push(project(failing)), made[made.length - 1]!);
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('the HTML report counts the criteria a passing test names in its "Test results" column', () => {
    const root = make(true);
    const html = (extra: string[]) => {
      const out = path.join(root, `report-${extra.length}.html`);
      run(['check', '.', '--fail-on', 'none', '--format', 'html', '--output', out, ...extra], root);
      const row = /<tr><td><a [^>]*>1 Tokens<\/a><\/td>(.*?)<\/tr>/.exec(fs.readFileSync(out, 'utf8'));
      assert.ok(row, 'the matrix has a row for requirement 1');
      return [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    };
    // Without results the column is a dash; with them, 1 of 2 criteria passed (1.2 failed).
    assert.strictEqual(html([]).at(-1), '—');
    assert.strictEqual(html(['--test-results', 'reports/**/*.xml']).at(-1), '1/2');
  });

  it('check reports a failed test that names a criterion, at the test, from a glob of reports', () => {
    const root = make(true);
    const r = run(['check', '.', '--test-results', 'reports/**/*.xml', '--format', 'json'], root);
    assert.strictEqual(r.code, 1, r.stderr);
    const failed = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'coverage.test-failed');
    assert.deepStrictEqual(
      failed.map((f: { file: string; line: number; severity: string; message: string }) => `${f.file}:${f.line} ${f.severity} ${f.message}`),
      ["src/tokens.test.ts:2 error Test 'tokens user-auth#1.2 rejects' naming user-auth#1.2 failed: expected 401, got 200"],
    );
    assert.strictEqual(run(['check', '.', '--test-results', 'reports/unit/junit.xml', '--format', 'json'], make(false)).code, 0);
  });

  it('coverage counts a criterion passing only when a test naming it passed, and --fail-under requires it', () => {
    const failing = make(true);
    const tagged = run(['coverage', '.', '--fail-under', '100'], failing);
    assert.strictEqual(tagged.code, 0, tagged.stdout);
    const tested = run(['coverage', '.', '--fail-under', '100', '--test-results', 'reports/unit/junit.xml'], failing);
    assert.strictEqual(tested.code, 1, tested.stdout);
    assert.match(tested.stdout, /50% complete: 1\/2 criteria · tasked 0 · implemented 2 · verified 2 · passing 1/);
    assert.match(tested.stdout, /No passing test \(1\):\n {2}user-auth#1\.2/);
    const json = JSON.parse(run(['coverage', '.', '--format', 'json', '--test-results', 'reports/unit/junit.xml'], failing).stdout);
    assert.deepStrictEqual(
      json.specs[0].requirements[0].criteria.map((c: { id: string; state: string }) => `${c.id} ${c.state}`),
      ['1.1 passing', '1.2 verified'],
    );
    assert.strictEqual(run(['coverage', '.', '--fail-under', '100', '--test-results', 'reports/unit/junit.xml'], make(false)).code, 0);
  });

  it('a named report that does not exist is a usage error (exit 2); a glob that matches nothing is not', () => {
    const root = make(false);
    const missing = run(['check', '.', '--test-results', 'reports/none.xml'], root);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /--test-results: no such file: reports\/none.xml/);
    assert.strictEqual(run(['check', '.', '--test-results', 'nowhere/**/*.xml'], root).code, 0);
  });
});
