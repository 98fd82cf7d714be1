'use strict';
// The named steps of the code-server UI scenarios: each step runs, prints ✔ or ✗ with its name,
// and a failed one is recorded and photographed, so that one broken step does not hide the rest.
const path = require('path');

/** Saves a picture of the page into `resultsDir`; a failed picture is reported, never thrown. */
async function screenshot(page, resultsDir, name) {
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file }).catch((err) => console.log(`    (screenshot ${name} failed: ${err.message})`));
  console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
}

/**
 * A step runner for one window: `step(name, body)` runs `body`, and when it throws, adds
 * "name: first line of the error" to `failures` and keeps `<prefix>-<n>.png` of the page.
 */
function stepRunner(page, resultsDir, prefix) {
  const failures = [];
  const step = async (name, body) => {
    try {
      await body();
      console.log(`    ✔ ${name}`);
    } catch (err) {
      const first = String(err && err.message ? err.message : err).split('\n')[0];
      failures.push(`${name}: ${first}`);
      console.log(`    ✗ ${name}: ${first}`);
      await screenshot(page, resultsDir, `${prefix}-${failures.length}.png`);
    }
  };
  return { step, failures };
}

module.exports = { screenshot, stepRunner };
