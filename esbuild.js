// Bundles the VS Code client, the language server and the CLI into dist/. One bundle each, so the
// .vsix and the npm package carry no node_modules. `node esbuild.js --watch` rebuilds on change.
const esbuild = require('esbuild');
const { version } = require('./package.json');

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
};

// The CLI loads the language server and the MCP server from their own bundles, only for
// `specthread lsp` and `specthread mcp`: `check` then parses and starts up neither (nor
// vscode-languageserver, the MCP SDK and zod), which is most of what loading dist/cli.js cost.
// cli/main.ts imports them dynamically; this maps those two imports to the sibling bundles.
const SEPARATE_BUNDLES = { '../lsp/main.js': './server.js', '../mcp/server.js': './mcp.js' };
const separateBundles = {
  name: 'separate-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(lsp\/main|mcp\/server)\.js$/ }, (args) =>
      /[\\/]cli[\\/]main\.ts$/.test(args.importer) ? { path: SEPARATE_BUNDLES[args.path], external: true } : undefined,
    );
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/mcp/server.ts'], outfile: 'dist/mcp.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [separateBundles] },
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
