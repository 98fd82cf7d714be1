// @spec specthread-core#20.3
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { SpecThreadClient } from '../specThreadClient';
import { SHOW_COVERAGE_COMMAND, StatusRequest, StatusResult } from '../../../shared/actionsProtocol';
import { indexingText, statusText } from './statusText';
import { IndexingProgressNotification, IndexingProgressParams } from '../../../shared/protocol';

/** Diagnostics arrive in bursts (one per file); the counts are asked for once a burst is over. */
const REFRESH_DELAY_MS = 400;

/**
 * The language status item: a spinner while the server indexes, then specs, errors, warnings
 * and coverage from the server's `specthread/status`; clicking it opens the coverage view.
 */
export function registerLanguageStatus(context: vscode.ExtensionContext, client: SpecThreadClient): void {
  const item = vscode.languages.createLanguageStatusItem('specthread.status', [{ language: 'markdown' }, { scheme: 'file' }]);
  item.name = 'SpecThread';
  item.text = indexingText(undefined);
  item.busy = true;
  item.command = { title: 'Show coverage', command: SHOW_COVERAGE_COMMAND };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let indexed = false;
  const refresh = async () => {
    timer = undefined;
    const status = await client.sendRequest<StatusResult | null>(StatusRequest, {}).catch(() => null);
    if (!status) return;
    item.busy = false;
    item.text = statusText(status);
    item.detail = `${status.errors} error${status.errors === 1 ? '' : 's'}, ${status.warnings} warning${status.warnings === 1 ? '' : 's'} · ${status.coverage}% of criteria complete`;
    item.severity = status.errors
      ? vscode.LanguageStatusSeverity.Error
      : status.warnings
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
  };
  const later = () => {
    if (!indexed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };
  context.subscriptions.push(
    item,
    client.onNotification(IndexingProgressNotification, (p: IndexingProgressParams) => {
      // Progress that arrives after the index is done (a restart's late batch) must not bring the spinner back.
      if (indexed) return;
      item.busy = true;
      item.text = indexingText(p);
    }),
    client.onDidIndex(() => {
      indexed = true;
      void refresh();
    }),
    // A restarted server indexes again: the spinner and its counts come back until it is done.
    client.onDidChangeState((e) => {
      if (e.newState !== State.Starting) return;
      indexed = false;
      item.busy = true;
      item.text = indexingText(undefined);
    }),
    vscode.languages.onDidChangeDiagnostics(later),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
