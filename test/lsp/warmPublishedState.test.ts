// @spec specthread-core#21.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TestClient, uriOf } from '../helpers/lspClient';
import { editorRequests, requirements, rootless, seedWarmWorkspace, shownDiagnostics, tasks, warmRootHooks } from '../helpers/warmWorkspace';
import { age } from '../helpers/agedFiles';

const HIT = 'nothing changed since the last start';

/**
 * The language server's warm start from the last published state (lsp/publishedState.ts): over an
 * unchanged workspace a restarted server shows what the last start published and reports indexed
 * before it reads a spec, then builds its models; requests wait for them. Whatever changed between
 * two starts, a warm server must be a cold one: the same diagnostics on every file (already at
 * indexed), the same indexed counts and the same answers to requests sent right after indexed.
 */
describe('language server start-up from the last published state', function () {
  this.timeout(120000);
  let root: string;
  const clients: TestClient[] = [];
  const cacheDir = () => path.join(root, 'node_modules', '.cache', 'specthread');
  /** Writes a file with times a minute back: a file changed in the last seconds is never trusted by a stamp. */
  const write = (rel: string, text: string, aged = true) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (aged) age(file);
  };

  warmRootHooks('specthread-warm-published-', clients, (r) => {
    root = r;
    seedWarmWorkspace(write);
  });

  /**
   * Starts a server, records the diagnostics shown when indexed arrives, then at once asks what
   * the editor asks (symbols, hover, definition, references), and the diagnostics after that.
   */
  async function snapshot(): Promise<{ state: unknown; hit: boolean }> {
    const client = await TestClient.start({ root });
    clients.push(client);
    const indexed = await client.waitForIndexed();
    const atIndexed = shownDiagnostics(root, client.diagnostics);
    // Sent at once, as an editor sends them when indexed arrives.
    const requests = await Promise.all(editorRequests(client, root).map((send) => send()));
    const final = shownDiagnostics(root, client.diagnostics);
    const hit = client.logs.some((l) => l.message.includes(HIT));
    await client.stop();
    clients.splice(clients.indexOf(client), 1);
    const state = { indexed: { specs: indexed.specs, files: indexed.files, findings: indexed.findings }, atIndexed, final, requests };
    return { state: rootless(root, state), hit };
  }

  /** Fills the caches, changes the workspace, then compares a warm start with a cold one; returns whether the warm one was a hit. */
  async function warmEqualsCold(change: () => void): Promise<boolean> {
    const first = await snapshot();
    assert.strictEqual(first.hit, false, 'the first start is cold');
    assert.ok(fs.existsSync(path.join(cacheDir(), 'published.json')), 'the first start stored what it published');
    change();
    const warm = await snapshot();
    fs.rmSync(cacheDir(), { recursive: true });
    const cold = await snapshot();
    assert.strictEqual(cold.hit, false);
    assert.deepStrictEqual(warm.state, cold.state);
    return warm.hit;
  }

  it('nothing changed: indexed comes from the published state, and every answer is that of a cold start', async () => {
    assert.strictEqual(await warmEqualsCold(() => undefined), true);
  });

  it('a spec file edited, even with its size and mtime kept', async () => {
    const hit = await warmEqualsCold(() => {
      const file = path.join(root, '.kiro/specs/beta/tasks.md');
      const { mtime } = fs.statSync(file);
      fs.writeFileSync(file, tasks(['1.1', '1.2', '1.5']));
      fs.utimesSync(file, mtime, mtime);
    });
    assert.strictEqual(hit, false);
  });

  it('a code file edited', async () => {
    assert.strictEqual(await warmEqualsCold(() => write('src/login.ts', '// @spec gamma#1.9\nexport const login = 1;\n')), false);
  });

  it('a spec added and a spec file deleted', async () => {
    const hit = await warmEqualsCold(() => {
      write('.kiro/specs/delta/requirements.md', requirements('delta', ['the admin opens the panel']));
      fs.rmSync(path.join(root, '.kiro/specs/beta/tasks.md'));
    });
    assert.strictEqual(hit, false);
  });

  it('a spec folder renamed', async () => {
    assert.strictEqual(await warmEqualsCold(() => fs.renameSync(path.join(root, '.kiro/specs/gamma'), path.join(root, '.kiro/specs/gamma-two'))), false);
  });

  it('the repo config changed', async () => {
    const hit = await warmEqualsCold(() =>
      write('specthread.json', JSON.stringify({ rules: { 'structure.numbering-gap': 'error', 'link.unknown-ref': 'off' } })),
    );
    assert.strictEqual(hit, false);
  });

  it('a corrupt published state is rebuilt with one note, and the start is cold', async () => {
    await snapshot();
    fs.writeFileSync(path.join(cacheDir(), 'published.json'), '{"format": "specthread-published-state/1", "engine"');
    const warm = await snapshot();
    assert.strictEqual(warm.hit, false);
    const client = await TestClient.start({ root });
    clients.push(client);
    await client.waitForIndexed();
    assert.ok(
      client.logs.some((l) => l.message.includes(HIT)),
      'the cold start stored the state again',
    );
    fs.writeFileSync(path.join(cacheDir(), 'published.json'), '[1, 2');
    const next = await TestClient.start({ root });
    clients.push(next);
    await next.waitForIndexed();
    const notes = next.logs.filter((l) => l.message.includes('published.json'));
    assert.strictEqual(notes.length, 1, JSON.stringify(next.logs));
    assert.match(notes[0]!.message, /is corrupt or truncated/);
  });

  it('a document opened with unsaved changes is never shown the stored state', async () => {
    await snapshot();
    const file = path.join(root, '.kiro/specs/beta/tasks.md');
    const client = await TestClient.start({ root });
    clients.push(client);
    const text = tasks(['1.1', '1.2', '1.5']);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'markdown', version: 1, text } });
    await client.waitForIndexed();
    // Opened before the state was looked up (the usual case), the start is cold; opened later, the
    // buffer's spec is read and published at once. Either way the buffer's findings replace the file's.
    await client.waitForDiagnostics(file, (d) => d.some((x) => String(x.message).includes('1.5')), "the buffer's own findings");
  });
});
