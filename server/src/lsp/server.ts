import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesParams,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocumentChangeEvent,
  TextDocumentSyncKind,
  TextDocuments,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIGURATION_SECTION } from '../../../shared/protocol';
import { DEFAULT_SETTINGS, SpecThreadSettings, normalizeSettings } from '../../../shared/settings';
import { EditorOnlySettings, normalizeEditorOnlySettings } from '../../../shared/editorSettings';
import { FileWatcher, WatchedBatch } from '../host/fileWatcher';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { toPosixPath, uriToPath } from '../host/paths';
import { registerCodeActions } from './handlers/codeActions';
import { registerActions } from './handlers/actions';
import { FIX_ALL_KIND } from '../../../shared/actionsProtocol';
import { registerCompletion } from './handlers/completion';
import { registerHover } from './handlers/hover';
import { registerDocumentFeatures } from './handlers/documentFeatures';
import { registerNavigation } from './handlers/navigation';
import { registerSpecsOverview } from './handlers/specsOverview';
import { registerDraftSpec } from './handlers/draftSpec';
import { registerTestStubs } from './handlers/testStubs';
import { registerSymbols } from './handlers/symbols';
import { registerTraceFeatures } from './handlers/traceFeatures';
import { Guard } from './guard';
import { installSafetyNet } from './safetyNet';
import { linkOf } from './link';
import { Session } from './session';
import { cacheEnabled, startupCache, startupCacheDir } from './startupCache';

/** What the process that runs the server adds to it. */
export interface ServerOptions {
  /** Runs once start-up indexing is published and its warm cache written. */
  readonly afterStartup?: () => void;
}

/**
 * Wires one LSP connection: capabilities, document sync, file watching, settings, and the
 * feature handlers. Handlers only look up, guard and delegate to the core.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  installSafetyNet(connection);
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let roots: string[] = [];
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canReportProgress = false;
  let watcher: FileWatcher | undefined;
  let workspace: NodeWorkspace | undefined;
  let canFollowFolders = false;
  /** `specthread.cache.enabled`: start-up indexing takes unchanged code files from the warm cache. */
  let useCache = true;
  let initialEditorOnly: EditorOnlySettings | undefined;
  const guard = new Guard({
    logError: (message) => connection.console.error(message),
    versionOf: (uri) => documents.get(uri)?.version,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p) ?? [];
    const rootFromUri = params.rootUri ? uriToPath(params.rootUri) : undefined;
    roots = folders.length ? folders : rootFromUri ? [rootFromUri] : params.rootPath ? [toPosixPath(params.rootPath)] : [toPosixPath(process.cwd())];
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRegisterWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canReportProgress = !!params.capabilities.window?.workDoneProgress;
    const initialRaw = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    const initial = normalizeSettings(initialRaw);
    initialEditorOnly = normalizeEditorOnlySettings(initialRaw);
    useCache = cacheEnabled(params.initializationOptions);
    canFollowFolders = !!params.capabilities.workspace?.workspaceFolders;
    workspace = new NodeWorkspace(roots);
    session = new Session(linkOf(connection), documents, workspace, initial, guard);
    registerHover(connection, session, guard);
    registerNavigation(connection, session, guard);
    registerCompletion(connection, session, guard);
    registerSymbols(connection, session, guard);
    registerDocumentFeatures(connection, session, guard);
    registerCodeActions(connection, session, guard);
    registerTraceFeatures(connection, session, guard);
    registerActions(connection, session, guard);
    registerSpecsOverview(connection, session, guard);
    registerTestStubs(connection, session, guard, workspace);
    registerDraftSpec(connection, guard);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        documentHighlightProvider: true,
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [' ', ',', '.', '#', '[', '-', ':'] },
        codeLensProvider: {},
        documentLinkProvider: {},
        inlayHintProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: 'specthread', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    guard.notification('initialized', async () => {
      const s = session!;
      if (canFollowFolders) {
        // Folders added to or removed from a multi-root workspace while the server runs.
        connection.workspace.onDidChangeWorkspaceFolders(
          guard.notification('workspace/didChangeWorkspaceFolders', (e: WorkspaceFoldersChangeEvent) => {
            const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
            const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
            roots = [...roots.filter((r) => !removed.has(r)), ...added];
            workspace!.setRoots(roots);
            return s.foldersChanged();
          }),
        );
      }
      if (canPullConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION }).catch(() => undefined);
        const pulled = await pullSettings();
        await s.updateSettings(pulled.settings, pulled.editorOnly);
      } else if (initialEditorOnly) {
        await s.configureEditorOnly(initialEditorOnly);
      }
      if (canRegisterWatchers) {
        // Every file: code carries trace tags, tasks name files of any kind, and specthread.json
        // and the baseline change settings.
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
      } else {
        // Clients without watcher registration (Neovim 0.7, many others) still deserve fresh
        // diagnostics when files change on disk; the host watches the roots itself.
        watcher = new FileWatcher(
          roots,
          guard.notification('own file watcher', (batch: WatchedBatch) => s.watched(batch)),
        );
      }
      const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('SpecThread: indexing specs', 0, undefined, false);
      const openCache = useCache && workspace ? startupCache(workspace, linkOf(connection)) : undefined;
      await s.startIndexing(
        (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`),
        openCache,
        workspace && startupCacheDir(workspace),
      );
      progress?.done();
      options.afterStartup?.();
    }),
  );

  /** The analysis settings and the editor-only ones (lenses, test reports), from one configuration read. */
  async function pullSettings(): Promise<{ settings: SpecThreadSettings; editorOnly?: EditorOnlySettings }> {
    if (!canPullConfiguration) return { settings: DEFAULT_SETTINGS };
    const value = await connection.workspace.getConfiguration(CONFIGURATION_SECTION).catch(() => undefined);
    return { settings: normalizeSettings(value), editorOnly: normalizeEditorOnlySettings(value) };
  }

  connection.onDidChangeConfiguration(
    guard.notification('workspace/didChangeConfiguration', async () => {
      const pulled = await pullSettings();
      return session?.updateSettings(pulled.settings, pulled.editorOnly);
    }),
  );

  documents.onDidOpen(guard.notification('textDocument/didOpen', (e: TextDocumentChangeEvent<TextDocument>) => session?.opened(e.document.uri)));
  documents.onDidChangeContent(guard.notification('textDocument/didChange', (e: TextDocumentChangeEvent<TextDocument>) => session?.changed(e.document.uri)));
  documents.onDidClose(guard.notification('textDocument/didClose', (e: TextDocumentChangeEvent<TextDocument>) => session?.closed(e.document.uri)));

  connection.onDidChangeWatchedFiles(
    guard.notification('workspace/didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) =>
      session?.watched({
        changes: params.changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted, created: c.type === FileChangeType.Created })),
      }),
    ),
  );

  // The answer waits for the warm cache being written after start-up (Session.cacheWritten), so
  // the client's `exit` cannot end the process in the middle of that write.
  connection.onShutdown(async () => {
    await session?.cacheWritten().catch((err: unknown) => guard.logFailure('writing the cache', err));
    guard.notification('shutdown', () => {
      watcher?.dispose();
      session?.dispose();
    })();
  });

  documents.listen(connection);
  connection.listen();
}
