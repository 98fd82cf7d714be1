// @spec specthread-core#13.1, specthread-core#13.2, specthread-core#13.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompletionItem, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol/node';
import { FIXTURES } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

/**
 * spec-kit and OpenSpec served through the same LSP features as Kiro: diagnostics, hover,
 * definition, references, symbols and completion, over a real client on stdio.
 */
describe('language server: spec-kit and OpenSpec', function () {
  let root: string;
  let client: TestClient;

  const start = async (fixture: string) => {
    root = copyToTemp(path.join(FIXTURES, 'checks', fixture));
    client = await TestClient.start({ root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    await client.waitForIndexed();
  };
  const open = async (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'markdown', version: 1, text } });
    return text;
  };
  const at = (text: string, needle: string, offset = 0) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    const before = text.slice(0, i + offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('spec-kit: diagnostics, hover on a story label, definition and references of an FR, outline, completion', async () => {
    await start('speckit-clean');
    const tasks = path.join(root, 'specs', '001-user-auth', 'tasks.md');
    const spec = path.join(root, 'specs', '001-user-auth', 'spec.md');
    const text = await open(tasks);
    const specText = fs.readFileSync(spec, 'utf8');
    assert.deepStrictEqual(await client.waitForDiagnostics(tasks, () => true), []);

    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(tasks) },
      position: at(text, '[US1] Implement', 2),
    })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /001-user-auth#US1.*Sign in with email/);

    const def = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf(tasks) },
      position: at(text, 'FR-001, FR-002', 3),
    })) as Location[];
    assert.deepStrictEqual(
      def.map((l) => [path.basename(l.uri), l.range.start.line]),
      [['spec.md', at(specText, '- **FR-001**').line]],
    );

    const refs = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf(spec) },
      position: at(specText, '**FR-002**', 4),
      context: { includeDeclaration: false },
    })) as Location[];
    // The edge case in spec.md that names FR-002, and the task that implements it.
    assert.deepStrictEqual(refs.map((l) => `${path.basename(l.uri)}:${l.range.start.line}`).sort(), [
      `spec.md:${at(specText, 'shown (FR-002)').line}`,
      `tasks.md:${at(text, 'FR-001, FR-002').line}`,
    ]);

    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(spec) } })) as DocumentSymbol[];
    assert.deepStrictEqual(
      symbols.slice(0, 2).map((s) => [s.name, s.children?.length]),
      [
        ['US1: Sign in with email', 2],
        ['US2: Reset a password', 1],
      ],
    );

    const line = text.split('\n')[at(text, '- [ ] T006').line];
    const col = line.indexOf('[US2]') + 3;
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uriOf(tasks) },
      position: { line: at(text, '- [ ] T006').line, character: col },
    })) as CompletionItem[];
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['US1', 'US2'],
    );
  });

  it('spec-kit: a cross-spec ref hovers and jumps to the other feature, by folder name or alias', async () => {
    await start('speckit-clean');
    const profile = path.join(root, 'specs', '002-profile', 'spec.md');
    const auth = path.join(root, 'specs', '001-user-auth', 'spec.md');
    const text = await open(profile);
    const authText = fs.readFileSync(auth, 'utf8');
    assert.deepStrictEqual(await client.waitForDiagnostics(profile, () => true), []);

    const byName = at(text, '001-user-auth#FR-001', '001-user-auth#'.length + 2);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(profile) }, position: byName })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /001-user-auth#FR-001.*authenticate users by email and password/);
    const def = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(profile) }, position: byName })) as Location[];
    assert.deepStrictEqual(
      def.map((l) => [l.uri, l.range.start.line]),
      [[uriOf(auth), at(authText, '- **FR-001**').line]],
    );

    const byAlias = at(text, 'user-auth#FR-002', 'user-auth#'.length + 2);
    const aliasHover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(profile) }, position: byAlias })) as Hover;
    assert.match((aliasHover.contents as MarkupContent).value, /FR-002.*NOT reveal whether an email is registered/);
  });

  it('OpenSpec: a delta header hovers and jumps to the base requirement; editing the base spec republishes the change', async () => {
    await start('openspec-clean');
    const delta = path.join(root, 'openspec', 'changes', 'add-sso', 'specs', 'auth', 'login', 'spec.md');
    const base = path.join(root, 'openspec', 'specs', 'auth', 'login', 'spec.md');
    const text = await open(delta);
    assert.deepStrictEqual(await client.waitForDiagnostics(delta, () => true), []);

    const pos = at(text, 'Requirement: Lockout', 'Requirement: '.length + 2);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(delta) }, position: pos })) as Hover;
    assert.match(
      (hover.contents as MarkupContent).value,
      /\*\*Lockout\*\* — current requirement \(MODIFIED here\)[\s\S]*five failed attempts[\s\S]*Fifth failure/,
    );
    const def = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(delta) }, position: pos })) as Location[];
    const baseText = fs.readFileSync(base, 'utf8');
    assert.deepStrictEqual(
      def.map((l) => [l.uri, l.range.start.line]),
      [[uriOf(base), at(baseText, '### Requirement: Lockout').line]],
    );

    const refs = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf(base) },
      position: at(baseText, 'Requirement: Remember me', 15),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepStrictEqual(
      refs.map((l) => [path.basename(path.dirname(path.dirname(path.dirname(path.dirname(l.uri))))), l.range.start.line]),
      [['add-sso', at(text, 'FROM:').line]],
    );

    const removedLine = at(text, '### Requirement: Legacy tokens').line;
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uriOf(delta) },
      position: { line: removedLine, character: '### Requirement: '.length },
    })) as CompletionItem[];
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['Password sign-in', 'Lockout', 'Remember me', 'Legacy tokens'],
    );

    // A scenario added to the base requirement makes the (unopened) MODIFIED block drop it.
    await open(base);
    const edited = baseText.replace(
      '#### Scenario: Fifth failure',
      '#### Scenario: Admin unlock\n\n- **WHEN** an admin unlocks\n- **THEN** the user may retry\n\n#### Scenario: Fifth failure',
    );
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(base), version: 2 },
      contentChanges: [{ text: edited }],
    });
    const d = await client.waitForDiagnostics(delta, (list) => list.length > 0);
    assert.deepStrictEqual(
      d.map((x) => x.code),
      ['structure.dropped-scenarios'],
    );
    assert.match(String(d[0].message), /"Admin unlock"/);
  });
});
