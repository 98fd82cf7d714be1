// @spec specthread-core#20.4
import * as vscode from 'vscode';
import { RuleDocsCommands } from '../../../shared/ruleDocsProtocol';

/**
 * "Show documentation for <code>" (a quick fix the server offers on every finding): opens the
 * link the server computed. A web address goes to the browser; the reference shipped with the
 * extension opens in the editor at the rule's heading (`#L<line>`), scrolled to the top.
 */
export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(RuleDocsCommands.show, async (code: unknown, href: unknown) => {
      if (typeof href !== 'string' || !href) {
        void vscode.window.showWarningMessage(`SpecThread: no documentation link for ${String(code)}.`);
        return;
      }
      const uri = vscode.Uri.parse(href);
      if (uri.scheme !== 'file') {
        await vscode.env.openExternal(uri);
        return;
      }
      const line = Math.max(0, Number(/^L(\d+)$/.exec(uri.fragment)?.[1] ?? '1') - 1);
      const at = new vscode.Range(line, 0, line, 0);
      const editor = await vscode.window.showTextDocument(uri.with({ fragment: '' }), { selection: at, preview: true });
      editor.revealRange(at, vscode.TextEditorRevealType.AtTop);
    }),
  );
}
