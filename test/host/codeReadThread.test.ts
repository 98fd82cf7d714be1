// @spec specthread-core#21.2
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CancellationToken, CancelledError, NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { traceMarkers } from '../../server/src/core/trace/traceMarkers';
import { CodeRead, CodeReadRequest, Workspace } from '../../server/src/core/workspace';
import { encodeBatch, requestsOf } from '../../server/src/host/codeReadProtocol';
import { CodeReadThread } from '../../server/src/host/codeReadThread';
import { NodeWorkspace, NodeWorkspaceOptions } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { formatFinding } from '../helpers/fixtures';

/**
 * The code-reading thread (host/codeReadThread.ts, host/codeReadWorker.ts): what it reads equals
 * what the engine's thread reads, file by file and as whole-workspace findings; a thread that
 * cannot start costs one note and nothing else; a cancelled read stops.
 */

const SHIM = path.join(__dirname, 'codeReadWorkerShim.js');
const FIXTURES = path.join(__dirname, '..', 'fixtures');

function tempDir(): string {
  return toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-thread-'))));
}

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** A generated tree with every kind of code file the reader tells apart. */
function generatedTree(): string {
  const root = tempDir();
  write(
    `${root}/.kiro/specs/auth/requirements.md`,
    '# Requirements\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. WHEN a user logs in THEN the system SHALL greet them\n',
  );
  write(`${root}/.kiro/specs/auth/tasks.md`, '# Tasks\n\n- [x] 1. Greeting\n  - _Requirements: 1.1_\n');
  for (let i = 0; i < 300; i++)
    write(`${root}/src/m${i % 7}/f${i}.ts`, i % 10 === 0 ? `// @spec auth#1.1\nexport const x${i} = ${i};\n` : `export const x${i} = ${i};\n`);
  write(`${root}/test/greet.test.ts`, "it('greets (auth#1.1)', () => {});\n");
  write(`${root}/src/binary.ts`, Buffer.from([0x2f, 0x2f, 0x00, 0x01, 0x40]));
  write(`${root}/src/latin1.ts`, Buffer.from('// @spec auth#1.1 caf\u00e9\n', 'latin1'));
  write(`${root}/src/utf16.ts`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// @spec auth#1.1\n', 'utf16le')]));
  write(`${root}/src/big.ts`, `// @spec auth#1.1\n${'x'.repeat(2_000_000)}\n`);
  write(`${root}/src/bom.ts`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('// @spec auth#1.1\n')]));
  fs.symlinkSync(`${root}/src/m1/f1.ts`, `${root}/src/link.ts`);
  return root;
}

function workspace(root: string, options: NodeWorkspaceOptions): NodeWorkspace {
  return new NodeWorkspace([root], undefined, options);
}

const THREAD: NodeWorkspaceOptions = { workerScript: SHIM, minFilesForThread: 0 };
const NO_THREAD: NodeWorkspaceOptions = { minFilesForThread: Number.POSITIVE_INFINITY };

async function requestsFor(ws: NodeWorkspace): Promise<CodeReadRequest[]> {
  const files = await ws.listFiles(NEVER_CANCELLED);
  return files.map((p) => ({ path: p, maxBytes: 1_000_000, markers: traceMarkers(p.includes('.test.') ? 'test' : 'source') }));
}

async function findingsOf(root: string, ws: Workspace): Promise<string[]> {
  const engine = new Engine(ws);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine.allFindings(NEVER_CANCELLED).map((f) => formatFinding(f, root));
}

describe('the code-reading thread (host)', function () {
  // Starting a worker through tsx compiles its sources; under load that takes seconds.
  this.timeout(60000);

  it('a batch crosses to the thread unchanged', () => {
    const requests: CodeReadRequest[] = [
      { path: '/ws/a b.ts', maxBytes: 10, markers: ['@spec'] },
      { path: '/ws/line\nbreak.test.ts', maxBytes: 20, markers: ['@spec', '#'] },
      { path: '/ws/.specthread/pins.json', maxBytes: Number.POSITIVE_INFINITY, markers: [] },
      { path: '/ws/é.py', maxBytes: 10, markers: ['@spec'] },
    ];
    const flag = new Int32Array(new SharedArrayBuffer(4));
    assert.deepStrictEqual(requestsOf(encodeBatch(1, requests, 5, flag)), requests);
    assert.deepStrictEqual(requestsOf(encodeBatch(2, [], 5, flag)), []);
  });

  it('reads every code file exactly as the main thread does (generated tree)', async () => {
    const root = generatedTree();
    const threaded = workspace(root, THREAD);
    const plain = workspace(root, NO_THREAD);
    try {
      const requests = await requestsFor(threaded);
      await plain.listFiles(NEVER_CANCELLED);
      assert.ok(threaded.readsCodeInBackground(requests.length));
      assert.ok(!plain.readsCodeInBackground(requests.length));
      const a = await threaded.readCodeFiles(requests, NEVER_CANCELLED, requests.length);
      const b = await plain.readCodeFiles(requests, NEVER_CANCELLED, requests.length);
      assert.deepStrictEqual(a, b);
      assert.ok(b.some((r) => r.noTrace) && b.some((r) => r.text !== undefined) && b.some((r) => r.note !== undefined), 'the tree has every kind of read');
      assert.deepStrictEqual(await findingsOf(root, workspace(root, THREAD)), await findingsOf(root, workspace(root, NO_THREAD)));
    } finally {
      threaded.dispose();
    }
  });

  it('gives the same findings as the main thread over the fixtures', async () => {
    for (const name of ['trace-repo', 'checks']) {
      const root = toPosixPath(path.join(FIXTURES, name));
      const ws = workspace(root, THREAD);
      try {
        assert.deepStrictEqual(await findingsOf(root, ws), await findingsOf(root, workspace(root, NO_THREAD)), name);
      } finally {
        ws.dispose();
      }
    }
  });

  it('falls back to the main thread, with one note, when the thread cannot start', async () => {
    const root = generatedTree();
    const notes: string[] = [];
    const ws = workspace(root, { workerScript: `${root}/no-such-worker.js`, minFilesForThread: 0, log: (m) => notes.push(m) });
    const requests = await requestsFor(ws);
    const plain = workspace(root, NO_THREAD);
    await plain.listFiles(NEVER_CANCELLED);
    const expected = await plain.readCodeFiles(requests, NEVER_CANCELLED);
    assert.deepStrictEqual(await ws.readCodeFiles(requests, NEVER_CANCELLED, requests.length), expected);
    assert.deepStrictEqual(await ws.readCodeFiles(requests, NEVER_CANCELLED, requests.length), expected);
    assert.strictEqual(notes.length, 1, notes.join('\n'));
    assert.match(notes[0]!, /code-reading thread could not run .*no-such-worker\.js/);
    assert.ok(!ws.readsCodeInBackground(requests.length), 'a failed thread is not asked again');
  });

  it('runs no thread, and says nothing, without a worker bundle (the sources run under tsx)', async () => {
    const root = generatedTree();
    const notes: string[] = [];
    for (const options of [{ workerScript: undefined }, {}]) {
      const ws = workspace(root, { ...options, minFilesForThread: 0, log: (m) => notes.push(m) });
      const requests = await requestsFor(ws);
      assert.ok(!ws.readsCodeInBackground(requests.length));
      assert.strictEqual((await ws.readCodeFiles(requests, NEVER_CANCELLED, requests.length)).length, requests.length);
    }
    assert.deepStrictEqual(notes, []);
  });

  it('falls back when the thread dies with batches in flight', async () => {
    const root = generatedTree();
    write(`${root}/crash.js`, "require('worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const notes: string[] = [];
    const thread = new CodeReadThread(`${root}/crash.js`, (m) => notes.push(m));
    const requests: CodeReadRequest[] = [{ path: `${root}/src/m0/f0.ts`, maxBytes: 100, markers: ['@spec'] }];
    assert.strictEqual(await thread.read(requests, 1000, NEVER_CANCELLED), undefined);
    assert.strictEqual(notes.length, 1);
    assert.match(notes[0]!, /exited with code 3/);
  });

  it('stops when idle, and starts again for the next batch without a note', async () => {
    const root = generatedTree();
    const notes: string[] = [];
    const thread = new CodeReadThread(SHIM, (m) => notes.push(m), 1);
    try {
      const requests: CodeReadRequest[] = [{ path: `${root}/src/m0/f0.ts`, maxBytes: 1000, markers: ['@spec'] }];
      const first = await thread.read(requests, 1e9, NEVER_CANCELLED);
      // Waits for the condition, not for a time: the 1 ms idle timer fires whenever the machine lets it.
      for (const end = Date.now() + 30000; thread.running && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 1));
      assert.ok(!thread.running, 'the idle thread stopped');
      assert.deepStrictEqual(await thread.read(requests, 1e9, NEVER_CANCELLED), first);
      assert.deepStrictEqual(notes, []);
    } finally {
      thread.dispose();
    }
  });

  it('stops as soon as the engine has applied its reads, without waiting to be idle', async () => {
    const root = generatedTree();
    const thread = new CodeReadThread(SHIM, (m) => assert.fail(m), 60 * 60 * 1000);
    try {
      const requests: CodeReadRequest[] = [{ path: `${root}/src/m0/f0.ts`, maxBytes: 1000, markers: ['@spec'] }];
      const batch = thread.read(requests, 1e9, NEVER_CANCELLED);
      thread.stopIfIdle();
      assert.ok(thread.running, 'a batch in flight keeps it');
      await batch;
      thread.stopIfIdle();
      assert.ok(!thread.running, 'stopped at once, an hour before its idle timer');
      assert.strictEqual((await thread.read(requests, 1e9, NEVER_CANCELLED))?.length, 1, 'the next batch starts a new one');
    } finally {
      thread.dispose();
    }
  });

  it('stops a read that is cancelled while batches are in flight', async () => {
    const root = generatedTree();
    const thread = new CodeReadThread(SHIM, (m) => assert.fail(m));
    try {
      const ws = workspace(root, NO_THREAD);
      const requests = await requestsFor(ws);
      const token: { isCancellationRequested: boolean } = { isCancellationRequested: false };
      const first = thread.read(requests.slice(0, 10), 1e9, token as CancellationToken);
      const rest = Array.from({ length: 20 }, () => thread.read(requests, 1e9, token as CancellationToken));
      rest.forEach((r) => r.catch(() => undefined));
      await first;
      token.isCancellationRequested = true;
      for (const r of rest) await assert.rejects(r, CancelledError);
      // The thread goes on serving reads that were not cancelled.
      const again: readonly (CodeRead | string)[] | undefined = await thread.read(requests.slice(0, 3), 1e9, NEVER_CANCELLED);
      assert.strictEqual(again?.length, 3);
    } finally {
      thread.dispose();
    }
  });

  it('an engine indexing through the thread is cancelled like one reading on its own thread', async () => {
    const root = generatedTree();
    const ws = workspace(root, THREAD);
    try {
      const token = { isCancellationRequested: false };
      const engine = new Engine(ws);
      const indexing = engine.indexWorkspace(token as CancellationToken, (p) => {
        if (p.done > 0) token.isCancellationRequested = true;
      });
      await assert.rejects(indexing, CancelledError);
    } finally {
      ws.dispose();
    }
  });
});
