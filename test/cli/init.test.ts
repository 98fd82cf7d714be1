// @spec specthread-core#17.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { CLI, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project with a Kiro spec, a spec-kit feature under docs/ and an OpenSpec folder in a package. */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-init-'));
  const files: Record<string, string> = {
    '.kiro/specs/user-auth/requirements.md':
      '# Requirements Document\n\n### Requirement 1: Sign in\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THEN THE Auth_Service SHALL issue a token\n',
    'specs/001-export/spec.md': '# Feature Specification: Export\n\n## Requirements\n\n- **FR-001**: System MUST export CSV.\n',
    'openspec/specs/billing/spec.md':
      '# billing Specification\n\n## Requirements\n\n### Requirement: Invoices\nThe system SHALL total invoices.\n\n#### Scenario: Total\n- **WHEN** an invoice is built\n- **THEN** it is totalled\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('specthread init (CLI)', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = project()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes specthread.json with the recommended preset and the roots found, and prints both workflows', () => {
    const r = run(['init'], root);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(root, 'specthread.json'), 'utf8')), {
      preset: 'recommended',
      roots: [
        { path: '.kiro/specs', format: 'kiro' },
        { path: 'openspec', format: 'openspec' },
        { path: 'specs', format: 'speckit' },
      ],
    });
    assert.match(r.stderr, /Found \.kiro\/specs \(kiro\), openspec \(openspec\), specs \(speckit\)\.\nWrote specthread\.json\./);
    const [github, gitlab] = r.stdout.split(/^# \.gitlab-ci\.yml.*$/m);
    assert.strictEqual(parse(github!).jobs.specthread['runs-on'], 'ubuntu-latest');
    assert.ok(parse(gitlab!).specthread.script.some((s: string) => s.includes('--changed-since')));
    assert.ok(!fs.existsSync(path.join(root, '.github')), 'nothing but specthread.json is written without --ci');
  });

  it('--ci github and --ci gitlab write a workflow that runs check and coverage', () => {
    assert.strictEqual(run(['init', '.', '--ci', 'github'], root).code, 0);
    const workflow = parse(fs.readFileSync(path.join(root, '.github/workflows/specthread.yml'), 'utf8'));
    const steps: { run?: string }[] = workflow.jobs.specthread.steps;
    assert.deepStrictEqual(
      steps.flatMap((s) => (s.run ? [s.run.split(' ').slice(0, 4).join(' ')] : [])),
      ['npx --yes specthread check', 'npx --yes specthread coverage'],
    );
    assert.match(steps[2]!.run!, /--changed-since origin\/\{0\}/);
    assert.strictEqual(run(['init', root, '--ci', 'gitlab', '--force'], os.tmpdir()).code, 0);
    assert.ok(parse(fs.readFileSync(path.join(root, '.gitlab-ci.yml'), 'utf8')).specthread.script.length === 2);
  });

  it('keeps existing files unless --force is given', () => {
    fs.writeFileSync(path.join(root, 'specthread.json'), '{ "mine": true }\n');
    const kept = run(['init', '--ci', 'github'], root);
    assert.strictEqual(kept.code, 1);
    assert.match(kept.stderr, /Kept specthread\.json: it exists \(--force replaces it\)\./);
    assert.strictEqual(fs.readFileSync(path.join(root, 'specthread.json'), 'utf8'), '{ "mine": true }\n');
    assert.ok(fs.existsSync(path.join(root, '.github/workflows/specthread.yml')));
    const again = run(['init', '--ci', 'github'], root);
    assert.match(again.stderr, /Kept \.github\/workflows\/specthread\.yml/);
    const forced = run(['init', '--force'], root);
    assert.strictEqual(forced.code, 0);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(root, 'specthread.json'), 'utf8')).preset, 'recommended');
    // Written atomically: no temporary file is left beside the target.
    assert.deepStrictEqual(
      fs.readdirSync(root).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('--force keeps the spec roots an existing specthread.json named', () => {
    fs.mkdirSync(path.join(root, 'docs/product/export'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs/product/export/requirements.md'), '# Requirements Document\n\n### Requirement 1: Export\n');
    fs.writeFileSync(path.join(root, 'specthread.json'), JSON.stringify({ roots: [{ path: 'docs/product', format: 'kiro' }] }));
    assert.strictEqual(run(['init', '--force'], root).code, 0);
    const roots = JSON.parse(fs.readFileSync(path.join(root, 'specthread.json'), 'utf8')).roots.map((r: { path: string }) => r.path);
    assert.deepStrictEqual(roots, ['.kiro/specs', 'docs/product', 'openspec', 'specs']);
  });

  it('rejects a folder that does not exist and an unknown CI system', () => {
    assert.match(run(['init', 'nope'], root).stderr, /no such folder: nope/);
    const bad = run(['init', '--ci', 'jenkins'], root);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--ci must be github or gitlab, not 'jenkins'/);
  });
});
