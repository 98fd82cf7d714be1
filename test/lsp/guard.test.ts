// @spec specthread-core#14.1 @spec specthread-core#14.5
import * as assert from 'assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { CancelledError } from '../../server/src/core/cancellation';
import { Guard } from '../../server/src/lsp/guard';

/** A guard over a fake editor: one document whose version the test moves, and a captured log. */
function setup() {
  const logged: string[] = [];
  const versions = new Map<string, number>([['file:///a.md', 1]]);
  const guard = new Guard({ logError: (m) => logged.push(m), versionOf: (uri) => versions.get(uri) });
  return { guard, logged, versions };
}

const codeOf = (value: unknown) => (value instanceof ResponseError ? value.code : 'result');
const params = { textDocument: { uri: 'file:///a.md' } };

describe('request guard: cancellation codes and failure isolation', () => {
  it('answers RequestCancelled without running the handler when the client cancelled before dispatch', async () => {
    const { guard } = setup();
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const answer = await guard.request('textDocument/hover', null, () => ((ran = true), 'x'))(params, source.token);
    assert.deepStrictEqual([codeOf(answer), ran], [LSPErrorCodes.RequestCancelled, false]);
  });

  it('answers RequestCancelled when the core stops on the client cancelling mid-flight', async () => {
    const { guard, logged } = setup();
    const source = new CancellationTokenSource();
    const answer = await guard.request('textDocument/codeAction', [], async (_p, token) => {
      source.cancel();
      if (token.isCancellationRequested) throw new CancelledError();
      return ['not reached'];
    })(params, source.token);
    assert.strictEqual(codeOf(answer), LSPErrorCodes.RequestCancelled);
    assert.deepStrictEqual(logged, [], 'a cancellation is not a failure worth logging');
  });

  it('answers ServerCancelled when the server gave up although the client did not cancel', async () => {
    const { guard } = setup();
    const answer = await guard.request('textDocument/hover', null, () => {
      throw new CancelledError();
    })(params, new CancellationTokenSource().token);
    assert.strictEqual(codeOf(answer), LSPErrorCodes.ServerCancelled);
  });

  it('answers ContentModified when the document changed while the request waited for analysis', async () => {
    const { guard, versions } = setup();
    let release!: () => void;
    const analysed = new Promise<void>((resolve) => (release = resolve));
    const pending = guard.request('textDocument/definition', [], async () => {
      await analysed;
      return ['location computed from version 1'];
    })(params, new CancellationTokenSource().token);
    versions.set('file:///a.md', 2);
    release();
    assert.strictEqual(codeOf(await pending), LSPErrorCodes.ContentModified);
  });

  it('passes results, and errors the handler chose (invalid rename), through unchanged', async () => {
    const { guard } = setup();
    const token = new CancellationTokenSource().token;
    assert.deepStrictEqual(await guard.request('textDocument/references', [], () => ['r'])(params, token), ['r']);
    const chosen = new ResponseError<void>(-32602, 'Nothing to rename here');
    assert.strictEqual(await guard.request('textDocument/rename', null, () => chosen)(params, token), chosen);
  });

  it('answers the empty result and logs the stack when a query throws, instead of -32603', async () => {
    const { guard, logged } = setup();
    const answer = await guard.request('textDocument/completion', [], () => {
      throw new RangeError('Invalid count value: -1');
    })(params, new CancellationTokenSource().token);
    assert.deepStrictEqual(answer, []);
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0], /request textDocument\/completion failed: RangeError: Invalid count value: -1\n\s+at /);
  });

  it('keeps throws and rejections of notification handlers from escaping to the process', async () => {
    const { guard, logged } = setup();
    guard.notification('textDocument/didOpen', () => {
      throw new Error('sync failure');
    })();
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    guard.notification('textDocument/didClose', async () => {
      try {
        throw new Error('async failure');
      } finally {
        setImmediate(settle);
      }
    })();
    await settled;
    assert.deepStrictEqual(
      logged.map((m) => m.split('\n')[0]),
      ['SpecThread: textDocument/didOpen failed: Error: sync failure', 'SpecThread: textDocument/didClose failed: Error: async failure'],
    );
  });
});
