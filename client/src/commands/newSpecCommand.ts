// @spec specthread-core#20.1
import * as vscode from 'vscode';
import { SpecThreadClient } from '../specThreadClient';
import { ActionCommands, NewSpecFormat, NewSpecRequest, NewSpecResult } from '../../../shared/actionsProtocol';
import { ask, whenTrusted } from './clientCalls';

const FORMATS: readonly { label: string; detail: string; format: NewSpecFormat }[] = [
  { label: 'Kiro', detail: '.kiro/specs/<name>/ requirements.md, design.md, tasks.md', format: 'kiro' },
  { label: 'spec-kit', detail: 'specs/NNN-<name>/ spec.md, tasks.md', format: 'speckit' },
  { label: 'OpenSpec', detail: 'openspec/changes/add-<name>/ proposal.md, tasks.md, specs/<name>/spec.md', format: 'openspec' },
];

/** New Spec…: pick a format, name it; the server returns the template files, one WorkspaceEdit creates them. */
export function registerNewSpecCommand(context: vscode.ExtensionContext, client: SpecThreadClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      ActionCommands.newSpec,
      whenTrusted('New Spec', async (format?: NewSpecFormat, name?: string) => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (!folder) return void vscode.window.showInformationMessage('SpecThread: open a folder to create a spec in.');
        const chosen = format ?? (await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Spec format' }))?.format;
        if (!chosen) return;
        const title =
          name ??
          (await vscode.window.showInputBox({
            prompt: 'Name of the spec (a feature, e.g. "user auth")',
            validateInput: (v) => (/[a-z0-9]/i.test(v) ? undefined : 'Use letters or digits'),
          }));
        if (!title) return;
        const result = await ask<NewSpecResult>(client, NewSpecRequest, { format: chosen, name: title, folderUri: folder.uri.toString() });
        if (!result) return;
        const edit = new vscode.WorkspaceEdit();
        for (const f of result.files) edit.createFile(vscode.Uri.parse(f.uri), { ignoreIfExists: true, contents: new TextEncoder().encode(f.text) });
        if (!(await vscode.workspace.applyEdit(edit))) return void vscode.window.showErrorMessage('SpecThread: the spec files could not be created.');
        const first = result.files[0];
        if (first) await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { preview: false });
      }),
    ),
  );
}
