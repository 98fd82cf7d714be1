'use strict';
// Bundles the in-editor suite (test/e2e/suite) with mocha into a single CommonJS file in a temp
// folder, for use as extensionTestsPath. Only `vscode` stays external: the extension host
// provides it.
const path = require('path');
const { REPO } = require('./prereqs');

async function bundleSuite(outDir) {
  const esbuild = require(require.resolve('esbuild', { paths: [REPO] }));
  const outfile = path.join(outDir, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, '..', 'suite', 'index.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'error',
  });
  return outfile;
}

module.exports = { bundleSuite };
