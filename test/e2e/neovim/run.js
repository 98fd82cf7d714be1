'use strict';
// Neovim suite: the same Lua client against both entry points a user can configure in an LSP
// editor, the bundled server and the CLI's `lsp` subcommand.
const path = require('path');
const prereqs = require('../lib/prereqs');
const { run } = require('../lib/proc');
const { tempDir, copyExample, removeDir } = require('../lib/workspace');

const CLIENT = path.join(__dirname, 'client.lua');

const ENTRY_POINTS = [
  { name: 'dist/server.js --stdio', args: [path.join(prereqs.REPO, 'dist', 'server.js'), '--stdio'] },
  { name: 'dist/cli.js lsp --stdio', args: [path.join(prereqs.REPO, 'dist', 'cli.js'), 'lsp', '--stdio'] },
];

async function runNeovim() {
  const found = prereqs.neovim();
  if (!found.ok) return { missing: found.reason };
  const failed = [];
  for (const entry of ENTRY_POINTS) {
    const dir = tempDir('nvim');
    try {
      const ws = copyExample(dir);
      console.log(`  -- ${entry.name}`);
      const env = {
        ...process.env,
        // Keep Neovim's state, shada and logs out of the real HOME.
        HOME: dir,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        XDG_CACHE_HOME: path.join(dir, 'cache'),
        SPECTHREAD_E2E_ROOT: ws.root,
        SPECTHREAD_E2E_CMD: JSON.stringify([process.execPath, ...entry.args]),
      };
      // The Lua script bounds each wait itself; this deadline only catches a hung Neovim.
      const { code } = await run(found.nvim, ['--headless', '--clean', '-n', '-c', `luafile ${CLIENT}`], {
        env,
        cwd: ws.root,
        timeoutMs: 180000,
        prefix: '    ',
      });
      if (code !== 0) failed.push(`${entry.name} (exit ${code})`);
    } finally {
      removeDir(dir);
    }
  }
  return failed.length ? { failed: failed.join(', ') } : { passed: true };
}

module.exports = { runNeovim };
