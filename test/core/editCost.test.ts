// @spec specthread-core#21.1
import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { WorkspaceChecks } from '../../server/src/core/checks/runWorkspaceChecks';
import { compileRuleSettings } from '../../server/src/core/config/ruleSettings';
import { SpecFileStore } from '../../server/src/core/engine/fileStore';
import { SpecIndex } from '../../server/src/core/engine/specIndex';
import { BUILTIN_FORMATS } from '../../server/src/core/formats/registry';
import { SpecLocation } from '../../server/src/core/formats/location';
import { SpecModel } from '../../server/src/core/index/specModel';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { SpecDirectory } from '../../server/src/core/trace/resolveRef';

/**
 * What one edit costs, counted rather than timed: after one spec folder changes, the engine's
 * spec list, the cross-spec update and the trace's spec directory look at that folder, not at
 * every spec of the workspace.
 */

const ROOT = '/ws';

function location(id: string): SpecLocation {
  return { specId: id, specDir: `${ROOT}/.kiro/specs/${id}`, format: 'kiro', kind: 'requirements' };
}

function requirements(title: string): string {
  return `# Requirements\n\n### Requirement 1: ${title}\n\n#### Acceptance Criteria\n\n1. THE System SHALL ${title}\n`;
}

/** A file store that counts how often every spec folder is listed and how often one folder's files are asked for. */
class CountingStore extends SpecFileStore {
  listings = 0;
  folderReads = 0;

  constructor() {
    super((path, loc, text, token) => parseSpecFile(path, loc.kind, text, token, loc.format), undefined);
  }

  override specDirs(): string[] {
    this.listings++;
    return super.specDirs();
  }

  override readFilesOfSpec(specDir: string): string[] {
    this.folderReads++;
    return super.readFilesOfSpec(specDir);
  }
}

function workspaceOf(n: number): { store: CountingStore; specs: SpecIndex } {
  const store = new CountingStore();
  const specs = new SpecIndex(store, BUILTIN_FORMATS, undefined);
  for (let i = 0; i < n; i++) {
    const loc = location(`spec-${String(i).padStart(3, '0')}`);
    store.put(`${loc.specDir}/requirements.md`, loc, requirements(`do thing ${i}`), NEVER_CANCELLED, false);
  }
  return { store, specs };
}

function edit(store: CountingStore, specs: SpecIndex, id: string, text: string | undefined): string {
  const loc = location(id);
  store.put(`${loc.specDir}/requirements.md`, loc, text, NEVER_CANCELLED, false);
  specs.invalidate(loc.specDir);
  return loc.specDir;
}

describe('edit cost: one changed spec folder is all an edit looks at', () => {
  for (const n of [10, 200]) {
    it(`the spec list is patched at the changed folder, not listed again (${n} specs)`, () => {
      const { store, specs } = workspaceOf(n);
      specs.allSpecs();
      const listed = store.listings;
      const reads = store.folderReads;
      edit(store, specs, 'spec-004', requirements('do it differently'));
      edit(store, specs, 'spec-new', requirements('a new spec'));
      edit(store, specs, 'spec-001', undefined);
      const patched = specs.allSpecs();
      assert.strictEqual(store.listings, listed, 'no folder listing after an edit');
      assert.strictEqual(store.folderReads - reads, 3, 'one model built per changed folder');
      const fresh = new SpecIndex(store, BUILTIN_FORMATS, undefined).allSpecs();
      assert.deepStrictEqual(
        patched.map((s) => s.dir),
        fresh.map((s) => s.dir),
      );
      assert.ok(patched.find((s) => s.id === 'spec-004')!.criteria.size > 0);
    });

    it(`the cross-spec update asks only the changed folder for its model and never lists every spec (${n} specs)`, () => {
      const { store, specs } = workspaceOf(n);
      const checks = new WorkspaceChecks(compileRuleSettings(DEFAULT_SETTINGS, [ROOT]));
      let listedSpecs = 0;
      const asked: string[] = [];
      const view = {
        get specs(): SpecModel[] {
          listedSpecs++;
          return specs.allSpecs();
        },
        files: [] as string[],
        roots: [ROOT],
      };
      const specAt = (dir: string) => (asked.push(dir), specs.analysis(dir)?.model);
      checks.update(view, undefined, true, NEVER_CANCELLED, specAt);
      listedSpecs = 0;
      asked.length = 0;
      const dir = edit(store, specs, 'spec-004', requirements('do it differently'));
      checks.update(view, new Set([dir]), false, NEVER_CANCELLED, specAt);
      assert.strictEqual(listedSpecs, 0, 'view.specs is not read when no whole-workspace rule re-runs');
      assert.deepStrictEqual(asked, [dir]);
    });
  }

  it('the trace directory after a change equals one built afresh, and reports only the names that moved', () => {
    const { store, specs } = workspaceOf(20);
    const directory = new SpecDirectory(specs.allSpecs());
    const dir = edit(store, specs, 'spec-004', requirements('do it differently'));
    edit(store, specs, 'spec-new', requirements('a new spec'));
    edit(store, specs, 'spec-001', undefined);
    const now = specs.allSpecs();
    const moved = directory.update(now, ['spec-004', 'spec-new', 'spec-001']);
    assert.deepStrictEqual([...moved.keys()].sort(), ['spec-001', 'spec-004', 'spec-new']);
    const fresh = new SpecDirectory(now);
    assert.deepStrictEqual(directory.names().sort(), fresh.names().sort());
    for (const name of fresh.names()) assert.strictEqual(directory.spec(name), fresh.spec(name), name);
    assert.strictEqual(directory.spec('spec-004')?.dir, dir);
  });
});
