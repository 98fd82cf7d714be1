'use strict';
// @spec specthread-core#19.5
// Draft Spec from Code's optional language-model pass, driven in code-server's workbench the way a
// user does. With specthread.studio.languageModel on: first in a window with no chat model (the
// command says so and previews the deterministic draft), then in a window that loads a fake chat
// model beside SpecThread (fakeChatModel/: it rewords the first criterion and drops the id of the
// other); the preview must show the accepted rewrite, the deterministic wording of the rejected
// one, and the counts. Screenshots are kept in test-results/e2e/.
const fs = require('fs');
const path = require('path');
const { launchWorkbenchBrowser } = require('../lib/chromium');
const { palette, toast, labelled } = require('./actionsUi');

const FIRST_UI_MS = 90000;
const UI_MS = 30000;

// A little Go for the draft: one route with a test (criterion 1.1) and one public function (2.1).
const CODE = {
  'studio-lm/server.go': 'package api\n\n// Serve serves.\nfunc Serve(r *mux.Router) { r.HandleFunc("/items", list).Methods("GET") }\n',
  'studio-lm/server_test.go': 'package api\n\nfunc TestServe(t *testing.T) { get("/items") }\n',
};

/**
 * Runs both windows on the server at `base`; `userData` is its --user-data-dir, whose settings
 * are changed for the scenario and restored after. Resolves with a list of failures.
 */
async function runDraftRewording({ playwright, chromium, base, folder, userData, resultsDir }) {
  const failures = [];
  const settingsFile = path.join(userData, 'User', 'settings.json');
  const settingsBefore = fs.readFileSync(settingsFile, 'utf8');
  const written = Object.keys(CODE).map((rel) => path.join(folder, rel));
  // What the first window previewed: the second must show the same, but for the accepted rewrite.
  let deterministic = '';
  try {
    for (const [rel, text] of Object.entries(CODE)) {
      fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
      fs.writeFileSync(path.join(folder, rel), text);
    }
    // The run's settings turn VS Code's AI features off (no chat side bar in the pictures); the
    // language model API needs them on, and SpecThread's pass needs its own setting.
    // No hot exit: a window must not reopen the previous window's preview, which would pass for its own.
    // No word wrap and no chat side bar: each line of the preview is one row on screen, wide enough to read.
    const settings = {
      ...JSON.parse(settingsBefore),
      'chat.disableAIFeatures': false,
      'specthread.studio.languageModel': true,
      'files.hotExit': 'off',
      'editor.wordWrap': 'off',
      '[markdown]': { 'editor.wordWrap': 'off' },
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    };
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

    await scenario(
      'with no chat model, Draft Spec from Code says so and previews the deterministic draft',
      { playwright, chromium, base, folder, resultsDir, failures },
      async (page, shot) => {
        await draftKiro(page);
        await toast(page, /no language model is available, so the draft keeps its deterministic wording/);
        await labelled('draft preview', page.waitForSelector('.tabs-container .tab.active[aria-label*="Untitled"]', { timeout: UI_MS }));
        const text = await previewText(page, 'studio-lm/server.go');
        deterministic = text;
        if (!text.includes('THE API SHALL respond through `list`'))
          throw new Error(`the preview does not show the deterministic criterion: ${JSON.stringify(text.slice(0, 300))}`);
        await shot('code-server-draft-no-model.png');
      },
    );

    const fake = path.join(__dirname, 'fakeChatModel');
    await scenario(
      'with a chat model, the preview shows its accepted rewrite, the drafted wording of the rewrite that dropped an id, and the counts',
      { playwright, chromium, base, folder, resultsDir, failures, devPath: fake },
      async (page, shot) => {
        await draftKiro(page);
        await clickNotificationButton(page, /reword the draft's \d+ criteria with Fake Rewriter/, 'Reword with Fake Rewriter');
        await labelled('draft preview', page.waitForSelector('.tabs-container .tab.active[aria-label*="Untitled"]', { timeout: UI_MS }));
        const text = await previewText(page, 'Language model: Fake Rewriter');
        const note = /Language model: Fake Rewriter reworded (\d+) criteri(?:on|a); (\d+) rewrites? rejected \(reasons in Output › SpecThread\)/.exec(text);
        if (!note || !(Number(note[1]) >= 1 && Number(note[2]) >= 1))
          throw new Error(`the preview does not count the reworded and rejected criteria: ${JSON.stringify(text.slice(0, 300))}`);
        const rewrite =
          '1. WHEN a client sends `GET /items`, THE API SHALL answer the request through `list` Verified by: `studio-lm/server_test.go::TestServe`';
        if (!text.includes(rewrite)) throw new Error(`the preview lacks the accepted rewrite; it reads ${JSON.stringify(text.slice(0, 600))}`);
        // Everything else on screen, the rejected rewrites among it, is the deterministic draft.
        const body = (t) => t.slice(t.indexOf('<!-- .kiro/specs/'));
        const now = body(text).replace('SHALL answer the request through', 'SHALL respond through');
        const was = body(deterministic);
        const length = Math.min(now.length, was.length) - 40;
        const compared = now.slice(0, length);
        if (!/### Requirement 2: .* SHALL /.test(compared)) throw new Error(`the rejected criteria are not on screen to compare: ${JSON.stringify(compared)}`);
        if (compared !== was.slice(0, length))
          throw new Error(`the preview differs from the deterministic draft beyond the accepted rewrite:\n${compared}\n${was.slice(0, length)}`);
        await shot('code-server-draft-reworded.png');
      },
    );
  } finally {
    fs.writeFileSync(settingsFile, settingsBefore);
    for (const file of written) fs.rmSync(file, { force: true });
    fs.rmSync(path.join(folder, 'studio-lm'), { recursive: true, force: true });
  }
  return failures;
}

/** One fresh window (with `devPath` loaded as a development extension when given) running `body`. */
async function scenario(name, { playwright, chromium, base, folder, resultsDir, failures, devPath }, body) {
  const context = await launchWorkbenchBrowser(playwright, chromium);
  const page = context.pages()[0] || (await context.newPage());
  const shot = async (file) => {
    await page.screenshot({ path: path.join(resultsDir, file) }).catch((err) => console.log(`    (screenshot ${file} failed: ${err.message})`));
    console.log(`    screenshot: ${path.relative(process.cwd(), path.join(resultsDir, file))}`);
  };
  const log = fs.createWriteStream(path.join(resultsDir, 'code-server-draft-rewording.log'), { flags: 'a' });
  page.on('console', (m) => log.writableEnded || log.write(`[${m.type()}] ${m.text()}\n`));
  try {
    const host = new URL(base).host;
    const payload = devPath ? `&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`]]))}` : '';
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}${payload}`);
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: FIRST_UI_MS });
    await body(page, shot);
    console.log(`    ✔ ${name}`);
  } catch (err) {
    failures.push(`${name}: ${err.message.split('\n')[0]}`);
    console.log(`    ✗ ${name}: ${err.message.split('\n')[0]}`);
    await shot(`code-server-draft-rewording-failed-${failures.length}.png`);
  } finally {
    await context.close();
    log.end();
  }
}

/** Draft Spec from Code… through the palette, in the Kiro format. */
async function draftKiro(page) {
  await palette(page, 'SpecThread: Draft Spec from Code…', FIRST_UI_MS);
  await labelled('format pick', page.waitForSelector('.quick-input-widget .quick-input-title:has-text("format of the draft")', { timeout: UI_MS }));
  await labelled('format pick entries', page.waitForSelector('.quick-input-widget .quick-input-list-entry:has-text("kiro")', { timeout: UI_MS }));
  await page.keyboard.press('Enter');
}

/** The visible text of the active editor as one line, once it shows `expected` (Monaco draws spaces as no-break spaces). */
async function previewText(page, expected) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await labelled('preview text', lines.waitFor({ timeout: UI_MS }));
  await labelled(
    `a preview showing ${JSON.stringify(expected)}`,
    page.waitForFunction(
      (text) => (globalThis.document.querySelector('.editor-group-container.active .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(text),
      expected,
      { timeout: UI_MS },
    ),
  );
  const rows = await lines.locator('.view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.text),
  );
  // Wrapped lines are joined again: the checks read sentences, whatever the window's width.
  return rows.join(' ').replace(/\s+/g, ' ');
}

/** Clicks `button` on the notification matching `pattern`: a toast, or else in the notification center. */
async function clickNotificationButton(page, pattern, button) {
  const item = page.locator('.notification-list-item', { hasText: pattern }).first();
  try {
    await item.waitFor({ timeout: 10000 });
  } catch {
    await page.locator('[id="status.notifications"]').click();
    await labelled(`a notification matching ${pattern}`, item.waitFor({ timeout: UI_MS }));
  }
  await item.locator('.monaco-button', { hasText: button }).click();
}

module.exports = { runDraftRewording };
