// @spec specthread-core#20.1, specthread-core#20.3
import * as vscode from 'vscode';
import { SpecThreadClient } from '../specThreadClient';
import {
  ActionCommands,
  TaskItem,
  TaskPromptRequest,
  TaskPromptResult,
  TaskRef,
  TaskToggleRequest,
  TaskToggleResult,
  TasksRequest,
  TasksResult,
} from '../../../shared/actionsProtocol';
import { applyServerEdit, ask, reveal, whenTrusted } from './clientCalls';

const MARK: Record<TaskItem['status'], string> = { open: '$(circle-large-outline)', done: '$(pass-filled)', 'in-progress': '$(sync)', queued: '$(watch)' };

/**
 * Start Task, Next Open Task and Toggle Task Done. A task comes as an argument (lenses, the
 * Specs view) or from a quick pick of the server's task list; the agent prompt is the server's
 * `taskContextMarkdown`, the same text the MCP `implement-task` prompt gives agents.
 */
export function registerTaskCommands(context: vscode.ExtensionContext, client: SpecThreadClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ActionCommands.startTask, async (ref?: TaskRef) => {
      const task = ref ?? (await pickTask(client, 'Start which task?', (t) => t.status !== 'done'));
      if (!task) return;
      const prompt = await ask<TaskPromptResult>(client, TaskPromptRequest, task);
      if (!prompt) return;
      await reveal(prompt.uri, prompt.line);
      try {
        await vscode.env.clipboard.writeText(prompt.markdown);
        void vscode.window.showInformationMessage(`SpecThread: the agent prompt for ${task.spec} task ${task.task} is on the clipboard.`);
      } catch {
        // A browser workbench may refuse clipboard access; the prompt is then shown to copy by hand.
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: prompt.markdown });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      }
    }),
    vscode.commands.registerCommand(ActionCommands.nextOpenTask, async () => {
      const list = await ask<TasksResult>(client, TasksRequest);
      if (!list) return;
      const next = nextOpen(list.tasks, vscode.window.activeTextEditor);
      if (!next) return void vscode.window.showInformationMessage('SpecThread: no open task left.');
      await reveal(next.uri, next.line);
    }),
    vscode.commands.registerCommand(
      ActionCommands.toggleTaskDone,
      whenTrusted('Toggle Task Done', async (ref?: TaskRef) => {
        const task = ref ?? taskAtCursor(await ask<TasksResult>(client, TasksRequest)) ?? (await pickTask(client, 'Toggle which task?', () => true));
        if (!task) return;
        const result = await ask<TaskToggleResult>(client, TaskToggleRequest, task);
        if (result?.edit) await applyServerEdit(client, result.edit, true);
      }),
    ),
  );
}

/** The first open task after the cursor in the active tasks file, else the first open task anywhere. */
function nextOpen(tasks: readonly TaskItem[], editor: vscode.TextEditor | undefined): TaskItem | undefined {
  const open = tasks.filter((t) => t.status !== 'done' && t.id !== undefined);
  if (editor) {
    const uri = editor.document.uri.toString();
    const after = open.find((t) => vscode.Uri.parse(t.uri).toString() === uri && t.line > editor.selection.active.line);
    if (after) return after;
  }
  return open[0];
}

/** The task on the cursor's line of the active editor, when there is one. */
function taskAtCursor(list: TasksResult | undefined): TaskRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !list) return undefined;
  const uri = editor.document.uri.toString();
  const t = list.tasks.find((x) => vscode.Uri.parse(x.uri).toString() === uri && x.line === editor.selection.active.line && x.id !== undefined);
  return t ? { spec: t.spec, task: t.id! } : undefined;
}

async function pickTask(client: SpecThreadClient, placeHolder: string, keep: (t: TaskItem) => boolean): Promise<TaskRef | undefined> {
  const list = await ask<TasksResult>(client, TasksRequest);
  if (!list) return undefined;
  const items = list.tasks
    .filter((t) => t.id !== undefined && keep(t))
    .map((t) => ({ label: `${MARK[t.status]} ${t.id} ${t.title}`, description: t.spec, ref: { spec: t.spec, task: t.id! } }));
  if (!items.length) {
    void vscode.window.showInformationMessage('SpecThread: no task to choose from.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.ref;
}
