import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ClientCapabilities,
  Diagnostic,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { IndexedNotification, IndexedParams } from '../../shared/protocol';
import { REPO } from './fixtures';

export const SERVER = path.join(REPO, 'dist', 'server.js');
export const CLI = path.join(REPO, 'dist', 'cli.js');

export function requireBuild(): void {
  if (!fs.existsSync(SERVER) || !fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
}

/** A copy of a fixture folder in a fresh temp dir, so tests may edit files on disk. */
export function copyToTemp(src: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-lsp-'));
  fs.cpSync(src, dir, { recursive: true });
  return fs.realpathSync(dir);
}

export const uriOf = (p: string) => pathToFileURL(p).href;

let cacheHome: string | undefined;
/**
 * The user cache folder the servers of this test run see: the warm cache of a workspace without
 * node_modules goes there (host/factCacheFile.ts), so tests never fill the real ~/.cache. Removed at exit.
 */
function testCacheHome(): string {
  if (cacheHome === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-cache-home-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    cacheHome = dir;
  }
  return cacheHome;
}

export interface StartOptions {
  readonly root: string;
  /** Run through `specthread lsp --stdio` instead of the server bundle. */
  readonly viaCli?: boolean;
  /** The transport arguments (default `--stdio`); `[]` tests the CLI's default transport. */
  readonly transport?: readonly string[];
  readonly capabilities?: ClientCapabilities;
  readonly settings?: unknown;
}

/**
 * A real LSP client (vscode-languageserver-protocol) talking to the bundled server over stdio.
 * Diagnostics are recorded as they arrive; tests wait on conditions, never on time.
 */
export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times each URI's diagnostics were published, so tests can count what an action sent. */
  readonly publishCount = new Map<string, number>();
  /** `$/progress` values in arrival order (`begin`, `report`…, `end`). */
  readonly progress: { kind: string; message?: string; title?: string }[] = [];
  indexed: IndexedParams | undefined;
  /** `window/showMessage` and `window/showMessageRequest` sent by the server: each one is a popup in the editor. */
  readonly shown: { type: number; message: string }[] = [];
  /** `window/logMessage` sent by the server (the output channel). */
  readonly logs: { type: number; message: string }[] = [];
  private listeners: (() => void)[] = [];
  private stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly proc: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      this.notify();
    });
    connection.onNotification(IndexedNotification, (p: IndexedParams) => {
      this.indexed = p;
      this.notify();
    });
    connection.onNotification('$/progress', (p: { value: { kind: string; message?: string; title?: string } }) => {
      this.progress.push(p.value);
      this.notify();
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => void this.shown.push(p));
    connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => (this.shown.push(p), null));
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
      this.notify();
    });
    connection.onRequest(RegistrationRequest.method, () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    connection.onRequest('window/workDoneProgress/create', () => null);
    proc.stderr?.on('data', (d) => (this.stderr += String(d)));
    proc.on('exit', () => this.notify());
  }

  settings: unknown = {};

  static async start(options: StartOptions): Promise<TestClient> {
    requireBuild();
    const transport = options.transport ?? ['--stdio'];
    const args = options.viaCli ? [CLI, 'lsp', ...transport] : [SERVER, ...transport];
    const env = { ...process.env, XDG_CACHE_HOME: testCacheHome() };
    const proc = spawn(process.execPath, args, { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(connection, proc);
    client.settings = options.settings ?? {};
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.root),
      workspaceFolders: [{ uri: uriOf(options.root), name: path.basename(options.root) }],
      capabilities: options.capabilities ?? {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Resolves when `predicate` holds, re-checked on every notification; rejects after `ms`. */
  waitFor<T>(what: string, predicate: () => T | undefined | false, ms = 10000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value) {
          cleanup();
          resolve(value);
        } else if (this.proc.exitCode !== null) {
          cleanup();
          reject(new Error(`server exited (${this.proc.exitCode}) while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}\n${this.stderr}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  waitForIndexed(): Promise<IndexedParams> {
    return this.waitFor('specthread/indexed', () => this.indexed);
  }

  /** Waits until the diagnostics of `file` satisfy `predicate`. */
  waitForDiagnostics(file: string, predicate: (d: Diagnostic[]) => boolean, what = 'diagnostics'): Promise<Diagnostic[]> {
    return this.waitFor(`${what} for ${path.basename(file)}`, () => {
      const d = this.diagnostics.get(uriOf(file));
      return d && predicate(d) ? d : undefined;
    });
  }

  get alive(): boolean {
    return this.proc.exitCode === null;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      await this.connection.sendRequest('shutdown').catch(() => undefined);
      await this.connection.sendNotification('exit').catch(() => undefined);
      await new Promise<void>((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.once('exit', () => resolve())));
    }
    this.connection.dispose();
  }
}
