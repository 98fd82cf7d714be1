// @spec specthread-core#14.6
import { FSWatcher, readdirSync, watch } from 'fs';
import { isAtOrUnder } from './folderSets';

/** Folders never watched nor reported: the checker reads neither, and they change all the time. */
const SKIPPED = new Set(['.git', 'node_modules']);

/** How one root is watched; the owner tells it which folders appeared (or were replaced) and which paths are gone. */
export interface TreeWatch {
  /** `folder` appeared or was replaced: watch it and everything below it anew. */
  rewatch(folders: readonly string[]): void;
  /** These paths are gone: stop watching at and below them. */
  forget(paths: ReadonlySet<string>): void;
  close(): void;
}

/** Called with the absolute path (forward slashes) of an entry that changed, or with nothing when events were lost. */
export interface TreeEvents {
  readonly changed: (path: string) => void;
  readonly lost: () => void;
}

/**
 * Watches `root` the way the platform can do it soundly. macOS and Windows watch a tree natively.
 * Elsewhere Node (20) emulates recursive watching with one inode watch per file, and a file
 * replaced by rename (an atomic write, an editor's save) keeps the watch of its old, deleted inode:
 * its later writes are never reported. There, one watch per folder is used instead: a folder watch
 * reports every entry of the folder by name, whatever inode the entry has today.
 */
export function watchTree(root: string, events: TreeEvents): TreeWatch {
  return process.platform === 'darwin' || process.platform === 'win32' ? new NativeTreeWatch(root, events) : new FolderWatches(root, events);
}

function isSkipped(relative: string): boolean {
  return relative.split('/').some((segment) => SKIPPED.has(segment));
}

/** One recursive watch; the platform follows folders that appear and go, so there is nothing to re-watch. */
class NativeTreeWatch implements TreeWatch {
  private readonly watcher: FSWatcher | undefined;

  constructor(root: string, events: TreeEvents) {
    try {
      this.watcher = watch(root, { recursive: true }, (_event, name) => {
        const relative = name ? String(name).split('\\').join('/') : '';
        if (relative && !isSkipped(relative)) events.changed(`${root}/${relative}`);
      });
      this.watcher.on('error', events.lost);
    } catch {
      // Some file systems cannot be watched; diagnostics then follow open documents only, which
      // is still correct for what the user edits.
    }
  }

  rewatch(): void {}

  forget(): void {}

  close(): void {
    this.watcher?.close();
  }
}

/** One non-recursive watch per folder below the root, .git and node_modules left out, symlinks not followed. */
class FolderWatches implements TreeWatch {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(
    private readonly root: string,
    private readonly events: TreeEvents,
  ) {
    this.walk(root);
  }

  rewatch(folders: readonly string[]): void {
    const inRoot = folders.filter((f) => this.isWatchable(f));
    // A folder replaced under the same name keeps the watch of the old one: drop and watch again.
    this.forget(new Set(inRoot));
    for (const folder of inRoot) this.walk(folder);
  }

  forget(paths: ReadonlySet<string>): void {
    for (const [folder, watcher] of this.watchers) {
      if (!isAtOrUnder(folder, paths)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private isWatchable(folder: string): boolean {
    if (folder === this.root) return true;
    return folder.startsWith(this.root + '/') && !isSkipped(folder.slice(this.root.length + 1));
  }

  /**
   * Synchronous on purpose: when the walk returns, every folder is watched, so the owner's
   * re-listing that follows sees whatever changed before the watches were in place.
   */
  private walk(folder: string): void {
    if (this.watchers.has(folder)) return;
    try {
      const watcher = watch(folder, (_event, name) => name && !SKIPPED.has(String(name)) && this.events.changed(`${folder}/${String(name)}`));
      watcher.on('error', this.events.lost);
      this.watchers.set(folder, watcher);
    } catch {
      // Gone already (its parent reports that), or the watch limit is reached: the folder is
      // then not followed, as a failed recursive watch would not follow it either.
      return;
    }
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !SKIPPED.has(entry.name)) this.walk(`${folder}/${entry.name}`);
  }
}
