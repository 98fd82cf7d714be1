// @spec specthread-core#19.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { CLI, requireBuild } from '../helpers/lspClient';

/**
 * `specthread test-stubs` through the CLI on small projects, one per framework: where the file
 * goes, that coverage then shows the stubbed criteria as "test pending", and that each stub
 * compiles or parses in its language with the toolchain this machine has (node for JavaScript,
 * TypeScript's parser, python3 with pytest and unittest, javac; Go through tree-sitter's Go
 * grammar, and `go vet` too when a Go toolchain is installed). A toolchain that is missing is
 * named (`SKIPPED: …`), never passed over silently.
 */

const REQUIREMENTS = `# Requirements Document

## Introduction

Sign-in.

## Requirements

### Requirement 1: Sign in

**User Story:** As a user, I want to sign in, so that I can work.

#### Acceptance Criteria

1. WHEN a user submits valid credentials THE Auth_Service SHALL issue a session token
2. WHILE the account is locked, WHEN a user submits credentials THE Auth_Service SHALL reject the attempt with "locked" and a \\ backslash
3. IF the token has expired, THEN THE Auth_Service SHALL reject the request
4. THE Auth_Service SHALL log every sign-in attempt
`;

const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-stubs-')));
  made.push(dir);
  for (const [rel, text] of Object.entries({ '.kiro/specs/user-auth/requirements.md': REQUIREMENTS, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function run(cwd: string, args: string[]) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tool(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, missing: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' };
}

const has = (command: string) => !tool(command, ['--version'], os.tmpdir()).missing;

/** The states coverage reports for user-auth's criteria, by id. */
function states(dir: string): Record<string, string> {
  const r = run(dir, ['coverage', '--format', 'json']);
  const report = JSON.parse(r.stdout) as { specs: { requirements: { criteria: { id: string; state: string }[] }[] }[] };
  return Object.fromEntries(report.specs[0]!.requirements[0]!.criteria.map((c) => [c.id, c.state]));
}

const TS_PARSE_ERRORS = (file: string) => {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), { reportDiagnostics: true, fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
};

async function goParses(text: string): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sitter = require('@vscode/tree-sitter-wasm') as typeof import('@vscode/tree-sitter-wasm');
  await sitter.Parser.init();
  const go = await sitter.Language.load(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-go.wasm'));
  const parser = new sitter.Parser();
  parser.setLanguage(go);
  return parser.parse(text)?.rootNode.hasError === false;
}

interface Case {
  readonly framework: string;
  readonly files: Record<string, string>;
  /** Where the stubs must go, relative to the project. */
  readonly stubFile: string;
  /** Criteria an existing test verifies. */
  readonly verified: readonly string[];
  /** Compiles, parses or runs the stub file; returns what ran. */
  readonly check: (dir: string, file: string) => Promise<string>;
}

const JS_LOGIN = "it('user-auth#1.1 issues a token', () => {});\n";

const CASES: Case[] = [
  {
    framework: 'mocha',
    files: { 'package.json': '{"devDependencies":{"mocha":"10"}}', 'test/login.test.js': JS_LOGIN },
    stubFile: 'test/user-auth.pending.test.js',
    verified: ['1.1'],
    check: async (dir, file) => {
      assert.strictEqual(tool(process.execPath, ['--check', file], dir).code, 0);
      const mocha = tool(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--no-config', file], dir);
      assert.strictEqual(mocha.code, 0, mocha.out);
      assert.match(mocha.out, /0 passing[\s\S]*3 pending/);
      return 'node --check, mocha (3 pending)';
    },
  },
  {
    framework: 'jest',
    files: {
      'package.json': '{"devDependencies":{"jest":"29","ts-jest":"29"}}',
      '__tests__/login.test.ts': "test('user-auth#1.1 issues a token', () => {});\n",
    },
    stubFile: '__tests__/user-auth.pending.test.ts',
    verified: ['1.1'],
    check: async (_dir, file) => {
      assert.deepStrictEqual(TS_PARSE_ERRORS(file), []);
      return 'TypeScript parser';
    },
  },
  {
    framework: 'vitest',
    files: { 'package.json': '{"type":"module","devDependencies":{"vitest":"2"}}' },
    stubFile: 'test/user-auth.pending.test.js',
    verified: [],
    check: async (dir, file) => {
      assert.match(fs.readFileSync(file, 'utf8'), /^import \{ test \} from 'vitest';$/m);
      const r = tool(process.execPath, ['--check', file], dir);
      assert.strictEqual(r.code, 0, r.out);
      return 'node --check (ES module)';
    },
  },
  {
    framework: 'node:test',
    files: { 'package.json': '{"scripts":{"test":"node --test test/"}}' },
    stubFile: 'test/user-auth.pending.test.js',
    verified: [],
    check: async (dir, file) => {
      const r = tool(process.execPath, ['--test', file], dir);
      assert.strictEqual(r.code, 0, r.out);
      assert.match(r.out, /# skipped 4/);
      assert.match(r.out, /# pass 0/);
      return 'node --test (4 skipped)';
    },
  },
  {
    framework: 'pytest',
    files: {
      'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'tests/test_login.py': 'def test_login():\n    """user-auth#1.1 issues a token"""\n',
    },
    stubFile: 'tests/test_user_auth_pending.py',
    verified: ['1.1'],
    check: async (dir, file) => {
      const compiled = tool('python3', ['-m', 'py_compile', file], dir);
      assert.strictEqual(compiled.code, 0, compiled.out);
      const pytest = tool('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', file], dir);
      if (pytest.code !== 0 && /No module named pytest/.test(pytest.out)) return 'python3 py_compile (SKIPPED: pytest not installed)';
      assert.strictEqual(pytest.code, 0, pytest.out);
      assert.match(pytest.out, /3 skipped/);
      return 'python3 py_compile, pytest (3 skipped)';
    },
  },
  {
    framework: 'unittest',
    files: { 'setup.cfg': '[metadata]\nname = auth\n', 'tests/test_login.py': 'import unittest\n\nclass TestLogin(unittest.TestCase):\n    pass\n' },
    stubFile: 'tests/test_user_auth_pending.py',
    verified: [],
    check: async (dir, file) => {
      const r = tool('python3', ['-m', 'unittest', '-v', path.relative(dir, file)], dir);
      assert.strictEqual(r.code, 0, r.out);
      assert.match(r.out, /OK \(skipped=4\)/);
      return 'python3 -m unittest (skipped=4)';
    },
  },
  {
    framework: 'go',
    files: {
      'go.mod': 'module example.com/router\n\ngo 1.21\n',
      'pkg/router/router_test.go': 'package router\n\nimport "testing"\n\nfunc TestRoute(t *testing.T) {}\n',
    },
    stubFile: 'pkg/router/user_auth_pending_test.go',
    verified: [],
    check: async (dir, file) => {
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^package router$/m);
      assert.ok(await goParses(text), text);
      if (!has('go')) {
        console.log('      SKIPPED: go vet: no Go toolchain on this machine (the stub parsed with tree-sitter-go)');
        return 'tree-sitter-go parse (go vet SKIPPED: no Go toolchain)';
      }
      const vet = tool('go', ['vet', './...'], dir);
      assert.strictEqual(vet.code, 0, vet.out);
      return 'tree-sitter-go parse, go vet';
    },
  },
  {
    framework: 'junit5',
    files: {
      'pom.xml': '<project><dependencies><dependency><artifactId>junit-jupiter</artifactId></dependency></dependencies></project>\n',
      'src/test/java/com/example/LoginTest.java':
        'package com.example;\n\nimport org.junit.jupiter.api.Test;\n\nclass LoginTest {\n    @Test\n    void login() {}\n}\n',
    },
    stubFile: 'src/test/java/com/example/UserAuthPendingTest.java',
    verified: [],
    check: async (dir, file) => {
      // JUnit's jar is not on this machine: the three annotations the stubs use, with JUnit's own names and shapes, stand in for it.
      const shim = path.join(dir, 'shim/org/junit/jupiter/api');
      fs.mkdirSync(shim, { recursive: true });
      for (const [name, body] of [
        ['Test', ''],
        ['Disabled', 'String value() default "";'],
        ['DisplayName', 'String value();'],
      ])
        fs.writeFileSync(
          path.join(shim, `${name}.java`),
          `package org.junit.jupiter.api;\nimport java.lang.annotation.*;\n@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) public @interface ${name} { ${body} }\n`,
        );
      const sources = ['Test', 'Disabled', 'DisplayName'].map((n) => path.join(shim, `${n}.java`));
      const r = tool('javac', ['-d', path.join(dir, 'out'), ...sources, file], dir);
      assert.strictEqual(r.code, 0, r.out);
      assert.ok(fs.existsSync(path.join(dir, 'out/com/example/UserAuthPendingTest.class')));
      return 'javac';
    },
  },
];

describe('specthread test-stubs (CLI)', function () {
  this.timeout(60000);
  const ran: string[] = [];
  after(() => {
    console.log(`      toolchains: ${ran.join('; ')}`);
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES)
    it(`${c.framework}: writes the stubs where the tests are, coverage shows them as test pending, and they ${c.framework === 'junit5' ? 'compile' : 'parse'}`, async function () {
      const needs = { pytest: 'python3', unittest: 'python3', junit5: 'javac' }[c.framework as 'pytest'];
      if (needs && !has(needs)) {
        console.log(`      SKIPPED: ${c.framework}: ${needs} is not installed`);
        this.skip();
      }
      const dir = project(c.files);
      const r = run(dir, ['test-stubs', 'user-auth']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`^Framework: ${c.framework.replace(':', '\\:')} \\(`, 'm'));
      const file = path.join(dir, c.stubFile);
      assert.ok(fs.existsSync(file), `${c.stubFile} written:\n${r.stderr}`);
      const expected = Object.fromEntries(['1.1', '1.2', '1.3', '1.4'].map((id) => [id, c.verified.includes(id) ? 'verified' : 'pending']));
      assert.deepStrictEqual(states(dir), expected);
      ran.push(`${c.framework}: ${await c.check(dir, file)}`);
    });

  it('--dry-run prints the file and writes nothing; --criterion narrows; --framework overrides', () => {
    const dir = project({ 'package.json': '{"devDependencies":{"jest":"29"}}' });
    const r = run(dir, ['test-stubs', 'user-auth', '--dry-run', '--criterion', 'user-auth#1.3', '--framework', 'mocha']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# new file test\/user-auth\.pending\.test\.js$/m);
    assert.match(r.stdout, /it\.skip\('user-auth#1\.3 IF the token has expired/);
    assert.doesNotMatch(r.stdout, /user-auth#1\.2/);
    assert.match(r.stderr, /Framework: mocha \(--framework\)/);
    assert.ok(!fs.existsSync(path.join(dir, 'test')));
  });

  it('never writes over a file that exists; --append adds the stubs to it, keeping what was there', () => {
    const mine = "// my own notes\nit('user-auth#1.1 issues a token', () => {});\n";
    const dir = project({ 'package.json': '{"devDependencies":{"mocha":"10"}}', 'test/user-auth.pending.test.js': mine });
    const kept = run(dir, ['test-stubs', 'user-auth']);
    assert.strictEqual(kept.code, 1);
    assert.match(kept.stderr, /Kept test\/user-auth\.pending\.test\.js: it exists \(--append adds the 3 stubs to it/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'test/user-auth.pending.test.js'), 'utf8'), mine);
    const appended = run(dir, ['test-stubs', 'user-auth', '--append']);
    assert.strictEqual(appended.code, 0, appended.stderr);
    const text = fs.readFileSync(path.join(dir, 'test/user-auth.pending.test.js'), 'utf8');
    assert.ok(text.startsWith(mine));
    assert.strictEqual(text.match(/it\.skip\(/g)?.length, 3);
    assert.deepStrictEqual(states(dir), { '1.1': 'verified', '1.2': 'pending', '1.3': 'pending', '1.4': 'pending' });
    const again = run(dir, ['test-stubs', 'user-auth']);
    assert.strictEqual(again.code, 0);
    assert.match(again.stderr, /Nothing to stub in user-auth\./);
  });

  it('names the problem: an unknown spec or criterion, a project with no framework to tell', () => {
    const dir = project({});
    const unknown = run(dir, ['test-stubs', 'no-such-spec']);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /No spec named no-such-spec/);
    const criterion = run(dir, ['test-stubs', 'user-auth', '--criterion', '7.7', '--framework', 'go']);
    assert.strictEqual(criterion.code, 2);
    assert.match(criterion.stderr, /7\.7 is not a criterion or requirement of user-auth/);
    const none = run(dir, ['test-stubs', '.kiro/specs/user-auth']);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /Cannot tell the test framework .* Name it with --framework/);
    const usage = run(dir, ['test-stubs', 'user-auth', '--framework', 'rspec']);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.stderr, /--framework must be mocha, jest, vitest, node:test, pytest, unittest, go or junit5, not 'rspec'/);
  });
});
