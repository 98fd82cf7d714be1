// @spec specthread-core#21.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { CLI, requireBuild } from '../helpers/lspClient';

/**
 * dist/cli.js loads only what the command uses: `check` parses and starts neither the language
 * server nor the MCP server (their own bundles, dist/server.js and dist/mcp.js, with
 * vscode-languageserver, the MCP SDK and zod), and `lsp` and `mcp` load them when they run.
 */
const RECORD = path.join(REPO, 'test', 'fixtures', 'bundle', 'recordLoaded.js');
const DIST = path.join(REPO, 'dist');

function recorded(args: string[], input: string | undefined, bin: string, label: 'LOADED' | 'BUILTINS', env = process.env): string[] {
  const r = spawnSync(process.execPath, ['--require', RECORD, bin, ...args], { cwd: REPO, encoding: 'utf8', input, timeout: 60000, env });
  const line = r.stderr.split('\n').find((l) => l.startsWith(`${label} `));
  assert.ok(line, `no ${label} list on stderr (status ${r.status}): ${r.stderr}`);
  return JSON.parse(line.slice(label.length + 1)) as string[];
}

function loadedBy(args: string[], input?: string, bin = CLI): string[] {
  return recorded(args, input, bin, 'LOADED')
    .filter((f) => f.startsWith(DIST + path.sep))
    .map((f) => path.relative(DIST, f));
}

describe('the CLI bundle loads only what the command uses', function () {
  this.timeout(120000);
  before(requireBuild);

  it('check and --version load dist/cli.js alone', () => {
    assert.deepStrictEqual(loadedBy(['check', 'examples', '--fail-on', 'none']), ['cli.js']);
    assert.deepStrictEqual(loadedBy(['--version']), ['cli.js']);
    // The package's bin (dist/specthread.js) compiles dist/cli.js itself, through the code cache.
    assert.deepStrictEqual(loadedBy(['check', 'examples', '--fail-on', 'none'], undefined, path.join(DIST, 'specthread.js')).sort(), [
      'cli.js',
      'specthread.js',
    ]);
  });

  it('check and --version load none of the Node built-ins only some runs use, nor streams for their output', () => {
    // host/lazyBuiltins.ts: crypto (caches, GitLab fingerprints), child_process (git), worker_threads
    // (large workspaces) and v8 (a thin code cache) are loaded on first use; a plain check uses none.
    // The bin (dist/specthread.js) loads v8 for a V8 flag before the CLI runs.
    // Output goes out through write(2) (cli/stdio.ts), so stdout and stderr, pipes here, load
    // neither Node's streams nor net.
    // A code cache of its own: the first run writes it whole, the second loads it; only a thin
    // cache (one a shorter run wrote) makes the bin ask V8 for its heap statistics.
    const bin = path.join(DIST, 'specthread.js');
    const env = { ...process.env, SPECTHREAD_CODE_CACHE: fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-builtins-')) };
    for (const args of [['check', 'examples', '--fail-on', 'none'], ['--version']]) {
      // dist/cli.js itself, as Node loads it, shows what the CLI's code loads.
      const own = recorded(args, undefined, CLI, 'BUILTINS', env);
      for (const name of ['crypto', 'child_process', 'worker_threads', 'v8', 'stream', 'net'])
        assert.ok(!own.includes(name), `${args.join(' ')} loaded ${name}: ${own.join(' ')}`);
      // @spec specthread-core#21.4
      // On Node 20 (V8 11) the bin loads v8 (and with it Node's streams) to set V8's optimization
      // budget before it compiles dist/cli.js; later V8s have no such flag (cli/bin.ts says why).
      const builtins = recorded(args, undefined, bin, 'BUILTINS', env);
      const setsBudget = Number(process.versions.v8.split('.')[0]) <= 11;
      assert.strictEqual(builtins.includes('v8'), setsBudget, `${args.join(' ')} loaded ${builtins.join(' ')}`);
      for (const name of ['crypto', 'child_process', 'worker_threads', 'net'])
        assert.ok(!builtins.includes(name), `${args.join(' ')} loaded ${name}: ${builtins.join(' ')}`);
    }
    // The GitLab format fingerprints with md5, so it loads crypto when it runs.
    assert.ok(recorded(['check', 'examples', '--fail-on', 'none', '--format', 'gitlab'], undefined, bin, 'BUILTINS', env).includes('crypto'));
    fs.rmSync(env.SPECTHREAD_CODE_CACHE, { recursive: true, force: true });
  });

  it('mcp loads dist/mcp.js, and lsp dist/server.js, each when it runs', () => {
    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    };
    assert.deepStrictEqual(loadedBy(['mcp', 'examples'], JSON.stringify(init) + '\n'), ['cli.js', 'mcp.js']);
    // With its input closed at once, the server reads nothing and exits.
    // dist/server.js runs the server's bundle, dist/serverMain.js, through V8's code cache (lsp/boot.ts);
    // the tree-sitter runtime (dist/wasm/tree-sitter.js) waits for the first Draft Spec.
    assert.deepStrictEqual(loadedBy(['lsp', '--stdio'], ''), ['cli.js', 'server.js', 'serverMain.js']);
  });

  it('draft loads the tree-sitter runtime from dist/wasm, when it runs', () => {
    assert.deepStrictEqual(loadedBy(['draft', 'server/src/core/glob', '--dry-run']), ['cli.js', path.join('wasm', 'tree-sitter.js')]);
  });

  it('dist/cli.js holds none of the MCP SDK, zod or vscode-languageserver', () => {
    const text = fs.readFileSync(CLI, 'utf8');
    for (const marker of ['McpServer', 'ZodError', 'ProposedFeatures']) assert.ok(!text.includes(marker), `dist/cli.js contains ${marker}`);
    // No import(): dist/specthread.js compiles the bundle with vm.Script, where Node 20 cannot run it.
    assert.ok(!/\bimport\(/.test(text), 'dist/cli.js calls import()');
    for (const bundle of ['server.js', 'serverMain.js', 'mcp.js', 'codeReadWorker.js'])
      assert.ok(fs.existsSync(path.join(DIST, bundle)), `dist/${bundle} is missing`);
  });
});
