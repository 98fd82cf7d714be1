// Bundles the VS Code client, the language server and the CLI into dist/. One bundle each, so the
// .vsix and the npm package carry no node_modules. `node esbuild.js --watch` rebuilds on change.
const esbuild = require('esbuild');
const { version } = require('./package.json');

// markdown-it's class fields as plain assignments (see the plugin for why and how).
const { markdownItFields } = require('./scripts/markdownItFields.js');
// Our regular expressions and String.raw templates with non-ASCII characters escaped, so the bundles are ASCII (see the plugin for why).
const { asciiBundle } = require('./scripts/asciiSource.js');
// markdown-it's HTML entity table decoded on first use, not on every start (see the plugin).
const { lazyEntities } = require('./scripts/lazyEntities.js');
// Ajv and yaml loaded when first used (see the plugin).
const { lazyPackages } = require('./scripts/lazyPackages.js');
// jsonc-parser's unused modules (its formatter's tables) left out (see the plugin).
const { sideEffectFree } = require('./scripts/sideEffectFree.js');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  // Minified for the .vsix and the npm package; names kept so stack traces in logs stay readable.
  minify: !process.argv.includes('--watch'),
  keepNames: true,
  logLevel: 'warning',
  // mdast/micromark ship ESM only; bundling converts them, and this keeps their `import.meta` quiet.
  define: { SPECTHREAD_VERSION: JSON.stringify(version) },
  // jsonc-parser's CommonJS entry is a UMD wrapper whose dynamic requires esbuild cannot follow;
  // its ES module build bundles cleanly.
  alias: { 'jsonc-parser': require.resolve('jsonc-parser/lib/esm/main.js') },
  plugins: [markdownItFields, lazyEntities, lazyPackages, sideEffectFree, asciiBundle],
};

// The CLI loads the language server and the MCP server from their own bundles, only for
// `specthread lsp` and `specthread mcp`: `check` then parses and starts up neither (nor
// vscode-languageserver, the MCP SDK and zod), which is most of what loading dist/cli.js cost.
// cli/main.ts imports them dynamically; this maps those two imports to the sibling bundles, and
// the tree-sitter runtime (only `draft` and `test-stubs` run it) to its own file in dist/wasm.
// They are reached with require, not import(): dist/specthread.js (the package's bin, see
// cli/bin.ts) compiles dist/cli.js with vm.Script to use V8's code cache, and a script compiled
// that way cannot run import() on Node 20 without --experimental-vm-modules. The UMD tree-sitter
// runtime calls import() itself, so it must stay a file of its own that Node loads normally.
const SIBLINGS = { '../lsp/main.js': 'server.js', '../mcp/server.js': 'mcp.js', '@vscode/tree-sitter-wasm': 'wasm/tree-sitter.js' };
const siblingBundles = {
  name: 'sibling-bundles',
  setup(build) {
    build.onResolve({ filter: /^(\.\.\/(lsp\/main|mcp\/server)\.js|@vscode\/tree-sitter-wasm)$/ }, (args) =>
      args.path.startsWith('@') || /[\\/]cli[\\/]main\.ts$/.test(args.importer) ? { path: SIBLINGS[args.path], namespace: 'sibling' } : undefined,
    );
    // __dirname is dist/ both when Node loads dist/cli.js and when dist/specthread.js compiles it.
    build.onLoad({ filter: /.*/, namespace: 'sibling' }, (args) => ({
      contents: `module.exports = require(require('path').join(__dirname, ${JSON.stringify(args.path)}));`,
      loader: 'js',
    }));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server's bundle, run by dist/server.js through V8's code cache (server/src/lsp/boot.ts);
  // the tree-sitter runtime stays a file of its own, as for the CLI (import() cannot run there).
  {
    ...common,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: 'dist/serverMain.js',
    plugins: [markdownItFields, lazyEntities, lazyPackages, sideEffectFree, asciiBundle, siblingBundles],
  },
  { ...common, entryPoints: ['server/src/lsp/boot.ts'], outfile: 'dist/server.js' },
  {
    ...common,
    entryPoints: ['server/src/mcp/server.ts'],
    outfile: 'dist/mcp.js',
    plugins: [markdownItFields, lazyEntities, lazyPackages, sideEffectFree, asciiBundle],
  },
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    // Without kept names: esbuild keeps a name by calling Object.defineProperty on the function when
    // its definition runs, some 1,200 times as the bundle loads and again for each closure made
    // later (4,000 calls in a check of 240 files), about 10M instructions of a 170M --version. The
    // CLI reads no function's name; a stack trace from dist/cli.js names minified functions, whose
    // places dist/cli.js.map maps back to the sources.
    keepNames: false,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [markdownItFields, lazyEntities, lazyPackages, sideEffectFree, asciiBundle, siblingBundles],
  },
  // The code-reading thread the CLI and the language server start for large workspaces
  // (server/src/host/codeReadThread.ts): a bundle of its own, a few kilobytes, so the thread
  // loads only the file reader, not the whole engine.
  { ...common, entryPoints: ['server/src/host/codeReadWorker.ts'], outfile: 'dist/codeReadWorker.js' },
  // The statement thread `check` starts for large workspaces (server/src/host/statementThread.ts):
  // the statement rules and what they need of the core, not the whole engine.
  { ...common, entryPoints: ['server/src/host/statementWorker.ts'], outfile: 'dist/statementWorker.js', keepNames: false },
  // The package's bin: loads dist/cli.js through V8's code cache (server/src/cli/bin.ts).
  { ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/specthread.js', banner: { js: '#!/usr/bin/env node' } },
];

// The tree-sitter runtime and the grammars `specthread draft` reads code with (server/src/host/treeSitterParser.ts
// looks for them in dist/wasm, next to the bundles).
const WASM = ['tree-sitter', 'tree-sitter-typescript', 'tree-sitter-tsx', 'tree-sitter-javascript', 'tree-sitter-python', 'tree-sitter-go', 'tree-sitter-java'];

function copyWasm() {
  const fs = require('fs');
  const path = require('path');
  const from = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
  fs.mkdirSync(path.join(__dirname, 'dist', 'wasm'), { recursive: true });
  for (const name of WASM) fs.copyFileSync(path.join(from, `${name}.wasm`), path.join(__dirname, 'dist', 'wasm', `${name}.wasm`));
  // The runtime itself, which dist/cli.js requires from here (see siblingBundles).
  fs.copyFileSync(path.join(from, 'tree-sitter.js'), path.join(__dirname, 'dist', 'wasm', 'tree-sitter.js'));
}

async function main() {
  copyWasm();
  if (process.argv.includes('--watch')) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
