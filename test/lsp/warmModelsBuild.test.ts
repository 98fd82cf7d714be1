// @spec specthread-core#21.3, specthread-core#15.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../shared/settings';
import { workspaceSymbols } from '../../server/src/core/queries/symbols';
import { NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { pathToUri } from '../../server/src/host/paths';
import { Guard } from '../../server/src/lsp/guard';
import { ClientLink } from '../../server/src/lsp/link';
import { Session } from '../../server/src/lsp/session';
import { startupCache, startupCacheDir } from '../../server/src/lsp/startupCache';
import { FakeDocuments } from '../helpers/openDocuments';
import { writeAged } from '../helpers/agedFiles';

/**
 * The models built after a warm indexed (lsp/publishedState.ts), driven in-process so that what a
 * client does "at once" after indexed happens exactly while they are being built: inside the
 * notification itself. An edit and requests sent then wait for the models, and end exactly as on
 * a cold start that got the same edit.
 */

interface Run {
  readonly session: Session;
  readonly documents: FakeDocuments;
  /** The diagnostics each file shows now (the last publish), as comparable strings. */
  readonly shown: Map<string, string[]>;
  readonly logs: string[];
  readonly indexing: Promise<void>;
}

const token = new CancellationTokenSource().token;

describe('language server: the models built after a warm indexed', function () {
  this.timeout(60000);
  let root: string;
  const runs: Session[] = [];
  const write = (rel: string, text: string) => void writeAged(path.join(root, rel), text);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-warm-models-'));
    fs.mkdirSync(path.join(root, 'node_modules'));
    for (const name of ['alpha', 'beta']) {
      write(`.kiro/specs/${name}/requirements.md`, requirements(name));
      write(`.kiro/specs/${name}/tasks.md`, `# Implementation Plan\n\n- [ ] 1. Build it\n  - _Requirements: 1.1, 1.2_\n`);
    }
    write('src/login.ts', '// @spec alpha#1.1\nexport const login = 1;\n');
  });
  afterEach(() => {
    for (const s of runs.splice(0)) s.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A session over the temp folder, with the warm cache when `cached`; `onIndexed` runs inside the indexed notification. */
  function start(cached: boolean, open: readonly string[], onIndexed?: (run: Run) => void, settings = DEFAULT_SETTINGS): Run {
    const documents = new FakeDocuments();
    const shown = new Map<string, string[]>();
    const logs: string[] = [];
    const self: { run?: Run } = {};
    const link: ClientLink = {
      sendDiagnostics: (p) =>
        shown.set(
          p.uri,
          p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`),
        ),
      indexed: () => onIndexed?.(self.run!),
      log: { error: (m) => logs.push(m), warn: (m) => logs.push(m), info: (m) => logs.push(m) },
    };
    const workspace = new NodeWorkspace([root]);
    const guard = new Guard({ logError: (m) => logs.push(m), versionOf: (u) => documents.get(u)?.version });
    const session = new Session(link, documents, workspace, settings, guard);
    runs.push(session);
    for (const file of open) {
      documents.open(pathToUri(file), fs.readFileSync(file, 'utf8'));
      void session.opened(pathToUri(file));
    }
    const indexing = cached
      ? session.startIndexing(() => undefined, startupCache(workspace, link), startupCacheDir(workspace))
      : session.startIndexing(() => undefined);
    self.run = { session, documents, shown, logs, indexing };
    return self.run;
  }

  it('an edit and requests sent at indexed wait for the models, and end as a cold start with the same edit', async () => {
    const tasksFile = path.join(root, '.kiro/specs/alpha/tasks.md');
    const uri = pathToUri(tasksFile);
    const edited = `# Implementation Plan\n\n- [ ] 1. Build it\n  - _Requirements: 1.1, 1.7_\n`;
    const first = start(true, []);
    await first.indexing;
    await first.session.cacheWritten();

    let during: Promise<[string, number]> | undefined;
    const warm = start(true, [tasksFile], (run) => {
      run.documents.change(uri, edited);
      run.session.changed(uri);
      during = Promise.all([
        run.session.read(uri, token).then((s) => JSON.stringify(s.findingsFor(uri))),
        run.session.read(undefined, token).then((s) => workspaceSymbols(s.allSpecs(), '', token).length),
      ]);
    });
    await warm.indexing;
    assert.ok(
      warm.logs.some((l) => l.includes('nothing changed since the last start')),
      `the second start is warm: ${warm.logs.join('\n')}`,
    );
    const [findingsDuring, symbolsDuring] = await during!;
    await warm.session.read(uri, token);

    const cold = start(false, [tasksFile]);
    await cold.indexing;
    cold.documents.change(uri, edited);
    cold.session.changed(uri);
    const snapshot = await cold.session.read(uri, token);
    const coldSymbols = workspaceSymbols((await cold.session.read(undefined, token)).allSpecs(), '', token).length;

    assert.deepStrictEqual(new Map([...warm.shown].filter(([, d]) => d.length)), new Map([...cold.shown].filter(([, d]) => d.length)));
    assert.ok(
      warm.shown.get(uri)!.some((d) => d.includes('1.7')),
      'the edit is analysed',
    );
    assert.strictEqual(findingsDuring, JSON.stringify(snapshot.findingsFor(uri)), 'a request sent at indexed gets the complete, edited answer');
    assert.strictEqual(symbolsDuring, coldSymbols, 'a workspace request sent at indexed sees every spec');
  });

  it('settings changed while start-up is stored: the stored state keeps the settings it was published under', async () => {
    write('.kiro/specs/beta/tasks.md', `# Implementation Plan\n\n- [ ] 1. Build it\n  - _Requirements: 1.1, 1.9_\n`);
    const quiet = normalizeSettings({ rules: { 'link.unknown-ref': 'off' } });
    let changing: Promise<void> | undefined;
    const first = start(true, [], (run) => {
      changing = run.session.updateSettings(quiet);
    });
    await first.indexing;
    await changing;
    await first.session.cacheWritten();
    assert.ok(fs.existsSync(path.join(root, 'node_modules/.cache/specthread/published.json')), 'the first start stored what it published');
    const second = start(true, [], undefined, quiet);
    await second.indexing;
    assert.ok(!second.logs.some((l) => l.includes('nothing changed since the last start')), 'stored under the old settings: a miss');
    const cold = start(false, [], undefined, quiet);
    await cold.indexing;
    const shown = (run: Run) => new Map([...run.shown].filter(([, d]) => d.length));
    assert.deepStrictEqual(shown(second), shown(cold));
    assert.ok(![...second.shown.values()].flat().some((d) => d.includes('link.unknown-ref')), 'the rule is off');
  });
});

function requirements(name: string): string {
  return `# Requirements Document\n\n## Introduction\n\nThe ${name} feature.\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want ${name}, so that I can work.\n\n#### Acceptance Criteria\n\n1. WHEN the user signs in THEN the system SHALL respond.\n2. WHEN the user signs out THEN the system SHALL respond.\n`;
}
