// @spec specthread-core#20.1
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ActionCommands, DRAFT_SPEC_REQUEST, TEST_STUBS_REQUEST } from '../../../shared/actionsProtocol';
import { isMethodNotFound } from './clientCalls';

/**
 * Draft Spec from Code… and Generate Test Stubs… belong to Spec Studio (issue 13). They send the
 * server's `specthread/draftSpec` / `specthread/testStubs` request for the active file and show
 * the answer; a server without the request gets a plain "not available in this build" message
 * instead of a silent failure.
 */
export function registerStudioCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const command = (id: string, method: string, title: string) =>
    vscode.commands.registerCommand(id, async () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      try {
        const answer = await client.sendRequest<unknown>(method, { uri });
        const doc = await vscode.workspace.openTextDocument({
          language: 'markdown',
          content: typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2),
        });
        await vscode.window.showTextDocument(doc);
      } catch (err) {
        if (isMethodNotFound(err)) return void vscode.window.showInformationMessage(`SpecThread: ${title} is not available in this build yet.`);
        void vscode.window.showErrorMessage(`SpecThread: ${title} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  context.subscriptions.push(
    command(ActionCommands.draftSpec, DRAFT_SPEC_REQUEST, 'Draft Spec from Code'),
    command(ActionCommands.generateTestStubs, TEST_STUBS_REQUEST, 'Generate Test Stubs'),
  );
}
