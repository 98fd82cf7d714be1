// @spec specthread-core#4.3, specthread-core#14.6
import { promises as fs } from 'fs';
import { affectedFolders } from './folderSets';
import { pathToUri } from './paths';
import { TreeWatch, watchTree } from './treeWatch';

export interface WatchedChange {
  readonly uri: string;
  /** The path is gone; when it was a folder, everything known below it is gone with it. */
  readonly deleted: boolean;
  /**
   * The client reported the path as created: when it is a folder, its files may have come without
   * events of their own, so it is listed (see WatchedFiles). This watcher lists new folders itself.
   */
  readonly created?: boolean;
}

/** One batch of file-system changes, in the shape the session applies them. */
export interface WatchedBatch {
  readonly changes: readonly WatchedChange[];
  /**
   * Folders (absolute paths) whose single events cannot be trusted: a folder that appeared with
   * its contents, or a burst or overflow in which events were lost. The session lists them again
   * and takes what it finds as the truth below them.
   */
  readonly relist?: readonly string[];
}

/** More events than this in one batch are a storm (a checkout, an `rm -rf`): re-list instead. */
const BURST = 500;

/**
 * Watches the workspace roots for file changes when the editor cannot do it for us.
 * Events are batched for 50 ms because editors save through temporary files and renames.
 *
 * Single events are hints, not facts: watching drops the events of files below a deleted folder
 * and can lose events under load. So each batch looks at the disk when it is handed over (gone, a
 * folder, or a file), and bursts or watcher errors turn into re-listing the affected folders, so
 * that the session always converges to what a fresh index would see. Where each folder has its
 * own watch (`treeWatch.ts`), folders that appeared are watched before the session re-lists them,
 * so nothing created in them in between is missed.
 */
export class FileWatcher {
  private readonly trees: TreeWatch[];
  private pending = new Set<string>();
  /** A watcher reported an error (e.g. the inotify limit): events may be missing anywhere. */
  private lost = false;
  private timer: NodeJS.Timeout | undefined;
  /** Batches are handed over in order; a late batch must never overtake an earlier one. */
  private draining: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly roots: readonly string[],
    private readonly onBatch: (batch: WatchedBatch) => void,
  ) {
    // Every file: code carries trace tags and tasks name files of any kind.
    this.trees = roots.map((root) => watchTree(root, { changed: (path) => this.queue(path), lost: () => this.eventsLost() }));
  }

  private queue(path: string): void {
    this.pending.add(path);
    this.schedule();
  }

  private eventsLost(): void {
    this.lost = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.draining = this.draining.then(() => this.drain()).catch(() => undefined);
    }, 50);
  }

  private async drain(): Promise<void> {
    const paths = [...this.pending];
    this.pending = new Set();
    const lost = this.lost;
    this.lost = false;
    if (this.disposed) return;
    if (lost) return this.relist(this.roots);
    if (paths.length > BURST) return this.relist(affectedFolders(paths, this.roots));
    const kinds = await Promise.all(
      paths.map((p) =>
        fs.lstat(p).then(
          (s) => (s.isDirectory() ? 'folder' : 'file'),
          () => 'gone',
        ),
      ),
    );
    if (this.disposed) return;
    const changes: WatchedChange[] = [];
    const relist: string[] = [];
    const gone = new Set<string>();
    paths.forEach((path, i) => {
      if (kinds[i] === 'folder') relist.push(path);
      else changes.push({ uri: pathToUri(path), deleted: kinds[i] === 'gone' });
      if (kinds[i] === 'gone') gone.add(path);
    });
    for (const tree of this.trees) {
      tree.forget(gone);
      tree.rewatch(relist);
    }
    this.onBatch({ changes, relist });
  }

  /** Watch the folders anew before the session lists them, so that nothing changed in between is missed. */
  private relist(folders: readonly string[]): void {
    for (const tree of this.trees) tree.rewatch(folders);
    this.onBatch({ changes: [], relist: folders });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const tree of this.trees) tree.close();
  }
}
