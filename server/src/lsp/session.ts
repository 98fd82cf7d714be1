// @spec specthread-core#4.1, specthread-core#4.2, specthread-core#4.4, specthread-core#11.7, specthread-core#14.1, specthread-core#14.6, specthread-core#15.3, specthread-core#15.5, specthread-core#20.2, specthread-core#20.3
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { DEFAULT_EDITOR_ONLY_SETTINGS, EditorOnlySettings } from '../../../shared/editorSettings';
import { SpecThreadSettings } from '../../../shared/settings';
import { CancellationToken, throwIfCancelled } from '../core/cancellation';
import { Engine, EngineOptions } from '../core/engine';
import { Workspace } from '../core/workspace';
import { FactCacheFile } from '../host/factCacheFile';
import { WatchedBatch } from '../host/fileWatcher';
import { uriToPath } from '../host/paths';
import { RecordingWorkspace } from '../host/recordingWorkspace';
import { Guard } from './guard';
import { ProgressReport, WarmStart, indexWorkspace } from './indexing';
import { ClientLink, OpenDocuments } from './link';
import { PublishedStateCache } from './publishedState';
import { Publisher } from './publisher';
import { RuleDocsLinks } from './ruleDocsLinks';
import { SettingsLayers } from './settingsLayers';
import { Snapshot } from './snapshot';
import { EditorTestResults } from './testResults';
import { Writer } from './writer';

/**
 * The server's state for one client, split in two after rust-analyzer: the writer owns the
 * engine and is the only one to change it or publish (edits, file events, settings, folders);
 * requests get a Snapshot once the edits they depend on are applied, and only read.
 */
export class Session {
  private readonly engine: Engine;
  private readonly writer: Writer;
  private readonly publisher: Publisher;
  /** Links of diagnostics and code actions to their rule's documentation. */
  readonly docs: RuleDocsLinks;
  private indexing: Promise<void> | undefined;
  /** The warm cache being written after start-up indexing (see cacheWritten). */
  private saving: Promise<void> | undefined;
  /** The editor's JUnit reports (`specthread.testResults`) and what they say. */
  private readonly tests: EditorTestResults;
  /** Settings only an editor has (criteria lenses, test reports); read by the handlers. */
  editorOnly: EditorOnlySettings = DEFAULT_EDITOR_ONLY_SETTINGS;
  /** The token of the writer's own steps: they answer no request, and end only when the server shuts down. */
  private readonly lifetime = new CancellationTokenSource();
  /** What the engine reads through during start-up, recorded for the published state (undefined for a workspace that cannot stat). */
  private readonly reader: RecordingWorkspace | undefined;
  /** After a warm indexed (publishedState.ts): settles once the models are built; every request and edit waits for it. */
  private models: Promise<void> | undefined;

  constructor(
    private readonly link: ClientLink,
    private readonly documents: OpenDocuments,
    workspace: Workspace,
    editorSettings: SpecThreadSettings,
    private readonly guard: Guard,
    engineOptions: EngineOptions = {},
  ) {
    // Only a server with no engine seams may store or use a published state (tests pass rules and formats here).
    this.reader = Object.keys(engineOptions).length === 0 && isRecordable(workspace) ? new RecordingWorkspace(workspace) : undefined;
    this.engine = new Engine(this.reader ?? workspace, editorSettings, { log: (message) => link.log.error(message), ...engineOptions });
    const settings = new SettingsLayers(editorSettings, this.reader ?? workspace, this.engine, link);
    this.docs = new RuleDocsLinks(this.engine);
    this.publisher = new Publisher(this.engine, link, guard, this.lifetime.token, this.docs);
    this.writer = new Writer(this.engine, documents, settings, this.publisher, guard, this.lifetime.token, workspace);
    this.tests = new EditorTestResults(this.engine, this.writer, this.publisher, link, () => workspace.roots);
  }

  /** What passing tests of the editor's reports name (`<spec dir>#<id>`); undefined without reports. */
  get testPassing(): ReadonlySet<string> | undefined {
    return this.tests.passing;
  }

  /** Resolves when start-up indexing has finished (at once before it started). */
  get indexed(): Promise<void> {
    return this.indexing ?? Promise.resolve();
  }

  /**
   * Indexes the workspace, specs of open documents first, then publishes every spec's diagnostics.
   * With `openCache`, the published state of the last start is used too when nothing moved
   * (publishedState.ts), in the cache folder `cacheDir`.
   */
  startIndexing(report: ProgressReport, openCache?: (token: CancellationToken) => Promise<FactCacheFile | undefined>, cacheDir?: string): Promise<void> {
    const warm = this.warmStart(openCache ? cacheDir : undefined);
    // The reports are mapped again once the index is complete: tags in test files name the criteria.
    this.indexing = indexWorkspace(
      this.writer,
      this.engine,
      this.documents,
      this.link,
      this.guard,
      report,
      openCache,
      (saving) => {
        this.saving = saving;
      },
      warm,
    ).then(() => this.tests.remap());
    return this.indexing;
  }

  /** The warm start's parts, when there is a cache folder and a recording reader; otherwise recording stops. */
  private warmStart(cacheDir: string | undefined): WarmStart | undefined {
    if (!this.reader || cacheDir === undefined) {
      this.reader?.stop();
      return undefined;
    }
    return {
      cache: new PublishedStateCache(this.reader, cacheDir, this.documents, this.link, () => this.tests.passing === undefined),
      restore: (state) => this.publisher.restore(state.files),
      record: () => this.publisher.record(),
      takeRecorded: () => this.publisher.takeRecorded(),
      onHit: (models) => {
        const settled = models.catch(() => undefined);
        this.models = settled;
        void settled.then(() => {
          if (this.models === settled) this.models = undefined;
        });
      },
    };
  }

  /**
   * Resolves once the warm cache written after start-up indexing is on disk (at once when indexing
   * has not finished: a shutdown never waits for an index). An editor closed right after start-up
   * would otherwise end the server in the middle of the write, and the next start would be cold.
   */
  cacheWritten(): Promise<void> {
    return this.saving ?? Promise.resolve();
  }

  opened(uri: string): Promise<void> {
    return this.writer.opened(uri);
  }

  changed(uri: string): void {
    // While the models are built after a warm indexed, an edit waits for them: applied earlier, it
    // would be analysed against half an index. The callbacks run in arrival order.
    const models = this.models;
    if (models) void models.then(() => this.writer.edited(uri));
    else this.writer.edited(uri);
  }

  closed(uri: string): Promise<void> {
    return this.writer.closed(uri);
  }

  watched(batch: WatchedBatch): Promise<void> {
    const applied = this.writer.watched(batch);
    // A test report written again (a test run ended): read and map it after the batch is applied.
    if (batch.changes.some((c) => this.tests.isReport(uriToPath(c.uri) ?? ''))) return applied.then(() => this.tests.reload());
    return applied;
  }

  foldersChanged(): Promise<void> {
    return this.writer.foldersChanged();
  }

  updateSettings(settings: SpecThreadSettings, editorOnly?: EditorOnlySettings): Promise<void> {
    const changed = this.writer.settingsChanged(settings);
    return editorOnly ? Promise.all([changed, this.configureEditorOnly(editorOnly)]).then(() => undefined) : changed;
  }

  /** The editor-only settings: lenses read them at once, test reports are read again when their patterns changed. */
  configureEditorOnly(editorOnly: EditorOnlySettings): Promise<void> {
    this.editorOnly = editorOnly;
    return this.tests.configure(editorOnly);
  }

  /**
   * The state a request reads: waits until the document's spec folder is loaded and the edits
   * that arrived before the request are applied (without applying them itself), then hands out
   * a read-only snapshot bound to the request's token. A request that arrives while the spec is
   * still being read is never answered from half a spec ("1.1 does not exist" after start-up).
   */
  async read(uri: string | undefined, token: CancellationToken): Promise<Snapshot> {
    // A workspace-wide answer (tasks, workspace symbols, coverage, the specs overview) waits for
    // start-up indexing: a list without the specs not yet read looks complete and is wrong. Editors
    // other than VS Code (Neovim, Emacs) ask as soon as they connect. Cancelling stops the wait.
    if (uri === undefined && this.indexing) await untilDoneOrCancelled(this.indexing, token);
    // After a warm indexed every answer waits for the models: the diagnostics shown are complete, so must the answers be.
    if (this.models) await untilDoneOrCancelled(this.models, token);
    await this.writer.settled(uri);
    throwIfCancelled(token);
    return new Snapshot(this.engine, this.documents, token);
  }

  /** Spec folders examined by the publisher since the last call: the work edits cost (tests count it). */
  takeExamined(): number {
    const n = this.publisher.examined;
    this.publisher.examined = 0;
    return n;
  }

  dispose(): void {
    this.lifetime.cancel();
  }
}

/** A workspace the start-up recording can wrap (the real file system; in-memory ones under test). */
function isRecordable(workspace: Workspace): workspace is Workspace & Required<Pick<Workspace, 'stat' | 'readCodeFiles'>> {
  return typeof workspace.stat === 'function' && typeof workspace.readCodeFiles === 'function';
}

/** The LSP token can say when it is cancelled; the core's shape only whether it is. */
interface NotifyingToken extends CancellationToken {
  onCancellationRequested?: (listener: () => void) => { dispose(): void };
}

/** Resolves when `work` settles (either way) or `token` is cancelled, whichever comes first. */
async function untilDoneOrCancelled(work: Promise<void>, token: NotifyingToken): Promise<void> {
  if (token.isCancellationRequested) return;
  let subscription: { dispose(): void } | undefined;
  const cancelled = new Promise<void>((resolve) => (subscription = token.onCancellationRequested?.(resolve)));
  try {
    await Promise.race([work.catch(() => undefined), cancelled]);
  } finally {
    subscription?.dispose();
  }
}
