#!/usr/bin/env node
'use strict';
// @spec specthread-core#14.8, specthread-core#21.5
// `npm test`: every stage of the test suite, in order, each run even when an earlier one failed,
// so that one red stage never hides the state of the others (a `&&` chain would skip them
// without a word). Prints each stage's result and time at the end; exits 1 if any stage failed.
// Select stages by name: `node scripts/test-all.js typecheck unit`.
const { spawnSync } = require('child_process');

const STAGES = [
  { id: 'build', script: 'build', what: 'bundles (esbuild)' },
  { id: 'typecheck', script: 'typecheck', what: 'tsc strict' },
  { id: 'lint', script: 'lint', what: 'ESLint: layering (the core is pure) and habits' },
  { id: 'unit', script: 'test:unit', what: 'core, LSP, CLI, corpus, fuzz and meta tests (mocha)' },
  // Fails only when the benchmark itself fails (a crash, or the tools did not see what was generated), never on a ratio.
  { id: 'bench', script: 'bench:quick', what: 'quick benchmark (sizes S and M): prints the table of issue 15' },
  { id: 'e2e', script: 'test:e2e', what: 'editor end-to-end suites (Neovim, code-server)' },
  { id: 'dogfood', script: 'dogfood', what: 'SpecThread checks its own spec, code and tests' },
];

const only = process.argv.slice(2);
const unknown = only.filter((id) => !STAGES.some((s) => s.id === id));
if (unknown.length) {
  console.error(`unknown stage(s): ${unknown.join(', ')}; known: ${STAGES.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
for (const stage of STAGES.filter((s) => !only.length || only.includes(s.id))) {
  console.log(`\n===== stage ${stage.id}: ${stage.what} (npm run ${stage.script})`);
  const started = Date.now();
  const run = spawnSync(npm, ['run', '--silent', stage.script], { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const status = run.status === 0 ? 'passed' : run.error ? `failed (${run.error.message})` : `failed (exit ${run.status ?? run.signal})`;
  results.push({ stage, status, secs });
}

console.log('\n===== npm test: stage results');
for (const r of results) console.log(`  ${r.stage.id.padEnd(10)} ${r.status.padEnd(24)} ${r.secs.padStart(7)} s`);
const failed = results.filter((r) => r.status !== 'passed');
console.log(failed.length ? `FAILED: ${failed.map((r) => r.stage.id).join(', ')}` : 'all stages passed');
process.exit(failed.length ? 1 : 0);
