// @spec specthread-core#15.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { CoverageRequest } from '../../shared/coverage';
import { REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');

describe('language server: requests read, only the writer publishes', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;

  before(() => {
    root = copyToTemp(EXAMPLE);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers hovers sent between the edits of a burst without publishing once per hover', async () => {
    client = await TestClient.start({ root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    await client.waitForIndexed();
    const tasks = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
    const uri = uriOf(tasks);
    let text = fs.readFileSync(tasks, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.waitForDiagnostics(tasks, (d) => d.length > 0);
    const before = client.publishCount.get(uri) ?? 0;

    // Every edit cites a missing requirement, so every edit changes the diagnostics: a hover that
    // applied the edits before it and published would add one publish per hover.
    const N = 10;
    const answers: Promise<string>[] = [];
    for (let i = 0; i < N; i++) {
      text += `\n- [ ] ${50 + i}. Burst task\n  - _Requirements: 9.${i}_\n`;
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
      answers.push(
        client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } }).then(
          () => 'result',
          (err: unknown) => String(err instanceof ResponseError ? err.code : err),
        ),
      );
    }
    const outcomes = await Promise.all(answers);
    // A hover whose version was overtaken answers ContentModified; the last one is answered.
    assert.ok(
      outcomes.every((o) => o === 'result' || o === '-32801'),
      outcomes.join(', '),
    );
    assert.strictEqual(outcomes[N - 1], 'result');
    await client.waitForDiagnostics(tasks, (d) => d.some((x) => String(x.message).includes('9.9')), 'diagnostics of the whole burst');
    const publishes = (client.publishCount.get(uri) ?? 0) - before;
    console.log(`      ${N} edits with a hover after each: ${publishes} publish(es) of the edited file`);
    // Chunks of the stream may arrive apart, so a burst can take a few turns, but never one per hover.
    assert.ok(publishes >= 1 && publishes <= N / 2, `${publishes} publishes for ${N} edits and ${N} hovers`);
  });

  it('publishes nothing while answering requests of every kind when no edit is pending', async () => {
    const tasks = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
    const uri = uriOf(tasks);
    const total = () => [...client.publishCount.values()].reduce((a, b) => a + b, 0);
    const before = total();
    const at = { textDocument: { uri }, position: { line: 4, character: 20 } };
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        client.connection.sendRequest('textDocument/hover', at),
        client.connection.sendRequest('textDocument/definition', at),
        client.connection.sendRequest('textDocument/completion', at),
        client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }),
        client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
        client.connection.sendRequest('workspace/symbol', { query: 'Sign' }),
        client.connection.sendRequest(CoverageRequest, {}),
      ]);
    }
    // A publish a request caused would be written before that request's answer.
    assert.strictEqual(total(), before);
  });
});
