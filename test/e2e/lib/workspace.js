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

/**
 * A Kiro workspace of `files` spec files (half requirements.md, half tasks.md), the same on every
 * run: each spec has three requirements of three criteria, and its tasks cite one criterion that
 * does not exist, so every tasks.md carries one error (`link.unknown-ref`) to show.
 */
function generateSpecWorkspace(parent, files = 40) {
  const root = path.join(parent, 'generated-workspace');
  const specs = Math.ceil(files / 2);
  for (let s = 1; s <= specs; s++) {
    const name = `feature-${String(s).padStart(2, '0')}`;
    const dir = path.join(root, '.kiro', 'specs', name);
    fs.mkdirSync(dir, { recursive: true });
    const requirements = ['# Requirements Document', '', '## Requirements', ''];
    for (let r = 1; r <= 3; r++) {
      requirements.push(`### Requirement ${r}: Part ${r} of ${name}`, '', `**User Story:** As a user, I want part ${r}, so that ${name} works.`, '');
      requirements.push('#### Acceptance Criteria', '');
      for (let c = 1; c <= 3; c++) requirements.push(`${c}. WHEN event ${c} happens, THE System SHALL respond within ${c * 100} milliseconds`);
      requirements.push('');
    }
    fs.writeFileSync(path.join(dir, 'requirements.md'), requirements.join('\n'));
    const tasks = ['# Implementation Plan', ''];
    for (let r = 1; r <= 3; r++) tasks.push(`- [ ] ${r}. Build part ${r}`, `  - _Requirements: ${r}.1, ${r}.2, ${r}.3_`, '');
    tasks.push('- [ ] 4. Handle the missing case', '  - _Requirements: 9.9_', '');
    fs.writeFileSync(path.join(dir, 'tasks.md'), tasks.join('\n'));
  }
  return { root, specs, files: specs * 2 };
}

module.exports = { tempDir, copyExample, generateSpecWorkspace, removeDir };
