// @spec specthread-core#19.1, specthread-core#19.3
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

const FILES: Record<string, string> = {
  'app/routes.py':
    '#!/usr/bin/env python\nrouter = APIRouter(prefix="/auth")\n\n@router.post("/register", status_code=201)\ndef register():\n    raise HTTPException(status_code=409, detail="taken")\n',
  'tests/test_routes.py': 'def test_register(client):\n    r = client.post("/auth/register")\n    assert r.status_code == 201\n',
  'pkg/server.go': '//go:build linux\n\npackage pkg\n\n// Start starts.\nfunc Start() {}\n',
  'src/index.ts': "'use strict';\nexport function sign(x: string): string { return x; }\n",
};

function project(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-draft-')));
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  fs.writeFileSync(path.join(root, '.git'), '');
  return root;
}

const snapshot = (root: string) => Object.fromEntries(Object.keys(FILES).map((rel) => [rel, fs.readFileSync(path.join(root, rel), 'utf8')]));

describe('specthread draft (CLI)', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = project()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the Kiro draft into the project, keeps existing files without --force (exit 1) and replaces them with it', () => {
    const first = run(['draft', '--name', 'auth'], root);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.match(first.stdout, /Wrote \.kiro\/specs\/auth\/requirements\.md/);
    const req = path.join(root, '.kiro/specs/auth/requirements.md');
    fs.writeFileSync(req, 'edited by a reviewer\n');
    const again = run(['draft', '--name', 'auth'], root);
    assert.strictEqual(again.code, 1);
    assert.match(again.stderr, /Kept \.kiro\/specs\/auth\/requirements\.md: it exists \(--force replaces it\)/);
    assert.strictEqual(fs.readFileSync(req, 'utf8'), 'edited by a reviewer\n');
    const forced = run(['draft', '--name', 'auth', '--force'], root);
    assert.strictEqual(forced.code, 0, forced.stderr);
    assert.match(fs.readFileSync(req, 'utf8'), /# Requirements Document/);
    assert.deepStrictEqual(snapshot(root), FILES, 'code files are never written without --tag');
  });

  it('--tag --dry-run prints the @spec lines as a unified diff and writes nothing', () => {
    const r = run(['draft', '--name', 'auth', '--tag', '--dry-run'], root);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /--- a\/app\/routes\.py\n\+\+\+ b\/app\/routes\.py\n@@ -1,4 \+1,5 @@\n #!\/usr\/bin\/env python\n\+# @spec auth#1\.1, auth#1\.2, auth#2\.1\n/,
    );
    assert.match(r.stdout, /\+\+\+ b\/tests\/test_routes\.py\n@@ -1,3 \+1,4 @@\n\+# @spec auth#1\.1\n/);
    assert.match(r.stdout, /\+\+\+ b\/pkg\/server\.go\n@@ -1,5 \+1,6 @@\n \/\/go:build linux\n \n\+\/\/ @spec auth#3\.1\n package pkg/);
    assert.match(r.stdout, /\+\+\+ b\/src\/index\.ts\n@@ -1,2 \+1,3 @@\n\+\/\/ @spec auth#4\.1\n 'use strict';/);
    assert.match(r.stderr, /Would tag 4 files \(--dry-run: nothing written\)/);
    assert.deepStrictEqual(snapshot(root), FILES);
    assert.ok(!fs.existsSync(path.join(root, '.kiro')), 'no spec file is written on a dry run');
  });

  it('--tag writes the spec and the tags, which the trace then reads: check has no errors and coverage counts the criteria implemented; a second --tag changes nothing', () => {
    const r = run(['draft', '--name', 'auth', '--tag'], root);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /Tagged 4 files\./);
    assert.match(fs.readFileSync(path.join(root, 'app/routes.py'), 'utf8'), /^#!\/usr\/bin\/env python\n# @spec auth#1\.1, auth#1\.2, auth#2\.1\n/);
    const check = run(['check', '.'], root);
    assert.strictEqual(check.code, 0, check.stdout + check.stderr);
    const coverage = run(['coverage', '.', '--format', 'json'], root);
    const report = JSON.parse(coverage.stdout) as {
      summary: { criteria: number; implemented: number };
      specs: { requirements: { criteria: { ref: string; state: string }[] }[] }[];
    };
    assert.ok(report.summary.criteria > 0);
    assert.strictEqual(report.summary.implemented, report.summary.criteria, 'every criterion is implemented by the tagged code');
    const states = new Map(report.specs.flatMap((s) => s.requirements.flatMap((r) => r.criteria.map((c) => [c.ref, c.state] as const))));
    assert.strictEqual(states.get('auth#1.1'), 'verified', 'the tagged test verifies the route it calls');
    const before = snapshot(root);
    const again = run(['draft', '--name', 'auth', '--tag', '--force'], root);
    assert.strictEqual(again.code, 0, again.stderr);
    assert.match(again.stderr, /Tagged 0 files\./);
    assert.deepStrictEqual(snapshot(root), before);
  });

  it('rejects an unknown format and a path that is not a folder (exit 2)', () => {
    const bad = run(['draft', '--format', 'word'], root);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--format must be kiro, speckit or openspec, not 'word'/);
    const file = run(['draft', 'src/index.ts'], root);
    assert.strictEqual(file.code, 2);
    assert.match(file.stderr, /not a folder: src\/index\.ts/);
  });
});
