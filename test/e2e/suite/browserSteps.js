'use strict';
// Asks the harness (test/e2e/code-server/browser.js) to act in the workbench page — read what
// the user sees, click — and waits for its answer. Only code-server's harness drives a page;
// elsewhere `available()` is false and the tests that need it say SKIPPED.
const fs = require('fs');
const path = require('path');
const { log } = require('./log');

const dir = () => process.env.SPECTHREAD_E2E_UI_DIR;

function available() {
  return !!dir();
}

/** Resolves with the step's answer; rejects with the harness's error or after `ms`. */
function askBrowser(name, ms = 90000) {
  const file = path.join(dir(), `${name}.json`);
  fs.rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(dir(), () => check());
    const timer = setTimeout(() => finish(() => reject(new Error(`the harness did not answer ${name} within ${ms} ms`))), ms);
    function check() {
      let answer;
      try {
        answer = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        return; // not there yet, or still being written
      }
      finish(() => (answer.error ? reject(new Error(`UI step ${name} failed in the page: ${answer.error}`)) : resolve(answer.value)));
    }
    function finish(settle) {
      clearTimeout(timer);
      watcher.close();
      settle();
    }
    log(`ui:${name}`);
    check();
  });
}

module.exports = { available, askBrowser };
