// @spec specthread-core#5.1 @spec specthread-core#5.2 @spec specthread-core#5.3
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd = REPO) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('specthread check (CLI)', () => {
  it('prints file:line:col severity code message and exits 1 on errors', () => {
    const r = run(['check', 'examples/kiro-workspace']);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(r.stdout.trim().split('\n'), [
      "examples/kiro-workspace/.kiro/specs/user-auth/design.md:20:32 error link.unknown-ref Criterion 2.3 does not exist in spec 'user-auth'. Requirement 2 has 2.1–2.2. Did you mean 2.2, 2.1?",
      'examples/kiro-workspace/.kiro/specs/user-auth/requirements.md:35:1 info coverage.requirement-without-task Requirement 4 (Password reset) is not cited by any task in tasks.md.',
      'examples/kiro-workspace/.kiro/specs/user-auth/requirements.md:35:17 hint structure.numbering-gap Requirement 4 follows 2: numbering skips 3.',
      'examples/kiro-workspace/.kiro/specs/user-auth/tasks.md:3:3 warning task.parent-done-open-subtask Task 1 is ticked but required sub-task 1.2 is not done.',
      "examples/kiro-workspace/.kiro/specs/user-auth/tasks.md:11:27 error link.unknown-ref Criterion 2.5 does not exist in spec 'user-auth'. Requirement 2 has 2.1–2.2. Did you mean 2.2, 2.1?",
    ]);
    assert.match(r.stderr, /2 errors, 1 warning, 1 info, 1 hint in 3 files \(1 spec\)/);
  });

  it('finds the deliberate problem of each example project (the README quick start)', () => {
    const r = run(['check', 'examples', '--format', 'json']);
    assert.strictEqual(r.code, 1, r.stderr);
    const found = JSON.parse(r.stdout).findings.map((f: { file: string; code: string }) => `${f.file.split('/')[1]} ${f.code}`);
    for (const expected of ['kiro-workspace link.unknown-ref', 'speckit-workspace link.unknown-story', 'openspec-workspace link.unknown-delta-target']) {
      assert.ok(found.includes(expected), `${expected} in ${JSON.stringify(found)}`);
    }
  });

  it('exits 0 on a clean workspace, and --fail-on decides what fails', () => {
    const clean = path.join(FIXTURES, 'checks', 'v1-clean');
    assert.strictEqual(run(['check', clean]).code, 0);
    const warnOnly = path.join(FIXTURES, 'checks', 'tasks-and-coverage');
    assert.strictEqual(run(['check', warnOnly]).code, 0);
    assert.strictEqual(run(['check', warnOnly, '--fail-on', 'warning']).code, 1);
    assert.strictEqual(run(['check', 'examples/kiro-workspace', '--fail-on=none']).code, 0);
  });

  it('--format json gives one-based positions and a summary', () => {
    const r = run(['check', 'examples/kiro-workspace', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    assert.deepStrictEqual(out.summary, { specs: 1, files: 3, counts: { error: 2, warning: 1, info: 1, hint: 1 } });
    assert.deepStrictEqual(out.findings[4], {
      file: 'examples/kiro-workspace/.kiro/specs/user-auth/tasks.md',
      line: 11,
      column: 27,
      endLine: 11,
      endColumn: 30,
      severity: 'error',
      code: 'link.unknown-ref',
      message: "Criterion 2.5 does not exist in spec 'user-auth'. Requirement 2 has 2.1–2.2. Did you mean 2.2, 2.1?",
    });
  });

  it('checks a single file with its spec, printing only that file', () => {
    const r = run(['check', 'examples/kiro-workspace/.kiro/specs/user-auth/tasks.md']);
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
      ['examples/kiro-workspace/.kiro/specs/user-auth/tasks.md:3:3', 'examples/kiro-workspace/.kiro/specs/user-auth/tasks.md:11:27'],
    );
  });

  it('honours .gitignore', () => {
    const root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
    try {
      fs.writeFileSync(path.join(root, '.gitignore'), '.kiro/specs/user-auth/\n');
      const r = run(['check', root]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stderr, /No specs found/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('exits 2 with usage on bad arguments', () => {
    for (const args of [['frobnicate'], ['check', '--format', 'xml'], ['check', '--fail-on'], ['check', 'no/such/dir'], ['check', '--bogus']]) {
      const r = run(args);
      assert.strictEqual(r.code, 2, `${args.join(' ')} → ${r.code}`);
      assert.match(r.stderr, /^specthread: /);
    }
    assert.strictEqual(run(['--help']).code, 0);
  });
});
