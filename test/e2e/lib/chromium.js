'use strict';
// The flags every e2e suite launches headless Chromium with (code-server workbench, HTML report).

const CHROMIUM_FLAGS = [
  '--no-sandbox', // running as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // offline: no component or safe-browsing fetches
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A headless Chromium with a fresh profile, sized like a laptop screen, for driving the workbench.
 * '' gives a temporary profile that playwright removes itself, also when interrupted (a profile
 * inside our temp dir would still be written to while we delete it).
 */
function launchWorkbenchBrowser(playwright, executablePath) {
  const { chromium: launcher } = require(playwright);
  return launcher.launchPersistentContext('', { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 800 } });
}

module.exports = { CHROMIUM_FLAGS, launchWorkbenchBrowser };
