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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
