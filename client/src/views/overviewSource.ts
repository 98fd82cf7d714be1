// @spec specthread-core#20.2
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { AnalysisChangedNotification, SpecsOverview, SpecsOverviewRequest } from '../../../shared/specsViewProtocol';

/** Edits arrive in bursts while typing; one refresh after the burst is enough for a view. */
const SETTLE_MS = 300;

/**
 * The Specs and Coverage views' one source of data: asks the server for the overview and tells
 * the views when the server says the analysis changed. It keeps no copy of its own beyond the
 * last answer, so both views always draw what the server last computed.
 */
export class OverviewSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Fires (debounced) after the server reported a change of the analysis. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(client.onNotification(AnalysisChangedNotification, () => this.schedule()));
  }

  /** The overview, or undefined while the server is not running or failed to answer. */
  async get(): Promise<SpecsOverview | undefined> {
    if (!this.client.isRunning()) return undefined;
    try {
      return (await this.client.sendRequest<SpecsOverview | null>(SpecsOverviewRequest, {})) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, SETTLE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
