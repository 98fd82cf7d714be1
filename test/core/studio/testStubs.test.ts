// @spec specthread-core#19.4
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../../server/src/core/cancellation';
import { Engine } from '../../../server/src/core/engine';
import { FRAMEWORKS, FrameworkName, ProjectFacts, detectFramework } from '../../../server/src/core/studio/testStubs/frameworks';
import { givenWhenThen } from '../../../server/src/core/studio/testStubs/givenWhenThen';
import { stubSourceOf } from '../../../server/src/core/studio/testStubs/engineSource';
import { TestStubsError, testStubsFor } from '../../../server/src/core/studio/testStubs/testStubs';
import { isPendingTestAt } from '../../../server/src/core/trace/pendingTest';
import { scanCodeFile } from '../../../server/src/core/trace/scanCodeFile';
import { syntaxFor } from '../../../server/src/core/trace/languages';
import { engineFor } from '../../helpers/fixtures';

const REQUIREMENTS = `# Requirements Document

## Introduction

Sign-in.

## Requirements

### Requirement 1: Sign in

**User Story:** As a user, I want to sign in, so that I can work.

#### Acceptance Criteria

1. WHEN a user submits valid credentials THE Auth_Service SHALL issue a session token
2. WHILE the account is locked, WHEN a user submits credentials THE Auth_Service SHALL reject the attempt with "locked"
3. IF the token has expired, THEN THE Auth_Service SHALL reject the request
4. THE Auth_Service SHALL log every sign-in attempt
`;

const SPEC = { '.kiro/specs/user-auth/requirements.md': REQUIREMENTS };

/** Is the ref at `needle`'s first `#` pending, by the scanner's rule? */
function pendingAt(text: string, needle: string): boolean {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in the text`);
  return isPendingTestAt(text, at);
}

async function stubsOf(engine: Engine, files: Record<string, string>, options: { criteria?: string[]; framework?: FrameworkName } = {}) {
  const read = async (p: string) => files[p.slice('/ws/'.length)];
  return testStubsFor(stubSourceOf(engine, read), 'user-auth', options, NEVER_CANCELLED);
}

describe('test stubs and the test pending state (core)', () => {
  describe('a tag or title in a skipped or todo test is pending', () => {
    const cases: [string, string, string, boolean][] = [
      ['mocha it.skip', 'a.test.ts', "it.skip('user-auth#1.2 rejects', () => {});\n", true],
      ['jest test.todo', 'a.test.ts', "test.todo('user-auth#1.2 rejects');\n", true],
      ['plain it', 'a.test.ts', "it('user-auth#1.2 rejects', () => {});\nit.skip('user-auth#1.3 other', () => {});\n", false],
      ['xit', 'a.test.js', "xit('user-auth#1.2 rejects', () => {});\n", true],
      ['node:test skip option', 'a.test.js', "test('user-auth#1.2 rejects', { skip: 'later' }, () => {});\n", true],
      ['node:test skip false', 'a.test.js', "test('user-auth#1.2 rejects', { skip: false }, () => {});\n", false],
      ['tag comment above it.skip', 'a.test.ts', "// @spec user-auth#1.2\nit.skip('rejects', () => {});\n", true],
      ['pytest mark', 'test_a.py', '@pytest.mark.skip(reason="later")\ndef test_x():\n    """user-auth#1.2 rejects"""\n', true],
      [
        'pytest skipif is conditional',
        'test_a.py',
        '@pytest.mark.skipif(sys.platform == "win32", reason="x")\ndef test_x():\n    """user-auth#1.2 rejects"""\n',
        false,
      ],
      ['unittest skip', 'test_a.py', '    @unittest.skip("later")\n    def test_x(self):\n        """user-auth#1.2 rejects"""\n', true],
      ['pytest.skip first statement', 'test_a.py', '# @spec user-auth#1.2\ndef test_x():\n    pytest.skip("later")\n', true],
      ['go t.Skip first', 'a_test.go', '// user-auth#1.2 rejects\nfunc TestX(t *testing.T) {\n\tt.Skip("later")\n}\n', true],
      [
        'go conditional skip',
        'a_test.go',
        '// user-auth#1.2 rejects\nfunc TestX(t *testing.T) {\n\tif testing.Short() {\n\t\tt.Skip("short")\n\t}\n}\n',
        false,
      ],
      ['junit @Disabled', 'ATest.java', '    @Test\n    @Disabled("later")\n    @DisplayName("user-auth#1.2 rejects")\n    void x() {}\n', true],
      ['junit enabled', 'ATest.java', '    @Test\n    @DisplayName("user-auth#1.2 rejects")\n    void x() {}\n', false],
      ['junit tag above @Disabled', 'ATest.java', '    // @spec user-auth#1.2\n    @Test\n    @Disabled\n    void x() {}\n', true],
    ];
    for (const [name, file, text, pending] of cases)
      it(`${name}: ${pending ? 'pending' : 'not pending'}`, () => {
        assert.strictEqual(pendingAt(text, 'user-auth#1.2'), pending);
        const facts = scanCodeFile(`/ws/${file}`, text, syntaxFor(file)!, 'test', NEVER_CANCELLED);
        const tag = facts.tags.find((t) => t.id === '1.2');
        assert.ok(tag, `the scanner finds user-auth#1.2 in ${name}`);
        assert.strictEqual(!!tag.pending, pending);
      });

    it('a tag in a source file is never pending', () => {
      const facts = scanCodeFile('/ws/src/a.ts', '// @spec user-auth#1.2\nit.skip("x", () => {});\n', syntaxFor('a.ts')!, 'source', NEVER_CANCELLED);
      assert.strictEqual(facts.tags[0]!.pending, undefined);
    });
  });

  describe('coverage shows "test pending"', () => {
    it('a criterion only a skipped test names is pending, not verified, and the not-verified rule says why', async () => {
      const engine = await engineFor({
        ...SPEC,
        'test/auth.test.ts': "it('user-auth#1.1 issues a token', () => {});\nit.skip('user-auth#1.2 rejects locked accounts', () => {});\n",
      });
      const report = engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
      const byId = new Map(report.specs[0]!.requirements[0]!.criteria.map((c) => [c.id, c]));
      assert.strictEqual(byId.get('1.1')!.state, 'verified');
      assert.strictEqual(byId.get('1.2')!.state, 'pending');
      assert.strictEqual(byId.get('1.2')!.verified, false);
      assert.strictEqual(byId.get('1.2')!.pending, 1);
      assert.strictEqual(byId.get('1.2')!.tests, 0);
      assert.strictEqual(byId.get('1.3')!.pending, undefined);
      assert.strictEqual(report.summary.verified, 1);
      assert.strictEqual(report.summary.pending, 1);
      const notVerified = engine
        .allFindings(NEVER_CANCELLED)
        .filter((f) => f.code === 'coverage.criterion-not-verified')
        .map((f) => f.message);
      // The spec has not opted in to findings per criterion: the requirement's one finding names the pending test.
      assert.ok(
        notVerified.some((m) => m.startsWith('Requirement user-auth#1:') && m.includes('only a pending (skipped or todo) test names 1.2')),
        notVerified.join('\n'),
      );
    });
  });

  describe('Given/When/Then from EARS clauses', () => {
    it('WHERE and WHILE are given, WHEN and IF happen, the SHALL response holds', () => {
      assert.deepStrictEqual(givenWhenThen('WHILE the account is locked, WHEN a user submits credentials THE Auth_Service SHALL reject the attempt'), {
        given: ['the account is locked'],
        when: ['a user submits credentials'],
        then: 'THE Auth_Service SHALL reject the attempt',
      });
      assert.deepStrictEqual(givenWhenThen('IF the token has expired, THEN THE Auth_Service SHALL reject the request'), {
        given: [],
        when: ['(unwanted) the token has expired'],
        then: 'THE Auth_Service SHALL reject the request',
      });
      assert.deepStrictEqual(givenWhenThen('WHERE audit is enabled THE system SHALL log it'), {
        given: ['audit is enabled'],
        when: [],
        then: 'THE system SHALL log it',
      });
      assert.deepStrictEqual(givenWhenThen('Users can sign in.'), { given: [], when: [], then: 'Users can sign in.' });
    });
  });

  describe('framework detection', () => {
    const facts = (manifests: Record<string, string>, tests: Record<string, string> = {}): ProjectFacts => ({
      root: '/ws',
      manifests: new Map(Object.entries(manifests)),
      tests: Object.entries(tests).map(([p, text]) => ({ path: `/ws/${p}`, text })),
    });
    const cases: [string, ProjectFacts, FrameworkName | undefined][] = [
      ['mocha from the test script', facts({ 'package.json': '{"scripts":{"test":"mocha"},"devDependencies":{"jest":"1"}}' }), 'mocha'],
      ['jest from devDependencies', facts({ 'package.json': '{"devDependencies":{"jest":"29"}}' }), 'jest'],
      ['vitest from an import', facts({ 'package.json': '{"devDependencies":{"jest":"29"}}' }, { 'a.test.ts': "import { test } from 'vitest';" }), 'vitest'],
      ['node:test from the script', facts({ 'package.json': '{"scripts":{"test":"node --test test/"}}' }), 'node:test'],
      ['pytest from pyproject', facts({ 'pyproject.toml': '[tool.pytest.ini_options]\n' }), 'pytest'],
      [
        'unittest from a TestCase',
        facts({ 'setup.cfg': '[metadata]\n' }, { 'tests/test_a.py': 'import unittest\nclass TestA(unittest.TestCase): pass' }),
        'unittest',
      ],
      ['go from go.mod', facts({ 'go.mod': 'module example.com/router\n' }), 'go'],
      ['junit5 from pom.xml', facts({ 'pom.xml': '<artifactId>junit-jupiter</artifactId>' }), 'junit5'],
      ['the language with most tests wins', facts({ 'package.json': '{}', 'go.mod': 'module x' }, { 'a_test.go': '', 'b_test.go': '', 'c.test.js': '' }), 'go'],
      ['nothing to tell from', facts({}), undefined],
    ];
    for (const [name, f, expected] of cases) it(name, () => assert.strictEqual(detectFramework(f)?.framework, expected));
  });

  describe('planning stubs', () => {
    it('stubs every unverified criterion once, skips verified and pending ones, and --criterion narrows', async () => {
      const files = { ...SPEC, 'package.json': '{"devDependencies":{"mocha":"10"}}', 'test/login.test.js': "it('user-auth#1.1 issues a token', () => {});\n" };
      const engine = await engineFor(files);
      const plan = await stubsOf(engine, files);
      assert.strictEqual(plan.framework, 'mocha');
      assert.deepStrictEqual(plan.skipped, [{ ref: 'user-auth#1.1', reason: 'verified' }]);
      assert.strictEqual(plan.files.length, 1);
      assert.strictEqual(plan.files[0]!.path, '/ws/test/user-auth.pending.test.js');
      assert.deepStrictEqual(plan.files[0]!.refs, ['user-auth#1.2', 'user-auth#1.3', 'user-auth#1.4']);
      const narrowed = await stubsOf(engine, files, { criteria: ['1.3', 'user-auth#1.2'] });
      assert.deepStrictEqual(narrowed.files[0]!.refs, ['user-auth#1.2', 'user-auth#1.3']);
      await assert.rejects(
        stubsOf(engine, files, { criteria: ['9.9'] }),
        (e: unknown) => e instanceof TestStubsError && /9\.9 is not a criterion/.test(e.message),
      );
      // Once written, the stubs are pending tests: a second plan has nothing to add.
      const written = { ...files, 'test/user-auth.pending.test.js': plan.files[0]!.text };
      const again = await stubsOf(await engineFor(written), written);
      assert.deepStrictEqual(again.files, []);
      assert.deepStrictEqual(
        again.skipped.map((s) => s.reason),
        ['verified', 'pending', 'pending', 'pending'],
      );
    });

    for (const framework of FRAMEWORKS)
      it(`${framework}: each stub is titled with its ref and text, has Given/When/Then, and scans as one pending test`, async () => {
        const engine = await engineFor(SPEC);
        const plan = await stubsOf(engine, SPEC, { framework });
        const file = plan.files[0]!;
        assert.strictEqual(plan.evidence, '--framework');
        assert.ok(file.create);
        const facts = scanCodeFile(file.path, file.text, syntaxFor(file.path)!, 'test', NEVER_CANCELLED);
        assert.deepStrictEqual(
          facts.tags.map((t) => `${t.spec}#${t.id}${t.pending ? ' pending' : ''}`),
          ['1.1', '1.2', '1.3', '1.4'].map((id) => `user-auth#${id} pending`),
          file.text,
        );
        assert.ok(file.text.includes('user-auth#1.3 IF the token has expired, THEN THE Auth_Service SHALL reject the request'), file.text);
        for (const line of ['Given the account is locked', 'When a user submits credentials', 'Then THE Auth_Service SHALL reject the request'])
          assert.ok(file.text.includes(line), `${line}\n${file.text}`);
      });

    it('appends to a stub file that exists: at its end, or inside a Java class', async () => {
      const existing = 'class UserAuthPendingTest {\n    @Test\n    void other() {}\n}\n';
      const files = { ...SPEC, 'pom.xml': '<artifactId>junit-jupiter</artifactId>', 'src/test/java/UserAuthPendingTest.java': existing };
      const plan = await stubsOf(await engineFor(files), files);
      const file = plan.files[0]!;
      assert.strictEqual(file.create, false);
      assert.strictEqual(file.insertOffset, existing.lastIndexOf('}'));
      assert.deepStrictEqual(file.insertAt, { line: 3, character: 0 });
      assert.strictEqual(file.baseLength, existing.length);
    });
  });
});
