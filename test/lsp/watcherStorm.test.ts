// @spec specthread-core#14.6 @spec specthread-core#4.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CoverageRequest } from '../../shared/coverage';
import { REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp } from '../helpers/lspClient';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');

const requirements = (i: number, round: number) =>
  `# Requirements Document\n\n## Requirements\n\n### Requirement 1: Storm ${i}\n\n**User Story:** As a user, I want storm ${i}, so that it is tested.\n\n#### Acceptance Criteria\n\n1. WHEN storm ${i} round ${round} happens, THE system SHALL record it\n2. THE system SHALL keep count\n`;
const tasks = (i: number) => `# Implementation Plan\n\n- [ ] 1. Storm ${i}\n  - _Requirements: 1.1, 9.${i}_\n`;
const code = (i: number) => `// @spec storm-${i}#1.1\nexport const storm${i} = ${i};\n`;

/** Published diagnostics that are not empty, by URI, in a comparable form. */
function nonEmpty(client: TestClient): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [uri, list] of [...client.diagnostics.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length) out[uri] = list.map((d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();
  }
  return out;
}

describe('language server: its own file watcher and deleted folders', function () {
  this.timeout(60000);

  it('clears the diagnostics of every file of a spec folder removed with rm -rf', async () => {
    const root = copyToTemp(EXAMPLE);
    const client = await TestClient.start({ root });
    try {
      const dir = path.join(root, '.kiro', 'specs', 'user-auth');
      const files = ['tasks.md', 'requirements.md'].map((name) => path.join(dir, name));
      for (const file of files) await client.waitForDiagnostics(file, (d) => d.length > 0);
      fs.rmSync(dir, { recursive: true });
      for (const file of files) await client.waitForDiagnostics(file, (d) => d.length === 0, 'cleared after rm -rf');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: its own file watcher converges after a storm of creates and deletes', function () {
  this.timeout(180000);
  let root: string;
  const clients: TestClient[] = [];

  after(async () => {
    for (const c of clients) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('ends in exactly the state of a fresh index: same diagnostics per file, same coverage, no ghosts', async () => {
    root = copyToTemp(EXAMPLE);
    const specs = path.join(root, '.kiro', 'specs');
    const gen = path.join(root, 'src', 'gen');
    fs.mkdirSync(gen, { recursive: true });
    // No watcher registration capability: the server watches the folder itself (fs.watch).
    const storm = await TestClient.start({ root });
    clients.push(storm);
    await storm.waitForIndexed();

    let operations = 0;
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      operations++;
    };
    const N = 410;
    for (let i = 0; i < N; i++) {
      write(path.join(specs, `storm-${i}`, 'requirements.md'), requirements(i, 0));
      write(path.join(specs, `storm-${i}`, 'tasks.md'), tasks(i));
      write(path.join(gen, `f${i}.ts`), code(i));
    }
    // `rm -rf` of whole spec folders: the watcher reports the folder, not each file.
    for (let i = 0; i < N; i += 2) {
      fs.rmSync(path.join(specs, `storm-${i}`), { recursive: true });
      operations += 2;
    }
    for (let i = 0; i < N; i += 3) {
      fs.rmSync(path.join(gen, `f${i}.ts`));
      operations++;
    }
    // Files that live for an instant, and folders that come back with new contents.
    for (let i = 0; i < 100; i++) {
      write(path.join(gen, `tmp${i}.ts`), code(i));
      fs.rmSync(path.join(gen, `tmp${i}.ts`));
      operations++;
    }
    for (let i = 0; i < N; i += 8) {
      write(path.join(specs, `storm-${i}`, 'requirements.md'), requirements(i, 1));
      write(path.join(specs, `storm-${i}`, 'tasks.md'), tasks(i));
    }
    fs.rmSync(path.join(specs, 'user-auth'), { recursive: true });
    operations += 3;
    assert.ok(operations >= 2000, `${operations} operations`);

    // The state a fresh index of the same folder reaches.
    const fresh = await TestClient.start({ root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    clients.push(fresh);
    await fresh.waitForIndexed();
    const expected = nonEmpty(fresh);
    const expectedCoverage = JSON.stringify(await fresh.connection.sendRequest(CoverageRequest, {}));
    assert.ok(Object.keys(expected).length > 200, 'the storm leaves files with findings behind (else ghosts could hide)');

    // Settles when diagnostics match (re-checked on every notification), then coverage must match
    // too; a request round trip is the bounded retry, since the server answers between batches.
    await storm
      .waitFor('diagnostics equal to a fresh index', () => JSON.stringify(nonEmpty(storm)) === JSON.stringify(expected), 90000)
      .catch((err: Error) => {
        const actual = nonEmpty(storm);
        const ghosts = Object.keys(actual).filter((uri) => !(uri in expected));
        const missing = Object.keys(expected).filter((uri) => !(uri in actual));
        throw new Error(`${err.message.split('\n')[0]}: ${ghosts.length} ghost file(s) (e.g. ${ghosts[0]}), ${missing.length} missing (e.g. ${missing[0]})`);
      });
    let coverage = '';
    for (let attempt = 0; attempt < 200 && coverage !== expectedCoverage; attempt++) {
      coverage = JSON.stringify(await storm.connection.sendRequest(CoverageRequest, {}));
    }
    assert.strictEqual(coverage, expectedCoverage);
    assert.deepStrictEqual(storm.shown, []);
  });
});
