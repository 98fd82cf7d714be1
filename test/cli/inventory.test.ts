// @spec specthread-core#13.6, specthread-core#13.5, specthread-core#16.2
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { FIXTURES, REPO } from '../helpers/fixtures';
import { CLI, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd = REPO) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('specthread inventory (CLI)', () => {
  it('lists each spec-kit feature with its stories, requirements, criteria, tasks by status and refs', () => {
    const r = run(['inventory', path.join(FIXTURES, 'checks', 'speckit-clean'), '--format', 'json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    const feature = out.specs.find((s: { spec: string }) => s.spec === '001-user-auth');
    assert.deepStrictEqual(
      {
        format: feature.format,
        kind: feature.kind,
        requirements: feature.requirements,
        stories: feature.stories,
        criteria: feature.criteria,
        tasks: feature.tasks,
      },
      // FR-001..004 and SC-001; US1 (2 scenarios) and US-2 (1 scenario as paragraphs); T001, T002 done, T003–T006 and T004a open.
      { format: 'speckit', kind: 'feature', requirements: 5, stories: 2, criteria: 3, tasks: { open: 5, done: 2, 'in-progress': 0, queued: 0 } },
    );
    assert.ok(feature.refs >= 10, `refs ${feature.refs}`);
    assert.ok(out.specs.some((s: { kind: string }) => s.kind === 'constitution'));
    // 001-user-auth, 002-profile and the constitution.
    assert.match(r.stderr, /3 specs \(3 speckit\)/);
  });

  it('says per spec and per file how well each was read, so unread files are visible', () => {
    const r = run(['inventory', path.join(FIXTURES, 'checks', 'understood-or-silent'), '--format', 'json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const specs: { dir: string; confidence: string; reading: { path: string; kind: string; level: string; tasks: number }[] }[] = JSON.parse(r.stdout).specs;
    const byDir = (suffix: string) => specs.find((s) => s.dir.endsWith(suffix))!;
    assert.strictEqual(byDir('.kiro/specs/goals-only').confidence, 'none');
    assert.strictEqual(byDir('web/.kiro/specs/prose-plan').confidence, 'high');
    const notes = byDir('specs/001-notes');
    assert.strictEqual(notes.confidence, 'partial');
    const tasks = notes.reading.find((f) => f.kind === 'tasks')!;
    assert.deepStrictEqual({ level: tasks.level, tasks: tasks.tasks }, { level: 'partial', tasks: 2 });
    // Paths are relative to the working directory, like the spec's folder.
    assert.ok(tasks.path.startsWith('test/fixtures/') && tasks.path.endsWith('specs/001-notes/tasks.md'), tasks.path);
  });

  it('counts OpenSpec deltas per operation and marks archived changes', () => {
    const r = run(['inventory', path.join(FIXTURES, 'checks', 'openspec-clean'), '--format', 'json']);
    const specs = JSON.parse(r.stdout).specs as {
      spec: string;
      kind: string;
      archived: boolean;
      requirements: number;
      criteria: number;
      deltas?: Record<string, number>;
    }[];
    const change = specs.find((s) => s.spec === 'changes/add-sso')!;
    assert.deepStrictEqual(change.deltas, { ADDED: 1, MODIFIED: 1, REMOVED: 1, RENAMED: 1 });
    assert.strictEqual(change.requirements, 2);
    const base = specs.find((s) => s.spec === 'auth/login')!;
    assert.deepStrictEqual([base.kind, base.requirements, base.criteria], ['capability', 4, 5]);
    assert.strictEqual(specs.find((s) => s.spec === 'changes/archive/2025-01-01-old')?.archived, true);
    assert.ok(specs.some((s) => s.kind === 'project'));
  });

  it('prints one text line per spec', () => {
    const r = run(['inventory', path.join(FIXTURES, 'checks', 'kiro-extras')]);
    const lines = r.stdout.trim().split('\n');
    assert.deepStrictEqual(
      lines.map((l) => l.split(/\s+/)[1]),
      ['kiro/hooks', 'kiro/feature', 'kiro/steering'],
    );
    assert.match(lines[1], /req 1 {2}crit 1 {2}stories 0 {2}tasks 0\/0 {2}refs 2 {2}read high$/);
  });
});
