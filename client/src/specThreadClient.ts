// @spec specthread-core#20.1, specthread-core#20.3
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';
import { IndexedNotification, IndexedParams } from '../../shared/protocol';

/**
 * The language client, plus what the server's start-up index means to the commands. The server
 * answers requests between its indexing batches, so a workspace-wide request made while it still
 * indexes reads only the specs read so far: "Next Open Task" as the first command of a fresh
 * window found no task and said "no open task left". Commands therefore wait, through
 * `whenIndexed`, for `specthread/indexed`, and the status bar says that they wait.
 */
export class SpecThreadClient extends LanguageClient {
  private readonly indexedEmitter = new vscode.EventEmitter<IndexedParams>();
  /** Fires when the server has indexed the workspace (again after each restart). */
  readonly onDidIndex = this.indexedEmitter.event;
  private indexed = false;
  private waiters: (() => void)[] = [];

  constructor(id: string, name: string, serverOptions: ServerOptions, clientOptions: LanguageClientOptions) {
    super(id, name, serverOptions, clientOptions);
    // The client keeps one handler per notification: this is the only one for `specthread/indexed`.
    this.onNotification(IndexedNotification, (params: IndexedParams) => {
      this.indexed = true;
      this.release();
      this.indexedEmitter.fire(params);
    });
    this.onDidChangeState((e) => {
      // A restarted server indexes again; a stopped one never will, so nobody may wait for it:
      // the request then fails with the client's own "not running" error, which the user sees.
      if (e.newState === State.Starting) this.indexed = false;
      else if (e.newState !== State.Running) this.release();
    });
  }

  /**
   * Resolves once the server has indexed the workspace, at once when it has or when it is not
   * running. While it waits, the status bar shows why the command has not answered yet.
   */
  whenIndexed(): Promise<void> {
    const state = this.state;
    if (this.indexed || (state !== State.Starting && state !== State.Running)) return Promise.resolve();
    const wait = new Promise<void>((resolve) => this.waiters.push(resolve));
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'SpecThread: waiting for the workspace index' }, () => wait);
    return wait;
  }

  override async dispose(timeout?: number): Promise<void> {
    this.release();
    this.indexedEmitter.dispose();
    return super.dispose(timeout);
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
