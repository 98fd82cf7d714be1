// @spec specthread-core#21.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';

/**
 * cli/stdio.ts writes the CLI's output with write(2) instead of through process.stdout/stderr
 * (which would load Node's streams): every byte arrives, in order, through a pipe whose reader
 * is slower than the writer and into a file. (That a check loads neither Node's streams nor net
 * is test/cli/bundleLoad.test.ts's, through the bundle: tsx loads them itself.)
 */
function run(script: string, stdio: ('pipe' | 'ignore' | number)[] = ['ignore', 'pipe', 'pipe']) {
  const program = `const { writeStdio } = require(${JSON.stringify(path.join(REPO, 'server/src/cli/stdio.ts'))}); ${script}`;
  return spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', program], { cwd: REPO, stdio, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
}

describe('cli/stdio.ts: output through write(2)', function () {
  this.timeout(60000);

  it('writes a large text whole through a pipe, stdout and stderr each in order', () => {
    const r = run(`for (let i = 0; i < 200; i++) { writeStdio(1, 'é'.repeat(5000) + i + '\\n'); writeStdio(2, 'line ' + i + '\\n'); }`);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.strictEqual(lines.length, 201);
    lines.slice(0, 200).forEach((l, i) => assert.strictEqual(l, 'é'.repeat(5000) + i));
    assert.strictEqual(r.stderr, Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join(''));
  });

  it("keeps the order when the pipe is non-blocking (opened by Node's own stream) and fills up", () => {
    // Opening process.stdout's stream sets O_NONBLOCK on the pipe: write(2) then stops with EAGAIN
    // once the pipe is full, and the rest, and everything after it, must queue in the stream.
    const r = run(`process.stdout.write(''); for (let i = 0; i < 300; i++) writeStdio(1, 'x'.repeat(20000) + i + '\\n');`);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.strictEqual(lines.length, 301);
    lines.slice(0, 300).forEach((l, i) => assert.strictEqual(l, 'x'.repeat(20000) + i));
  });

  it('writes into a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-stdio-'));
    try {
      const file = path.join(dir, 'out.txt');
      const fd = fs.openSync(file, 'w');
      const r = run(`writeStdio(1, 'one\\n'); writeStdio(1, 'two\\n'); writeStdio(2, 'done');`, ['ignore', fd, 'pipe']);
      fs.closeSync(fd);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'one\ntwo\n');
      assert.strictEqual(r.stderr, 'done');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
