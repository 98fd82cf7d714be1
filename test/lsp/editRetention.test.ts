// @spec specthread-core#21.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { SpecModel } from '../../server/src/core/index/specModel';
import { SpecFileFacts } from '../../server/src/core/model';
import { fullCollection } from '../../server/src/lsp/afterStartup';
import { Guard } from '../../server/src/lsp/guard';
import { ClientLink } from '../../server/src/lsp/link';
import { Session } from '../../server/src/lsp/session';
import { REPO } from '../helpers/fixtures';
import { FakeDocuments } from '../helpers/openDocuments';

/**
 * The language server, driven in-process, keeps nothing of an edited file's earlier versions:
 * after a run of edits, each followed by its publish and by requests reading snapshots, only the
 * current parse and spec model are reachable. Neither the writer's turns, the publisher's memory
 * of what it sent, nor the snapshots requests read hold an older one, so an edit's garbage is
 * collectable as soon as the next edit is applied.
 */

const ROOT = '/ws';
const SPEC = `${ROOT}/.kiro/specs/user-auth`;
const REQUIREMENTS = `${SPEC}/requirements.md`;
const uri = (p: string) => `file://${p}`;

/** The Kiro example's user-auth spec, under ROOT. */
function files(): Record<string, string> {
  const base = path.join(REPO, 'examples', 'kiro-workspace', '.kiro', 'specs', 'user-auth');
  return Object.fromEntries(fs.readdirSync(base).map((name) => [`${SPEC}/${name}`, fs.readFileSync(path.join(base, name), 'utf8')]));
}

/** Holds its referent weakly, so that holding a list of them keeps nothing alive. */
function weakly<T extends object>(value: T | undefined): WeakRef<T> {
  assert.ok(value);
  return new WeakRef(value);
}

describe('language server edits retain nothing of earlier versions', () => {
  it('after 30 edits with their publishes and requests, only the current parse and model of the file are reachable', async function () {
    // Run late in the full suite on a loaded machine, one parse from the middle of the edits
    // (version 14 of 30) was sometimes still reachable after a single full collection; alone, and
    // under --stress-incremental-marking, the test passes every time. A retention this test is
    // about holds on every run, so it still fails all three; a parse kept by timing does not.
    this.retries(2);
    const initial = files();
    const workspace = new MemoryWorkspace([ROOT], initial);
    const documents = new FakeDocuments();
    const errors: string[] = [];
    let publishes = 0;
    const link: ClientLink = {
      sendDiagnostics: () => void publishes++,
      indexed: () => undefined,
      log: { error: (m) => errors.push(m), warn: () => undefined, info: () => undefined },
    };
    const guard = new Guard({ logError: (m) => errors.push(m), versionOf: (u) => documents.get(u)?.version });
    const session = new Session(link, documents, workspace, DEFAULT_SETTINGS, guard);
    await session.startIndexing(() => undefined);
    documents.set(uri(REQUIREMENTS), initial[REQUIREMENTS]!);
    await session.opened(uri(REQUIREMENTS));

    const token = new CancellationTokenSource().token;
    const facts: WeakRef<SpecFileFacts>[] = [];
    const models: WeakRef<SpecModel>[] = [];
    // Parses seen so far, held weakly: a collection during the edits may already take the older ones.
    const parses = new WeakSet<SpecFileFacts>();
    let fresh = 0;
    for (let n = 1; n <= 30; n++) {
      documents.set(uri(REQUIREMENTS), `${initial[REQUIREMENTS]}\n<!-- version ${n} -->\n`);
      session.changed(uri(REQUIREMENTS));
      const snapshot = await session.read(uri(REQUIREMENTS), token);
      snapshot.findingsFor(uri(REQUIREMENTS));
      snapshot.traceAnalysis(token);
      const parse = snapshot.facts(REQUIREMENTS);
      if (parse && !parses.has(parse)) fresh++;
      if (parse) parses.add(parse);
      facts.push(weakly(parse));
      models.push(weakly(snapshot.spec(uri(REQUIREMENTS))?.spec));
    }
    assert.deepStrictEqual(errors, []);
    assert.ok(publishes > 0, 'the edits were published');
    assert.strictEqual(fresh, 30, 'every edit was parsed anew');

    const collect = fullCollection();
    assert.ok(collect, 'node offers a full collection');
    // Weak references are cleared only after the job that made them ends.
    await new Promise((resolve) => setImmediate(resolve));
    // Twice: a collection that finishes an incremental marking already under way keeps what was
    // allocated while it marked (V8 allocates black then), which the next one takes. Late in the
    // full suite, with a large heap, a parse from the middle of the edits survived a single one.
    collect();
    collect();
    const live = (refs: WeakRef<object>[]) => refs.map((r, i) => (r.deref() ? i + 1 : 0)).filter(Boolean);
    assert.deepStrictEqual(live(facts), [30], 'parses still reachable, by version');
    assert.deepStrictEqual(live(models), [30], 'spec models still reachable, by version');
    session.dispose();
  });
});
