// @spec specthread-core#20.1, specthread-core#20.3
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { SpecThreadClient } from '../specThreadClient';
import {
  ActionCommands,
  EditChanges,
  ExportReportRequest,
  ExportReportResult,
  FIX_ALL_KIND,
  ReconfirmRequest,
  ReconfirmResult,
  RenameRequirementRequest,
  RequirementsRequest,
  RequirementsResult,
  RulesRequest,
  RulesResult,
  StatusRequest,
  StatusResult,
} from '../../../shared/actionsProtocol';
import { applyServerEdit, ask, reveal, whenTrusted } from './clientCalls';

/**
 * The palette commands over the whole workspace: navigation, refactorings, Fix All, the report,
 * the baseline and rule documentation. Each asks the server (or, for the baseline, the CLI that
 * ships in the extension) and only shows or applies what comes back.
 */
export function registerWorkspaceCommands(context: vscode.ExtensionContext, client: SpecThreadClient): void {
  const cli = context.asAbsolutePath('dist/cli.js');
  const rulesDoc = vscode.Uri.file(context.asAbsolutePath('docs/rules.md'));
  context.subscriptions.push(
    vscode.commands.registerCommand(ActionCommands.goToRequirement, async () => {
      const list = await ask<RequirementsResult>(client, RequirementsRequest);
      if (!list) return;
      const picked = await vscode.window.showQuickPick(
        list.items.map((r) => ({ label: r.kind === 'requirement' ? `$(symbol-class) ${r.ref}` : `$(symbol-field) ${r.ref}`, detail: r.text, item: r })),
        { placeHolder: 'Go to requirement or criterion (type an id or words of its text)', matchOnDetail: true },
      );
      if (picked) await reveal(picked.item.uri, picked.item.line);
    }),
    vscode.commands.registerCommand(ActionCommands.peekThread, async (uri: string, line: number, character: number) => {
      // The lens's counts, as the places behind them: VS Code's own references peek, run on the
      // heading so the peek also stays on it when the user moves through the results.
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
      const pos = new vscode.Position(line, character);
      editor.selection = new vscode.Selection(pos, pos);
      await vscode.commands.executeCommand('editor.action.referenceSearch.trigger');
    }),
    vscode.commands.registerCommand(
      ActionCommands.fixAllInFile,
      whenTrusted('Fix All in File', async () => {
        const editor = vscode.window.activeTextEditor;
        if (!editor) return void vscode.window.showInformationMessage('SpecThread: open a file to fix.');
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          new vscode.Range(0, 0, editor.document.lineCount, 0),
          FIX_ALL_KIND,
        );
        const fix = (actions ?? []).find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
        if (!fix?.edit) return void vscode.window.showInformationMessage('SpecThread: nothing in this file has an automatic fix.');
        await vscode.workspace.applyEdit(fix.edit);
      }),
    ),
    vscode.commands.registerCommand(
      ActionCommands.renameRequirement,
      whenTrusted('Rename Requirement', async (ref?: string) => {
        const from = ref ?? (await pickRef(client));
        if (!from) return;
        const newId = await vscode.window.showInputBox({
          title: 'Rename Requirement',
          prompt: `New id for ${from} (specs, code and tests follow)`,
          value: from.split('#')[1],
        });
        if (!newId) return;
        const edit = await ask<EditChanges>(client, RenameRequirementRequest, { ref: from, newId });
        if (edit) await applyServerEdit(client, edit, false);
      }),
    ),
    vscode.commands.registerCommand(
      ActionCommands.reconfirmSuspectTags,
      whenTrusted('Re-confirm Suspect Tags', async () => {
        const result = await ask<ReconfirmResult>(client, ReconfirmRequest);
        if (!result) return;
        if (!result.edit) return void vscode.window.showInformationMessage('SpecThread: no suspect @spec pin to re-confirm.');
        const choice = await vscode.window.showWarningMessage(
          `Re-confirm ${result.tags} pinned @spec tag${result.tags === 1 ? '' : 's'} against the current criterion text?`,
          { modal: true },
          'Re-confirm',
        );
        if (choice === 'Re-confirm') await applyServerEdit(client, result.edit, false);
      }),
    ),
    vscode.commands.registerCommand(
      ActionCommands.exportReport,
      whenTrusted('Export Report', async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        const target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'specthread-report.html') : undefined,
          filters: { HTML: ['html'] },
          title: 'Save the SpecThread report',
        });
        if (!target) return;
        const report = await ask<ExportReportResult>(client, ExportReportRequest, { outputUri: target.toString() });
        if (!report) return;
        // workspace.fs writes the whole file in one call; a failed write leaves no half file behind.
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.html));
        const open = await vscode.window.showInformationMessage(`SpecThread: report saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
        if (open) await vscode.env.openExternal(target);
      }),
    ),
    vscode.commands.registerCommand(
      ActionCommands.writeBaseline,
      whenTrusted('Write Baseline', async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (!folder) return void vscode.window.showInformationMessage('SpecThread: open a folder first.');
        // The CLI writes it (atomically, every root, previously accepted findings included), exactly as `specthread check --write-baseline` in CI.
        const out = await runCli(cli, ['check', folder.uri.fsPath, '--write-baseline', '--fail-on', 'none'], folder.uri.fsPath);
        const message = out.stderr.trim().split('\n').pop() ?? '';
        if (out.code === 0) void vscode.window.showInformationMessage(`SpecThread: ${message}`);
        else void vscode.window.showErrorMessage(`SpecThread: writing the baseline failed: ${message}`);
      }),
    ),
    vscode.commands.registerCommand(ActionCommands.openRuleDocs, async (code?: string) => {
      const rule = code ?? ruleAtCursor() ?? (await pickRule(client));
      if (!rule) return;
      const doc = await vscode.workspace.openTextDocument(rulesDoc);
      const line = doc
        .getText()
        .split(/\r?\n/)
        .findIndex((l) => l === `### ${rule}`);
      await reveal(rulesDoc, Math.max(0, line));
      await vscode.commands.executeCommand('markdown.showPreviewToSide', rulesDoc);
    }),
    vscode.commands.registerCommand(ActionCommands.checkWorkspace, async () => {
      const status = await ask<StatusResult>(client, StatusRequest);
      if (!status) return;
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(
        `SpecThread: ${status.specs} spec${status.specs === 1 ? '' : 's'}, ${status.errors} error${status.errors === 1 ? '' : 's'}, ${status.warnings} warning${status.warnings === 1 ? '' : 's'}, ${status.coverage}% of criteria covered.`,
      );
    }),
  );
}

async function pickRef(client: SpecThreadClient): Promise<string | undefined> {
  const list = await ask<RequirementsResult>(client, RequirementsRequest);
  const picked = await vscode.window.showQuickPick(
    (list?.items ?? []).map((r) => ({ label: r.ref, detail: r.text })),
    {
      placeHolder: 'Rename which requirement or criterion?',
      matchOnDetail: true,
    },
  );
  return picked?.label;
}

async function pickRule(client: SpecThreadClient): Promise<string | undefined> {
  const list = await ask<RulesResult>(client, RulesRequest);
  const picked = await vscode.window.showQuickPick(
    (list?.rules ?? []).map((r) => ({ label: r.code, detail: r.summary })),
    {
      placeHolder: 'Open the documentation of which rule?',
      matchOnDetail: true,
    },
  );
  return picked?.label;
}

/** The rule of a SpecThread diagnostic under the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const d = vscode.languages.getDiagnostics(editor.document.uri).find((x) => x.source === 'specthread' && x.range.contains(at));
  const code = d?.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

function runCli(cli: string, args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stderr: stderr || (err ? err.message : '') });
      },
    );
  });
}
