// @spec specthread-core#14.5 @spec specthread-core#14.1
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');
/** Codes the protocol reserves for requests that end without a result and without an error toast. */
const QUIET = new Set<number | string>(['result', -32800, -32801, -32802]);

/** Every request the server registers, as params for a spec document and for a code document. */
function requestsFor(specUri: string, codeUri: string): { method: string; params: object }[] {
  const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  const range = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
  const perDocument = (uri: string, line: number, character: number) => [
    { method: 'textDocument/hover', params: at(uri, line, character) },
    { method: 'textDocument/definition', params: at(uri, line, character) },
    { method: 'textDocument/references', params: { ...at(uri, line, character), context: { includeDeclaration: true } } },
    { method: 'textDocument/documentSymbol', params: { textDocument: { uri } } },
    { method: 'textDocument/codeAction', params: { textDocument: { uri }, range, context: { diagnostics: [] } } },
    { method: 'textDocument/completion', params: at(uri, line, character) },
    { method: 'textDocument/codeLens', params: { textDocument: { uri } } },
    { method: 'textDocument/documentLink', params: { textDocument: { uri } } },
    { method: 'textDocument/inlayHint', params: { textDocument: { uri }, range } },
    { method: 'textDocument/prepareRename', params: at(uri, line, character) },
    { method: 'textDocument/rename', params: { ...at(uri, line, character), newName: '1.9' } },
  ];
  return [
    ...perDocument(specUri, 4, 20),
    ...perDocument(codeUri, 0, 20),
    { method: 'workspace/symbol', params: { query: 'Sign' } },
    { method: 'specthread/coverage', params: {} },
  ];
}

describe('language server: every request kind cancelled mid-flight (LSP cancellation codes)', function () {
  this.timeout(120000);
  let root: string;
  let client: TestClient;

  before(() => {
    root = copyToTemp(EXAMPLE);
    // Enough spec folders that indexing is still running while the requests arrive.
    const source = path.join(root, '.kiro', 'specs', 'user-auth');
    for (let i = 0; i < 400; i++) fs.cpSync(source, path.join(root, '.kiro', 'specs', `feature-${i}`), { recursive: true });
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'auth.ts'), '// @spec user-auth#1.1\nexport const signIn = () => true;\n');
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers each cancelled request with a result or -32800/-32801/-32802, never -32603, and shows no message', async () => {
    client = await TestClient.start({ root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const tasks = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
    const code = path.join(root, 'src', 'auth.ts');
    let tasksText = fs.readFileSync(tasks, 'utf8');
    let version = 1;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(tasks), languageId: 'markdown', version, text: tasksText } });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(code), languageId: 'typescript', version: 1, text: fs.readFileSync(code, 'utf8') },
    });
    const outcomes: { method: string; code: number | string; message?: string }[] = [];
    const pending: Promise<void>[] = [];
    let rounds = 0;
    // Rounds go on while the server indexes (and at least a few after), each followed by an edit
    // that makes requests still waiting on the old text stale.
    while (rounds < 6 || (!client.indexed && rounds < 200)) {
      rounds++;
      for (const { method, params } of requestsFor(uriOf(tasks), uriOf(code))) {
        const cancel = new CancellationTokenSource();
        pending.push(
          client.connection.sendRequest(method, params, cancel.token).then(
            () => void outcomes.push({ method, code: 'result' }),
            (err: unknown) => void outcomes.push({ method, code: err instanceof ResponseError ? err.code : String(err), message: (err as Error).message }),
          ),
        );
        cancel.cancel();
      }
      tasksText += `\n- [ ] ${100 + rounds}. Edited while busy\n`;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf(tasks), version: ++version },
        contentChanges: [{ text: tasksText }],
      });
      // Waits for this round's answers, which arrive between indexing batches: no fixed delay.
      await Promise.all(pending);
    }
    await client.waitForIndexed();

    const byCode = new Map<number | string, number>();
    for (const o of outcomes) byCode.set(o.code, (byCode.get(o.code) ?? 0) + 1);
    // The figures quoted in the closing note come from this line.
    console.log(`      cancellation codes over ${outcomes.length} requests in ${rounds} rounds: ${JSON.stringify(Object.fromEntries(byCode))}`);
    // A rename where there is no id answers -32602 when the cancel comes too late to stop it: the
    // handler's own answer, which clients show on purpose.
    assert.deepStrictEqual(
      outcomes.filter((o) => !QUIET.has(o.code) && !(o.method === 'textDocument/rename' && o.code === -32602)),
      [],
    );
    assert.ok((byCode.get(-32800) ?? 0) > 0, 'some cancel arrived before its answer (else this test proves nothing)');
    assert.deepStrictEqual(client.shown, []);
    assert.ok(client.alive);
  });

  it('still answers the same requests with results when nobody cancels', async () => {
    const tasks = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
    const code = path.join(root, 'src', 'auth.ts');
    const failed: string[] = [];
    for (const { method, params } of requestsFor(uriOf(tasks), uriOf(code))) {
      await client.connection.sendRequest(method, params).catch((err: ResponseError<unknown>) => {
        // Renaming where there is no id is the one error a client is meant to show.
        if (!(method === 'textDocument/rename' && err.code === -32602)) failed.push(`${method}: ${err.code} ${err.message}`);
      });
    }
    assert.deepStrictEqual(failed, []);
    assert.deepStrictEqual(client.shown, []);
  });
});
