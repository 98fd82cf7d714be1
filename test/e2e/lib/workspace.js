'use strict';
// Temp directories for one suite run: a fresh copy of the example workspace (editors and the
// server write nothing into the repo) and scratch folders, removed afterwards unless
// SPECTHREAD_E2E_KEEP=1 asks to keep them for a post-mortem.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { REPO } = require('./prereqs');
const { onInterrupt } = require('./proc');

const forgetOnInterrupt = new Map(); // dir -> remover of its interrupt clean-up

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');

function tempDir(label) {
  // realpath: the server reports paths it resolved itself, and /tmp may be a symlink.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `specthread-e2e-${label}-`)));
  forgetOnInterrupt.set(
    dir,
    onInterrupt(() => removeDir(dir)),
  );
  return dir;
}

/** Copies the example workspace into `<parent>/workspace`; the suites find its files themselves. */
function copyExample(parent) {
  const root = path.join(parent, 'workspace');
  fs.cpSync(EXAMPLE, root, { recursive: true });
  return { root };
}

function removeDir(dir) {
  forgetOnInterrupt.get(dir)?.();
  forgetOnInterrupt.delete(dir);
  if (process.env.SPECTHREAD_E2E_KEEP === '1') {
    console.log(`  (kept ${dir})`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); // retries ENOTEMPTY while processes exit
}

module.exports = { tempDir, copyExample, removeDir };
