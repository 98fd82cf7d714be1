// @spec specthread-core#14.1 @spec specthread-core#4.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');
const COPIES = 300;

interface TasksResult {
  tasks: { spec: string }[];
}

/**
 * Editors other than VS Code (Neovim, Emacs) and scripts ask workspace-wide questions as soon as
 * they connect. The answer must hold every spec, not the ones indexing had reached by then.
 */
describe('language server: workspace-wide requests sent during start-up indexing', function () {
  this.timeout(120000);
  let root: string;
  let client: TestClient | undefined;

  before(() => {
    root = copyToTemp(EXAMPLE);
    // Enough spec folders that indexing is still running when the first requests arrive.
    const source = path.join(root, '.kiro', 'specs', 'user-auth');
    for (let i = 0; i < COPIES; i++) fs.cpSync(source, path.join(root, '.kiro', 'specs', `feature-${i}`), { recursive: true });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers specthread/tasks and workspace/symbol with the whole workspace, as after indexing', async () => {
    client = await TestClient.start({ root });
    const early = await Promise.all([
      client.connection.sendRequest<TasksResult>('specthread/tasks', {}),
      client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: '' }),
    ]);
    assert.ok(client.indexed, 'the early answers came after specthread/indexed');
    await client.waitForIndexed();
    const late = await Promise.all([
      client.connection.sendRequest<TasksResult>('specthread/tasks', {}),
      client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: '' }),
    ]);
    const specsWithTasks = new Set(early[0].tasks.map((t) => t.spec));
    assert.ok(specsWithTasks.has('feature-0') && specsWithTasks.has(`feature-${COPIES - 1}`), `tasks of ${specsWithTasks.size} specs`);
    assert.strictEqual(early[0].tasks.length, late[0].tasks.length);
    assert.strictEqual(early[1].length, late[1].length);
    assert.ok(early[1].length > COPIES, `${early[1].length} workspace symbols`);
  });
});
