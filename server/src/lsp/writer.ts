// @spec specthread-core#15.3, specthread-core#15.5, specthread-core#4.1, specthread-core#4.2, specthread-core#14.6
import { SpecThreadSettings } from '../../../shared/settings';
import { CancellationToken } from '../core/cancellation';
import { Engine } from '../core/engine';
import { WatchedBatch } from '../host/fileWatcher';
import { uriToPath } from '../host/paths';
import { EditTurns } from './editTurns';
import { Guard } from './guard';
import { OpenDocuments } from './link';
import { Publisher } from './publisher';
import { SettingsLayers } from './settingsLayers';
import { FolderListing, WatchedFiles } from './watchedFiles';

/**
 * The one owner of the server's state (after rust-analyzer's GlobalState): edits, file events,
 * settings and folder changes all reach the engine through here, and each step ends by
 * publishing what it changed. Requests never come here to change anything: they wait, through
 * `settled`, for the edits they depend on and then read a snapshot.
 *
 * Edits are applied in turns (see EditTurns), synchronously, so a turn is never interleaved with
 * another step. Everything that reads the disk is a task on one queue, run one after another: an
 * older watcher batch's reads must never land after a newer one's. Loading the spec folder of a
 * document just opened is the one step outside the queue, so that it is not kept behind indexing.
 */
export class Writer {
  /** Open documents whose buffer changed since the last turn. */
  private readonly dirty = new Set<string>();
  /** Documents whose spec folder is still being read; applying them early would publish half a spec. */
  private readonly loading = new Map<string, Promise<void>>();
  /** Documents being opened: their spec folder loading, then their first publish. */
  private readonly opening = new Set<Promise<void>>();
  /** Spec folders the next turn publishes even if no edit changed them (siblings just loaded). */
  private readonly alsoPublish = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  /** The last close still queued: its disk text replaces a buffer, which a later request must see. */
  private closing: Promise<void> | undefined;
  private readonly turns = new EditTurns(() => this.guard.notification('publishing after an edit', () => this.applyEdits())());
  private readonly files: WatchedFiles;

  constructor(
    private readonly engine: Engine,
    private readonly documents: OpenDocuments,
    private readonly settings: SettingsLayers,
    private readonly publisher: Publisher,
    private readonly guard: Guard,
    /** The writer's own token: its steps answer no request, and end only when the server shuts down. */
    readonly token: CancellationToken,
    /** The disk, for what file events leave open: the files below a folder, and whether a path is one. */
    disk: FolderListing,
  ) {
    this.files = new WatchedFiles(engine, settings, disk, () => this.openPaths());
  }

  /** Runs `task` after every task queued before it; a failure is logged and does not stop the queue. */
  enqueue(what: string, task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(task).catch((err: unknown) => this.guard.logFailure(what, err));
    this.queue = run;
    return run;
  }

  /** An open document's buffer changed: it is applied in the next turn. */
  edited(uri: string): void {
    this.dirty.add(uri);
    this.turns.poke();
  }

  /**
   * Resolves when a request for `uri` can read a snapshot: the document's spec folder is loaded
   * and every edit that arrived before the request is applied. It never applies them itself.
   */
  async settled(uri: string | undefined): Promise<void> {
    const load = uri === undefined ? undefined : this.loading.get(uri);
    if (load) await load.catch(() => undefined);
    if (this.closing) await this.closing;
    if ([...this.dirty].some((u) => !this.loading.has(u))) await this.turns.next();
  }

  /** A document opened: load its spec folder if indexing has not reached it, and publish. */
  opened(uri: string): Promise<void> {
    const run = this.open(uri);
    this.opening.add(run);
    const done = () => this.opening.delete(run);
    run.then(done, done);
    return run;
  }

  /**
   * Resolves once every document opened so far is loaded and published. Start-up indexing waits
   * for it before it walks the workspace, so the first diagnostics of a file the editor opened
   * with are not kept behind the walk and the reads of every other spec.
   */
  async openedPublished(): Promise<void> {
    while (this.opening.size) await Promise.allSettled([...this.opening]);
  }

  private async open(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path && this.engine.isTraceable(path)) return this.edited(uri);
    if (!path || !this.engine.isTracked(path)) return;
    const load = this.engine.loadSpecOf(path, this.token);
    this.loading.set(uri, load);
    try {
      await load;
    } finally {
      this.loading.delete(uri);
    }
    this.dirty.add(uri);
    // The siblings just loaded change the spec's analysis even when this buffer's text did not.
    const dir = this.engine.specDirOf(path);
    if (dir) this.alsoPublish.add(dir);
    this.turns.runNow();
  }

  /** A document closed: its disk contents become the truth again. */
  closed(uri: string): Promise<void> {
    this.dirty.delete(uri);
    const run = this.enqueue('textDocument/didClose', async () => {
      const path = uriToPath(uri);
      // Opened again while the task waited: the buffer stays the truth.
      if (!path || this.documents.get(uri)) return;
      const dir = await this.engine.reload(path, this.token);
      // Opened again while the disk was read: the buffer wins over what was just read.
      if (this.documents.get(uri)) this.edited(uri);
      this.publisher.changed(new Set(dir ? [dir] : []));
    });
    this.closing = run;
    void run.then(() => {
      if (this.closing === run) this.closing = undefined;
    });
    return run;
  }

  /** Watched-file events for files not open in the editor, applied in arrival order. */
  watched(batch: WatchedBatch): Promise<void> {
    return this.enqueue('applying file events', async () => {
      const { dirs, config, rescan } = await this.files.apply(batch, this.token);
      if (config) this.publisher.config();
      this.publisher.changed(dirs);
      this.rescanIfNeeded(rescan);
    });
  }

  /**
   * The workspace folders changed (the workspace already has its new roots): read the
   * configuration again, index everything again, and republish, clearing what belonged to
   * folders that are gone.
   */
  foldersChanged(): Promise<void> {
    return this.enqueue('workspace/didChangeWorkspaceFolders', async () => {
      const rescan = await this.settings.reloadRepo(this.token);
      this.publisher.changed(new Set(await this.engine.reloadConfig(this.token)));
      this.publisher.config();
      this.rescanIfNeeded(rescan);
    });
  }

  /** The editor's settings changed: every spec is checked again. */
  settingsChanged(settings: SpecThreadSettings): Promise<void> {
    return this.enqueue('workspace/didChangeConfiguration', () => {
      const rescan = this.settings.setEditor(settings);
      this.publisher.changed(new Set(this.engine.specDirs()));
      this.rescanIfNeeded(rescan);
    });
  }

  /** Reads specthread.json and the baseline again (start-up), rescanning code when test globs changed. */
  async reloadRepoConfig(): Promise<void> {
    this.rescanIfNeeded(await this.settings.reloadRepo(this.token));
  }

  /** Applies the edits still pending, then publishes everything: the end of start-up indexing. */
  publishEverything(): number {
    this.turns.runNow();
    return this.publisher.everything();
  }

  /** New test globs or limits change which files are tests: scan code again once the queue gets there. */
  private rescanIfNeeded(rescan: boolean): void {
    if (!rescan) return;
    void this.enqueue('rescanning code', async () => {
      await this.engine.indexCode(this.token);
      this.publisher.changed(new Set());
    });
  }

  /** One turn: parses every dirty document once and publishes what changed. */
  private applyEdits(): void {
    const dirs = new Set(this.alsoPublish);
    this.alsoPublish.clear();
    for (const uri of [...this.dirty]) {
      if (this.loading.has(uri)) continue;
      this.dirty.delete(uri);
      const doc = this.documents.get(uri);
      const path = uriToPath(uri);
      if (!doc || !path) continue;
      try {
        const dir = this.engine.setText(path, doc.getText(), this.token);
        if (dir) dirs.add(dir);
      } catch (err) {
        // One document that cannot be analysed must not stop the others, nor be retried on every turn.
        this.guard.logFailure(`analysing ${path}`, err);
      }
    }
    this.publisher.changed(dirs);
  }

  /** Paths of the documents open in the editor: their buffers, not the disk, are the truth. */
  private openPaths(): Set<string> {
    return new Set(
      this.documents
        .all()
        .map((d) => uriToPath(d.uri))
        .filter((p): p is string => !!p),
    );
  }
}
