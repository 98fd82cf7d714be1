// @spec specthread-core#19.1, specthread-core#5.1
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { requireBuild } from '../helpers/lspClient';

/**
 * The door a CI user walks through: `npm install specthread` and `npx specthread check`. The
 * package is packed from this checkout and installed into a scratch project; it has no runtime
 * dependencies (everything is bundled), so this works offline.
 */
describe('the npm package', function () {
  this.timeout(120000);

  it('installs and runs `npx specthread check` from its bin entry', () => {
    requireBuild();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-pkg-'));
    try {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const tgz = execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').pop()!;
      fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","version":"1.0.0","private":true}');
      execFileSync(npm, ['install', '--no-audit', '--no-fund', '--offline', path.join(dir, tgz)], { cwd: dir, stdio: 'pipe' });
      fs.cpSync(path.join(REPO, 'examples', 'kiro-workspace'), path.join(dir, 'ws'), { recursive: true });
      const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--offline', 'specthread', 'check', 'ws'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.match(r.stdout, /^ws\/\.kiro\/specs\/user-auth\/design\.md:20:32 error link\.unknown-ref /m);
      // `specthread lsp` and `specthread mcp` load the server bundles beside dist/cli.js, and large workspaces the code-reading thread's: they ship too.
      for (const bundle of ['server.js', 'serverMain.js', 'mcp.js', 'codeReadWorker.js'])
        assert.ok(fs.existsSync(path.join(dir, 'node_modules', 'specthread', 'dist', bundle)), bundle);
      // The tree-sitter grammars ship in dist/wasm: `draft` parses code from the installed package alone.
      fs.mkdirSync(path.join(dir, 'code'));
      fs.writeFileSync(path.join(dir, 'code', 'signer.py'), 'def sign(payload: bytes) -> str:\n    return "x"\n');
      const d = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--offline', 'specthread', 'draft', 'code', '--dry-run'], {
        cwd: dir,
        encoding: 'utf8',
      });
      assert.strictEqual(d.status, 0, d.stderr);
      assert.match(d.stdout, /THE signer module SHALL provide the function `sign` as `def sign\(payload: bytes\) -> str`/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
