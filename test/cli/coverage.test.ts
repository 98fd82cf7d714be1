// @spec specthread-core#12.1 @spec specthread-core#12.2 @spec specthread-core#12.3 @spec specthread-core#8.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';

const TRACE_REPO = path.relative(REPO, path.join(FIXTURES, 'trace-repo'));

function run(args: string[], cwd = REPO) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('specthread coverage and trace findings (CLI)', () => {
  it('check reports trace findings in code, tests and specs', () => {
    const r = run(['check', TRACE_REPO]);
    assert.strictEqual(r.code, 1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) =>
        l
          .slice(TRACE_REPO.length + 1)
          .split(' ')
          .slice(0, 3)
          .join(' '),
      );
    assert.deepStrictEqual(lines, [
      '.kiro/specs/user-auth/requirements.md:16:1 info coverage.criterion-not-verified',
      '.kiro/specs/user-auth/requirements.md:17:1 warning coverage.criterion-not-implemented',
      '.kiro/specs/user-auth/requirements.md:17:1 info coverage.criterion-not-verified',
      '.kiro/specs/user-auth/requirements.md:34:1 warning coverage.criterion-not-implemented',
      '.kiro/specs/user-auth/requirements.md:34:1 info coverage.criterion-not-verified',
      '.kiro/specs/user-auth/tasks.md:10:3 warning task.done-without-code',
      '.kiro/specs/user-auth/tasks.md:10:24 info task.missing-file',
      'scripts/deploy.sh:2:9 error link.unknown-ref',
      'src/api/Handler.java:4:14 error link.unknown-ref',
      'src/auth/login.ts:10:24 warning trace.suspect',
    ]);
  });

  it('prints per-spec and per-requirement coverage and what is missing, as text', () => {
    const r = run(['coverage', TRACE_REPO]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^user-auth \(test\/fixtures\/trace-repo\/\.kiro\/specs\/user-auth\)\n {2}50% complete: 3\/6 criteria · tasked 6 · implemented 4 · verified 3\n/,
    );
    assert.match(r.stdout, /\n {2}1 Sign in: 33\.3% complete: 1\/3 criteria/);
    assert.match(r.stdout, /\nNot implemented \(2\):\n {2}user-auth#1\.3 {2}IF five failed.*\n {2}user-auth#3\.1 {2}WHEN a sign-in/);
    assert.match(r.stdout, /\nNot verified \(3\):\n {2}user-auth#1\.2 /);
    assert.match(r.stderr, /50% complete: 3\/6 criteria .* \(1 spec\)/);
  });

  it('prints the coverage report as JSON, and --fail-under fails below the threshold', () => {
    const json = JSON.parse(run(['coverage', TRACE_REPO, '--format', 'json']).stdout);
    assert.strictEqual(json.version, 1);
    assert.strictEqual(json.specs[0].dir, `${TRACE_REPO}/.kiro/specs/user-auth`);
    assert.deepStrictEqual(json.summary, { criteria: 6, tasked: 6, implemented: 4, verified: 3, complete: 3, percent: 50 });
    assert.strictEqual(run(['coverage', TRACE_REPO, '--fail-under', '50']).code, 0);
    const failing = run(['coverage', TRACE_REPO, '--fail-under=60']);
    assert.strictEqual(failing.code, 1);
    assert.match(failing.stderr, /Coverage 50% is below --fail-under 60%/);
    assert.strictEqual(run(['coverage', '--fail-under', 'lots']).code, 2);
  });

  it('--exclude drops files, and large files are reported once', () => {
    const root = copyToTemp(path.join(FIXTURES, 'trace-repo'));
    try {
      fs.writeFileSync(path.join(root, 'src', 'huge.ts'), '// @spec user-auth#9\n' + 'x'.repeat(2 * 1024 * 1024));
      const r = run(['check', root, '--exclude', 'scripts/**', '--fail-on', 'none']);
      assert.strictEqual(r.code, 0);
      assert.ok(!r.stdout.includes('deploy.sh'), r.stdout);
      assert.ok(!r.stdout.includes('huge.ts'), r.stdout);
      assert.match(r.stderr, /Not scanned for trace tags: 1 file\(s\) over 1048576 bytes, 0 binary\./);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
