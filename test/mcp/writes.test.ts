// @spec specthread-core#18.2, specthread-core#18.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { FIXTURES } from '../helpers/fixtures';
import { callError, callOk, connectMcp } from '../helpers/mcpClient';

/** `--allow-writes` tools on a temporary copy of the trace-repo fixture, and the symlink guard. */
describe('mcp: writing tools with --allow-writes (temp copy of trace-repo)', function () {
  this.timeout(60000);
  let dir: string;
  let outside: string;
  let client: Client;
  let close: () => Promise<void>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-mcp-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.md'), 'secret');
    fs.cpSync(path.join(FIXTURES, 'trace-repo'), dir, { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'escape'));
    ({ client, close } = await connectMcp(dir, '--allow-writes'));
  });
  after(async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
  const leftovers = () => fs.readdirSync(path.join(dir, '.kiro/specs/user-auth')).filter((f) => f.endsWith('.tmp'));

  it('specthread-core#18.3 offers set_task_state and apply_rename only with --allow-writes', async () => {
    const names = (await client.listTools()).tools.map((t) => t.name);
    assert.ok(names.includes('set_task_state') && names.includes('apply_rename'), names.join());
  });

  it('specthread-core#18.2 refuses a path that leaves the workspace through a symbolic link', async () => {
    assert.match(await callError(client, 'validate', { paths: ['escape/secret.md'] }), /symbolic link/);
    assert.match(await callError(client, 'impact', { files: ['escape'] }), /symbolic link/);
  });

  it('set_task_state rewrites only the checkbox, atomically, and the engine sees the new state', async () => {
    const before = read('.kiro/specs/user-auth/tasks.md');
    const r = await callOk<{ from: string; to: string; written: boolean }>(client, 'set_task_state', { spec: 'user-auth', task: '4', state: 'in-progress' });
    assert.deepStrictEqual([r.from, r.to, r.written], ['open', 'in-progress', true]);
    const after = read('.kiro/specs/user-auth/tasks.md');
    assert.strictEqual(after, before.replace('- [ ] 4. Lockout', '- [-] 4. Lockout'));
    assert.deepStrictEqual(leftovers(), []);
    const ctx = await callOk<{ task: { status: string } }>(client, 'task_context', { spec: 'user-auth', task: '4' });
    assert.strictEqual(ctx.task.status, 'in-progress');
    const again = await callOk<{ written: boolean }>(client, 'set_task_state', { spec: 'user-auth', task: '4', state: 'in-progress' });
    assert.strictEqual(again.written, false);
    assert.match(await callError(client, 'set_task_state', { spec: 'user-auth', task: '4', state: 'finished' }), /state/i);
  });

  it('sees files an agent changed on disk between calls', async () => {
    const file = path.join(dir, '.kiro/specs/user-auth/tasks.md');
    fs.writeFileSync(file, read('.kiro/specs/user-auth/tasks.md').replace('- [x] 3. Audit log', '- [ ] 3. Audit log'));
    // The watcher batches events; wait for the engine to take the change, with a deadline instead of a fixed sleep.
    // A plain write truncates before it writes, so the engine may read the file half-written first and
    // answer that task 3 does not exist; the write's own event follows, and the answers converge.
    const deadline = Date.now() + 20000;
    let answer = '';
    while (Date.now() < deadline) {
      const result = (await client.callTool({ name: 'task_context', arguments: { spec: 'user-auth', task: '3' } })) as CallToolResult;
      answer = result.isError ? JSON.stringify(result.content) : (result.structuredContent as { task: { status: string } }).task.status;
      if (answer === 'open') break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.strictEqual(answer, 'open');
  });

  it('apply_rename writes the same change rename_id shows, and the thread follows', async () => {
    const dry = await callOk<{ diff: string }>(client, 'rename_id', { ref: 'user-auth#2', newId: '5' });
    const applied = await callOk<{ diff: string; written: string[] }>(client, 'apply_rename', { ref: 'user-auth#2', newId: '5' });
    assert.strictEqual(applied.diff, dry.diff);
    assert.ok(applied.written.includes('src/session/expiry.go'), applied.written.join());
    assert.match(read('.kiro/specs/user-auth/requirements.md'), /### Requirement 5: Session expiry/);
    assert.match(read('.kiro/specs/user-auth/tasks.md'), /_Requirements: 5\.1, 5\.2_/);
    assert.match(read('src/session/expiry.go'), /user-auth#5\./);
    const r = await callOk<{ code: { path: string }[] }>(client, 'get_requirement', { ref: 'user-auth#5.1' });
    assert.ok(
      r.code.some((c) => c.path === 'src/session/expiry.go'),
      JSON.stringify(r.code),
    );
    assert.match(await callError(client, 'get_requirement', { ref: 'user-auth#2' }), /no requirement or criterion '2'/);
  });
});
