// @spec specthread-core#14.1 @spec specthread-core#14.2
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CheckOptions } from '../../server/src/cli/args';
import { runCheck } from '../../server/src/cli/check';
import { SpecRule } from '../../server/src/core/checks/rule';
import { FIXTURES, REPO } from '../helpers/fixtures';
import { CLI, requireBuild } from '../helpers/lspClient';

function run(args: string[]) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const options = (format: 'text' | 'json', paths = ['examples/kiro-workspace']): CheckOptions => ({
  command: 'check',
  paths,
  format,
  failOn: 'error',
  exclude: [],
  writeBaseline: false,
  noBaseline: false,
});

const boom: SpecRule = {
  meta: { code: 'test.boom', defaultSeverity: 'error', summary: 'Throws on purpose.', description: 'A test double.', bad: '-', good: '-' },
  check: () => {
    throw new RangeError('Invalid count value: -1');
  },
};

describe('specthread check when SpecThread itself fails (issue 8)', () => {
  it('reports the spec that once crashed it (empty and marker-only code spans) in full, as valid JSON', () => {
    const fixture = path.relative(REPO, path.join(FIXTURES, 'checks', 'code-spans'));
    // strict: every rule runs on it, the opt-in ones included.
    const r = run(['check', fixture, '--format', 'json', '--preset', 'strict']);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepStrictEqual(
      out.findings.map((f: { line: number; code: string }) => `${f.line} ${f.code}`),
      ['18 quality.weak-modal', '19 ears.unknown-system'],
    );
    assert.doesNotMatch(r.stderr, /internal/i);
  });

  it('text: prints every other finding, names the failed rule and file, and exits 2 after the full report', async () => {
    const healthy = await runCheck(options('text'), REPO);
    const log: string[] = [];
    const r = await runCheck(options('text'), REPO, { extraRules: { spec: [boom] }, log: (m) => log.push(m) });
    assert.strictEqual(r.exitCode, 2);
    const failed =
      'examples/kiro-workspace/.kiro/specs/user-auth/requirements.md:1:1 error internal.error SpecThread failed in rule test.boom: RangeError: Invalid count value: -1.';
    const printed = r.stdout.split('\n');
    assert.deepStrictEqual(
      printed.filter((l) => !l.includes('internal.error')),
      healthy.stdout.split('\n'),
    );
    assert.ok(
      printed.some((l) => l.startsWith(failed)),
      r.stdout,
    );
    assert.match(r.stderr, /SpecThread failed in 1 step \(internal\.error; exit code 2\)/);
    assert.match(
      r.stderr,
      /examples\/kiro-workspace\/\.kiro\/specs\/user-auth\/requirements\.md: SpecThread failed in rule test\.boom: RangeError: Invalid count value: -1/,
    );
    assert.match(r.stderr, /3 errors, 1 warning, 1 info, 1 hint/);
    assert.match(log.join('\n'), /RangeError: Invalid count value: -1\n\s+at /);
  });

  it('json: stays valid JSON with the internal error among the findings and counted in the summary', async () => {
    const r = await runCheck(options('json'), REPO, { extraRules: { spec: [boom] }, log: () => undefined });
    assert.strictEqual(r.exitCode, 2);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.summary.internalErrors, 1);
    assert.deepStrictEqual(out.summary.counts, { error: 3, warning: 1, info: 1, hint: 1 });
    const internal = out.findings.filter((f: { code: string }) => f.code === 'internal.error');
    assert.deepStrictEqual(
      internal.map((f: { file: string; line: number }) => `${f.file}:${f.line}`),
      ['examples/kiro-workspace/.kiro/specs/user-auth/requirements.md:1'],
    );
    assert.strictEqual(out.findings.length, 6);
  });

  it('prints the internal error even when only another file of the spec was asked for', async () => {
    const r = await runCheck(options('text', ['examples/kiro-workspace/.kiro/specs/user-auth/tasks.md']), REPO, {
      extraRules: { spec: [boom] },
      log: () => undefined,
    });
    assert.strictEqual(r.exitCode, 2);
    assert.deepStrictEqual(
      r.stdout.split('\n').map((l) => l.split(' ')[0]),
      [
        'examples/kiro-workspace/.kiro/specs/user-auth/requirements.md:1:1',
        'examples/kiro-workspace/.kiro/specs/user-auth/tasks.md:3:3',
        'examples/kiro-workspace/.kiro/specs/user-auth/tasks.md:11:27',
      ],
    );
  });
});
