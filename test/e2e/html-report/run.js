'use strict';
// @spec specthread-core#17.1
// The HTML report in a real browser: `specthread check --format html --output …` over the Kiro
// example, opened from disk in headless Chromium with the network cut. It must render the
// findings, the progress bars and the matrix, fetch nothing, run its filter script without
// errors, and follow the reader's colour scheme. Screenshots (light and dark) are kept under
// test-results/e2e/ as a picture of what a reader sees.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');
const prereqs = require('../lib/prereqs');
const { CHROMIUM_FLAGS } = require('../lib/chromium');

const RESULTS = path.join(prereqs.REPO, 'test-results', 'e2e');

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function runHtmlReport() {
  const chromium = prereqs.chromium();
  if (!chromium.ok) return { missing: chromium.reason };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-html-'));
  try {
    const report = path.join(dir, 'reports', 'report.html');
    const cli = path.join(prereqs.REPO, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'check', 'examples/kiro-workspace', '--format', 'html', '--output', report], {
      cwd: prereqs.REPO,
      encoding: 'utf8',
    });
    check(r.status === 1 && fs.existsSync(report), `check --format html exited ${r.status}: ${r.stderr}`);

    const { chromium: launcher } = require(chromium.playwright);
    const browser = await launcher.launch({ executablePath: chromium.executable, headless: true, args: CHROMIUM_FLAGS });
    try {
      fs.mkdirSync(RESULTS, { recursive: true });
      for (const colorScheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
        const fetched = [];
        const errors = [];
        // Anything but the report itself is a fetch the report must not make.
        await page.route('**/*', (route) =>
          route.request().url().startsWith('file:') ? route.continue() : (fetched.push(route.request().url()), route.abort()),
        );
        page.on('pageerror', (err) => errors.push(String(err)));
        page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
        await page.goto(pathToFileURL(report).href);
        check((await page.locator('.finding').count()) === 5, 'five findings rendered');
        check((await page.locator('[role=progressbar]').count()) >= 1, 'a progress bar per spec');
        check((await page.locator('th', { hasText: 'Test results' }).count()) === 1, 'the matrix has a test results column');
        // The filter script works: a search narrows the findings, a severity keeps its own.
        await page.fill('#q', 'numbering');
        check((await page.locator('.finding:not(.hidden)').count()) === 1, 'searching "numbering" leaves one finding');
        await page.fill('#q', '');
        await page.selectOption('#sev', 'error');
        check((await page.locator('.finding:not(.hidden)').count()) === 2, 'the error filter leaves two findings');
        await page.selectOption('#sev', '');
        const background = await page.locator('body').evaluate((body) => body.ownerDocument.defaultView.getComputedStyle(body).backgroundColor);
        check(colorScheme === 'dark' ? background === 'rgb(13, 17, 23)' : background === 'rgb(255, 255, 255)', `${colorScheme} background is ${background}`);
        const shot = path.join(RESULTS, `html-report-${colorScheme}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        check(fetched.length === 0, `the report fetched ${fetched.join(', ')}`);
        check(errors.length === 0, `script errors: ${errors.join('; ')}`);
        console.log(`    ${colorScheme}: 5 findings, filter works, nothing fetched; screenshot ${path.relative(prereqs.REPO, shot)}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    return {};
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runHtmlReport };
