/**
 * A minimal LSP client for the benchmark: spawns `node dist/server.js --stdio`, speaks JSON-RPC
 * through vscode-languageserver-protocol, answers the requests the server makes of a client,
 * and turns server notifications into awaitable events. Nothing here sleeps: every wait is on
 * a message, bounded by a timeout that only exists to fail loudly instead of hanging.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  ConfigurationRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  LogMessageNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { IndexedNotification, IndexedParams } from '../../shared/protocol';

/** A `textDocument/publishDiagnostics` as received, stamped with `performance.now()`. */
export interface DiagnosticsEvent {
  readonly uri: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly at: number;
}

/**
 * `vscode`: advertises what VS Code advertises (pull configuration, dynamic file-watcher
 * registration, work-done progress), so the server takes its editor path. `minimal`: no
 * optional capabilities, so the server falls back to watching the workspace itself.
 */
export type ClientProfile = 'vscode' | 'minimal';

/** USER_HZ, the unit of /proc/<pid>/stat times: 100 on every mainstream Linux build. */
const CLOCK_TICKS_PER_SECOND = 100;

export function toUri(path: string): string {
  return pathToFileURL(path).href;
}

interface Waiter<T> {
  readonly accept: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics for a URI in `recordUris`, in arrival order. */
  readonly recorded = new Map<string, DiagnosticsEvent[]>();
  /** Count of all publishDiagnostics received, for any URI. */
  publishCount = 0;
  private readonly recordUris = new Set<string>();
  private readonly diagnosticWaiters = new Set<Waiter<DiagnosticsEvent>>();
  private readonly diagnosticListeners = new Set<(e: DiagnosticsEvent) => void>();
  private readonly indexedWaiters = new Set<Waiter<{ params: IndexedParams; at: number }>>();
  private indexed: { params: IndexedParams; at: number } | undefined;
  private stderr = '';
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly timeoutMs: number,
    settings: Record<string, unknown>,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const event: DiagnosticsEvent = { uri: params.uri, diagnostics: params.diagnostics, at: performance.now() };
      this.publishCount++;
      if (this.recordUris.has(params.uri)) this.recorded.get(params.uri)!.push(event);
      for (const listener of this.diagnosticListeners) listener(event);
      for (const waiter of this.diagnosticWaiters) {
        if (waiter.accept(event)) {
          this.diagnosticWaiters.delete(waiter);
          waiter.resolve(event);
        }
      }
    });
    this.connection.onNotification(IndexedNotification, (params: IndexedParams) => {
      this.indexed = { params, at: performance.now() };
      for (const waiter of this.indexedWaiters) waiter.resolve(this.indexed);
      this.indexedWaiters.clear();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[server] ${params.message}\n`);
    });
    // The requests a server may make of a client that advertises the `vscode` profile.
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ rules: {}, exclude: [], ...settings })));
    this.connection.onError(([err]) => process.stderr.write(`bench: LSP connection error: ${err.message}\n`));
    this.connection.listen();
  }

  /**
   * Spawns the server. `nodeArgs` go before the script, e.g. `--cpu-prof` to profile the server
   * (bench.ts takes them from BENCH_SERVER_NODE_ARGS). `settings` are merged into the answer to
   * every `workspace/configuration` request (e.g. `{ cache: { enabled: false } }`).
   */
  static spawn(serverJs: string, timeoutMs: number, nodeArgs: readonly string[] = [], settings: Record<string, unknown> = {}): LspClient {
    if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} not found; run \`npm run build\` first`);
    const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(child, timeoutMs, settings);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Keeps every publishDiagnostics for `uri` in `recorded`. */
  record(uri: string): void {
    this.recordUris.add(uri);
    if (!this.recorded.has(uri)) this.recorded.set(uri, []);
  }

  onDiagnostics(listener: (e: DiagnosticsEvent) => void): () => void {
    this.diagnosticListeners.add(listener);
    return () => this.diagnosticListeners.delete(listener);
  }

  /**
   * The next publishDiagnostics for `uri` that satisfies `accept`. Call it BEFORE sending the
   * message that causes the publish, so the answer cannot slip past.
   */
  nextDiagnostics(
    uri: string,
    accept: (diagnostics: readonly Diagnostic[]) => boolean = () => true,
    what = `diagnostics for ${uri}`,
  ): Promise<DiagnosticsEvent> {
    return this.bounded(
      new Promise<DiagnosticsEvent>((resolve) => {
        this.diagnosticWaiters.add({ accept: (e) => e.uri === uri && accept(e.diagnostics), resolve });
      }),
      what,
    );
  }

  /** Resolves on `specthread/indexed` (at once if it already arrived). */
  whenIndexed(): Promise<{ params: IndexedParams; at: number }> {
    if (this.indexed) return Promise.resolve(this.indexed);
    return this.bounded(new Promise((resolve) => this.indexedWaiters.add({ accept: () => true, resolve })), IndexedNotification);
  }

  initialize(rootPath: string, profile: ClientProfile): Promise<InitializeResult> {
    const capabilities: ClientCapabilities =
      profile === 'vscode'
        ? {
            workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
            window: { workDoneProgress: true },
            textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true } },
          }
        : {};
    const rootUri = toUri(rootPath);
    return this.bounded(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities,
      }),
      'initialize',
    );
  }

  initialized(): Promise<void> {
    return this.connection.sendNotification(InitializedNotification.type, {});
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /**
   * CPU time (user + system) the server process has used so far, in ms (Linux only). Unlike wall
   * time it barely moves when other processes compete for the machine; its resolution is one
   * clock tick (10 ms), so read it over many operations.
   */
  cpuMs(): number | undefined {
    try {
      const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return undefined;
    }
  }

  /** Resident set size of the server process in KiB, now and at its peak (Linux only; undefined elsewhere). */
  memoryKiB(): { rss: number; peak: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return rss && peak ? { rss: Number(rss[1]), peak: Number(peak[1]) } : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, then waits for the process; kills it (by pid) if it does not go. */
  async stop(): Promise<void> {
    try {
      await this.bounded(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 10_000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that cannot answer shutdown is killed below.
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const gone = await Promise.race([this.exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)))]);
      if (!gone) this.child.kill();
    } finally {
      clearTimeout(timer);
      this.connection.dispose();
    }
  }

  /** Rejects with the server's stderr tail when `promise` does not settle in time or the server dies. */
  private bounded<T>(promise: Promise<T>, what: string, timeoutMs = this.timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.stderrTail()}`)), timeoutMs);
      void this.exited.then((code) => reject(new Error(`server exited (code ${code}) while waiting for ${what}${this.stderrTail()}`)));
    });
    return Promise.race([promise, failure]).finally(() => clearTimeout(timer));
  }

  private stderrTail(): string {
    return this.stderr ? `\n--- server stderr ---\n${this.stderr.slice(-4000)}` : '';
  }
}
