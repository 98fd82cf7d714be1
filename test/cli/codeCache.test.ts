// @spec specthread-core#21.4
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { requireBuild } from '../helpers/lspClient';
import { wrappedSource } from '../../server/src/host/v8CodeCache';

/**
 * dist/specthread.js, the package's bin, runs dist/cli.js through V8's code cache. The cache may
 * only ever save time: the output is the same with no cache, a fresh one, a corrupt one and with
 * the cache turned off, and a cache is never used for a bundle other than the one it was made for.
 */
const BIN = path.join(REPO, 'dist', 'specthread.js');

function run(args: string[], cacheDir: string, bin = BIN): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, SPECTHREAD_CODE_CACHE: cacheDir },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')) : []);

describe('the bin runs the CLI through a code cache', function () {
  this.timeout(120000);
  let tmp: string;
  before(requireBuild);
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-codecache-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const CHECK = ['check', 'examples', '--fail-on', 'none'];

  it('writes the cache on the first run and reads it on the next, with the same output as dist/cli.js', () => {
    const cache = path.join(tmp, 'cache');
    const direct = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...CHECK], { cwd: REPO, encoding: 'utf8', timeout: 60000 });
    const first = run(CHECK, cache);
    assert.strictEqual(first.status, 0, first.stderr);
    const files = cacheFiles(cache);
    assert.strictEqual(files.length, 1, `cache files: ${files.join(', ')}`);
    const written = fs.statSync(path.join(cache, files[0]!)).mtimeMs;
    const second = run(CHECK, cache);
    assert.deepStrictEqual(second, first);
    assert.deepStrictEqual({ stdout: first.stdout, stderr: first.stderr }, { stdout: direct.stdout, stderr: direct.stderr });
    // Accepted, so not written again.
    assert.strictEqual(fs.statSync(path.join(cache, files[0]!)).mtimeMs, written);
  });

  it('replaces a corrupt cache and runs as without one', () => {
    const cache = path.join(tmp, 'cache');
    const clean = run(CHECK, cache);
    const [file] = cacheFiles(cache);
    fs.writeFileSync(path.join(cache, file!), 'not a code cache');
    assert.deepStrictEqual(run(CHECK, cache), clean);
    assert.notStrictEqual(fs.readFileSync(path.join(cache, file!), 'utf8'), 'not a code cache');
  });

  it('keys the cache by the bundle file: a copy, and a rewrite of the same length, get a cache of their own', () => {
    const dist = path.join(tmp, 'dist');
    fs.mkdirSync(dist);
    for (const f of ['specthread.js', 'cli.js']) fs.copyFileSync(path.join(REPO, 'dist', f), path.join(dist, f));
    const cache = path.join(tmp, 'cache');
    assert.strictEqual(run(['--version'], cache, path.join(dist, 'specthread.js')).stdout, run(['--version'], cache).stdout);
    assert.strictEqual(cacheFiles(cache).length, 2, 'the copy is another file');
    // One character changed, the length kept: V8 would accept the old cache, the key does not.
    const text = fs.readFileSync(path.join(dist, 'cli.js'), 'utf8');
    fs.writeFileSync(path.join(dist, 'cli.js'), text.replace(/\n\/\/# sourceMappingURL=cli\.js\.map\s*$/, '\n//# sourceMappingURL=cli.js.mab\n'));
    assert.strictEqual(fs.statSync(path.join(dist, 'cli.js')).size, Buffer.byteLength(text));
    run(['--version'], cache, path.join(dist, 'specthread.js'));
    assert.strictEqual(cacheFiles(cache).length, 3);
  });

  it('rewrites a thin cache a short first run left once a run compiles clearly more, and then leaves it', () => {
    const cache = path.join(tmp, 'cache');
    run(['--version'], cache);
    const [file] = cacheFiles(cache);
    const sizeOf = () => fs.statSync(path.join(cache, file!)).size;
    const thin = sizeOf();
    const first = run(CHECK, cache);
    assert.strictEqual(first.status, 0, first.stderr);
    assert.deepStrictEqual(cacheFiles(cache), [file], 'the same cache file, rewritten in place');
    const grown = sizeOf();
    assert.ok(grown > thin * 1.1, `a check compiles more than --version: ${thin} -> ${grown} bytes`);
    const written = fs.statSync(path.join(cache, file!)).mtimeMs;
    assert.deepStrictEqual(run(CHECK, cache), first);
    assert.strictEqual(fs.statSync(path.join(cache, file!)).mtimeMs, written, 'a second check finds nothing to add');
    assert.strictEqual(sizeOf(), grown);
  });

  it('wraps a bundle as the CommonJS loader does, read as Latin-1 when it is ASCII and as UTF-8 otherwise', () => {
    const wrap = (text: string) => `(function (exports, require, module, __filename, __dirname) { ${text}\n});`;
    for (const text of ['#!/usr/bin/env node\nmodule.exports = 1;', 'module.exports = "\\u73B0";', '#!/usr/bin/env node\nmodule.exports = "现状 🎯";', ''])
      assert.strictEqual(wrappedSource(Buffer.from(text, 'utf8')), wrap(text.startsWith('#!') ? '//' + text.slice(2) : text));
  });

  it('runs without a cache when SPECTHREAD_CODE_CACHE is off, or when the folder cannot be written', () => {
    const off = run(CHECK, 'off');
    assert.strictEqual(off.status, 0, off.stderr);
    const blocked = path.join(tmp, 'a-file');
    fs.writeFileSync(blocked, '');
    assert.deepStrictEqual(run(CHECK, path.join(blocked, 'cache')), off);
  });

  it('loads the language server and the tree-sitter runtime beside it with require', () => {
    const r = run(['lsp', '--stdio'], path.join(tmp, 'cache'));
    // With its input closed at once, the server reads nothing and exits (as `node dist/server.js --stdio` does).
    assert.ok(!/ERR_VM_DYNAMIC_IMPORT|import\(\)/.test(r.stderr), r.stderr);
    const code = path.join(tmp, 'code');
    fs.mkdirSync(code);
    fs.writeFileSync(path.join(code, 'signer.py'), 'def sign(payload: bytes) -> str:\n    return "x"\n');
    const d = run(['draft', code, '--dry-run'], path.join(tmp, 'cache'));
    assert.strictEqual(d.status, 0, d.stderr);
    assert.match(d.stdout, /THE signer module SHALL provide the function `sign`/);
  });

  it('runs the language server (dist/server.js) through its own cache, answering as before', async () => {
    const cache = path.join(tmp, 'cache');
    const first = await initializeResult(cache);
    const written = cacheFiles(cache);
    assert.strictEqual(written.length, 1, 'one cache file after the first start');
    assert.match(written[0]!, /^server-[0-9a-f]+\.bin$/);
    // A start that runs through start-up indexing compiles all a short start does and more, so the
    // next short start finds everything in the cache. (A short start alone may end before or after
    // the server's start-up steps ran, depending on the machine's load, and so compile more or less
    // than the start that wrote the cache: then a rewrite is right, and the check would be timing.)
    await indexedThenExit(cache, workspaceWithSpec(tmp));
    const stamp = fs.statSync(path.join(cache, written[0]!)).mtimeMs;
    assert.deepStrictEqual(await initializeResult(cache), first, 'the same capabilities through the cache');
    assert.strictEqual(fs.statSync(path.join(cache, written[0]!)).mtimeMs, stamp, 'the accepted cache is not rewritten');
  });

  it("accepts the language server's cache at the next start after a start-up that changed V8's flags", async () => {
    // Once start-up indexing is done the server tightens --heap-growing-percent (lsp/afterStartup.ts).
    // A cache serialized under that value was rejected at every next start and rewritten at every exit.
    const cache = path.join(tmp, 'cache');
    const root = workspaceWithSpec(tmp);
    await indexedThenExit(cache, root);
    const [file] = cacheFiles(cache);
    assert.ok(file, 'a cache file after the first start');
    const stamp = fs.statSync(path.join(cache, file)).mtimeMs;
    await indexedThenExit(cache, root);
    assert.deepStrictEqual(cacheFiles(cache), [file]);
    assert.strictEqual(fs.statSync(path.join(cache, file)).mtimeMs, stamp, 'accepted, so not written again');
  });
});

/** A workspace under `tmp` with one Kiro spec, for a server to index. */
function workspaceWithSpec(tmp: string): string {
  const root = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(root, '.kiro', 'specs', 'login'), { recursive: true });
  fs.writeFileSync(
    path.join(root, '.kiro', 'specs', 'login', 'requirements.md'),
    '# Requirements Document\n\n## Requirements\n\n### Requirement 1: Sign in\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THE system SHALL open the dashboard.\n',
  );
  return root;
}

/** The messages in `out` so far, each framed as `Content-Length: n` + a blank line + n bytes. */
function framedMessages(out: Buffer): LspMessage[] {
  const found: LspMessage[] = [];
  let at = 0;
  for (;;) {
    const header = out.indexOf('\r\n\r\n', at);
    const length = /Content-Length: (\d+)/.exec(out.subarray(at, header).toString('utf8'));
    if (header < 0 || !length || header + 4 + Number(length[1]) > out.length) return found;
    found.push(JSON.parse(out.subarray(header + 4, header + 4 + Number(length[1])).toString('utf8')) as LspMessage);
    at = header + 4 + Number(length[1]);
  }
}

interface LspMessage {
  id?: number;
  method?: string;
  result?: unknown;
  params?: { value?: { kind?: string } };
}

function frame(m: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...m });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * Starts `node dist/server.js --stdio` on `root` with progress reports, answers its requests, and
 * shuts it down once start-up indexing has ended: the server reports the end of its progress
 * just before it runs its after-start-up step, in the same turn.
 */
function indexedThenExit(cacheDir: string, root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], {
      cwd: REPO,
      env: { ...process.env, SPECTHREAD_CODE_CACHE: cacheDir },
    });
    let out = Buffer.alloc(0);
    let seen = 0;
    let ended = false;
    server.stdout.on('data', (chunk: Buffer) => {
      out = Buffer.concat([out, chunk]);
      const received = framedMessages(out);
      for (const m of received.slice(seen)) {
        if (m.method !== undefined && m.id !== undefined) server.stdin.write(frame({ id: m.id, result: null }));
        else if (m.id === 1) server.stdin.write(frame({ method: 'initialized', params: {} }));
        else if (m.method === '$/progress' && m.params?.value?.kind === 'end' && !ended) {
          ended = true;
          server.stdin.write(frame({ id: 2, method: 'shutdown' }));
        } else if (m.id === 2) server.stdin.write(frame({ method: 'exit' }));
      }
      seen = received.length;
    });
    server.on('error', reject);
    server.on('exit', (code) => (code === 0 && ended ? resolve() : reject(new Error(`server exited ${code} (progress ended: ${ended})`))));
    const rootUri = `file://${root}`;
    server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri, capabilities: { window: { workDoneProgress: true } } } }));
  });
}

/** Starts `node dist/server.js --stdio`, answers initialize, shuts it down, and returns the initialize result once it exited. */
function initializeResult(cacheDir: string): Promise<unknown> {
  const frame = (m: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...m });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], {
      cwd: REPO,
      env: { ...process.env, SPECTHREAD_CODE_CACHE: cacheDir },
    });
    let out = '';
    let result: unknown;
    /** The messages received so far, each framed as `Content-Length: n` + a blank line + n bytes. */
    const messages = (): { id?: number; result?: unknown }[] => {
      const found: { id?: number; result?: unknown }[] = [];
      const bytes = Buffer.from(out, 'utf8');
      let at = 0;
      for (;;) {
        const header = bytes.indexOf('\r\n\r\n', at);
        const length = /Content-Length: (\d+)/.exec(bytes.subarray(at, header).toString('utf8'));
        if (header < 0 || !length || header + 4 + Number(length[1]) > bytes.length) return found;
        found.push(JSON.parse(bytes.subarray(header + 4, header + 4 + Number(length[1])).toString('utf8')) as { id?: number; result?: unknown });
        at = header + 4 + Number(length[1]);
      }
    };
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const received = messages();
      const initialized = received.find((m) => m.id === 1);
      if (result === undefined && initialized) {
        result = initialized.result;
        server.stdin.write(frame({ method: 'initialized', params: {} }) + frame({ id: 2, method: 'shutdown' }));
      } else if (result !== undefined && received.some((m) => m.id === 2)) server.stdin.write(frame({ method: 'exit' }));
    });
    server.on('error', reject);
    server.on('exit', (code) => (code === 0 && result !== undefined ? resolve(result) : reject(new Error(`server exited ${code}: ${out.slice(0, 500)}`))));
    server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  });
}
