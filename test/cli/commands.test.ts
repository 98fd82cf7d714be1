// @spec specthread-core#5.3, specthread-core#14.8
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { CLI, TestClient, copyToTemp, requireBuild } from '../helpers/lspClient';

function run(args: string[]) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('specthread <command> --help, and the lsp command', () => {
  for (const command of ['check', 'coverage', 'inventory', 'lsp']) {
    it(`specthread ${command} --help prints that command's help and exits 0`, () => {
      for (const args of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const r = run(args);
        assert.strictEqual(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^Usage:\\n  specthread ${command} `), args.join(' '));
        const others = ['check', 'coverage', 'inventory', 'lsp'].filter((c) => c !== command);
        for (const other of others) assert.ok(!r.stdout.includes(`specthread ${other} `), `${args.join(' ')} prints only its own command`);
      }
    });
  }

  it('specthread --help lists every command; an unknown command is a usage error', () => {
    const all = run(['--help']);
    assert.strictEqual(all.code, 0);
    for (const command of ['check', 'coverage', 'inventory', 'lsp']) assert.ok(all.stdout.includes(`specthread ${command} `), command);
    const bad = run(['frobnicate']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown command 'frobnicate'/);
    assert.strictEqual(run(['help', 'frobnicate']).code, 2);
  });

  it('specthread lsp without a transport flag serves LSP over stdio', async () => {
    requireBuild();
    const root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
    const client = await TestClient.start({ root, viaCli: true, transport: [] });
    try {
      const tasks = path.join(root, '.kiro', 'specs', 'user-auth', 'tasks.md');
      const diagnostics = await client.waitForDiagnostics(tasks, (d) => d.some((x) => x.code === 'link.unknown-ref'));
      assert.ok(diagnostics.length > 0);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
