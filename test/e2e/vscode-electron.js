'use strict';
// @vscode/test-electron suite: the in-editor suite of test/e2e/suite in desktop VS Code, with the
// extension loaded from the repo (extensionDevelopmentPath). VS Code's download host is
// unreachable offline, so this runs only where an executable is at hand: VSCODE_EXECUTABLE, or a
// copy test-electron cached earlier. SPECTHREAD_E2E_DOWNLOAD_VSCODE=1 lets it download one into
// the e2e cache on a machine that can. Runs from run.js or alone: `node test/e2e/vscode-electron.js`.
const path = require('path');
const prereqs = require('./lib/prereqs');
const { spawnGroup, killTree } = require('./lib/proc');
const { tempDir, copyExample, removeDir } = require('./lib/workspace');
const { bundleSuite } = require('./lib/bundle-suite');

async function runElectron() {
  const found = prereqs.vscodeExecutable();
  const download = process.env.SPECTHREAD_E2E_DOWNLOAD_VSCODE === '1';
  if (!found.ok && !download) return { missing: `${found.reason}; set SPECTHREAD_E2E_DOWNLOAD_VSCODE=1 where it can be downloaded` };
  const { runTests } = require(require.resolve('@vscode/test-electron', { paths: [prereqs.REPO] }));

  const dir = tempDir('electron');
  let xvfb;
  try {
    const ws = copyExample(dir);
    const extensionTestsPath = await bundleSuite(path.join(dir, 'suite'));
    const extensionTestsEnv = {};
    if (process.platform === 'linux' && !process.env.DISPLAY) {
      xvfb = await startXvfb();
      if (!xvfb) return { missing: 'no DISPLAY and no Xvfb to provide one (apt-get install -y xvfb)' };
      extensionTestsEnv.DISPLAY = xvfb.display;
    }
    // Set when this runs inside a VS Code terminal; it would start Electron as plain Node.
    delete process.env.ELECTRON_RUN_AS_NODE;
    await runTests({
      ...(found.ok ? { vscodeExecutablePath: found.executable } : { cachePath: path.join(prereqs.CACHE, '.vscode-test') }),
      extensionDevelopmentPath: prereqs.REPO,
      extensionTestsPath,
      extensionTestsEnv,
      launchArgs: [
        ws.root,
        // test-electron adds --disable-workspace-trust, --skip-welcome and friends itself.
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-gpu',
        '--user-data-dir',
        path.join(dir, 'user-data'),
        '--extensions-dir',
        path.join(dir, 'extensions'),
      ],
    });
    return { passed: true };
  } catch (err) {
    return { failed: err.message };
  } finally {
    if (xvfb) await killTree(xvfb.pid);
    removeDir(dir);
  }
}

/**
 * Starts Xvfb on a free display. `-displayfd` makes it write the display number once it accepts
 * connections, so there is no guessing a number or waiting a fixed time.
 */
function startXvfb() {
  if (!prereqs.onPath('Xvfb')) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const child = spawnGroup('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ pid: child.pid, display: `:${out.trim()}` });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
  });
}

module.exports = { runElectron };

if (require.main === module) {
  runElectron().then((outcome) => {
    if (outcome.missing) console.log(`NOT RUN: ${outcome.missing}`);
    else if (outcome.failed) console.log(`FAILED: ${outcome.failed}`);
    else console.log('PASSED');
    process.exit(outcome.failed ? 1 : 0);
  });
}
