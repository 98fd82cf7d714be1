import { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexedNotification, IndexedParams } from '../../../shared/protocol';
import { SpecThreadSettings } from '../../../shared/settings';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { SpecModel } from '../core/index/specModel';
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
        // Record what was published, so later edits republish only folders whose cross-spec findings change.
        this.engine.crossSpecChangedDirs(NEVER_CANCELLED);
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
    if (dir) this.publishAll(new Set([dir]));
  }

  /** Watched-file events for files not open in the editor. */
  async filesChanged(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    const dirs = new Set<string>();
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (path && this.engine.isConfigFile(path)) {
        // Roots and excludes decide what a spec is at all: index again and republish everything.
        for (const dir of await this.engine.reloadConfig(NEVER_CANCELLED)) dirs.add(dir);
        continue;
      }
      if (!path || this.documents.get(change.uri)) continue;
      const dir = change.deleted ? this.engine.setText(path, undefined, NEVER_CANCELLED) : await this.engine.reload(path, NEVER_CANCELLED);
      if (dir) dirs.add(dir);
    }
    this.publishAll(dirs);
  }

  /** Publishes the given spec folders, then every folder whose cross-spec findings changed with them. */
  private publishAll(dirs: Set<string>): void {
    for (const dir of dirs) this.publishSpec(dir);
    for (const dir of this.engine.crossSpecChangedDirs(NEVER_CANCELLED)) if (!dirs.has(dir)) this.publishSpec(dir);
  }

  updateSettings(settings: SpecThreadSettings): void {
    this.engine.updateSettings(settings);
    for (const dir of this.engine.specDirs()) this.publishSpec(dir);
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
    this.publishAll(dirs);
  }

  /** Publishes the diagnostics of every file of a spec, clearing files that no longer have any. */
  private publishSpec(specDir: string): Finding[] {
    const findings = this.engine.findingsForSpec(specDir, NEVER_CANCELLED);
    const byPath = new Map<string, Finding[]>();
    for (const path of this.engine.filesOfSpec(specDir)) byPath.set(path, []);
    for (const f of findings) byPath.get(f.path)?.push(f) ?? byPath.set(f.path, [f]);
    for (const path of this.published.get(specDir) ?? []) if (!byPath.has(path)) byPath.set(path, []);
    for (const [path, list] of byPath) {
      void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: list.map(toDiagnostic) });
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
    const dir = path ? this.engine.specDirOf(path) : undefined;
    return dir ? this.engine.findingsForSpec(dir, token).filter((f) => f.path === path) : [];
  }
}
