// @spec specthread-core#2.4 @spec specthread-core#3.1 @spec specthread-core#3.2 @spec specthread-core#3.3 @spec specthread-core#3.4 @spec specthread-core#3.5 @spec specthread-core#4.1 @spec specthread-core#4.2 @spec specthread-core#4.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItem, DocumentSymbol, Hover, Location, MarkupContent, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');
const specFile = (root: string, name: string) => path.join(root, '.kiro', 'specs', 'user-auth', name);

describe('language server over stdio (LSP round trip)', function () {
  let root: string;
  let client: TestClient;
  let tasks: string;
  let reqs: string;

  beforeEach(async () => {
    root = copyToTemp(EXAMPLE);
    tasks = specFile(root, 'tasks.md');
    reqs = specFile(root, 'requirements.md');
    client = await TestClient.start({
      root,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    });
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const open = async (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'markdown', version: 1, text } });
    return text;
  };

  it('publishes diagnostics for every spec file at start, without opening any', async () => {
    const indexed = await client.waitForIndexed();
    assert.deepStrictEqual({ specs: indexed.specs, files: indexed.files, findings: indexed.findings }, { specs: 1, files: 3, findings: 5 });
    // Indexing progress was reported to the client, from begin to end.
    await client.waitFor('progress end', () => client.progress.some((p) => p.kind === 'end'));
    assert.strictEqual(client.progress[0].kind, 'begin');
    assert.match(client.progress[0].title ?? '', /SpecThread: indexing/);
    const d = await client.waitForDiagnostics(tasks, (list) => list.length > 0);
    assert.deepStrictEqual(
      d.map((x) => [x.code, x.range.start.line, x.range.start.character, x.severity]),
      [
        ['task.parent-done-open-subtask', 2, 2, 2],
        ['link.unknown-ref', 10, 26, 1],
      ],
    );
    assert.match(String(d[1].message), /Criterion 2\.5 does not exist.*Did you mean 2\.2, 2\.1\?/);
    const r = await client.waitForDiagnostics(reqs, (list) => list.length > 0);
    assert.deepStrictEqual(r.map((x) => x.code).sort(), ['coverage.requirement-without-task', 'structure.numbering-gap']);
  });

  it('updates diagnostics on didChange, for the edited file and its spec', async () => {
    await client.waitForIndexed();
    const text = await open(tasks);
    const fixed = text.replace('2.1, 2.5', '2.1, 2.2');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(tasks), version: 2 },
      contentChanges: [{ text: fixed }],
    });
    await client.waitForDiagnostics(tasks, (d) => !d.some((x) => x.code === 'link.unknown-ref'), 'unknown ref gone');
    // Citing requirement 4 from tasks.md clears the coverage finding in requirements.md.
    const doc = TextDocument.create(uriOf(tasks), 'markdown', 2, fixed);
    const end = doc.positionAt(fixed.length);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(tasks), version: 3 },
      contentChanges: [{ range: { start: end, end }, text: '\n- [ ] 3. Reset\n  - _Requirements: 4.1, 4.2_\n' }],
    });
    await client.waitForDiagnostics(reqs, (d) => !d.some((x) => x.code === 'coverage.requirement-without-task'), 'coverage finding gone');
  });

  it('answers hover, definition, references, symbols and completion', async () => {
    await client.waitForIndexed();
    await open(tasks);
    const at = { textDocument: { uri: uriOf(tasks) }, position: { line: 4, character: 22 } };

    const hover = (await client.connection.sendRequest('textDocument/hover', at)) as Hover;
    assert.match((hover.contents as MarkupContent).value, /WHEN a user submits a valid email and password/);

    const defs = (await client.connection.sendRequest('textDocument/definition', at)) as Location[];
    assert.deepStrictEqual(
      defs.map((d) => [d.uri, d.range.start.line]),
      [[uriOf(reqs), 21]],
    );

    const refs = (await client.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } })) as Location[];
    assert.deepStrictEqual(
      refs.map((r) => [path.basename(new URL(r.uri).pathname), r.range.start.line]),
      [
        ['requirements.md', 21],
        ['tasks.md', 4],
        ['design.md', 13],
      ],
    );

    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(reqs) } })) as DocumentSymbol[];
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['Requirement 1: Sign in', 'Requirement 2: Session expiry', 'Requirement 4: Password reset'],
    );

    const ws = (await client.connection.sendRequest('workspace/symbol', { query: 'reset' })) as SymbolInformation[];
    assert.ok(
      ws.some((s) => s.name.startsWith('user-auth#4 Password reset')),
      JSON.stringify(ws.map((s) => s.name)),
    );

    const completion = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uriOf(tasks) },
      position: { line: 4, character: 21 },
    })) as CompletionItem[];
    assert.deepStrictEqual(
      completion.slice(0, 3).map((c) => c.label),
      ['1.1', '1.2', '1.3'],
    );
  });

  it('offers the "did you mean" quick fix, whose edit repairs the ref', async () => {
    await client.waitForIndexed();
    const text = await open(tasks);
    const [diag] = (await client.waitForDiagnostics(tasks, (d) => d.some((x) => x.code === 'link.unknown-ref'))).filter((x) => x.code === 'link.unknown-ref');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(tasks) },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as CodeAction[];
    const replacements = actions.filter((a) => a.title.startsWith('Replace'));
    assert.deepStrictEqual(
      replacements.map((a) => [a.title, a.isPreferred]),
      [
        ['Replace 2.5 with 2.2', true],
        ['Replace 2.5 with 2.1', false],
      ],
    );
    assert.deepStrictEqual(actions[0], replacements[0], 'the fix comes before the suppression actions');
    const edits = actions[0].edit!.changes![uriOf(tasks)] as TextEdit[];
    const after = TextDocument.applyEdits(TextDocument.create(uriOf(tasks), 'markdown', 1, text), edits);
    assert.strictEqual(after, text.replace('_Requirements: 2.1, 2.5_', '_Requirements: 2.1, 2.2_'));
  });

  it('re-reads files changed on disk when the client reports watched-file events', async () => {
    await client.waitForIndexed();
    fs.writeFileSync(tasks, fs.readFileSync(tasks, 'utf8').replace('2.1, 2.5', '2.1, 2.2'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(tasks), type: 2 }] });
    await client.waitForDiagnostics(tasks, (d) => !d.some((x) => x.code === 'link.unknown-ref'), 'unknown ref gone after disk change');
    fs.rmSync(specFile(root, 'design.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(specFile(root, 'design.md')), type: 3 }] });
    await client.waitForDiagnostics(specFile(root, 'design.md'), (d) => d.length === 0, 'deleted file cleared');
  });

  it('never crashes on unreadable or hostile spec files', async () => {
    await client.waitForIndexed();
    const weird = path.join(root, '.kiro', 'specs', 'weird', 'requirements.md');
    fs.mkdirSync(path.dirname(weird), { recursive: true });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(weird), languageId: 'markdown', version: 1, text: '\u0000\u0001### Requirement\n' + '- '.repeat(5000) + '\n```\n' },
    });
    await client.waitForDiagnostics(weird, () => true);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(weird) }, position: { line: 0, character: 3 } });
    assert.strictEqual(hover, null);
    assert.ok(client.alive);
  });
});

describe('language server started as `specthread lsp --stdio`, with its own file watcher', () => {
  it('publishes diagnostics and follows disk changes without client watcher support', async () => {
    const root = copyToTemp(EXAMPLE);
    const client = await TestClient.start({ root, viaCli: true });
    try {
      const tasks = specFile(root, 'tasks.md');
      await client.waitForDiagnostics(tasks, (d) => d.some((x) => x.code === 'link.unknown-ref'));
      fs.writeFileSync(tasks, fs.readFileSync(tasks, 'utf8').replace('2.1, 2.5', '2.1, 2.2'));
      await client.waitForDiagnostics(tasks, (d) => !d.some((x) => x.code === 'link.unknown-ref'), 'fs.watch update');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

// @spec specthread-core#4.4
describe('language server: workspace folders added and removed while it runs', () => {
  it('indexes an added folder and clears the diagnostics of a removed one', async () => {
    const first = copyToTemp(EXAMPLE);
    const second = copyToTemp(path.join(REPO, 'examples', 'speckit-workspace'));
    const client = await TestClient.start({ root: first, capabilities: { workspace: { workspaceFolders: true } } });
    try {
      const tasks = specFile(first, 'tasks.md');
      await client.waitForDiagnostics(tasks, (d) => d.some((x) => x.code === 'link.unknown-ref'));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: uriOf(second), name: 'shop' }], removed: [{ uri: uriOf(first), name: path.basename(first) }] },
      });
      const speckitTasks = path.join(second, 'specs', '001-checkout', 'tasks.md');
      await client.waitForDiagnostics(speckitTasks, (d) => d.some((x) => x.code === 'link.unknown-story'), 'the added folder is analysed');
      await client.waitForDiagnostics(tasks, (d) => d.length === 0, 'the removed folder is cleared');
    } finally {
      await client.stop();
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });
});
