// @spec specthread-core#15.3, specthread-core#15.5
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { Guard } from '../../server/src/lsp/guard';
import { ClientLink } from '../../server/src/lsp/link';
import { Session } from '../../server/src/lsp/session';
import { REPO } from '../helpers/fixtures';
import { FakeDocuments } from '../helpers/openDocuments';

/**
 * The session driven in-process, with a fake client and documents, so that the order of edits,
 * requests and publishes is exact: everything a test does in one synchronous stretch arrives
 * before any turn of the writer can run.
 */

const ROOT = '/ws';
const uri = (p: string) => `file://${p}`;

/** Every file of an example workspace, rebased to ROOT. */
function example(name: string): Record<string, string> {
  const base = path.join(REPO, 'examples', name);
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(base, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(base, rel);
    if (fs.statSync(full).isFile()) out[`${ROOT}/${rel.split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

/** Copies of the Kiro example's spec under other names, so that a workspace has specs an edit must not touch. */
function kiroCopies(n: number): Record<string, string> {
  const source = example('kiro-workspace');
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    for (const [p, text] of Object.entries(source)) {
      if (p.includes('/.kiro/specs/user-auth/')) out[p.replace('/user-auth/', `/feature-${i}/`)] = text;
    }
  }
  return out;
}

interface Harness {
  readonly session: Session;
  readonly documents: FakeDocuments;
  /** The texts the workspace started with. */
  readonly files: Readonly<Record<string, string>>;
  /** Every publishDiagnostics, in order, with what happened around it. */
  readonly events: string[];
  readonly published: { uri: string; codes: string[] }[];
  readonly errors: string[];
}

async function start(files: Record<string, string>): Promise<Harness> {
  const workspace = new MemoryWorkspace([ROOT], files);
  const documents = new FakeDocuments();
  const events: string[] = [];
  const published: { uri: string; codes: string[] }[] = [];
  const errors: string[] = [];
  const link: ClientLink = {
    sendDiagnostics: (p) => {
      published.push({ uri: p.uri, codes: p.diagnostics.map((d) => String(d.code)) });
      events.push(`publish ${p.uri}`);
    },
    indexed: () => undefined,
    log: { error: (m) => errors.push(m), warn: () => undefined, info: () => undefined },
  };
  const guard = new Guard({ logError: (m) => errors.push(m), versionOf: (u) => documents.get(u)?.version });
  const session = new Session(link, documents, workspace, DEFAULT_SETTINGS, guard);
  await session.startIndexing(() => undefined);
  return { session, documents, files, events, published, errors };
}

async function open(h: Harness, file: string): Promise<void> {
  h.documents.open(uri(file), h.files[file]);
  await h.session.opened(uri(file));
}

const TASKS = `${ROOT}/.kiro/specs/user-auth/tasks.md`;

describe('language server state: one writer, requests read snapshots', () => {
  it('serves any number of requests without publishing when no edit is pending', async () => {
    const h = await start(example('kiro-workspace'));
    await open(h, TASKS);
    h.published.length = 0;
    const token = new CancellationTokenSource().token;
    for (let i = 0; i < 10; i++) {
      const snapshot = await h.session.read(uri(TASKS), token);
      assert.ok(snapshot.spec(uri(TASKS)), 'the request reads the spec of its document');
      snapshot.findingsFor(uri(TASKS));
      snapshot.traceAnalysis(token).coverage(token);
      snapshot.allSpecs();
    }
    assert.strictEqual(h.published.length, 0);
    assert.deepStrictEqual(h.errors, []);
  });

  it('applies a burst of edits interleaved with requests in one turn: the requests wait for it and publish nothing themselves', async () => {
    const h = await start(example('kiro-workspace'));
    await open(h, TASKS);
    h.published.length = 0;
    h.events.length = 0;
    const token = new CancellationTokenSource().token;
    let text = h.files[TASKS];
    const reads: Promise<void>[] = [];
    // Each edit cites a requirement that does not exist, so every edit changes the diagnostics:
    // a request that applied the edits before it would publish each time.
    for (let i = 0; i < 10; i++) {
      text += `\n- [ ] ${50 + i}. Burst task\n  - _Requirements: 9.${i}_\n`;
      h.documents.change(uri(TASKS), text);
      h.session.changed(uri(TASKS));
      reads.push(h.session.read(uri(TASKS), token).then((s) => void h.events.push(`read ${s.spec(uri(TASKS))!.spec.tasks.size}`)));
    }
    assert.strictEqual(h.published.length, 0, 'nothing is published while the burst is still arriving');
    await Promise.all(reads);
    const ofTasks = h.published.filter((p) => p.uri === uri(TASKS));
    assert.strictEqual(ofTasks.length, 1, `one publish for the burst, not one per request: ${JSON.stringify(h.published)}`);
    // Every request read the state after the whole burst, and only after it was published.
    const firstRead = h.events.findIndex((e) => e.startsWith('read'));
    assert.ok(h.events.slice(0, firstRead).includes(`publish ${uri(TASKS)}`), h.events.join('\n'));
    assert.strictEqual(new Set(h.events.filter((e) => e.startsWith('read'))).size, 1, 'all requests read the same snapshot');
    assert.deepStrictEqual(h.errors, []);
  });

  it('re-checks and re-publishes only the edited spec after an edit, however many specs the workspace has', async () => {
    const h = await start({ ...example('kiro-workspace'), ...kiroCopies(12) });
    const edited = `${ROOT}/.kiro/specs/feature-3/tasks.md`;
    await open(h, edited);
    h.session.takeExamined();
    h.published.length = 0;
    h.documents.change(uri(edited), `${h.files[edited]}\n- [ ] 9. New task\n  - _Requirements: 7.7_\n`);
    h.session.changed(uri(edited));
    await h.session.read(uri(edited), new CancellationTokenSource().token);
    assert.strictEqual(h.session.takeExamined(), 1, 'one spec folder checked, not all 14');
    assert.deepStrictEqual(
      h.published.map((p) => p.uri),
      [uri(edited)],
      'only the file whose findings changed is sent',
    );
    assert.ok(h.published[0].codes.includes('link.unknown-ref'), JSON.stringify(h.published));
  });

  it('also re-publishes the spec whose cross-spec findings the edit changed, and no other', async () => {
    const h = await start({ ...example('openspec-workspace'), ...kiroCopies(5) });
    const base = `${ROOT}/openspec/specs/cart/spec.md`;
    const delta = `${ROOT}/openspec/changes/add-coupons/specs/cart/spec.md`;
    await open(h, base);
    // The change MODIFIES "Cart totals", which the base spec calls "Cart total": a cross-spec error in the change.
    const before = h.published.filter((p) => p.uri === uri(delta)).at(-1);
    assert.deepStrictEqual(before?.codes, ['link.unknown-delta-target'], 'the change starts with a cross-spec finding');
    h.session.takeExamined();
    h.published.length = 0;
    h.documents.change(uri(base), h.files[base].replace('### Requirement: Cart total\n', '### Requirement: Cart totals\n'));
    h.session.changed(uri(base));
    await h.session.read(uri(base), new CancellationTokenSource().token);
    assert.strictEqual(h.session.takeExamined(), 2, 'the edited spec and the change whose delta it fixed');
    const after = h.published.filter((p) => p.uri === uri(delta)).at(-1);
    // The delta now names a requirement that exists, and drops one of its scenarios.
    assert.deepStrictEqual(after?.codes, ['structure.dropped-scenarios'], 'the change is re-published with its new cross-spec finding');
    const kiro = h.published.filter((p) => p.uri.includes('/.kiro/'));
    assert.deepStrictEqual(kiro, [], 'specs the edit does not concern are not sent');
  });
});
