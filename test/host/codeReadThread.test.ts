// @spec specthread-core#21.2
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CancellationToken, CancelledError, NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { FileNoteSink } from '../../server/src/core/fileNote';
import { Engine } from '../../server/src/core/engine';
import { CodeRead, CodeReadBatch, Workspace } from '../../server/src/core/workspace';
import { scanCodeText } from '../../server/src/core/trace/scanCodeFile';
import { encodeBatch, filesOf } from '../../server/src/host/codeReadProtocol';
import { contentHash } from '../../server/src/host/contentHash';
import { FactCacheFile } from '../../server/src/host/factCacheFile';
import { CodeReadThread } from '../../server/src/host/codeReadThread';
import { NodeWorkspace, NodeWorkspaceOptions } from '../../server/src/host/nodeWorkspace';
import { RecordingWorkspace } from '../../server/src/host/recordingWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { formatFinding } from '../helpers/fixtures';

/**
 * The code-reading thread (host/codeReadThread.ts, host/codeReadWorker.ts): what it reads equals
 * what the engine's thread reads, file by file and as whole-workspace findings; a thread that
 * cannot start costs one note and nothing else; a cancelled read stops.
 */

const SHIM = path.join(__dirname, 'codeReadWorkerShim.js');
/** The thread with a scanner that throws on texts holding SCANNER-FAULT (see scannerFault.js). */
const FAULT_SHIM = path.join(__dirname, 'codeReadWorkerFaultShim.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain script, shared with the thread's shim
const scannerFault = require('./scannerFault.js') as { install(): void; uninstall(): void };
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
  // A folder the listing enters through a symlink: its files are read the careful way, never on the thread.
  fs.symlinkSync(`${root}/src/m3`, `${root}/linked`);
  return root;
}

function workspace(root: string, options: NodeWorkspaceOptions): NodeWorkspace {
  return new NodeWorkspace([root], undefined, options);
}

const THREAD: NodeWorkspaceOptions = { workerScript: SHIM, minFilesForThread: 0 };
const NO_THREAD: NodeWorkspaceOptions = { minFilesForThread: Number.POSITIVE_INFINITY };

/** Every listed file as one batch, each with its role as the engine would give it. */
async function requestsFor(ws: NodeWorkspace, hashes = false): Promise<CodeReadBatch> {
  const paths = await ws.listFiles(NEVER_CANCELLED);
  return { paths, roles: paths.map((p) => (p.includes('.test.') ? 'test' : 'source')), maxBytes: 1_000_000, hashes };
}

/** One file of `root` as a batch of its own. */
function oneFile(path: string, maxBytes = 1000): CodeReadBatch {
  return { paths: [path], roles: ['source'], maxBytes, hashes: false };
}

/** The first `n` files of a batch. */
function firstOf(batch: CodeReadBatch, n: number): CodeReadBatch {
  return { ...batch, paths: batch.paths.slice(0, n), roles: batch.roles.slice(0, n) };
}

/**
 * What the thread should answer for reads the main thread made of the same batch: the text of
 * each file with a role scanned as the engine scans it (scanCodeText, with the batch's role and
 * limit), its hash when the batch asks for hashes, and the text left out; everything else as read,
 * as is a symlink, which the thread leaves to the main thread's careful read.
 */
function scannedAsTheThreadWould(batch: CodeReadBatch, reads: readonly CodeRead[]): CodeRead[] {
  return reads.map((read, i) => {
    const role = batch.roles[i];
    const viaLink = fs.lstatSync(batch.paths[i]!).isSymbolicLink() || batch.paths[i]!.includes('/linked/');
    if (role === undefined || read.text === undefined || viaLink) return read;
    const scan = scanCodeText(batch.paths[i]!, read.text, role, batch.maxBytes, NEVER_CANCELLED);
    return { text: undefined, note: read.note, scanned: batch.hashes ? { ...scan, hash: contentHash(read.text) } : scan };
  });
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
    const batch: CodeReadBatch = {
      paths: ['/ws/a b.ts', '/ws/line\nbreak.test.ts', '/ws/.specthread/pins.json', '/ws/é.py'],
      roles: ['source', 'test', undefined, 'source'],
      maxBytes: 10,
      hashes: true,
    };
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const wire = encodeBatch(1, batch, 5, flag);
    assert.deepStrictEqual(filesOf(wire), { paths: batch.paths, roles: batch.roles });
    assert.deepStrictEqual([wire.maxBytes, wire.hostMaxBytes, wire.hashes], [10, 5, true]);
    assert.deepStrictEqual(filesOf(encodeBatch(2, { paths: [], roles: [], maxBytes: 10, hashes: false }, 5, flag)), { paths: [], roles: [] });
  });

  it('reads every code file exactly as the main thread does (generated tree)', async () => {
    const root = generatedTree();
    const threaded = workspace(root, THREAD);
    const plain = workspace(root, NO_THREAD);
    try {
      const requests = await requestsFor(threaded);
      await plain.listFiles(NEVER_CANCELLED);
      assert.ok(threaded.readsCodeInBackground(requests.paths.length));
      assert.ok(!plain.readsCodeInBackground(requests.paths.length));
      const a = await threaded.readCodeFiles(requests, NEVER_CANCELLED, requests.paths.length);
      const b = await plain.readCodeFiles(requests, NEVER_CANCELLED, requests.paths.length);
      assert.deepStrictEqual(a, scannedAsTheThreadWould(requests, b));
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

  it('gives the same findings through the thread over more code files than one batch holds', async () => {
    const root = generatedTree();
    // Past two of the engine's background batches, with test files (another role) spread through them.
    for (let i = 0; i < 2500; i++) {
      const test = i % 9 === 0;
      const body = i % 13 === 0 ? (test ? `it('checks (auth#1.1)', () => {});\n` : `// @spec auth#1.1\n`) : `export const y${i} = ${i};\n`;
      write(`${root}/${test ? 'test' : 'lib'}/d${i % 37}/g${i}${test ? '.test' : ''}.ts`, body);
    }
    const ws = workspace(root, THREAD);
    try {
      assert.deepStrictEqual(await findingsOf(root, ws), await findingsOf(root, workspace(root, NO_THREAD)));
    } finally {
      ws.dispose();
    }
  });

  it('reads code files on the thread while the listing goes on, with the folders entered since the last batch', async () => {
    const root = generatedTree();
    // Over a hundred folders: the walk hands the engine slices (every 64 folders) before it ends.
    for (let i = 0; i < 2500; i++)
      write(`${root}/lib/d${i % 150}/g${i}.ts`, i % 11 === 0 ? `// @spec auth#1.1\n// @spec auth#9.${i}\n` : `export const y${i} = ${i};\n`);
    const ws = workspace(root, { ...THREAD, minFilesForThread: 500 });
    const slices: string[][] = [];
    const reads: CodeRead[] = [];
    let listing = true;
    let readWhileListing = 0;
    const listFiles = ws.listFiles.bind(ws);
    const readCodeFiles = ws.readCodeFiles.bind(ws);
    const spied: Workspace = Object.assign(Object.create(ws) as NodeWorkspace, {
      listFiles: async (token: CancellationToken, onNote?: FileNoteSink, onSlice?: (paths: readonly string[]) => void) => {
        listing = true;
        const listed = await listFiles(token, onNote, (slice) => {
          slices.push([...slice]);
          onSlice?.(slice);
        });
        listing = false;
        return listed;
      },
      readCodeFiles: async (batch: CodeReadBatch, token: CancellationToken, total?: number) => {
        if (listing) readWhileListing++;
        const out = await readCodeFiles(batch, token, total);
        reads.push(...out);
        return out;
      },
    });
    try {
      ws.listForReading();
      const engine = new Engine(spied);
      await engine.indexWorkspace(NEVER_CANCELLED);
      const listed = await ws.listFiles(NEVER_CANCELLED);
      assert.ok(slices.length > 1, `the listing came in slices (${slices.length})`);
      assert.deepStrictEqual(slices.flat(), listed.slice(0, slices.flat().length), 'the slices are the listing, in order');
      assert.ok(readWhileListing > 0, 'code files were asked for before the listing ended');
      // A folder entered after the first batch was sent is known to the thread too: its files were
      // read and scanned there, not sent back as text for the careful read.
      const tagged = reads.filter((r) => r.scanned && 'facts' in r.scanned && r.scanned.facts !== undefined);
      assert.ok(tagged.length >= 2500 / 11, `tagged files scanned on the thread (${tagged.length})`);
      assert.ok(!reads.some((r) => r.text?.startsWith('// @spec auth#1.1\n// @spec auth#9.')), 'no file of a plain folder came back as text');
      const found = engine.allFindings(NEVER_CANCELLED).map((f) => formatFinding(f, root));
      assert.deepStrictEqual(found, await findingsOf(root, workspace(root, NO_THREAD)));
      assert.ok(found.filter((f) => f.includes('link.unknown-ref')).length >= 2500 / 11, 'the unknown refs in every folder are found');
    } finally {
      ws.dispose();
    }
  });

  it('lists in slices and boots the threads during a large listing only when asked (the CLI), never for the language server', async () => {
    const root = generatedTree();
    for (let i = 0; i < 600; i++) write(`${root}/lib/d${i % 100}/g${i}.ts`, `export const y${i} = ${i};\n`);
    const server = workspace(root, { ...THREAD, minFilesForThread: 500 });
    const cli = workspace(root, { ...THREAD, minFilesForThread: 500 });
    try {
      let serverSlices = 0;
      await server.listFiles(NEVER_CANCELLED, undefined, () => serverSlices++);
      assert.strictEqual(serverSlices, 0, 'no slices unless asked');
      let booted = 0;
      cli.listForReading(() => booted++);
      let cliSlices = 0;
      const listed = await cli.listFiles(NEVER_CANCELLED, undefined, () => cliSlices++);
      assert.ok(listed.length > 500 && cliSlices > 0, `slices of a listing over 64 folders (${cliSlices})`);
      assert.strictEqual(booted, 1, "the caller's threads are started once, when the listing passes the threshold");
      const thread = new CodeReadThread(SHIM, () => undefined);
      thread.prestart();
      assert.ok(thread.running, 'a prestarted thread runs before its first batch');
      thread.stopIfIdle();
      assert.ok(!thread.running, 'and stops like an idle one');
    } finally {
      server.dispose();
      cli.dispose();
    }
  });

  it('a recording workspace (the result cache) counts a file the thread scanned as found', async () => {
    const root = generatedTree();
    const inner = workspace(root, THREAD);
    try {
      const recording = new RecordingWorkspace(inner);
      const listed = await requestsFor(inner);
      const batch: CodeReadBatch = { ...listed, paths: [...listed.paths, `${root}/src/gone.ts`], roles: [...listed.roles, 'source'] };
      const reads = await recording.readCodeFiles(batch, NEVER_CANCELLED, batch.paths.length);
      assert.ok(reads[batch.paths.indexOf(`${root}/src/m0/f0.ts`)]!.scanned, 'scanned on the thread, without its text');
      assert.strictEqual(recording.readPaths.get(`${root}/src/m0/f0.ts`), true);
      assert.strictEqual(recording.readPaths.get(`${root}/src/m1/f1.ts`), true, 'no marker: found too');
      assert.strictEqual(recording.readPaths.get(`${root}/src/gone.ts`), false);
    } finally {
      inner.dispose();
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
    assert.deepStrictEqual(await ws.readCodeFiles(requests, NEVER_CANCELLED, requests.paths.length), expected);
    assert.deepStrictEqual(await ws.readCodeFiles(requests, NEVER_CANCELLED, requests.paths.length), expected);
    assert.strictEqual(notes.length, 1, notes.join('\n'));
    assert.match(notes[0]!, /code-reading thread could not run .*no-such-worker\.js/);
    assert.ok(!ws.readsCodeInBackground(requests.paths.length), 'a failed thread is not asked again');
  });

  it('runs no thread, and says nothing, without a worker bundle (the sources run under tsx)', async () => {
    const root = generatedTree();
    const notes: string[] = [];
    for (const options of [{ workerScript: undefined }, {}]) {
      const ws = workspace(root, { ...options, minFilesForThread: 0, log: (m) => notes.push(m) });
      const requests = await requestsFor(ws);
      assert.ok(!ws.readsCodeInBackground(requests.paths.length));
      assert.strictEqual((await ws.readCodeFiles(requests, NEVER_CANCELLED, requests.paths.length)).length, requests.paths.length);
    }
    assert.deepStrictEqual(notes, []);
  });

  it('falls back when the thread dies with batches in flight', async () => {
    const root = generatedTree();
    write(`${root}/crash.js`, "require('worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const notes: string[] = [];
    const thread = new CodeReadThread(`${root}/crash.js`, (m) => notes.push(m));
    const requests = oneFile(`${root}/src/m0/f0.ts`, 100);
    assert.strictEqual(await thread.read(requests, 1000, NEVER_CANCELLED), undefined);
    assert.strictEqual(notes.length, 1);
    assert.match(notes[0]!, /exited with code 3/);
  });

  it('stops when idle, and starts again for the next batch without a note', async () => {
    const root = generatedTree();
    const notes: string[] = [];
    const thread = new CodeReadThread(SHIM, (m) => notes.push(m), 1);
    try {
      const requests = oneFile(`${root}/src/m0/f0.ts`);
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
      const requests = oneFile(`${root}/src/m0/f0.ts`);
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
      const first = thread.read(firstOf(requests, 10), 1e9, token as CancellationToken);
      const rest = Array.from({ length: 20 }, () => thread.read(requests, 1e9, token as CancellationToken));
      rest.forEach((r) => r.catch(() => undefined));
      await first;
      token.isCancellationRequested = true;
      for (const r of rest) await assert.rejects(r, CancelledError);
      // The thread goes on serving reads that were not cancelled.
      const again: readonly (CodeRead | string)[] | undefined = await thread.read(firstOf(requests, 3), 1e9, NEVER_CANCELLED);
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
  it('reads on the thread only files in folders the last listing entered without a symlink', async () => {
    const root = tempDir();
    write(`${root}/src/a/f.ts`, '// @spec auth#1.1\n');
    const ws = workspace(root, THREAD);
    try {
      const batch = oneFile(`${root}/src/a/f.ts`);
      await ws.listFiles(NEVER_CANCELLED);
      const first = await ws.readCodeFiles(batch, NEVER_CANCELLED, 1);
      assert.ok(first[0]!.scanned && first[0]!.text === undefined, 'a plain folder: read and scanned on the thread');
      // The folder becomes a symlink; the next listing's plain folders reach the thread with the next batch.
      fs.renameSync(`${root}/src/a`, `${root}/real-a`);
      fs.symlinkSync(`${root}/real-a`, `${root}/src/a`);
      await ws.listFiles(NEVER_CANCELLED);
      const second = await ws.readCodeFiles(batch, NEVER_CANCELLED, 1);
      assert.deepStrictEqual(second, [{ text: '// @spec auth#1.1\n', note: undefined }], 'now read the careful way, on the main thread');
    } finally {
      ws.dispose();
    }
  });

  it('scans on the thread what the main thread scans from the same text, and sends no text back', async () => {
    const root = generatedTree();
    write(`${root}/test/pending.test.ts`, "it.skip('greets later (auth#1.1)', () => {});\n// @spec auth#1.1@3f9a0c\nit('x', () => {});\n");
    write(`${root}/test/plain.test.ts`, "it('has a # but no ref', () => {});\n");
    write(`${root}/src/utf16nul.ts`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// @spec auth#1.1\u0000\n', 'utf16le')]));
    write(`${root}/src/crlf.py`, '# @spec auth#1.1\r\nx = 1\r\n# @spec other#2\r\n');
    write(`${root}/.specthread/pins.json`, '{ "pins": { "3f9a0c": "the old text" } }\n');
    const threaded = workspace(root, THREAD);
    const plain = workspace(root, NO_THREAD);
    try {
      await plain.listFiles(NEVER_CANCELLED);
      for (const hashes of [false, true]) {
        const listed = await requestsFor(threaded, hashes);
        const batch: CodeReadBatch = { ...listed, roles: listed.paths.map((p, i) => (p.endsWith('/.specthread/pins.json') ? undefined : listed.roles[i])) };
        const a = await threaded.readCodeFiles(batch, NEVER_CANCELLED, batch.paths.length);
        const b = await plain.readCodeFiles(batch, NEVER_CANCELLED, batch.paths.length);
        assert.deepStrictEqual(a, scannedAsTheThreadWould(batch, b), `hashes: ${hashes}`);
        const at = (rel: string) => a[batch.paths.indexOf(`${root}/${rel}`)]!;
        const facts = (rel: string) => {
          const scanned = at(rel).scanned;
          return scanned && 'facts' in scanned ? scanned.facts : undefined;
        };
        assert.deepStrictEqual(
          facts('test/pending.test.ts')?.tags.map((t) => [t.kind, t.spec, t.id, t.pin, t.pending]),
          [
            ['title', 'auth', '1.1', undefined, true],
            ['tag', 'auth', '1.1', '3f9a0c', undefined],
          ],
          'a pending title and a pinned tag',
        );
        assert.strictEqual(facts('src/bom.ts')?.tags.length, 1, 'a file with a byte order mark');
        assert.strictEqual(facts('src/latin1.ts')?.tags.length, 1, 'a file read as Windows-1252');
        assert.strictEqual(at('src/latin1.ts').note?.reason, 'not-utf8', 'keeps its note');
        assert.deepStrictEqual(at('src/utf16nul.ts').scanned && 'skipped' in at('src/utf16nul.ts').scanned! ? 'binary' : undefined, 'binary');
        assert.strictEqual(at('src/big.ts').note?.reason, 'too-large');
        assert.strictEqual(at('src/binary.ts').note?.reason, 'binary');
        assert.deepStrictEqual(
          at('test/plain.test.ts').scanned,
          hashes ? { facts: undefined, hash: contentHash("it('has a # but no ref', () => {});\n") } : { facts: undefined },
        );
        assert.strictEqual(at('.specthread/pins.json').text, '{ "pins": { "3f9a0c": "the old text" } }\n', 'the pin store comes back as text');
        assert.ok(
          a.every(
            (r, i) => batch.roles[i] === undefined || r.text === undefined || batch.paths[i] === `${root}/src/link.ts` || batch.paths[i]!.includes('/linked/'),
          ),
          'no text of a file with a role comes back (but the symlinks, which the main thread reads)',
        );
        assert.ok(
          batch.paths.some((p, i) => p.includes('/linked/') && a[i]!.text !== undefined),
          'a tagged file in the symlinked folder was read on the main thread',
        );
        assert.strictEqual(
          a.some((r) => r.scanned && 'hash' in r.scanned),
          hashes,
          'hashes only when asked',
        );
      }
      assert.deepStrictEqual(await findingsOf(root, workspace(root, THREAD)), await findingsOf(root, workspace(root, NO_THREAD)));
    } finally {
      threaded.dispose();
    }
  });

  it('shows a scanner that throws on the thread as the same internal.error as on the main thread, and reads on', async () => {
    const root = generatedTree();
    write(`${root}/src/fault.ts`, '// @spec auth#1.1 SCANNER-FAULT\n');
    const notes: string[] = [];
    const ws = workspace(root, { workerScript: FAULT_SHIM, minFilesForThread: 0, log: (m) => notes.push(m) });
    scannerFault.install();
    try {
      const threaded = await findingsOf(root, ws);
      const own = await findingsOf(root, workspace(root, NO_THREAD));
      assert.deepStrictEqual(threaded, own);
      const fault = threaded.filter((f) => f.includes('internal.error'));
      assert.strictEqual(fault.length, 1, threaded.join('\n'));
      assert.match(fault[0]!, /^src\/fault\.ts:.* SpecThread failed in the code scanner: RangeError: the scanner broke on purpose\./);
      assert.deepStrictEqual(notes, [], 'the thread did not fail');
      assert.ok(ws.readsCodeInBackground(1), 'and is still used');
      const again = await ws.readCodeFiles(oneFile(`${root}/src/m0/f0.ts`), NEVER_CANCELLED, 1);
      assert.ok(again[0]!.scanned, 'the next batch is scanned on the thread');
    } finally {
      scannerFault.uninstall();
      ws.dispose();
    }
  });

  it('fills a warm cache through the thread exactly as on the main thread, which the next run then takes', async () => {
    const root = generatedTree();
    // The cache leaves out files modified just before a run (see RACY_MILLIS in factCacheFile.ts).
    const past = new Date(Date.now() - 60_000);
    const touch = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) touch(`${dir}/${e.name}`);
        else if (e.isFile()) fs.utimesSync(`${dir}/${e.name}`, past, past);
      }
    };
    touch(root);
    const stored: unknown[] = [];
    const findings: string[][] = [];
    for (const options of [THREAD, NO_THREAD, THREAD]) {
      const dir = tempDir();
      const ws = workspace(root, options);
      try {
        for (let run = 0; run < 2; run++) {
          const cache = await FactCacheFile.open(dir, { warn: (m) => assert.fail(m), read: (p) => ws.readFile(p, NEVER_CANCELLED) });
          const engine = new Engine(ws);
          await engine.indexWorkspace(NEVER_CANCELLED, undefined, [], cache);
          await cache.save(NEVER_CANCELLED);
          findings.push(engine.allFindings(NEVER_CANCELLED).map((f) => formatFinding(f, root)));
          if (run === 0) {
            assert.strictEqual(cache.counts.hits, 0);
            const { code } = JSON.parse(fs.readFileSync(cache.file, 'utf8')) as { code: unknown[][] };
            stored.push(code.map((e) => [e[0], e[3], e[4]]).sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)));
          } else assert.strictEqual(cache.counts.misses, 0, 'the second run reads no code file');
        }
      } finally {
        ws.dispose();
      }
    }
    assert.deepStrictEqual(stored[0], stored[1], 'the same hashes and outcomes');
    assert.deepStrictEqual(stored[2], stored[1]);
    const tagged = (stored[0] as unknown[][]).find((e) => e[0] === `${root}/src/m0/f0.ts`)!;
    assert.strictEqual(tagged[1], contentHash('// @spec auth#1.1\nexport const x0 = 0;\n'), 'the hash of the text the thread scanned');
    for (const f of findings) assert.deepStrictEqual(f, findings[0]);
  });
});
