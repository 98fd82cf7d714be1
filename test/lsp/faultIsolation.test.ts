// @spec specthread-core#14.1
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');

/** Found on real repositories: a code span of only `*` after whitespace made a rule throw. */
const HOSTILE = `# Requirements Document

## Requirements

### Requirement 1: Mask

**User Story:** As a user, I want masking, so that secrets stay secret.

#### Acceptance Criteria

1. WHEN the user types a password THE system SHALL mask the password as \`***\`
`;

describe('language server: hostile input in one spec leaves the others checked and the server running', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;

  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes every spec, answers requests on the hostile file, and survives typing backticks into it', async () => {
    root = copyToTemp(EXAMPLE);
    const hostile = path.join(root, '.kiro', 'specs', 'masking', 'requirements.md');
    fs.mkdirSync(path.dirname(hostile));
    fs.writeFileSync(hostile, HOSTILE);
    client = await TestClient.start({ root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const healthy = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
    await client.waitForDiagnostics(healthy, (d) => d.some((x) => x.code === 'link.unknown-ref'), 'the healthy spec is still published');
    await client.waitForDiagnostics(hostile, () => true, 'the hostile file is published too (findings or internal.error)');

    let text = HOSTILE;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(hostile), languageId: 'markdown', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.startsWith('1. WHEN'));
    for (let version = 2; version <= 4; version++) {
      // The user types three backticks, one keystroke at a time, at the end of the criterion.
      const end = { line, character: text.split('\n')[line].length };
      text = text
        .split('\n')
        .map((l, i) => (i === line ? l + '`' : l))
        .join('\n');
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf(hostile), version },
        contentChanges: [{ range: { start: end, end }, text: '`' }],
      });
      const position = { line, character: 10 };
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(hostile) }, position });
      await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: uriOf(hostile) },
        range: { start: { line, character: 0 }, end: position },
        context: { diagnostics: [] },
      });
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf(hostile) }, position });
    }
    // Edits to the healthy spec are still checked after all that.
    const tasksText = fs.readFileSync(healthy, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(healthy), languageId: 'markdown', version: 1, text: tasksText },
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(healthy), version: 2 },
      contentChanges: [{ text: tasksText.replace('2.1, 2.5', '2.1, 2.2') }],
    });
    await client.waitForDiagnostics(healthy, (d) => !d.some((x) => x.code === 'link.unknown-ref'), 'the healthy spec follows edits');
    assert.ok(client.alive);
    assert.deepStrictEqual(client.shown, []);
    // Whatever failed inside was logged with a stack, not swallowed.
    const internal = (client.diagnostics.get(uriOf(hostile)) ?? []).filter((d) => d.code === 'internal.error');
    if (internal.length)
      assert.ok(
        client.logs.some((l) => /failed: \w*Error: .*\n\s+at /.test(l.message)),
        'the stack reaches the output channel',
      );
  });
});
