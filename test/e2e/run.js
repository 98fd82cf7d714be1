#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: SpecThread in real editors, in order Neovim, code-server (the VS Code
// workbench in headless Chromium), then VS Code itself via @vscode/test-electron; and the HTML
// report of `specthread check --format html` in headless Chromium.
//
// A suite whose prerequisites are missing prints why. With SPECTHREAD_E2E_REQUIRED=1 (set by CI)
// that is a failure for the Neovim, code-server and HTML report suites; otherwise it prints "SKIPPED: …".
// The test-electron suite is never required: it needs a VS Code download, unreachable offline.
// Exit status: 1 if any suite that ran failed, or a required suite could not run.
//
// Select suites with arguments: `node test/e2e/run.js neovim code-server`.
const prereqs = require('./lib/prereqs');
const { runNeovim } = require('./neovim/run');
const { runCodeServer } = require('./code-server/run');
const { runElectron } = require('./vscode-electron');
const { runHtmlReport } = require('./html-report/run');

const required = process.env.SPECTHREAD_E2E_REQUIRED === '1';

const SUITES = [
  { id: 'neovim', title: 'Neovim (built-in LSP client)', required, fn: runNeovim },
  { id: 'code-server', title: 'code-server (VS Code workbench, headless Chromium)', required, fn: runCodeServer },
  { id: 'html-report', title: 'HTML report (specthread check --format html, headless Chromium)', required, fn: runHtmlReport },
  { id: 'vscode-electron', title: 'VS Code (@vscode/test-electron)', required: false, fn: runElectron },
];

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !SUITES.some((s) => s.id === id));
  if (unknown.length) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${SUITES.map((s) => s.id).join(', ')}`);
    return 2;
  }
  const build = prereqs.built();
  if (!build.ok) {
    console.error(`e2e: ${build.reason}`);
    return 1;
  }

  const results = [];
  for (const suite of SUITES.filter((s) => !only.length || only.includes(s.id))) {
    console.log(`\n=== ${suite.title}`);
    const started = Date.now();
    let outcome;
    try {
      outcome = await suite.fn();
    } catch (err) {
      outcome = { failed: err && err.stack ? err.stack : String(err) };
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    let status;
    if (outcome.missing) {
      status = suite.required ? 'failed' : 'skipped';
      console.log(suite.required ? `FAILED (required, SPECTHREAD_E2E_REQUIRED=1): ${outcome.missing}` : `SKIPPED: ${outcome.missing}`);
    } else if (outcome.failed) {
      status = 'failed';
      console.log(`FAILED: ${outcome.failed}`);
    } else {
      status = 'passed';
      console.log('PASSED');
    }
    results.push({ suite, status, secs });
  }

  console.log('\n=== e2e summary');
  for (const r of results) console.log(`  ${r.status.padEnd(7)} ${r.suite.id} (${r.secs} s)`);
  const count = (s) => results.filter((r) => r.status === s).length;
  // The plain closing line CI reads, counted in suites.
  console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return count('failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
