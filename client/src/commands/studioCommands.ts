// @spec specthread-core#20.1, specthread-core#19.1, specthread-core#19.4, specthread-core#19.5
import * as vscode from 'vscode';
import { SpecThreadClient } from '../specThreadClient';
import { ActionCommands } from '../../../shared/actionsProtocol';
import { DraftSpecFormat, DraftSpecParams, DraftSpecRequest, DraftSpecResult, TestStubsRequest, TestStubsResult } from '../../../shared/studioProtocol';
import { SpecsOverview, SpecsOverviewRequest } from '../../../shared/specsViewProtocol';
import { isMethodNotFound, whenTrusted } from './clientCalls';
import { languageModelAllowed, offerRewording } from './draftRewording';

/**
 * Draft Spec from Code… and Generate Test Stubs… (Spec Studio). The server answers a preview and
 * writes nothing; the user sees the draft (or the stubs in the refactor preview) before any file
 * is written, and files that exist are never replaced.
 */
export function registerStudioCommands(context: vscode.ExtensionContext, client: SpecThreadClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      ActionCommands.draftSpec,
      whenTrusted('Draft Spec from Code', (folder?: vscode.Uri) => failSoftly('Draft Spec from Code', () => draftSpec(client, folder))),
    ),
    vscode.commands.registerCommand(
      ActionCommands.generateTestStubs,
      whenTrusted('Generate Test Stubs', (spec?: vscode.Uri) => failSoftly('Generate Test Stubs', () => testStubs(client, spec))),
    ),
  );
}

/**
 * The spec to write stubs for, picked from the server's list (the spec of the active editor
 * first), so that the palette command never depends on which file happens to be open.
 */
async function pickSpec(client: SpecThreadClient): Promise<string | undefined> {
  const overview = await client.sendRequest<SpecsOverview | null>(SpecsOverviewRequest, {});
  const specs = overview?.specs ?? [];
  if (!specs.length) return void vscode.window.showInformationMessage('SpecThread: no spec in this workspace to write tests for.');
  const active = vscode.window.activeTextEditor?.document.uri.fsPath.replace(/\\/g, '/');
  const isActive = (dir: string) => !!active?.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
  const items = [...specs]
    .sort((a, b) => Number(isActive(b.dir)) - Number(isActive(a.dir)))
    .map((s) => ({
      label: s.spec,
      description: `${s.format} · ${s.summary.criteria} criteria, ${s.summary.verified} verified`,
      detail: vscode.workspace.asRelativePath(s.dir),
      // The folder, not the name: two roots may hold specs of the same name.
      target: vscode.Uri.file(s.dir).toString(),
    }));
  return (await vscode.window.showQuickPick(items, { title: 'Generate Test Stubs: the spec to write pending tests for', matchOnDetail: true }))?.target;
}

/** A failed request is a message naming it, never a silent failure. */
async function failSoftly(title: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (isMethodNotFound(err)) return void vscode.window.showInformationMessage(`SpecThread: ${title} is not available in this build yet.`);
    void vscode.window.showErrorMessage(`SpecThread: ${title} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const FORMATS: readonly { label: DraftSpecFormat; description: string }[] = [
  { label: 'kiro', description: '.kiro/specs/<name>/requirements.md, design.md, tasks.md' },
  { label: 'speckit', description: 'specs/NNN-<name>/spec.md, plan.md, tasks.md' },
  { label: 'openspec', description: 'openspec/specs/<name>/spec.md' },
];

async function draftSpec(client: SpecThreadClient, given?: vscode.Uri): Promise<void> {
  const folder = given ?? (await pickFolder());
  if (!folder) return;
  const format = await vscode.window.showQuickPick(FORMATS, { title: 'Draft Spec from Code: format of the draft' });
  if (!format) return;
  // With the setting on, the server also plans the language-model pass (prompts of criteria only).
  const params: DraftSpecParams = { folder: folder.toString(), format: format.label, ...(languageModelAllowed() ? { reword: true } : {}) };
  let result: DraftSpecResult = await client.sendRequest<DraftSpecResult>(DraftSpecRequest, params);
  const reworded = params.reword ? await offerRewording(client, params, result) : undefined;
  if (reworded) result = reworded.result;
  // The preview: every drafted file in one read-only-in-spirit document, before anything is written.
  const header = reworded ? [`<!-- Language model: ${reworded.note} -->`] : [];
  const preview = [...header, ...result.files.map((f) => `<!-- ${f.path}${f.exists ? ' (exists: it will be kept)' : ''} -->\n\n${f.text}`)].join('\n\n---\n\n');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: preview }), { preview: true });
  const fresh = result.files.filter((f) => !f.exists);
  const choice = await vscode.window.showInformationMessage(
    `SpecThread: ${result.summary}${reworded ? ` ${reworded.note}` : ''}`,
    ...(fresh.length ? [`Write ${fresh.length} files`] : []),
  );
  if (!choice) return;
  const edit = new vscode.WorkspaceEdit();
  for (const f of fresh) edit.createFile(vscode.Uri.parse(f.uri), { ignoreIfExists: true, contents: new TextEncoder().encode(f.text) });
  if (await vscode.workspace.applyEdit(edit)) await vscode.window.showTextDocument(vscode.Uri.parse(fresh[0]!.uri));
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Draft a spec from the code of…' }))?.uri;
  return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Draft from this folder' }))?.[0];
}

async function testStubs(client: SpecThreadClient, given?: vscode.Uri): Promise<void> {
  // The spec list and each criterion's tests come from the whole index.
  await client.whenIndexed();
  const spec = given?.toString() ?? (await pickSpec(client));
  if (!spec) return;
  const result = await client.sendRequest<TestStubsResult>(TestStubsRequest, { spec });
  if (!result.files.length) {
    return void vscode.window.showInformationMessage(`SpecThread: every criterion of ${result.spec} is verified or has a pending test already.`);
  }
  // The stubs are shown first, as Draft Spec shows its draft: a preview document, then one button
  // that writes them. (The refactor preview would list them unticked, so its Apply wrote nothing.)
  const preview = result.files
    .map(
      (f) =>
        `${languageOf(f.uri) === 'python' ? '#' : '//'} ${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))}: ${f.create ? 'new file' : `inserted at line ${(f.insertAt?.line ?? 0) + 1}`} (${f.refs.join(', ')})\n${f.text}`,
    )
    .join('\n');
  const shown = await vscode.workspace.openTextDocument({ content: preview, language: languageOf(result.files[0]!.uri) });
  await vscode.window.showTextDocument(shown, { preview: true });
  const stubs = result.files.reduce((n, f) => n + f.refs.length, 0);
  const write = `Write ${result.files.length === 1 ? 'the file' : `${result.files.length} files`}`;
  const choice = await vscode.window.showInformationMessage(
    `SpecThread: ${stubs} pending test${stubs === 1 ? '' : 's'} for ${result.spec} (${result.framework}).`,
    write,
  );
  if (choice !== write) return;
  const edit = new vscode.WorkspaceEdit();
  for (const f of result.files) {
    const uri = vscode.Uri.parse(f.uri);
    // ignoreIfExists: a file that appeared meanwhile is never replaced.
    if (f.create) edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(f.text) });
    else edit.insert(uri, new vscode.Position(f.insertAt?.line ?? 0, f.insertAt?.character ?? 0), f.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return void vscode.window.showErrorMessage('SpecThread: the test stubs could not be written.');
  // An insertion leaves its file dirty; saved here, so what the message says is on disk.
  for (const f of result.files) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(f.uri).toString())?.save();
  // The preview has done its job: closed without a "save changes?" prompt, the written file opens instead.
  if (vscode.window.activeTextEditor?.document === shown) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.window.showTextDocument(vscode.Uri.parse(result.files[0]!.uri));
}

/**
 * The preview's language: plain text for JavaScript and TypeScript, whose language service would
 * flag the test globals (`it`, `describe`) of a snippet outside the project as errors.
 */
function languageOf(uri: string): string {
  const ext = /\.([a-z]+)$/i.exec(uri)?.[1]?.toLowerCase() ?? '';
  const byExt: Record<string, string> = { py: 'python', go: 'go', java: 'java' };
  return byExt[ext] ?? 'plaintext';
}
