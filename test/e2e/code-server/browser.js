'use strict';
// Drives code-server's workbench in headless Chromium to run an extension test suite, the way
// VS Code's own smoke tests do: the `payload` query parameter carries extensionDevelopmentPath
// and extensionTestsPath (honoured with --enable-smoke-test-driver), and the workbench reports
// the suite's exit code through window.codeAutomationExit.
const fs = require('fs');
const path = require('path');
const util = require('util');
const { launchWorkbenchBrowser } = require('../lib/chromium');

const SUITE_PREFIX = '[e2e] '; // test/e2e/suite/log.js
const SCREENSHOT_READY = `${SUITE_PREFIX}screenshot-ready`; // logged by the suite's after() hook
const UI_STEP = `${SUITE_PREFIX}ui:`; // test/e2e/suite/browserSteps.js: the suite asks the harness to act in the page

/**
 * Opens `folder` in the workbench at `base` with the test payload and resolves with the suite's
 * exit code (0 passed, non-zero failed). Rejects on timeout. The workbench's whole console goes
 * to `logFile`; only the suite's own lines (and errors naming SpecThread) are printed. When the
 * suite says `screenshot-ready`, saves `screenshot.file` and then creates `screenshot.doneFile`,
 * which the suite waits for.
 */
async function runWorkbenchTests({ playwright, chromium, base, folder, devPath, testsPath, timeoutMs, logFile, screenshot, ui }) {
  const host = new URL(base).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsPath}`],
  ];
  const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const context = await launchWorkbenchBrowser(playwright, chromium);
  try {
    const page = context.pages()[0] || (await context.newPage());
    let exited;
    const exitCode = new Promise((resolve) => (exited = resolve));
    const log = fs.createWriteStream(logFile);
    // The workbench may still log while the context closes, after the stream has ended.
    const record = (text) => log.writableEnded || log.write(text);
    // Both functions must exist before the workbench loads: it looks them up once at start-up.
    await page.exposeFunction('codeAutomationLog', async (type, args) => {
      const text = util.format(...(args || []));
      record(`[${type}] ${text}\n`);
      if (ui && text.startsWith(UI_STEP)) return runUiStep(page, ui, text.slice(UI_STEP.length));
      const ready = screenshot && text === SCREENSHOT_READY;
      for (const line of ready ? [] : text.split('\n')) {
        if (line.startsWith(SUITE_PREFIX)) console.log(`    ${line.slice(SUITE_PREFIX.length)}`);
        else if (type === 'error' && /specthread/i.test(line)) console.log(`    [exthost error] ${line}`);
      }
      if (ready) {
        // A picture is a by-product: a failure to take it is reported, never fails the suite.
        await saveScreenshot(page, screenshot.file).catch((err) => console.log(`    (screenshot failed: ${err.message})`));
        fs.writeFileSync(screenshot.doneFile, '');
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    page.on('pageerror', (err) => record(`[pageerror] ${err.stack || err.message}\n`));

    await page.goto(url);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`in-editor suite did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([exitCode, timeout]);
    } catch (err) {
      if (screenshot) await saveScreenshot(page, screenshot.file.replace(/\.png$/, '-timeout.png')).catch(() => undefined);
      throw err;
    } finally {
      clearTimeout(timer);
      log.end();
    }
  } finally {
    await context.close();
  }
}

/**
 * Runs one step the in-editor suite asked for (`ui.steps[name](page)`: read the DOM, click, take
 * a picture) and answers in `<ui.dir>/<name>.json` as `{ value }` or `{ error }`, which the suite
 * waits for; the suite asserts on the answer.
 */
async function runUiStep(page, ui, name) {
  let answer;
  try {
    const step = ui.steps[name];
    if (!step) throw new Error(`no UI step named ${name}`);
    answer = { value: await step(page) };
  } catch (err) {
    answer = { error: err && err.stack ? err.stack : String(err) };
  }
  fs.writeFileSync(path.join(ui.dir, `${name}.json`), JSON.stringify(answer));
}

/** Waits for the Problems panel to list findings, then keeps a picture of the workbench. */
async function saveScreenshot(page, file) {
  try {
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 10000 });
  } catch {
    console.log('    (Problems panel shows no rows; screenshot taken as the workbench is)');
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
}

module.exports = { runWorkbenchTests };
