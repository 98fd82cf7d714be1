'use strict';
// @spec specthread-core#20.1, specthread-core#20.3
// The palette commands and lenses of issue 11 as the extension host runs them: every contributed
// command is registered, lenses carry commands that do what their titles say, and the commands
// that write change the files on disk. Runs after specthread.test.js in the same workspace (a copy
// of examples/kiro-workspace); what it changes it puts back.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'specthread.specthread';
const root = () => vscode.workspace.workspaceFolders[0].uri.fsPath;
const specUri = (file) => vscode.Uri.file(path.join(root(), '.kiro', 'specs', 'user-auth', file));
const lineOf = (uri, text) =>
  fs
    .readFileSync(uri.fsPath, 'utf8')
    .split(/\r?\n/)
    .findIndex((l) => l.includes(text));
const lensesOf = (uri) => vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
const runLens = (lens) => vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments || []));

describe('SpecThread palette commands and lenses', function () {
  this.timeout(90000);

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every command it contributes, all in the SpecThread category', async () => {
    const contributed = vscode.extensions.getExtension(EXTENSION_ID).packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    // specthread.showCoverage is the coverage view's (its own part of the extension).
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id) && id !== 'specthread.showCoverage');
    assert.deepStrictEqual(missing, [], 'contributed but not registered');
    assert.deepStrictEqual(
      contributed.filter((c) => c.category !== 'SpecThread').map((c) => c.command),
      [],
    );
    for (const id of ['specthread.newSpec', 'specthread.startTask', 'specthread.fixAllInFile', 'specthread.goToRequirement', 'specthread.exportReport'])
      assert.ok(registered.has(id), id);
  });

  it('Next Open Task puts the cursor on the first open task', async () => {
    await vscode.commands.executeCommand('specthread.nextOpenTask');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath === specUri('tasks.md').fsPath, `tasks.md is active; got ${editor && editor.document.uri.fsPath}`);
    assert.strictEqual(editor.selection.active.line, lineOf(specUri('tasks.md'), '- [ ] 1.2'));
  });

  it('a task lens starts the task: opens it and hands over the agent prompt with the criterion in full', async () => {
    const tasks = specUri('tasks.md');
    const line = lineOf(tasks, '- [ ] 1.2');
    const lens = (await lensesOf(tasks)).find((l) => l.range.start.line === line && l.command && l.command.title === 'Start task');
    assert.ok(lens, 'a Start task lens on task 1.2');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await runLens(lens);
    const criterion13 = fs
      .readFileSync(specUri('requirements.md').fsPath, 'utf8')
      .split(/\r?\n/)
      .find((l) => l.startsWith('3. IF five failed attempts'))
      .replace(/^3\.\s*/, '');
    // The clipboard when the browser allows it, else the prompt opened beside the task.
    const clip = await vscode.env.clipboard.readText().catch(() => '');
    const shown = vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.getText());
    const prompt = [clip, ...shown].find((t) => t.startsWith('Implement this task.'));
    assert.ok(prompt, `the agent prompt was handed over; clipboard ${JSON.stringify(clip.slice(0, 80))}`);
    assert.ok(prompt.includes(criterion13), `the prompt holds criterion 1.3 in full: ${JSON.stringify(prompt.slice(0, 400))}`);
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.fsPath === tasks.fsPath);
    assert.ok(
      editors.some((e) => e.selection.active.line === line),
      'tasks.md is open at the task',
    );
  });

  it('a "Mark done" lens ticks the task on disk, and Toggle Task Done unticks it', async () => {
    const tasks = specUri('tasks.md');
    const line = lineOf(tasks, '- [ ] 1.2');
    const lens = (await lensesOf(tasks)).find((l) => l.range.start.line === line && l.command && l.command.title === 'Mark done');
    assert.ok(lens, 'a Mark done lens on task 1.2');
    await runLens(lens);
    assert.match(fs.readFileSync(tasks.fsPath, 'utf8').split(/\r?\n/)[line], /^ {2}- \[x\] 1\.2 /);
    await vscode.commands.executeCommand('specthread.toggleTaskDone', { spec: 'user-auth', task: '1.2' });
    assert.match(fs.readFileSync(tasks.fsPath, 'utf8').split(/\r?\n/)[line], /^ {2}- \[ \] 1\.2 /);
  });

  it('requirement lenses peek the thread', async () => {
    // Lenses are asked of open documents only (VS Code has no model of a closed one).
    await vscode.workspace.openTextDocument(specUri('requirements.md'));
    const lenses = await lensesOf(specUri('requirements.md'));
    assert.ok(lenses.length > 0, 'lenses on requirements.md');
    for (const l of lenses) assert.strictEqual(l.command && l.command.command, 'specthread.peekThread', l.command && l.command.title);
    await runLens(lenses[0]);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath === specUri('requirements.md').fsPath, 'requirements.md is active');
    assert.strictEqual(editor.selection.active.line, lenses[0].range.start.line, 'the cursor is on the requirement the lens counts');
  });

  it('Open Rule Documentation opens docs/rules.md at the rule', async () => {
    await vscode.commands.executeCommand('specthread.openRuleDocs', 'link.unknown-ref');
    const docs = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.endsWith(path.join('docs', 'rules.md')));
    assert.ok(docs, 'rules.md is open');
    assert.strictEqual(docs.document.lineAt(docs.selection.active.line).text, '### link.unknown-ref');
  });

  it('New Spec creates the files of the chosen format and opens the first', async () => {
    const dir = path.join(root(), '.kiro', 'specs', 'payments');
    try {
      await vscode.commands.executeCommand('specthread.newSpec', 'kiro', 'Payments');
      for (const f of ['requirements.md', 'design.md', 'tasks.md']) assert.ok(fs.existsSync(path.join(dir, f)), f);
      assert.strictEqual(vscode.window.activeTextEditor.document.uri.fsPath, path.join(dir, 'requirements.md'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Fix All in File applies the preferred fix of every finding in the file', async () => {
    const tasks = specUri('tasks.md');
    const editor = await vscode.window.showTextDocument(tasks);
    const before = editor.document.getText();
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      tasks,
      new vscode.Range(0, 0, editor.document.lineCount, 0),
      'source.fixAll.specthread',
    );
    assert.ok(
      actions.some((a) => a.kind && a.kind.value === 'source.fixAll.specthread'),
      'the server offers source.fixAll.specthread',
    );
    await vscode.commands.executeCommand('specthread.fixAllInFile');
    const after = editor.document.getText();
    assert.notStrictEqual(after, before, 'the file changed');
    assert.ok(!/_Requirements: 2\.1, 2\.5_/.test(after), 'the unknown ref 2.5 was replaced');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(editor.document.getText(), before);
  });
});
