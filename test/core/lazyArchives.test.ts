// @spec specthread-core#21.4
import * as assert from 'assert';
import { CancellationToken, NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { FileNoteSink } from '../../server/src/core/fileNote';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';

/**
 * Archived specs are records that no check reads: with `lazyArchives` the engine lists them but
 * reads them only when a ref or a tag may name one, or when asked (`loadArchives`). Whatever it
 * reads, the findings and the counts are those of the eager engine.
 */

const ROOT = '/ws';
const OS = `${ROOT}/openspec`;
const ARCHIVED = `${OS}/changes/archive/2025-01-01-add-login`;

const mainSpec = `# login Specification

## Purpose
Users sign in with a password so that their data stays theirs and nobody else reads it.

## Requirements

### Requirement: Sign in
The system SHALL sign a user in with a valid password.

#### Scenario: Valid password
- **WHEN** a user gives a valid password
- **THEN** the user is signed in
`;

const delta = `## ADDED Requirements

### Requirement: Sign in
The system SHALL sign a user in with a valid password.

#### Scenario: Valid password
- **WHEN** a user gives a valid password
- **THEN** the user is signed in
`;

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    [`${OS}/specs/login/spec.md`]: mainSpec,
    [`${OS}/changes/add-logout/proposal.md`]:
      '## Why\nUsers on shared machines must be able to sign out of the app when they leave.\n\n## What Changes\n- Sign out\n',
    [`${OS}/changes/add-logout/specs/login/spec.md`]: delta
      .replace(/Sign in/g, 'Sign out')
      .replace('valid password', 'click')
      .replace('signed in', 'signed out'),
    [`${OS}/changes/add-logout/tasks.md`]: '## 1. Logout\n- [ ] 1.1 Add the button\n',
    [`${ARCHIVED}/proposal.md`]: '## Why\nUsers need to sign in before they can see anything that is theirs in the app.\n',
    [`${ARCHIVED}/specs/login/spec.md`]: delta,
    [`${ARCHIVED}/tasks.md`]: '## 1. Login\n- [x] 1.1 Add the form in src/gone/form.ts\n',
    [`${ROOT}/.kiro/specs/archive/old-export/requirements.md`]:
      '# Requirements\n\n## Requirements\n\n### Requirement 1: Export\n\n#### Acceptance Criteria\n\n1. THE System SHALL export CSV\n',
    [`${ROOT}/.kiro/specs/export/requirements.md`]:
      '# Requirements\n\n## Requirements\n\n### Requirement 1: Export\n\n#### Acceptance Criteria\n\n1. THE System SHALL export JSON\n',
    ...extra,
  };
}

/** A memory workspace that records every path read. */
class RecordingWorkspace extends MemoryWorkspace {
  readonly reads: string[] = [];
  override readFile(path: string, token: CancellationToken, onNote?: FileNoteSink): Promise<string | undefined> {
    this.reads.push(path);
    return super.readFile(path, token, onNote);
  }
}

async function indexed(contents: Record<string, string>, lazyArchives: boolean): Promise<{ engine: Engine; workspace: RecordingWorkspace }> {
  const workspace = new RecordingWorkspace([ROOT], contents);
  const engine = new Engine(workspace, undefined, { lazyArchives });
  await engine.indexWorkspace(NEVER_CANCELLED);
  return { engine, workspace };
}

const archivedRead = (w: RecordingWorkspace) => w.reads.filter((p) => p.includes('/archive/'));
const findings = (e: Engine) => e.allFindings(NEVER_CANCELLED).map((f) => `${f.path}:${f.range.start.line} ${f.code} ${f.message}`);
const counts = (e: Engine) => e.specDirs().map((d) => `${d}: ${e.filesOfSpec(d).join(', ')}`);

async function assertSameAsEager(contents: Record<string, string>, expectArchivesRead: boolean): Promise<Engine> {
  const eager = await indexed(contents, false);
  const lazy = await indexed(contents, true);
  assert.deepStrictEqual(findings(lazy.engine), findings(eager.engine));
  assert.deepStrictEqual(counts(lazy.engine), counts(eager.engine));
  assert.strictEqual(archivedRead(eager.workspace).length, 4, 'the eager engine reads every archived file');
  assert.strictEqual(archivedRead(lazy.workspace).length, expectArchivesRead ? 4 : 0);
  return lazy.engine;
}

describe('lazy archives (EngineOptions.lazyArchives)', () => {
  it('reads no archived file (OpenSpec changes/archive, Kiro specs/archive) when nothing names one, and reports and counts the same as the eager engine', async () => {
    const engine = await assertSameAsEager(files(), false);
    // The archived folders are still listed, with their files: the summary counts them.
    assert.ok(engine.specDirs().includes(ARCHIVED));
    assert.strictEqual(engine.textOf(`${ARCHIVED}/tasks.md`), undefined);
    assert.ok(!engine.allSpecs().some((s) => s.archived));
  });

  it('reads the archives when a code tag names an archived change', async () => {
    await assertSameAsEager(files({ [`${ROOT}/src/login.ts`]: '// @spec changes/archive/2025-01-01-add-login#Sign in\nexport const x = 1;\n' }), true);
  });

  it('reads the archives when a code tag names no spec that was read (its "did you mean" lists every spec)', async () => {
    const engine = await assertSameAsEager(files({ [`${ROOT}/src/login.ts`]: '// @spec logn#1.1\nexport const x = 1;\n' }), true);
    assert.ok(
      findings(engine).some((f) => f.startsWith(`${ROOT}/src/login.ts:0 trace.unknown-ref`) || f.includes("'logn'")),
      findings(engine).join('\n'),
    );
  });

  it('does not read them for a tag that resolves to a spec that was read', async () => {
    await assertSameAsEager(files({ [`${ROOT}/src/export.ts`]: '// @spec export#1.1\nexport const x = 1;\n' }), false);
  });

  it('reads the archives when a cross-spec ref in a spec names an unknown spec', async () => {
    const spec = '# Feature Specification: Import\n\nImports what 003-billing#FR-001 bills.\n\n## Requirements\n\n- **FR-001**: System MUST import CSV.\n';
    const engine = await assertSameAsEager(files({ [`${ROOT}/specs/002-import/spec.md`]: spec }), true);
    assert.ok(
      findings(engine).some((f) => f.includes("link.unknown-spec-ref No spec named '003-billing'")),
      findings(engine).join('\n'),
    );
  });

  it('loadArchives reads them on request: the specs are then those of the eager engine', async () => {
    const eager = await indexed(files(), false);
    const lazy = await indexed(files(), true);
    await lazy.engine.loadArchives(NEVER_CANCELLED);
    assert.strictEqual(archivedRead(lazy.workspace).length, 4);
    assert.deepStrictEqual(
      lazy.engine.allSpecs().map((s) => `${s.id} ${s.archived ?? false} ${s.fileList.length}`),
      eager.engine.allSpecs().map((s) => `${s.id} ${s.archived ?? false} ${s.fileList.length}`),
    );
    assert.deepStrictEqual(findings(lazy.engine), findings(eager.engine));
  });

  it('forgets a deferred archived file that is deleted', async () => {
    const { engine } = await indexed(files(), true);
    engine.forget((p) => p.startsWith(`${ARCHIVED}/`), NEVER_CANCELLED);
    assert.ok(!engine.specDirs().includes(ARCHIVED));
  });
});
