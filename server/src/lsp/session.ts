// @spec specthread-core#4.1, specthread-core#4.2, specthread-core#10.7
import { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexedNotification, IndexedParams } from '../../../shared/protocol';
import { SpecThreadSettings } from '../../../shared/settings';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { SpecModel } from '../core/index/specModel';
import { TraceAnalysis } from '../core/trace/traceAnalysis';
import { Workspace } from '../core/workspace';
import { pathToUri, uriToPath } from '../host/paths';
import { toDiagnostic } from './convert';

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
  private readonly published = new Map<string, Set<string>>();
  private indexing: Promise<void> | undefined;
  /** Diagnostics last sent for code files, by path, so a trace change republishes only what moved. */
  private readonly codePublished = new Map<string, string>();
  private readonly specSent = new Map<string, string>();
  private publishedTraceVersion = -1;

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    workspace: Workspace,
    settings: SpecThreadSettings,
  ) {
    this.engine = new Engine(workspace, settings);
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
    this.indexing = this.engine
      .indexWorkspace(NEVER_CANCELLED, (p) => report(p.done, p.total), priority)
      .then(() => {
        this.flush();
        let findings = 0;
        for (const dir of this.engine.specDirs()) findings += this.publishSpec(dir).length;
        findings += this.publishTrace(true);
        this.reportSkipped();
        const params: IndexedParams = {
          specs: this.engine.specDirs().length,
          files: this.engine.specDirs().reduce((n, d) => n + this.engine.filesOfSpec(d).length, 0),
          findings,
          millis: Date.now() - started,
        };
        void this.connection.sendNotification(IndexedNotification, params);
      })
      .catch((err) => this.connection.console.error(`SpecThread: indexing failed: ${err instanceof Error ? err.stack : String(err)}`));
    return this.indexing;
  }

  /** A document opened: load its spec folder if indexing has not reached it, and publish. */
  async opened(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path && this.engine.isTraceable(path)) return this.changed(uri);
    if (!path || !this.engine.isTracked(path)) return;
    await this.engine.loadSpecOf(path, NEVER_CANCELLED);
    this.changed(uri);
    this.flush();
  }

  changed(uri: string): void {
    this.dirty.add(uri);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** A document closed: its disk contents become the truth again. */
  async closed(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (!path) return;
    this.dirty.delete(uri);
    const dir = await this.engine.reload(path, NEVER_CANCELLED);
    if (dir) this.publishSpec(dir);
    this.publishTrace();
  }

  /** Watched-file events for files not open in the editor. */
  async filesChanged(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    const dirs = new Set<string>();
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path || this.documents.get(change.uri)) continue;
      const dir = change.deleted ? this.engine.setText(path, undefined, NEVER_CANCELLED) : await this.engine.reload(path, NEVER_CANCELLED);
      if (dir) dirs.add(dir);
    }
    for (const dir of dirs) this.publishSpec(dir);
    this.publishTrace();
  }

  updateSettings(settings: SpecThreadSettings): void {
    const rescan = this.engine.updateSettings(settings);
    for (const dir of this.engine.specDirs()) this.publishSpec(dir);
    this.publishTrace();
    // New test globs change which files are tests: rescan once indexing is done.
    if (rescan) void this.indexed.then(() => this.engine.indexCode(NEVER_CANCELLED)).then(() => this.publishTrace(true));
  }

  /** Applies pending edits so that a request sees exactly what the user sees. */
  flush(): void {
    this.flushScheduled = false;
    if (this.dirty.size === 0) return;
    const dirs = new Set<string>();
    for (const uri of this.dirty) {
      const doc = this.documents.get(uri);
      const path = uriToPath(uri);
      if (!doc || !path) continue;
      const dir = this.engine.setText(path, doc.getText(), NEVER_CANCELLED);
      if (dir) dirs.add(dir);
    }
    this.dirty.clear();
    for (const dir of dirs) this.publishSpec(dir);
    this.publishTrace();
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
    const byFile = this.engine.codeFindingsByFile(NEVER_CANCELLED);
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
    const findings = this.engine.findingsForSpec(specDir, NEVER_CANCELLED);
    const byPath = new Map<string, Finding[]>();
    for (const path of this.engine.filesOfSpec(specDir)) byPath.set(path, []);
    for (const f of findings) byPath.get(f.path)?.push(f) ?? byPath.set(f.path, [f]);
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

  /** Looks up the spec of a request's document after applying pending edits. */
  specFor(uri: string): { spec: SpecModel; path: string } | undefined {
    this.flush();
    const path = uriToPath(uri);
    if (!path) return undefined;
    const spec = this.engine.specOf(path);
    return spec ? { spec, path } : undefined;
  }

  findingsFor(uri: string, token: CancellationToken): Finding[] {
    const path = uriToPath(uri);
    if (path && this.engine.isTraceable(path)) return this.engine.codeFindingsByFile(token).get(path) ?? [];
    const dir = path ? this.engine.specDirOf(path) : undefined;
    return dir ? this.engine.findingsForSpec(dir, token).filter((f) => f.path === path) : [];
  }
}
