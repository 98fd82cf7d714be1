// @spec specthread-core#4.1, specthread-core#4.2, specthread-core#4.4, specthread-core#11.7, specthread-core#14.1, specthread-core#14.6
import { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexedNotification, IndexedParams } from '../../../shared/protocol';
import { DEFAULT_SETTINGS, SpecThreadSettings, mergeSettings } from '../../../shared/settings';
import { baselinePath, loadBaselines } from '../core/baseline/load';
import { NEVER_CANCELLED } from '../core/cancellation';
import { loadWorkspaceConfig } from '../core/config/configFile';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { SpecModel } from '../core/index/specModel';
import { TraceAnalysis } from '../core/trace/traceAnalysis';
import { Workspace } from '../core/workspace';
import { WatchedBatch } from '../host/fileWatcher';
import { isAtOrUnder } from '../host/folderSets';
import { pathToUri, uriToPath } from '../host/paths';
import { toDiagnostic } from './convert';
import { Guard } from './guard';
import { internalErrorFindings } from './internalError';

/**
 * The server's state for one client: the engine, the open documents, and what has been
 * published. Edits are applied lazily: a change marks the document dirty and a flush (on the
 * next turn of the event loop, or before any request) re-parses it, so a burst of keystrokes
 * costs one parse.
 */
export class Session {
  readonly engine: Engine;
  private readonly dirty = new Set<string>();
  private flushScheduled = false;
  /** Bumped on every change, so a scheduled flush can tell whether more changes arrived. */
  private generation = 0;
  private readonly published = new Map<string, Set<string>>();
  /** Config files that currently carry published problems, so a fix clears them. */
  private readonly configPublished = new Set<string>();
  /** Documents whose spec folder is still being read; flushing them early would publish half a spec. */
  private readonly loading = new Map<string, Promise<void>>();
  private indexing: Promise<void> | undefined;
  /** specthread.json of the workspace roots; the editor's settings are layered on top. */
  private repoSettings: SpecThreadSettings = DEFAULT_SETTINGS;
  /** Diagnostics last sent for code files, by path, so a trace change republishes only what moved. */
  private readonly codePublished = new Map<string, string>();
  private readonly specSent = new Map<string, string>();
  private publishedTraceVersion = -1;
  /** Watched-file batches run one after another: an older batch's reads must not land after a newer one's. */
  private watchQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: Workspace,
    private editorSettings: SpecThreadSettings,
    private readonly guard: Guard,
  ) {
    this.engine = new Engine(workspace, editorSettings, { log: (message) => connection.console.error(message) });
  }

  private get settings(): SpecThreadSettings {
    return mergeSettings(this.repoSettings, this.editorSettings);
  }

  /** (Re)reads specthread.json and the baseline; invalid JSON is reported and ignored. */
  async loadRepoConfig(): Promise<void> {
    const config = await loadWorkspaceConfig(this.workspace, NEVER_CANCELLED);
    // The same problems are published as config.invalid diagnostics on the file (publishConfig);
    // the log keeps a trace for clients that do not show diagnostics of JSON files.
    for (const error of config.errors) this.connection.console.warn(`SpecThread: ${error}`);
    this.repoSettings = config.settings;
    this.applySettings();
    this.engine.setBaselines(await loadBaselines(this.workspace, this.settings, NEVER_CANCELLED));
  }

  /** True for the files that configure the analysis rather than being analysed. */
  private isSettingsFile(path: string): boolean {
    return this.engine.isConfigFile(path) || this.workspace.roots.some((root) => path === baselinePath(root, this.settings));
  }

  get indexed(): Promise<void> {
    return this.indexing ?? Promise.resolve();
  }

  /** Indexes the workspace, specs of open documents first, then publishes every spec's diagnostics. */
  startIndexing(report: (done: number, total: number) => void): Promise<void> {
    const started = Date.now();
    const priority = this.documents
      .all()
      .map((d) => uriToPath(d.uri))
      .map((p) => (p ? this.engine.specDirOf(p) : undefined))
      .filter((d): d is string => !!d);
    this.indexing = this.loadRepoConfig()
      .then(() => this.engine.indexWorkspace(NEVER_CANCELLED, (p) => report(p.done, p.total), priority))
      // A failure part-way still publishes what was read: silence would hide every spec.
      .catch((err) => this.guard.logFailure('indexing', err))
      .then(() => {
        this.flush();
        let findings = 0;
        for (const dir of this.engine.specDirs()) findings += this.publishSpec(dir).length;
        findings += this.publishTrace(true);
        this.publishConfig();
        this.reportSkipped();
        // Record what was published, so later edits republish only folders whose cross-spec findings change.
        this.guard.notification('cross-spec checks', () => this.engine.crossSpecChangedDirs(NEVER_CANCELLED))();
        const params: IndexedParams = {
          specs: this.engine.specDirs().length,
          files: this.engine.specDirs().reduce((n, d) => n + this.engine.filesOfSpec(d).length, 0),
          findings,
          millis: Date.now() - started,
        };
        void this.connection.sendNotification(IndexedNotification, params);
      })
      .catch((err) => this.guard.logFailure('publishing after indexing', err));
    return this.indexing;
  }

  /** A document opened: load its spec folder if indexing has not reached it, and publish. */
  async opened(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path && this.engine.isTraceable(path)) return this.changed(uri);
    if (!path || !this.engine.isTracked(path)) return;
    const load = this.engine.loadSpecOf(path, NEVER_CANCELLED);
    this.loading.set(uri, load);
    try {
      await load;
    } finally {
      this.loading.delete(uri);
    }
    this.dirty.add(uri);
    const published = this.flush();
    // The siblings just loaded change the spec's analysis even when this buffer's text did not.
    const dir = this.engine.specDirOf(path);
    if (dir && !published.has(dir)) this.publishSpec(dir);
  }

  /**
   * Marks a document dirty. The flush waits until one turn of the event loop passes without a
   * new change: the JSON-RPC layer handles one queued message per turn, so a burst of
   * keystrokes already in the queue is applied as one parse, without adding a timer's delay.
   */
  changed(uri: string): void {
    this.dirty.add(uri);
    this.generation++;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.scheduleFlush(this.generation, 0);
  }

  private scheduleFlush(seen: number, rounds: number): void {
    setImmediate(() => {
      if (!this.flushScheduled) return;
      // The first hop always waits one more turn, because the JSON-RPC layer may schedule the
      // next queued message after this callback. Continuous typing must not postpone feedback
      // forever, so the wait is bounded.
      if ((rounds === 0 || this.generation !== seen) && rounds < 20) this.scheduleFlush(this.generation, rounds + 1);
      else this.guard.notification('publishing after an edit', () => this.flush())();
    });
  }

  /** A document closed: its disk contents become the truth again. */
  async closed(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (!path) return;
    this.dirty.delete(uri);
    const dir = await this.engine.reload(path, NEVER_CANCELLED);
    if (dir) this.publishAll(new Set([dir]));
  }

  /**
   * The workspace folders changed (the caller has already given the workspace its new roots):
   * read the configuration again, index everything again, and republish, clearing what belonged
   * to folders that are gone.
   */
  async foldersChanged(): Promise<void> {
    await this.indexed;
    await this.loadRepoConfig();
    const dirs = new Set(await this.engine.reloadConfig(NEVER_CANCELLED));
    this.publishAll(dirs);
    this.publishTrace(true);
    this.publishConfig();
  }

  /**
   * Watched-file events for files not open in the editor, from the client or the server's own
   * watcher. Batches are applied in arrival order, each after the one before has finished.
   */
  watched(batch: WatchedBatch): Promise<void> {
    const run = this.watchQueue.then(() => this.applyWatched(batch));
    this.watchQueue = run.catch(() => undefined);
    return run;
  }

  private async applyWatched(batch: WatchedBatch): Promise<void> {
    const dirs = new Set<string>();
    const changes = batch.changes.flatMap((c) => {
      const path = uriToPath(c.uri);
      return path ? [{ uri: c.uri, path, deleted: c.deleted }] : [];
    });
    if (changes.some((c) => this.isSettingsFile(c.path))) {
      await this.loadRepoConfig();
      for (const dir of this.engine.specDirs()) dirs.add(dir);
    }
    const gone = new Set<string>();
    for (const change of changes) {
      if (this.engine.isConfigFile(change.path)) {
        // Roots and excludes decide what a spec is at all: index again and republish everything.
        for (const dir of await this.engine.reloadConfig(NEVER_CANCELLED)) dirs.add(dir);
        this.publishConfig();
        continue;
      }
      if (this.documents.get(change.uri) || this.isSettingsFile(change.path)) continue;
      if (change.deleted) gone.add(change.path);
      else {
        const dir = await this.engine.reload(change.path, NEVER_CANCELLED);
        if (dir) dirs.add(dir);
      }
    }
    // A deleted folder takes every file below it along: watchers (VS Code's and Node's) report
    // only the folder. One pass forgets all of them, however many folders went.
    if (gone.size) {
      const open = this.openPaths();
      for (const dir of this.engine.forget((p) => isAtOrUnder(p, gone) && !open.has(p), NEVER_CANCELLED)) dirs.add(dir);
    }
    if (batch.relist?.length) for (const dir of await this.relist(batch.relist)) dirs.add(dir);
    this.publishAll(dirs);
  }

  /**
   * Takes the disk as the truth below `folders`: forgets what is no longer listed and reads
   * everything that is. Used when single events cannot be trusted (a folder that appeared with
   * its contents, a burst, a watcher that lost events). Settings files are left to their own events.
   */
  private async relist(folders: readonly string[]): Promise<string[]> {
    const scope = new Set(folders);
    const listed = (await this.workspace.listFiles(NEVER_CANCELLED)).filter((p) => isAtOrUnder(p, scope));
    const present = new Set(listed);
    const open = this.openPaths();
    const dirs = new Set(this.engine.forget((p) => isAtOrUnder(p, scope) && !present.has(p) && !open.has(p), NEVER_CANCELLED));
    for (const path of listed) {
      if (open.has(path) || this.isSettingsFile(path) || this.engine.isConfigFile(path)) continue;
      const dir = await this.engine.reload(path, NEVER_CANCELLED);
      if (dir) dirs.add(dir);
    }
    return [...dirs];
  }

  /** Paths of the documents open in the editor: their buffers, not the disk, are the truth. */
  private openPaths(): Set<string> {
    return new Set(this.documents.all().map((d) => uriToPath(d.uri)).filter((p): p is string => !!p));
  }

  /** Publishes problems of specthread.json itself (invalid JSON, keys the schema does not know). */
  private publishConfig(): void {
    const byPath = new Map<string, Finding[]>();
    for (const f of this.engine.configFindings()) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
    for (const path of this.configPublished) if (!byPath.has(path)) byPath.set(path, []);
    this.configPublished.clear();
    for (const [path, list] of byPath) {
      if (list.length) this.configPublished.add(path);
      void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: list.map(toDiagnostic) });
    }
  }

  /** Publishes the given spec folders, then every folder whose cross-spec findings changed with them. */
  private publishAll(dirs: Set<string>): void {
    for (const dir of dirs) this.publishSpec(dir);
    let crossChanged: string[] = [];
    try {
      crossChanged = this.engine.crossSpecChangedDirs(NEVER_CANCELLED);
    } catch (err) {
      this.guard.logFailure('cross-spec checks', err);
    }
    for (const dir of crossChanged) if (!dirs.has(dir)) this.publishSpec(dir);
    this.publishTrace();
  }

  updateSettings(settings: SpecThreadSettings): void {
    this.editorSettings = settings;
    this.applySettings();
    for (const dir of this.engine.specDirs()) this.publishSpec(dir);
    this.publishTrace();
  }

  /** Gives the engine the layered settings; new test globs change which files are tests, so rescan. */
  private applySettings(): void {
    const rescan = this.engine.updateSettings(this.settings);
    if (rescan) void this.indexed.then(() => this.engine.indexCode(NEVER_CANCELLED)).then(() => this.publishTrace(true));
  }

  /** Applies pending edits so that a request sees exactly what the user sees; returns the spec folders published. */
  flush(): ReadonlySet<string> {
    this.flushScheduled = false;
    if (this.dirty.size === 0) return new Set();
    const dirs = new Set<string>();
    for (const uri of this.dirty) {
      if (this.loading.has(uri)) continue;
      const doc = this.documents.get(uri);
      const path = uriToPath(uri);
      if (!doc || !path) continue;
      try {
        const dir = this.engine.setText(path, doc.getText(), NEVER_CANCELLED);
        if (dir) dirs.add(dir);
      } catch (err) {
        // One document that cannot be analysed must not stop the others, nor be retried on every request.
        this.guard.logFailure(`analysing ${path}`, err);
      }
    }
    for (const uri of [...this.dirty]) if (!this.loading.has(uri)) this.dirty.delete(uri);
    this.publishAll(dirs);
    return dirs;
  }

  /**
   * After any change that moves the trace analysis (a code edit changes coverage findings in
   * spec files, a spec edit changes unknown-ref findings in code): republishes the code files
   * whose trace findings changed, and every spec (spec findings are cached, so this is cheap).
   * Returns the number of findings in code files.
   */
  private publishTrace(force = false): number {
    if (!force && this.publishedTraceVersion === this.engine.traceVersion) return 0;
    this.publishedTraceVersion = this.engine.traceVersion;
    if (!force) for (const dir of this.engine.specDirs()) this.publishSpec(dir);
    let byFile: Map<string, Finding[]>;
    try {
      byFile = this.engine.codeFindingsByFile(NEVER_CANCELLED);
    } catch (err) {
      // Code diagnostics stay as last published; the spec diagnostics above are already out.
      this.guard.logFailure('checking trace tags in code', err);
      return 0;
    }
    let count = 0;
    for (const path of new Set([...byFile.keys(), ...this.codePublished.keys()])) {
      const list = byFile.get(path) ?? [];
      count += list.length;
      const diagnostics = list.map(toDiagnostic);
      const key = JSON.stringify(diagnostics);
      if (this.codePublished.get(path) === key) continue;
      if (list.length) this.codePublished.set(path, key);
      else this.codePublished.delete(path);
      void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics });
    }
    return count;
  }

  /** Files too large or binary to scan are reported once, not as one diagnostic each. */
  private reportSkipped(): void {
    const skipped = this.engine.code.skippedFiles();
    if (skipped.size === 0) return;
    const large = [...skipped.values()].filter((r) => r === 'too-large').length;
    this.connection.console.info(
      `SpecThread: ${skipped.size} file(s) not scanned for trace tags (${large} larger than specthread.codeTrace.maxFileSize = ${this.engine.code.settings.maxFileSize} bytes, ${skipped.size - large} binary), e.g. ${[...skipped.keys()][0]}`,
    );
  }

  /** The trace analysis and path of a request's document (any file), after applying pending edits. */
  traceFor(uri: string): { analysis: TraceAnalysis; path: string } | undefined {
    this.flush();
    const path = uriToPath(uri);
    return path ? { analysis: this.engine.traceAnalysis(NEVER_CANCELLED), path } : undefined;
  }

  /** Publishes the diagnostics of every file of a spec, clearing files that no longer have any. */
  private publishSpec(specDir: string): Finding[] {
    let findings: Finding[];
    try {
      findings = this.engine.findingsForSpec(specDir, NEVER_CANCELLED);
    } catch (err) {
      // One spec's failure stays on that spec's files; every other folder is still published.
      this.guard.logFailure(`checking ${specDir}`, err);
      findings = internalErrorFindings(`checking this spec`, err, this.engine.filesOfSpec(specDir));
    }
    const byPath = new Map<string, Finding[]>();
    for (const path of this.engine.filesOfSpec(specDir)) byPath.set(path, []);
    for (const f of findings) {
      const list = byPath.get(f.path);
      if (list) list.push(f);
      else byPath.set(f.path, [f]);
    }
    for (const path of this.published.get(specDir) ?? []) if (!byPath.has(path)) byPath.set(path, []);
    for (const [path, list] of byPath) {
      // Trace changes republish every spec; unchanged files are not sent again.
      const diagnostics = list.map(toDiagnostic);
      const key = JSON.stringify(diagnostics);
      if (this.specSent.get(path) === key) continue;
      this.specSent.set(path, key);
      void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics });
    }
    this.published.set(specDir, new Set(this.engine.filesOfSpec(specDir)));
    return findings;
  }

  /**
   * Looks up the spec of a request's document after applying pending edits. A request that
   * arrives while the document's spec folder is still being read waits for it, so it is never
   * answered from half a spec ("1.1 does not exist" right after start-up).
   */
  async specFor(uri: string): Promise<{ spec: SpecModel; path: string } | undefined> {
    const load = this.loading.get(uri);
    if (load) await load.catch(() => undefined);
    this.flush();
    const path = uriToPath(uri);
    if (!path) return undefined;
    const spec = this.engine.specOf(path);
    return spec ? { spec, path } : undefined;
  }

  /** The document as the thread queries see it: its path, and its spec when it is a spec file. */
  async threadDocument(uri: string): Promise<{ path: string; spec?: SpecModel } | undefined> {
    const found = await this.specFor(uri);
    if (found) return found;
    const path = uriToPath(uri);
    return path ? { path } : undefined;
  }

  findingsFor(uri: string, token: CancellationToken): Finding[] {
    const path = uriToPath(uri);
    if (path && this.engine.isTraceable(path)) return this.engine.codeFindingsByFile(token).get(path) ?? [];
    const dir = path ? this.engine.specDirOf(path) : undefined;
    return dir ? this.engine.findingsForSpec(dir, token).filter((f) => f.path === path) : [];
  }
}
