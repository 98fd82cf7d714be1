'use strict';
// @spec specthread-core#20.1, specthread-core#20.3
// The palette, a lens and the language status item driven the way a user does, in code-server's
// workbench through Chromium: keys into the command palette, clicks on the lens and on the status
// bar, and what the workbench then shows is read from the page. Screenshots are kept in
// test-results/e2e/ (look at them: what a user sees is the product).
const fs = require('fs');
const path = require('path');
const { launchWorkbenchBrowser } = require('../lib/chromium');
const { screenshot, stepRunner } = require('../lib/steps');

// The first lens waits for extension activation and the server's first index on a loaded machine.
const FIRST_UI_MS = 90000;
const UI_MS = 30000;

/**
 * Opens `folder` in a fresh workbench at `base` and runs the scenarios; resolves with a list of
 * failures (empty when all passed). Never throws for a failed expectation: the caller reports.
 */
async function runActionsUi({ playwright, chromium, base, folder, resultsDir }) {
  const context = await launchWorkbenchBrowser(playwright, chromium);
  const shot = (page, name) => screenshot(page, resultsDir, name);
  let failures;
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = context.pages()[0] || (await context.newPage());
    // The workbench's console, for when a step fails.
    const log = fs.createWriteStream(path.join(resultsDir, 'code-server-actions-ui.log'));
    page.on('console', (m) => log.writableEnded || log.write(`[${m.type()}] ${m.text()}\n`));
    context.on('close', () => log.end());
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: FIRST_UI_MS });

    const steps = stepRunner(page, resultsDir, 'code-server-failed');
    const step = steps.step;
    failures = steps.failures;

    await step('palette "Next Open Task" opens tasks.md, whose tasks carry "Start task · Mark done" lenses', async () => {
      // Run once, as a user would, while the extension may still be starting: the command waits
      // for the server's index itself (client/src/specThreadClient.ts), so no retry here.
      await palette(page, 'SpecThread: Next Open Task', FIRST_UI_MS);
      await labelled('active tasks.md tab', page.waitForSelector('.tabs-container .tab.active[aria-label*="tasks.md"]', { timeout: FIRST_UI_MS }));
      await labelled('"Mark done" lens', page.locator('.codelens-decoration a', { hasText: 'Mark done' }).first().waitFor({ timeout: FIRST_UI_MS }));
      await shot(page, 'code-server-task-lenses.png');
    });

    await step('clicking a "Start task" lens hands over the agent prompt', async () => {
      await page.locator('.codelens-decoration a', { hasText: 'Start task' }).last().click();
      await toast(page, /agent prompt for user-auth task [\d.]+ is on the clipboard/);
      const clip = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
      if (!clip.startsWith('Implement this task.')) throw new Error(`clipboard holds ${JSON.stringify(clip.slice(0, 60))}`);
    });

    await step('the language status item shows specs, problems and coverage', async () => {
      const item = page.locator('[id="status.languageStatus"]');
      await labelled('language status item', item.waitFor({ timeout: UI_MS }));
      await item.click();
      const hover = page.locator('.monaco-hover', { hasText: /\d+ spec/ });
      await labelled('language status hover with the counts', hover.waitFor({ timeout: UI_MS }));
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      if (!/\d+ specs? .*\d+.*%/.test(text)) throw new Error(`status hover reads ${JSON.stringify(text)}`);
      // The hover fades in; the picture is taken once it has (no fixed wait: on the animations' end).
      await page
        .waitForFunction(() => globalThis.document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5000 })
        .catch(() => undefined);
      await shot(page, 'code-server-language-status.png');
      await page.keyboard.press('Escape');
    });

    await step('palette "Check Workspace" opens Problems with the counts', async () => {
      await palette(page, 'SpecThread: Check Workspace');
      await toast(page, /SpecThread: 1 spec, \d+ errors?, \d+ warnings?, [\d.]+% of criteria covered/);
      await labelled('Problems panel rows', page.waitForSelector('.markers-panel .monaco-list-row', { timeout: UI_MS }));
      await shot(page, 'code-server-check-workspace.png');
    });

    await step('palette "Go to Requirement…" finds a criterion by its words', async () => {
      await palette(page, 'SpecThread: Go to Requirement…');
      await page.waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row', { timeout: UI_MS });
      await page.keyboard.type('five failed attempts');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'user-auth#1.3' }).first().waitFor({ timeout: UI_MS });
      await shot(page, 'code-server-go-to-requirement.png');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.tabs-container .tab.active[aria-label*="requirements.md"]', { timeout: UI_MS });
    });

    await step('clicking a requirement lens ("N tasks · N code · N tests") peeks its references', async () => {
      await page.keyboard.press('Escape');
      // To the top of requirements.md, so the first requirement's lens is on screen (not under sticky scroll).
      await goToLine(page, 1);
      const lens = page.locator('.codelens-decoration a', { hasText: ' code \u00b7 ' }).first();
      await labelled('a requirement lens', lens.waitFor({ timeout: UI_MS }));
      await lens.click();
      await labelled('references peek', page.waitForSelector('.peekview-widget', { timeout: UI_MS }));
      await shot(page, 'code-server-lens-peek.png');
      await page.keyboard.press('Escape');
    });

    await step('palette "Draft Spec from Code…" asks for the format and previews the draft before writing anything', async () => {
      await palette(page, 'SpecThread: Draft Spec from Code…');
      // The format pick (kiro first), then the preview document and the offer to write the files.
      // Wait for the format pick itself (its title), not the palette's list that it replaces.
      await labelled('format pick', page.waitForSelector('.quick-input-widget .quick-input-title:has-text("format of the draft")', { timeout: UI_MS }));
      await labelled('format pick entries', page.waitForSelector('.quick-input-widget .quick-input-list-entry:has-text("kiro")', { timeout: UI_MS }));
      await page.keyboard.press('Enter');
      await labelled('draft preview', page.waitForSelector('.tabs-container .tab.active[aria-label*="Untitled"]', { timeout: UI_MS }));
      await toast(page, /Drafted \d+ requirements?/);
      await shot(page, 'code-server-draft-preview.png');
    });
  } finally {
    await context.close();
  }
  return failures;
}

/**
 * Runs a command through the palette (F1), as a user types it. The palette lists the commands it
 * knew when it opened: while the extension host is still starting, a fresh palette is opened
 * until the command shows up.
 */
async function palette(page, title, timeout = UI_MS) {
  const deadline = Date.now() + timeout;
  const left = (cap) => Math.max(1000, Math.min(cap, deadline - Date.now()));
  for (;;) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await labelled(`the command palette`, input.waitFor({ timeout: left(10000) }));
      // The palette can open while a closing quick input still holds the box: fill again on the next round.
      await input.fill(`>${title}`, { timeout: left(10000) });
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ timeout: left(10000) });
      // Clicking the row runs exactly this command; Enter runs whichever row has focus while the list still filters.
      await row.click({ timeout: left(5000) });
      return;
    } catch (err) {
      if (Date.now() >= deadline) throw new Error(`the palette does not run "${title}"`, { cause: err });
    }
  }
}

/**
 * Puts the cursor of the active editor on `line` through the status bar's "Ln, Col" item and Go to
 * Line, then waits until the item reads that line. A key press (Control+Home) once went to
 * whichever part held the focus after the previous step, and the editor stayed where it was.
 */
async function goToLine(page, line) {
  await page.locator('[id="status.editor.selection"]').click({ timeout: UI_MS });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await labelled('Go to Line', input.waitFor({ timeout: UI_MS }));
  // Go to Line's ':' replaces the box's value once the quick input has switched to it; filling earlier is undone.
  await page.waitForFunction(() => (globalThis.document.querySelector('.quick-input-widget .quick-input-box input')?.value || '').startsWith(':'), null, {
    timeout: UI_MS,
  });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await labelled(
    `the cursor on line ${line}`,
    page.waitForFunction((l) => new RegExp(`Ln ${l},`).test(globalThis.document.querySelector('[id="status.editor.selection"]')?.textContent || ''), line, {
      timeout: UI_MS,
    }),
  );
}

/** Waits for a notification whose message matches: as a toast, or else in the notification center. */
async function toast(page, pattern) {
  const message = page.locator('.notification-list-item-message', { hasText: pattern }).first();
  try {
    await message.waitFor({ timeout: 10000 });
  } catch {
    const bell = page.locator('[id="status.notifications"]');
    await bell.click();
    await labelled(`a notification matching ${pattern}`, message.waitFor({ timeout: UI_MS }));
    // Closed again, so it covers nothing the next steps look at.
    await bell.click();
  }
}

/** A wait whose timeout says what was awaited. */
async function labelled(what, promise) {
  try {
    return await promise;
  } catch (err) {
    throw new Error(`no ${what}: ${err.message.split('\n')[0]}`, { cause: err });
  }
}

module.exports = { runActionsUi, palette, toast, labelled };
