// @spec specthread-core#21.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TestClient } from '../helpers/lspClient';
import { editorRequests, requirements, rootless, seedWarmWorkspace, shownDiagnostics, warmRootHooks } from '../helpers/warmWorkspace';

/**
 * The language server's start-up takes a spec's own findings from the warm cache when its files,
 * settings and baselines are what they were. Whatever changed between two starts, a warm server
 * must answer exactly as a cold one: the same diagnostics on every file, the same indexed counts
 * and the same answers to requests; and only the specs a change reaches are checked again.
 */
describe('language server start-up with cached spec results', function () {
  this.timeout(120000);
  let root: string;
  const clients: TestClient[] = [];
  const cacheFile = () => path.join(root, 'node_modules', '.cache', 'specthread', 'facts.json');
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  warmRootHooks('specthread-warm-specs-', clients, (r) => {
    root = r;
    seedWarmWorkspace(write);
  });

  /** Starts a server, waits until indexing is published and the cache written, and records what it answers. */
  async function snapshot(): Promise<{ state: unknown; log: string }> {
    const client = await TestClient.start({ root });
    clients.push(client);
    const indexed = await client.waitForIndexed();
    const log = await client.waitFor('the cache log line', () => client.logs.find((l) => l.message.includes('spec findings from the cache'))?.message);
    const diagnostics = shownDiagnostics(root, client.diagnostics);
    // One at a time, each answered before the next is sent.
    const requests: unknown[] = [];
    for (const send of editorRequests(client, root)) requests.push(await send());
    await client.stop();
    clients.splice(clients.indexOf(client), 1);
    const state = { indexed: { specs: indexed.specs, files: indexed.files, findings: indexed.findings }, diagnostics, requests };
    return { state: rootless(root, state), log };
  }

  /** Fills the cache, changes the workspace, then compares a warm start with a cold one. */
  async function warmEqualsCold(change: () => void): Promise<string> {
    const first = await snapshot();
    assert.match(first.log, /spec findings from the cache: 0, checked: 3\b/);
    change();
    const warm = await snapshot();
    fs.rmSync(cacheFile());
    const cold = await snapshot();
    assert.match(cold.log, /spec findings from the cache: 0,/);
    assert.deepStrictEqual(warm.state, cold.state);
    return warm.log;
  }

  it('nothing changed: every spec comes from the cache', async () => {
    const log = await warmEqualsCold(() => undefined);
    assert.match(log, /spec findings from the cache: 3, checked: 0\b/);
  });

  it('a spec file edited: only its spec is checked again', async () => {
    const log = await warmEqualsCold(() =>
      write('.kiro/specs/alpha/requirements.md', requirements('alpha', ['the user submits valid credentials quickly', 'the user logs out', 'the user asks'])),
    );
    assert.match(log, /spec findings from the cache: 2, checked: 1\b/);
  });

  it('a spec added and a spec file deleted', async () => {
    const log = await warmEqualsCold(() => {
      write('.kiro/specs/delta/requirements.md', requirements('delta', ['the admin opens the panel']));
      fs.rmSync(path.join(root, '.kiro/specs/beta/tasks.md'));
    });
    assert.match(log, /spec findings from the cache: 2, checked: 2\b/);
  });

  it('a spec folder renamed', async () => {
    const log = await warmEqualsCold(() => fs.renameSync(path.join(root, '.kiro/specs/gamma'), path.join(root, '.kiro/specs/gamma-two')));
    assert.match(log, /spec findings from the cache: 2, checked: 1\b/);
  });

  it('the repo config changed: every spec is checked again', async () => {
    const log = await warmEqualsCold(() =>
      write('specthread.json', JSON.stringify({ rules: { 'structure.numbering-gap': 'error', 'link.unknown-ref': 'off' } })),
    );
    assert.match(log, /spec findings from the cache: 0, checked: 3\b/);
  });

  it('a server shut down as soon as it reports indexed has written its cache, and left no temporary file', async () => {
    const client = await TestClient.start({ root });
    clients.push(client);
    await client.waitForIndexed();
    await client.stop();
    clients.splice(clients.indexOf(client), 1);
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { specs: unknown[] };
    assert.strictEqual(stored.specs.length, 3);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(cacheFile())), ['facts.json']);
  });

  it('a cache whose spec entries are malformed is rebuilt with one note', async () => {
    await snapshot();
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { specs: unknown[][] };
    stored.specs[0]![2] = [{ path: 1 }];
    fs.writeFileSync(cacheFile(), JSON.stringify(stored));
    const client = await TestClient.start({ root });
    clients.push(client);
    await client.waitForIndexed();
    const notes = client.logs.filter((l) => l.message.includes('it is rebuilt from the files'));
    assert.strictEqual(notes.length, 1, JSON.stringify(client.logs));
    assert.match(
      await client.waitFor('the cache log line', () => client.logs.find((l) => l.message.includes('spec findings from the cache'))?.message),
      /cache: 0, checked: 3\b/,
    );
  });
});
