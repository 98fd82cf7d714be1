'use strict';
// @spec specthread-core#20.2
// What the views' in-editor tests (test/e2e/suite/views.test.js) ask the harness to do in the
// workbench page: read the Specs view's rows as a user sees them, open a row's context menu,
// read and click the Coverage view's webview, read the walkthrough; each keeps a screenshot.
/* global document */ // the frame.evaluate() callbacks run in the page
const fs = require('fs');
const path = require('path');

const WAIT_MS = 60000;

/** The Specs view: the only view of the SpecThread container, so the side bar holds nothing else. */
const specsPane = (page) => page.locator('.part.sidebar');

/** A row by its exact label, as the tree draws it. */
const rowLabelled = (pane, label) =>
  pane
    .locator('.monaco-list-row')
    .filter({ has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

/** Each row as `label — description`, the two parts a user reads. */
function rowsOf(pane) {
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('.label-name, .label-description')]
        .map((e) => e.textContent.trim())
        .filter(Boolean)
        .join(' — '),
    ),
  );
}

/** Expands a row through its twistie (a click on the label runs the row's command) and waits for its first child. */
async function expand(pane, label) {
  const before = await pane.locator('.monaco-list-row').count();
  await rowLabelled(pane, label).first().locator('.monaco-tl-twistie').click();
  await pane.locator('.monaco-list-row').nth(before).waitFor({ timeout: WAIT_MS });
}

async function shoot(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
}

/** The webview frame holding the coverage page, once it shows `selector` (live updates redraw it). */
async function coverageFrame(page, selector) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    // A webview redraw replaces the frame's document: wait for the next navigation, not a fixed time.
    await page.waitForEvent('framenavigated', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
  }
  throw new Error(`no webview frame shows ${selector} within ${WAIT_MS} ms`);
}

function viewSteps(resultsDir) {
  return {
    /** Expands the first spec's requirements, requirement 1 and the tasks; answers every row's text. */
    'specs-view': async (page) => {
      const pane = specsPane(page);
      await rowLabelled(pane, 'user-auth').first().waitFor({ timeout: WAIT_MS });
      await expand(pane, 'Requirements');
      await expand(pane, '1 Sign in');
      await expand(pane, 'Tasks');
      await expand(pane, '1 Sign-in endpoint');
      const rows = await rowsOf(pane);
      await shoot(page, path.join(resultsDir, 'code-server-specs-view.png'));
      return rows;
    },
    /** Right-clicks criterion 1.1's row, answers the menu's entries, and runs "Reveal in Editor". */
    'specs-context-menu': async (page) => {
      const row = rowLabelled(specsPane(page), '1.1').first();
      await row.click({ button: 'right' });
      const menu = page.locator('.context-view .monaco-menu .action-label');
      await menu.first().waitFor({ timeout: WAIT_MS });
      const entries = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await shoot(page, path.join(resultsDir, 'code-server-specs-menu.png'));
      await page.locator('.context-view .monaco-menu .action-label', { hasText: 'Reveal in Editor' }).click();
      return entries;
    },
    /** Waits for requirement 2's code cell (it appears by live update), answers the matrix, clicks the cell. */
    'coverage-view': async (page) => {
      const cell = 'button[data-ref="user-auth#2"][data-column="code"]';
      const frame = await coverageFrame(page, cell);
      const answer = await frame.evaluate(() => ({
        heading: document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim(),
        rows: [...document.querySelectorAll('tr[data-ref]')].map((tr) => tr.getAttribute('data-ref')),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
        bars: [...document.querySelectorAll('.fill')].map((f) => f.style.width),
      }));
      await shoot(page, path.join(resultsDir, 'code-server-coverage-view.png'));
      await frame.click(cell);
      return answer;
    },
    /** Answers the walkthrough's title and step titles as the Welcome page shows them. */
    walkthrough: async (page) => {
      const title = page.locator('.gettingStartedContainer', { hasText: 'Get Started with SpecThread' });
      await title.first().waitFor({ timeout: WAIT_MS });
      const steps = (await page.locator('.gettingStartedContainer .getting-started-step .step-title').allInnerTexts()).map((t) => t.trim());
      await shoot(page, path.join(resultsDir, 'code-server-walkthrough.png'));
      return { steps };
    },
  };
}

module.exports = { viewSteps };
