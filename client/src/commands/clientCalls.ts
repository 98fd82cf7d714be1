// @spec specthread-core#20.1
import * as vscode from 'vscode';
import { LanguageClient, ResponseError } from 'vscode-languageclient/node';
import { SpecThreadClient } from '../specThreadClient';
import { EditChanges } from '../../../shared/actionsProtocol';

/**
 * What every palette command shares: requests to the server whose errors become one readable
 * message, edits applied through VS Code (so they can be undone), and the workspace-trust gate
 * of the commands that write.
 */

/**
 * Sends a request once the server has indexed the workspace (a list asked for during start-up
 * would hold only the specs read so far); an error answer is shown to the user and resolves to undefined.
 */
export async function ask<R>(client: SpecThreadClient, method: string, params?: unknown): Promise<R | undefined> {
  try {
    await client.whenIndexed();
    return await client.sendRequest<R>(method, params ?? {});
  } catch (err) {
    void vscode.window.showErrorMessage(`SpecThread: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** The JSON-RPC answer "method not found": the server of this build does not have the request. */
export function isMethodNotFound(err: unknown): boolean {
  return err instanceof ResponseError && err.code === -32601;
}

/**
 * Applies a server edit and saves the files it touched that had no unsaved changes before, so
 * "Toggle Task Done" leaves the file as the user would (VS Code writes each file atomically).
 */
export async function applyServerEdit(client: LanguageClient, edit: EditChanges, save: boolean): Promise<boolean> {
  const wsEdit = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
  const clean = new Set(vscode.workspace.textDocuments.filter((d) => !d.isDirty).map((d) => d.uri.toString()));
  const wasOpen = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const ok = await vscode.workspace.applyEdit(wsEdit);
  if (!ok || !save) return ok;
  for (const [uri] of wsEdit.entries()) {
    const key = uri.toString();
    if (wasOpen.has(key) && !clean.has(key)) continue;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc?.isDirty) await doc.save();
  }
  return ok;
}

/** Commands that write files run only in a trusted workspace; elsewhere they say why. */
export function whenTrusted<A extends unknown[]>(what: string, run: (...args: A) => unknown): (...args: A) => unknown {
  return (...args: A) => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`SpecThread: ${what} writes files, which is disabled in Restricted Mode. Trust this workspace to use it.`);
      return undefined;
    }
    return run(...args);
  };
}

/** Opens a file at a line (0-based) and puts the cursor there. */
export async function reveal(uri: string | vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  const pos = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
