// @spec specthread-core#17.2
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `file:line code message` of a JSON report, for readable assertions. */
function found(stdout: string): string[] {
  return (JSON.parse(stdout).findings as { file: string; line: number; code: string; message: string }[]).map((f) => `${f.file}:${f.line} ${f.code}`);
}

const requirements = (second: number) => `# Requirements Document

### Requirement 1: Sign in

#### Acceptance Criteria

1. WHEN a user signs in THEN THE Auth_Service SHALL issue a token
2. WHEN sign-in fails three times THEN THE Auth_Service SHALL lock the account

### Requirement ${second}: Sessions

#### Acceptance Criteria

1. WHEN a token is issued THEN THE Auth_Service SHALL store a session
`;

/** Tasks citing 2.1 (broken once requirement 2 is renumbered) and 9.9 (broken before any change). */
const TASKS = `# Implementation Plan

- [ ] 1. Sign in
  - _Requirements: 1.1, 1.2_
- [ ] 2. Sessions
  - _Requirements: 2.1, 9.9_
`;

const BILLING = `# Requirements Document

### Requirement 1: Invoices

#### Acceptance Criteria

1. WHEN an invoice is built THEN THE Billing_Service SHALL total its lines
`;

function write(root: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

function git(root: string, ...args: string[]) {
  execFileSync('git', args, { cwd: root, stdio: 'pipe' });
}

/** A repository whose main branch has findings already, and a branch `renumber` that renumbers requirement 2 to 3. */
function repository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-changed-'));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'ci@example.com');
  git(root, 'config', 'user.name', 'CI');
  git(root, 'config', 'commit.gpgsign', 'false');
  write(root, {
    '.kiro/specs/auth/requirements.md': requirements(2),
    '.kiro/specs/auth/tasks.md': TASKS,
    '.kiro/specs/billing/requirements.md': BILLING,
    '.kiro/specs/billing/tasks.md': '# Implementation Plan\n\n- [ ] 1. Invoices\n  - _Requirements: 1.1, 1.7_\n',
  });
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'specs');
  git(root, 'checkout', '-qb', 'renumber');
  write(root, { '.kiro/specs/auth/requirements.md': requirements(3) });
  git(root, 'commit', '-qam', 'renumber requirement 2');
  return root;
}

describe('check --changed-since / --changed-files (CLI)', function () {
  this.timeout(60_000);
  let repo: string;
  before(() => (repo = repository()));
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reports the changed file and the citation it broke in an untouched tasks.md, not what was broken before', () => {
    const all = run(['check', '.', '--format', 'json', '--fail-on', 'none'], repo);
    assert.deepStrictEqual(found(all.stdout), [
      '.kiro/specs/auth/requirements.md:10 coverage.requirement-without-task',
      '.kiro/specs/auth/requirements.md:10 structure.numbering-gap',
      '.kiro/specs/auth/tasks.md:6 link.unknown-ref',
      '.kiro/specs/auth/tasks.md:6 link.unknown-ref',
      '.kiro/specs/billing/tasks.md:4 link.unknown-ref',
    ]);
    const changed = run(['check', '.', '--format', 'json', '--changed-since', 'main'], repo);
    assert.deepStrictEqual(found(changed.stdout), [
      '.kiro/specs/auth/requirements.md:10 coverage.requirement-without-task',
      '.kiro/specs/auth/requirements.md:10 structure.numbering-gap',
      '.kiro/specs/auth/tasks.md:6 link.unknown-ref',
    ]);
    assert.match(JSON.parse(changed.stdout).findings[2].message, /Criterion 2\.1 does not exist/);
    assert.strictEqual(changed.code, 1, changed.stderr);
  });

  it('counts uncommitted and untracked changes, as CI will see them once committed', () => {
    write(repo, {
      '.kiro/specs/billing/tasks.md': '# Implementation Plan\n\n- [ ] 1. Invoices\n  - _Requirements: 1.1, 1.7, 1.8_\n',
      'notes/todo.md': 'not a spec\n',
    });
    try {
      const changed = run(['check', '.', '--format', 'json', '--changed-since', 'main'], repo);
      // The whole changed file is reported, its old finding included.
      assert.deepStrictEqual(found(changed.stdout), [
        '.kiro/specs/auth/requirements.md:10 coverage.requirement-without-task',
        '.kiro/specs/auth/requirements.md:10 structure.numbering-gap',
        '.kiro/specs/auth/tasks.md:6 link.unknown-ref',
        '.kiro/specs/billing/tasks.md:4 link.unknown-ref',
        '.kiro/specs/billing/tasks.md:4 link.unknown-ref',
      ]);
    } finally {
      git(repo, 'checkout', '-q', '--', '.kiro/specs/billing/tasks.md');
      fs.rmSync(path.join(repo, 'notes'), { recursive: true });
    }
  });

  it('--changed-files takes a list or @file, measured against HEAD', () => {
    // Against HEAD (the renumbered branch) a change back to requirement 2 fixes the citation and breaks nothing.
    write(repo, { '.kiro/specs/auth/requirements.md': requirements(2), 'changed.txt': '.kiro/specs/auth/requirements.md\n' });
    try {
      assert.deepStrictEqual(found(run(['check', '.', '--format', 'json', '--changed-files', '.kiro/specs/auth/requirements.md'], repo).stdout), []);
      assert.deepStrictEqual(found(run(['check', '.', '--format', 'json', '--changed-files', '@changed.txt'], repo).stdout), []);
      const tasks = run(['check', '.', '--format', 'json', '--changed-files', '.kiro/specs/billing/tasks.md,.kiro/specs/auth/requirements.md'], repo);
      assert.deepStrictEqual(found(tasks.stdout), ['.kiro/specs/billing/tasks.md:4 link.unknown-ref']);
    } finally {
      git(repo, 'checkout', '-q', '--', '.kiro/specs/auth/requirements.md');
      fs.rmSync(path.join(repo, 'changed.txt'));
    }
  });

  it('exits 2 with a message for an unknown ref and outside a repository', () => {
    const unknown = run(['check', '.', '--changed-since', 'no-such-branch'], repo);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /--changed-since: unknown git ref 'no-such-branch'/);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-nogit-'));
    try {
      write(outside, { '.kiro/specs/billing/requirements.md': BILLING });
      const r = run(['check', '.', '--changed-since', 'main'], outside);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /--changed-since: .* is not inside a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('outside a repository, --changed-files keeps the changed files and findings related to them', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-nogit-'));
    try {
      write(outside, { '.kiro/specs/auth/requirements.md': requirements(3), '.kiro/specs/auth/tasks.md': TASKS });
      const r = run(['check', '.', '--format', 'json', '--changed-files', '.kiro/specs/auth/requirements.md'], outside);
      assert.deepStrictEqual(found(r.stdout), [
        '.kiro/specs/auth/requirements.md:10 coverage.requirement-without-task',
        '.kiro/specs/auth/requirements.md:10 structure.numbering-gap',
      ]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
