// @spec specthread-core#21.3
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cacheEnabled } from '../../server/src/lsp/startupCache';
import { REPO } from '../helpers/fixtures';
import { CLI, TestClient, copyToTemp, uriOf } from '../helpers/lspClient';
import { writeAged } from '../helpers/agedFiles';

type Stored = { code: [string, number, number, string, unknown][] };

/**
 * The language server's start-up takes unchanged code files from the warm cache the CLI (or an
 * earlier start) wrote, and writes it again once indexing is published.
 */
describe('language server start-up with the warm cache', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient | undefined;
  const cacheFile = () => path.join(root, 'node_modules', '.cache', 'specthread', 'facts.json');
  const stored = (): Stored => JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as Stored;
  // A file written in the last seconds is never recorded (see RACY_MILLIS), so it is aged.
  const write = (rel: string, text: string) => void writeAged(path.join(root, rel), text);
  const cacheLog = (c: TestClient) => c.waitFor('the cache log line', () => c.logs.find((l) => l.message.includes('code files from the cache'))?.message);

  beforeEach(() => {
    root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
    fs.mkdirSync(path.join(root, 'node_modules'));
    write('src/login.ts', '// @spec user-auth#1.1\nexport const login = 1;\n');
    write('src/plain.ts', 'export const plain = 2;\n');
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes the cache after indexing, and the next start takes every unchanged file from it', async () => {
    client = await TestClient.start({ root });
    await client.waitForIndexed();
    assert.match(await cacheLog(client), /from the cache: 0, read: 2/);
    assert.deepStrictEqual(
      stored()
        .code.map((e) => path.relative(root, e[0]))
        .sort(),
      ['src/login.ts', 'src/plain.ts'],
    );
    await client.stop();
    client = await TestClient.start({ root });
    await client.waitForIndexed();
    assert.match(await cacheLog(client), /from the cache: 2, read: 0/);
  });

  it("uses the cache the CLI wrote: a fact planted under a file's true stamp is what the server reports", async () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--cache', '--fail-on', 'none'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const cache = stored();
    const login = cache.code.find((e) => e[0].endsWith('src/login.ts'))!;
    login[4] = JSON.parse(JSON.stringify(login[4]).replace(/"1\.1"/g, '"9.9"'));
    fs.writeFileSync(cacheFile(), JSON.stringify(cache));
    client = await TestClient.start({ root });
    const diagnostics = await client.waitForDiagnostics(path.join(root, 'src/login.ts'), (d) => d.length > 0);
    assert.ok(
      diagnostics.some((d) => String(d.message).includes('user-auth#9.9')),
      diagnostics.map((d) => String(d.message)).join('\n'),
    );
    assert.ok(client.diagnostics.has(uriOf(path.join(root, 'src/login.ts'))));
  });

  it('specthread.cache.enabled is on unless the client sends false', () => {
    assert.strictEqual(cacheEnabled(undefined), true);
    assert.strictEqual(cacheEnabled({ settings: {} }), true);
    assert.strictEqual(cacheEnabled({ settings: { cache: { enabled: true } } }), true);
    assert.strictEqual(cacheEnabled({ settings: { cache: { enabled: false } } }), false);
  });
});
