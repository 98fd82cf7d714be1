'use strict';
// @spec specthread-core#20.4
/* global document, NodeFilter -- page.evaluate runs its function in the browser */
// Scenario in the real workbench (code-server in headless Chromium), after the in-editor suite:
// a spec gets its first `@spec` tag, and Problems shows one coverage finding per requirement, not
// one per criterion; hovering the finding shows its rule code as a link, and the link opens the
// rule's documentation at its heading. Every step waits on what the user would see; pictures go
// to test-results/e2e/ (code-server-adoption-problems.png, code-server-hover-doc-link.png,
// code-server-rule-docs.png).
const fs = require('fs');
const path = require('path');
const { launchWorkbenchBrowser } = require('../lib/chromium');

const WAIT_MS = 90000; // a new window starts its own extension host and language server
const NOT_IMPLEMENTED = 'coverage.criterion-not-implemented';

/** Throws with `what` when the condition is not met; the scenario's assertions. */
function check(condition, what) {
  if (!condition) throw new Error(`diagnostics help: ${what}`);
}

async function runDiagnosticsHelp({ playwright, chromium, base, folder, results }) {
  // The spec's first tag: one criterion of requirement 1 is implemented, everything else is not.
  fs.mkdirSync(path.join(folder, 'src'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'src', 'session.ts'), '// @spec user-auth#1.1\nexport const createSession = () => "token";\n');
  const criteria = fs
    .readFileSync(path.join(folder, '.kiro', 'specs', 'user-auth', 'requirements.md'), 'utf8')
    .split('\n')
    .filter((l) => /^\d+\. /.test(l)).length;

  const context = await launchWorkbenchBrowser(playwright, chromium);
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: WAIT_MS });

    // Open requirements.md through Quick Open, as a user would.
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('requirements.md');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { state: 'visible' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-line:has-text("Requirement 1")', { timeout: WAIT_MS });

    // Problems: wait for the coverage findings the first tag brings, then count them.
    await page.keyboard.press('Control+Shift+M');
    const row = `.markers-panel .monaco-list-row:has-text("criteria are not implemented")`;
    await page.waitForSelector(row, { timeout: WAIT_MS });
    // The file's row in Problems carries its count. Per requirement: 3 not implemented, 3 not
    // verified and requirement 4's missing task, 7; per criterion it would be 6 + 7 + 1 = 14.
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent || ''));
    const fileRow = rows.find((t) => t.startsWith('requirements.md'));
    const count = Number(/(\d+)$/.exec(fileRow || '')?.[1]);
    check(
      count === 7,
      `requirements.md has one coverage finding per requirement with gaps (7 problems), not one per criterion (14); Problems has ${JSON.stringify(rows)}`,
    );
    await page.screenshot({ path: path.join(results, 'code-server-adoption-problems.png') });

    // Hover the requirement id that carries the finding: the hover names the rule as a link.
    const locate = () =>
      page.evaluate(() => {
        for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
          const text = (line.textContent || '').replace(/\u00a0/g, ' ');
          const col = text.indexOf('Requirement 1:');
          if (col < 0) continue;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let offset = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const target = col + 'Requirement '.length - offset;
            if (target < node.textContent.length) {
              const range = document.createRange();
              range.setStart(node, target);
              range.setEnd(node, target + 1);
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
            offset += node.textContent.length;
          }
        }
        return undefined;
      });
    const link = `.monaco-hover a:has-text("${NOT_IMPLEMENTED}")`;
    // A hover can open before the finding reaches the editor, or the layout can move under the
    // mouse (Problems opening): hover again, from a fresh position, until the link shows or time is up.
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const at = await locate();
      check(at, 'the heading of requirement 1 is on screen');
      await page.mouse.move(0, 0);
      await page.mouse.move(at.x, at.y);
      const shown = await page.waitForSelector(link, { state: 'visible', timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (Date.now() > deadline) throw new Error(`no hover with a link to ${NOT_IMPLEMENTED} on requirement 1 within ${WAIT_MS} ms`);
    }
    const hover = await page.$eval('.monaco-hover', (e) => e.textContent || '');
    check(/Requirement user-auth#1: 2 of 3 criteria are not implemented \(1\.2, 1\.3\)/.test(hover), `the hover says which criteria lack tags: ${hover}`);
    await page.screenshot({ path: path.join(results, 'code-server-hover-doc-link.png') });

    // The link opens the rule reference shipped with the extension, at the rule's heading.
    await page.click(link);
    await page.waitForSelector('.tabs-container .tab.active:has-text("rules.md")', { timeout: WAIT_MS });
    await page.waitForSelector(`.monaco-editor .view-line:has-text("### ${NOT_IMPLEMENTED}")`, { state: 'visible', timeout: WAIT_MS });
    await page.screenshot({ path: path.join(results, 'code-server-rule-docs.png') });
    console.log(`    diagnostics help: ${count} problems in requirements.md for ${criteria} criteria; hover links to docs/rules.md#${NOT_IMPLEMENTED}`);
  } catch (err) {
    const page = context.pages()[0];
    if (page) await page.screenshot({ path: path.join(results, 'code-server-diagnostics-help-failed.png') }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

module.exports = { runDiagnosticsHelp };
