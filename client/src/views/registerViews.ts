// @spec specthread-core#20.2
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerCoverageView } from './coverageView';
import { OverviewSource } from './overviewSource';
import { registerSpecsView } from './specsTree';

/** The Specs view and the Coverage view, over one source of the server's overview. */
export function registerViews(context: vscode.ExtensionContext, client: LanguageClient): void {
  const source = new OverviewSource(client);
  context.subscriptions.push(source);
  registerSpecsView(context, source);
  registerCoverageView(context, source);
}
