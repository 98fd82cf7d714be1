// @spec specthread-core#7.3 @spec specthread-core#7.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CodeAction, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO } from '../helpers/fixtures';
import { CLI, TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');

const NOTES = `# Requirements Document

### Requirement 1: Notes

**User Story:** As a writer, I want notes saved.

#### Acceptance Criteria

1. WHEN a note is saved THEN the editor SHALL store it fast
2. THE editor SHALL sync notes
`;

describe('language server: rule settings, suppressions and code actions (LSP round trip)', function () {
  let root: string;
  let client: TestClient;
  let notes: string;
  let tasks: string;

  beforeEach(async () => {
    root = copyToTemp(EXAMPLE);
    notes = path.join(root, '.kiro', 'specs', 'notes', 'requirements.md');
    tasks = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
    fs.mkdirSync(path.dirname(notes), { recursive: true });
    fs.writeFileSync(notes, NOTES);
    client = await TestClient.start({ root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    await client.waitForIndexed();
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const actionsAt = async (file: string, range: TextEdit['range'], only?: string[]) =>
    (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range,
      context: { diagnostics: [], only },
    })) as CodeAction[];

  const applied = (file: string, action: CodeAction) =>
    TextDocument.applyEdits(TextDocument.create(uriOf(file), 'markdown', 1, fs.readFileSync(file, 'utf8')), action.edit!.changes![uriOf(file)]);

  it('publishes quality findings with exact ranges, and a suppression action that silences them', async () => {
    const [vague] = (await client.waitForDiagnostics(notes, (d) => d.some((x) => x.code === 'quality.vague-term'))).filter(
      (x) => x.code === 'quality.vague-term',
    );
    assert.deepStrictEqual(vague.range, { start: { line: 8, character: 55 }, end: { line: 8, character: 59 } });
    const actions = await actionsAt(notes, vague.range, ['quickfix']);
    const disable = actions.find((a) => a.title === 'Disable quality.vague-term for this line')!;
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const text = applied(notes, disable);
    assert.strictEqual(text.split('\n')[8], '1. WHEN a note is saved THEN the editor SHALL store it fast <!-- specthread-disable-line quality.vague-term -->');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(notes), languageId: 'markdown', version: 1, text } });
    await client.waitForDiagnostics(notes, (d) => !d.some((x) => x.code === 'quality.vague-term'), 'suppressed');
  });

  it('offers the canonical EARS rewrite of a Kiro v1 criterion as a refactoring', async () => {
    const actions = await actionsAt(notes, { start: { line: 8, character: 3 }, end: { line: 8, character: 3 } }, ['refactor']);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Rewrite criterion 1.1 as canonical EARS', 'refactor.rewrite']],
    );
    assert.strictEqual(applied(notes, actions[0]).split('\n')[8], '1. WHEN a note is saved, THE editor SHALL store it fast');
  });

  it('follows specthread.json and the baseline when they change on disk', async () => {
    await client.waitForDiagnostics(tasks, (d) => d.some((x) => x.code === 'link.unknown-ref'));
    const config = path.join(root, 'specthread.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { link: 'off' }, overrides: [{ files: ['.kiro/specs/notes/**'], rules: { quality: 'off' } }] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
    await client.waitForDiagnostics(tasks, (d) => !d.some((x) => x.code === 'link.unknown-ref'), 'link rules off');
    await client.waitForDiagnostics(notes, (d) => !d.some((x) => String(x.code).startsWith('quality.')), 'quality off for notes');

    fs.writeFileSync(config, '{}');
    const cli = spawnSync(process.execPath, [CLI, 'check', '.', '--write-baseline'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(cli.status, 0, cli.stderr);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(config), type: 2 },
        { uri: uriOf(path.join(root, '.specthread-baseline.json')), type: 1 },
      ],
    });
    await client.waitForDiagnostics(tasks, (d) => d.length === 0, 'baselined');
    await client.waitForDiagnostics(notes, (d) => d.length === 0, 'baselined');
  });

  it('publishes problems of specthread.json on the file, and clears them once fixed', async () => {
    await client.waitForIndexed();
    const config = path.join(root, 'specthread.json');
    fs.writeFileSync(config, '{\n  "rules": { "link.unknown-ref": "loud" }\n}\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
    const [problem] = await client.waitForDiagnostics(config, (d) => d.length > 0, 'config.invalid');
    assert.strictEqual(problem.code, 'config.invalid');
    assert.strictEqual(problem.range.start.line, 1);
    fs.writeFileSync(config, '{ "rules": { "link.unknown-ref": "warning" } }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await client.waitForDiagnostics(config, (d) => d.length === 0, 'config problem cleared');
    await client.waitForDiagnostics(tasks, (d) => d.some((x) => x.code === 'link.unknown-ref' && x.severity === 2), 'the fixed setting applies');
  });
});
