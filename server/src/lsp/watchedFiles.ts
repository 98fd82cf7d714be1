// @spec specthread-core#15.3, specthread-core#14.6, specthread-core#4.3
import { CancellationToken } from '../core/cancellation';
import { Engine } from '../core/engine';
import { WatchedBatch } from '../host/fileWatcher';
import { isAtOrUnder } from '../host/folderSets';
import { isNeverListed } from '../host/nodeWorkspace';
import { uriToPath } from '../host/paths';
import { Workspace } from '../core/workspace';
import { SettingsLayers } from './settingsLayers';

/** What WatchedFiles asks the disk itself: a folder's files (by listing the workspace) and whether a path is a folder. */
export type FolderListing = Pick<Workspace, 'roots' | 'listFiles' | 'isFolder'>;

/** What one batch of file events changed. */
export interface WatchedOutcome {
  /** Spec folders whose analysis changed. */
  readonly dirs: Set<string>;
  /** A specthread.json changed: its own problems must be published again. */
  readonly config: boolean;
  /** Test globs or limits changed: code files must be scanned again. */
  readonly rescan: boolean;
}

/**
 * Applies watched-file events (from the client or the server's own watcher) to the engine, for
 * files not open in the editor. A step of the writer: only the writer calls it, one batch at a time.
 */
export class WatchedFiles {
  constructor(
    private readonly engine: Engine,
    private readonly settings: SettingsLayers,
    private readonly disk: FolderListing,
    private readonly openPaths: () => ReadonlySet<string>,
  ) {}

  async apply(batch: WatchedBatch, token: CancellationToken): Promise<WatchedOutcome> {
    const dirs = new Set<string>();
    let config = false;
    let rescan = false;
    const changes = batch.changes.flatMap((c) => {
      const path = uriToPath(c.uri);
      return path ? [{ path, deleted: c.deleted, created: c.created ?? false }] : [];
    });
    // A folder reported as created is listed: its files may have come without events of their own,
    // a settings file too (a baseline configured inside a folder, written there for the first time).
    const folders = await this.foldersAmong(changes, token);
    if (changes.some((c) => this.settings.isSettingsFile(c.path)) || this.settings.hasFileUnder(folders)) {
      rescan = await this.settings.reloadRepo(token);
      for (const dir of this.engine.specDirs()) dirs.add(dir);
    }
    const open = this.openPaths();
    const gone = new Set<string>();
    for (const change of changes) {
      if (folders.size && isAtOrUnder(change.path, folders)) continue;
      if (this.engine.isConfigFile(change.path)) {
        // Roots and excludes decide what a spec is at all: index again and republish everything.
        for (const dir of await this.engine.reloadConfig(token)) dirs.add(dir);
        config = true;
        continue;
      }
      if (open.has(change.path) || this.settings.isSettingsFile(change.path)) continue;
      if (change.deleted) gone.add(change.path);
      else {
        const dir = await this.engine.reload(change.path, token);
        if (dir) dirs.add(dir);
      }
    }
    // A deleted folder takes every file below it along: watchers (VS Code's and Node's) report
    // only the folder. One pass forgets all of them, however many folders went.
    if (gone.size) {
      const openNow = this.openPaths();
      for (const dir of this.engine.forget((p) => isAtOrUnder(p, gone) && !openNow.has(p), token)) dirs.add(dir);
    }
    const relist = [...(batch.relist ?? []), ...folders];
    if (relist.length) for (const dir of await this.relist(relist, token)) dirs.add(dir);
    return { dirs, config, rescan };
  }

  /**
   * The paths reported as created that are folders. VS Code's watcher, like any built on inotify,
   * sees a new folder before it watches it, so files written into it at once (a checkout, a
   * generator, `mkdir -p` and a write, a folder renamed) may come without an event of their own
   * (parcel-bundler/watcher#243): the folder's event is the only news of them. One stat per
   * creation, which is what reading the file it names costs anyway. A folder reported as changed
   * is not listed: its files have events of their own, and some clients report a folder changed
   * whenever a file in it is saved. Nor is one in a folder no listing enters (`.git/refs/heads/x`
   * appears with each new branch): listing it would walk the workspace to find nothing.
   */
  private async foldersAmong(changes: readonly { path: string; created: boolean }[], token: CancellationToken): Promise<Set<string>> {
    const folders = new Set<string>();
    if (!this.disk.isFolder) return folders;
    for (const change of changes) {
      if (!change.created || isNeverListed(this.disk.roots, change.path) || this.settings.isSettingsFile(change.path)) continue;
      if (await this.disk.isFolder(change.path, token)) folders.add(change.path);
    }
    return folders;
  }

  /**
   * Takes the disk as the truth below `folders`: forgets what is no longer listed and reads
   * everything that is. Used when single events cannot be trusted (a folder that appeared with
   * its contents, a burst, a watcher that lost events). Settings files are left to their own events.
   */
  private async relist(folders: readonly string[], token: CancellationToken): Promise<string[]> {
    const scope = new Set(folders);
    const listed = (await this.disk.listFiles(token)).filter((p) => isAtOrUnder(p, scope));
    const present = new Set(listed);
    const open = this.openPaths();
    const dirs = new Set(this.engine.forget((p) => isAtOrUnder(p, scope) && !present.has(p) && !open.has(p), token));
    for (const path of listed) {
      if (open.has(path) || this.settings.isSettingsFile(path) || this.engine.isConfigFile(path)) continue;
      const dir = await this.engine.reload(path, token);
      if (dir) dirs.add(dir);
    }
    return [...dirs];
  }
}
