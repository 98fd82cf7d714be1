// @spec specthread-core#4.3, specthread-core#14.6
import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { WatchedBatch } from '../../server/src/host/fileWatcher';
import { isNeverListed } from '../../server/src/host/nodeWorkspace';
import { ClientLink } from '../../server/src/lsp/link';
import { SettingsLayers } from '../../server/src/lsp/settingsLayers';
import { FolderListing, WatchedFiles, WatchedOutcome } from '../../server/src/lsp/watchedFiles';

/**
 * Which reported paths make the server list a folder (lsp/watchedFiles.ts): a folder reported as
 * created, whose files may have come without events of their own; not one reported as changed,
 * nor one in a folder no listing enters, where a listing would walk the workspace for nothing.
 */

const ROOT = '/ws';
const SPEC = `${ROOT}/.kiro/specs/auth/requirements.md`;
const FOLDERS = new Set([`${ROOT}/ci`, `${ROOT}/src/new`, `${ROOT}/.git/refs/heads/feature`, `${ROOT}/web/node_modules/pkg`, `${ROOT}/src/old`]);

async function listingsFor(batch: WatchedBatch, files: Record<string, string> = {}): Promise<number> {
  return (await apply(batch, files)).listings;
}

/** Applies `batch` to an engine indexed over a spec and `files`, with the repository's settings read; counts the listings it caused. */
async function apply(batch: WatchedBatch, files: Record<string, string> = {}): Promise<{ listings: number; outcome: WatchedOutcome }> {
  const workspace = new MemoryWorkspace([ROOT], { [SPEC]: '# Requirements\n', ...files });
  const engine = new Engine(workspace, DEFAULT_SETTINGS);
  await engine.indexWorkspace(NEVER_CANCELLED);
  const link: ClientLink = {
    sendDiagnostics: () => undefined,
    indexed: () => undefined,
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
  };
  let listings = 0;
  const disk: FolderListing = {
    roots: [ROOT],
    listFiles: (token) => {
      listings++;
      return workspace.listFiles(token);
    },
    isFolder: (path) => Promise.resolve(FOLDERS.has(path)),
  };
  const settings = new SettingsLayers(DEFAULT_SETTINGS, workspace, engine, link);
  await settings.reloadRepo(NEVER_CANCELLED);
  const watched = new WatchedFiles(engine, settings, disk, () => new Set());
  const outcome = await watched.apply(batch, NEVER_CANCELLED);
  return { listings, outcome };
}

const created = (path: string) => ({ changes: [{ uri: `file://${path}`, deleted: false, created: true }] });

describe('watched files: which events list a folder', () => {
  it('lists a folder reported as created', async () => {
    assert.strictEqual(await listingsFor(created(`${ROOT}/src/new`)), 1);
  });

  it('lists nothing for a folder reported as changed, or a file reported as created', async () => {
    assert.strictEqual(await listingsFor({ changes: [{ uri: `file://${ROOT}/src/old`, deleted: false }] }), 0);
    assert.strictEqual(await listingsFor(created(`${ROOT}/src/new.ts`)), 0);
  });

  it('lists nothing for a folder created where no listing goes (.git, node_modules)', async () => {
    assert.strictEqual(await listingsFor(created(`${ROOT}/.git/refs/heads/feature`)), 0);
    assert.strictEqual(await listingsFor(created(`${ROOT}/web/node_modules/pkg`)), 0);
  });

  it('reads the settings again when a created folder holds the configured baseline', async () => {
    const files = { [`${ROOT}/specthread.json`]: '{ "baseline": "ci/baseline.json" }', [`${ROOT}/ci/baseline.json`]: '{ "version": 1, "findings": [] }' };
    const { outcome } = await apply(created(`${ROOT}/ci`), files);
    assert.ok(outcome.dirs.has(`${ROOT}/.kiro/specs/auth`), 'every spec is checked again with the new baseline');
    const elsewhere = await apply(created(`${ROOT}/src/new`), files);
    assert.strictEqual(elsewhere.outcome.dirs.size, 0, 'a folder without settings files changes no spec');
  });

  it('tells the folders no listing enters by the names below the root only', () => {
    assert.ok(isNeverListed([ROOT], `${ROOT}/.git/refs`));
    assert.ok(isNeverListed([ROOT], `${ROOT}/a/node_modules/b`));
    assert.ok(!isNeverListed([ROOT], `${ROOT}/src/git/refs`));
    assert.ok(!isNeverListed(['/home/node_modules/ws'], '/home/node_modules/ws/src'), 'a root inside node_modules is listed');
    assert.ok(!isNeverListed([ROOT], '/elsewhere/.git/x'), 'outside every root');
  });
});
