'use strict';
// code-server suite: packs the extension as a .vsix, installs it into a throwaway code-server
// (VS Code's own workbench and Node extension host), and runs the in-editor mocha suite in it
// through headless Chromium. Everything lives in a temp dir; the process tree is always stopped.
const fs = require('fs');
const path = require('path');
const prereqs = require('../lib/prereqs');
const { spawnGroup, run, waitForOutput, killTree } = require('../lib/proc');
const { tempDir, copyExample, removeDir } = require('../lib/workspace');
const { bundleSuite } = require('../lib/bundle-suite');
const { runWorkbenchTests } = require('./browser');
const { runDiagnosticsHelp } = require('./diagnosticsHelp');
const { runActionsUi } = require('./actionsUi');
const { measureFirstDiagnostics, runEditorUi } = require('./editorUi');
const { viewSteps } = require('./views');
const { runDraftRewording } = require('./draftRewording');

const SUITE_TIMEOUT_MS = 360000;
// Kept after the run (test-results/ is gitignored): what a user saw, and the workbench's console.
const RESULTS = path.join(prereqs.REPO, 'test-results', 'e2e');
const SCREENSHOT = path.join(RESULTS, 'code-server-problems.png');
const WORKBENCH_LOG = path.join(RESULTS, 'code-server-workbench.log');

async function runCodeServer() {
  const found = prereqs.codeServer();
  if (!found.ok) return { missing: found.reason };

  const dir = tempDir('code-server');
  const paths = {
    home: path.join(dir, 'home'),
    config: path.join(dir, 'code-server.yaml'),
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    runner: path.join(dir, 'runner-extension'),
    suite: path.join(dir, 'suite'),
    vsix: path.join(dir, 'specthread.vsix'),
    ui: path.join(dir, 'ui'),
  };
  let server;
  try {
    const ws = copyExample(dir);
    prepareDirs(paths);
    fs.mkdirSync(RESULTS, { recursive: true });
    // Leftovers of a previous failure would be mistaken for this run's.
    for (const stale of ['code-server.log', 'code-server-problems-timeout.png']) fs.rmSync(path.join(RESULTS, stale), { force: true });
    // Code-server (and the extension host it forks) must never touch the real HOME.
    const env = {
      ...process.env,
      PATH: `${path.dirname(found.node)}${path.delimiter}${process.env.PATH}`,
      HOME: paths.home,
      XDG_CONFIG_HOME: path.join(paths.home, '.config'),
      XDG_DATA_HOME: path.join(paths.home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(paths.home, '.cache'),
      XDG_STATE_HOME: path.join(paths.home, '.local', 'state'),
      // No gallery: nothing to fetch, and no failed lookups of open-vsx.org on an offline machine.
      EXTENSIONS_GALLERY: '{}',
      // Read by the in-editor suite: the extension under test must be the installed .vsix.
      SPECTHREAD_E2E_EXTENSIONS_DIR: paths.extensions,
      SPECTHREAD_E2E_SCREENSHOT_DONE: path.join(dir, 'screenshot.done'),
      // Where the harness answers the suite's UI steps (test/e2e/suite/browserSteps.js).
      SPECTHREAD_E2E_UI_DIR: path.join(dir, 'ui'),
    };
    const common = ['--config', paths.config, '--user-data-dir', paths.userData, '--extensions-dir', paths.extensions];

    console.log('  packaging the extension (vsce)');
    const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [prereqs.REPO] })), 'vsce');
    const packed = await run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', paths.vsix], {
      cwd: prereqs.REPO,
      timeoutMs: 120000,
      quiet: true,
    });
    if (packed.code !== 0) return { failed: `vsce package exited ${packed.code}:\n${packed.output}` };

    console.log('  installing the .vsix into code-server');
    const installed = await run(found.node, [found.entry, ...common, '--install-extension', paths.vsix], { env, timeoutMs: 120000, quiet: true });
    if (installed.code !== 0 || !fs.readdirSync(paths.extensions).some((e) => e.startsWith('specthread.specthread-'))) {
      return { failed: `code-server --install-extension exited ${installed.code}:\n${installed.output}` };
    }

    const testsPath = await bundleSuite(paths.suite);

    // Port 0: the OS picks a free port and code-server logs the one it got.
    server = spawnGroup(
      found.node,
      [
        found.entry,
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--reconnection-grace-time',
        '10',
        '--vscode-option',
        'enable-smoke-test-driver',
      ],
      { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const log = fs.createWriteStream(path.join(dir, 'code-server.log'));
    server.stdout.pipe(log);
    server.stderr.pipe(log);
    const [, base] = await waitForOutput(server, /HTTP server listening on (http:\/\/[\d.]+:\d+)/, 30000, 'code-server');
    console.log(`  code-server listening on ${base}; running the in-editor suite`);

    const code = await runWorkbenchTests({
      playwright: found.playwright,
      chromium: found.chromium,
      base,
      folder: ws.root,
      devPath: paths.runner,
      testsPath,
      timeoutMs: SUITE_TIMEOUT_MS,
      logFile: WORKBENCH_LOG,
      screenshot: { file: SCREENSHOT, doneFile: env.SPECTHREAD_E2E_SCREENSHOT_DONE },
      ui: { dir: env.SPECTHREAD_E2E_UI_DIR, steps: { ...viewSteps(RESULTS) } },
    });
    if (code !== 0) return { failed: `in-editor suite exited ${code}; see ${rel(WORKBENCH_LOG)} and ${keepLog(dir)}` };
    // Scenarios driving the workbench's UI, each in a fresh window on the same server and workspace.
    await runDiagnosticsHelp({ playwright: found.playwright, chromium: found.chromium, base, folder: ws.root, results: RESULTS });
    const ui = await runActionsUi({ playwright: found.playwright, chromium: found.chromium, base, folder: ws.root, resultsDir: RESULTS });
    ui.push(
      ...(await runDraftRewording({
        playwright: found.playwright,
        chromium: found.chromium,
        base,
        folder: ws.root,
        userData: paths.userData,
        resultsDir: RESULTS,
      })),
    );
    // Reported, never held to a threshold: it fails only when no diagnostics arrive at all.
    await measureFirstDiagnostics({ playwright: found.playwright, chromium: found.chromium, base, scratch: dir, resultsDir: RESULTS });
    ui.push(...(await runEditorUi({ playwright: found.playwright, chromium: found.chromium, base, folder: ws.root, resultsDir: RESULTS })));
    return ui.length === 0 ? { passed: true } : { failed: `palette/lens/status scenarios failed: ${ui.join('; ')}; see ${keepLog(dir)}` };
  } catch (err) {
    return { failed: `${err.message}; see ${rel(WORKBENCH_LOG)} and ${keepLog(dir)}` };
  } finally {
    if (server) await killTree(server.pid);
    removeDir(dir);
  }
}

function prepareDirs(paths) {
  for (const d of [paths.home, paths.userData, paths.extensions, paths.runner, paths.suite, paths.ui]) fs.mkdirSync(d, { recursive: true });
  // An explicit (empty) config file: without --config code-server writes a password into HOME.
  fs.writeFileSync(paths.config, '');
  const settingsDir = path.join(paths.userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(
    path.join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        // Keeps the chat side bar out of the screenshot and its offline sign-in noise out of the log.
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
  // extensionTestsPath needs an extensionDevelopmentPath. Pointing that at the repo would load
  // the sources instead of the installed .vsix, so it names this empty extension instead.
  fs.writeFileSync(
    path.join(paths.runner, 'package.json'),
    JSON.stringify({ name: 'specthread-e2e-runner', publisher: 'specthread-e2e', version: '0.0.0', engines: { vscode: '*' } }, null, 2),
  );
}

const rel = (file) => path.relative(process.cwd(), file);

/** Copies code-server's own log next to the screenshot, since the temp dir is removed. */
function keepLog(dir) {
  const target = path.join(RESULTS, 'code-server.log');
  try {
    fs.copyFileSync(path.join(dir, 'code-server.log'), target);
    return rel(target);
  } catch {
    return '(no code-server log)';
  }
}

module.exports = { runCodeServer };
