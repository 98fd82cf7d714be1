// @spec specthread-core#7.3 @spec specthread-core#7.5
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.trim() ? r.stdout.trim().split('\n') : [] };
}

describe('specthread check: specthread.json and baselines', () => {
  let root: string;
  const reqs = () => path.join(root, '.kiro', 'specs', 'user-auth', 'requirements.md');

  beforeEach(() => {
    root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('applies rule severities, per-path overrides and term lists from specthread.json', () => {
    fs.writeFileSync(
      path.join(root, 'specthread.json'),
      JSON.stringify({
        rules: { link: 'warning' },
        overrides: [{ files: ['**/tasks.md'], rules: { task: 'off' } }],
        terms: { 'quality.vague-term': ['single-use'] },
      }),
    );
    const r = run(['check', '.', '--format', 'json'], root);
    assert.strictEqual(r.code, 0, r.stderr);
    const found = JSON.parse(r.stdout).findings.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`);
    assert.deepStrictEqual(found.sort(), [
      'coverage.requirement-without-task:info',
      'link.unknown-ref:warning',
      'link.unknown-ref:warning',
      'quality.vague-term:hint',
      'structure.numbering-gap:hint',
    ]);
  });

  it('reports an invalid specthread.json and goes on with defaults', () => {
    fs.writeFileSync(path.join(root, 'specthread.json'), '{ "rules": ');
    const r = run(['check', '.'], root);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /specthread\.json: .*the file is ignored/);
  });

  it('--write-baseline accepts current findings atomically; later runs report only new ones', () => {
    const write = run(['check', '.', '--write-baseline'], root);
    assert.strictEqual(write.code, 0, write.stderr);
    assert.match(write.stderr, /Wrote 5 accepted findings to \.specthread-baseline\.json/);
    const baseline = JSON.parse(fs.readFileSync(path.join(root, '.specthread-baseline.json'), 'utf8'));
    assert.strictEqual(baseline.version, 1);
    assert.deepStrictEqual(
      fs.readdirSync(root).filter((n) => n.endsWith('.tmp')),
      [],
    );

    const clean = run(['check', '.', '--fail-on', 'hint'], root);
    assert.strictEqual(clean.code, 0, clean.stdout);
    assert.deepStrictEqual(clean.lines, []);

    // Lines move (a new paragraph at the top) and one new problem appears: only it is reported.
    const text = fs.readFileSync(reqs(), 'utf8');
    fs.writeFileSync(reqs(), text.replace('## Introduction\n', '## Introduction\n\nMoved down.\n').replace('SHALL reject it', 'SHALL reject it quickly'));
    const after = run(['check', '.'], root);
    assert.deepStrictEqual(
      after.lines.map((l) => l.split(' ').slice(1, 3).join(' ')),
      ['hint quality.vague-term'],
    );

    const all = run(['check', '.', '--no-baseline'], root);
    assert.strictEqual(all.lines.length, 6);
  });

  it('finds the project root above the folder it is given', () => {
    fs.writeFileSync(path.join(root, 'specthread.json'), JSON.stringify({ rules: { link: 'off' } }));
    const r = run(['check', '.kiro'], root);
    assert.ok(!r.stdout.includes('link.unknown-ref'), r.stdout);
    assert.ok(
      r.lines.every((l) => l.startsWith('.kiro/')),
      r.stdout,
    );
    assert.match(r.stderr, /in 3 files \(1 spec\)/);
  });
});
