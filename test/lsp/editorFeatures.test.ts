// @spec specthread-core#20.2, specthread-core#20.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeLens, Location } from 'vscode-languageserver-protocol/node';
import { ActionCommands, SHOW_COVERAGE_COMMAND } from '../../shared/actionsProtocol';
import { IndexingProgressNotification, IndexingProgressParams } from '../../shared/protocol';
import { SpecsOverview, SpecsOverviewRequest } from '../../shared/specsViewProtocol';
import { coveragePage } from '../../client/src/views/coverageHtml';
import { indexingText } from '../../client/src/status/statusText';
import { FIXTURES } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

/** A client that answers `workspace/configuration` with its settings, as VS Code does. */
const CONFIGURABLE = { workspace: { configuration: true } };

/**
 * What the VS Code client's settings switch on in the server, over a real LSP connection: the
 * criteria lenses (`specthread.lenses.criteria`), the editor's JUnit reports
 * (`specthread.testResults`) and the indexing progress that drives the status item's spinner.
 */
describe('editor-only settings and indexing progress over LSP', function () {
  this.timeout(60_000);
  const made: string[] = [];
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const request = <T>(method: string, params: unknown) => client!.connection.sendRequest(method, params) as Promise<T>;

  describe('criteria lenses', () => {
    let root: string;
    const requirements = () => path.join(root, '.kiro/specs/user-auth/requirements.md');
    const lineOf = (text: string) =>
      fs
        .readFileSync(requirements(), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(text));
    const lenses = () => request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(requirements()) } });

    beforeEach(() => {
      root = copyToTemp(path.join(FIXTURES, 'trace-repo'));
      made.push(root);
    });

    it('are off by default: only the requirement headings carry lenses', async () => {
      client = await TestClient.start({ root, capabilities: CONFIGURABLE });
      await client.waitForIndexed();
      const lines = (await lenses()).map((l) => l.range.start.line);
      assert.deepStrictEqual(lines, [lineOf('### Requirement 1'), lineOf('### Requirement 2'), lineOf('### Requirement 3')]);
    });

    it('with specthread.lenses.criteria, every criterion gets a lens that runs a command: peek, start task or coverage', async () => {
      client = await TestClient.start({ root, capabilities: CONFIGURABLE, settings: { lenses: { criteria: true } } });
      await client.waitForIndexed();
      const all = await lenses();
      const at = (text: string) => all.filter((l) => l.range.start.line === lineOf(text));
      for (const l of all) assert.ok(l.command?.command, `lens at line ${l.range.start.line} runs a command`);

      // 1.1 is traced by two code files (login.ts, schema.sql): the lens peeks the references there.
      const [traced] = at('submits a valid email');
      assert.strictEqual(traced?.command?.title.startsWith('2 code · '), true, traced?.command?.title);
      assert.strictEqual(traced?.command?.command, ActionCommands.peekThread);
      const refs = await request<Location[]>('textDocument/references', {
        textDocument: { uri: uriOf(requirements()) },
        position: traced!.range.start,
        context: { includeDeclaration: false },
      });
      assert.ok(refs.some((r) => r.uri.endsWith('src/auth/login.ts')) && refs.some((r) => r.uri.endsWith('src/db/schema.sql')), JSON.stringify(refs));

      // 1.3 is cited by open task 4 and traced by nothing: the lens starts that task.
      const [open] = at('five failed attempts');
      assert.strictEqual(open?.command?.title, 'not implemented · start task 4');
      assert.strictEqual(open?.command?.command, ActionCommands.startTask);
      assert.deepStrictEqual(open?.command?.arguments, [{ spec: 'user-auth', task: '4' }]);

      // 3.1's task is done but nothing traces it: no task to start, so the lens shows the coverage.
      const [untraced] = at('append an audit record');
      assert.strictEqual(untraced?.command?.title, 'not implemented');
      assert.strictEqual(untraced?.command?.command, SHOW_COVERAGE_COMMAND);
    });
  });

  describe('test results (specthread.testResults)', () => {
    const REQUIREMENTS = [
      '# Requirements Document',
      '',
      '### Requirement 1: Tokens',
      '',
      '#### Acceptance Criteria',
      '',
      '1. WHEN a user signs in THEN THE Auth_Service SHALL issue a token',
      '2. WHEN a token expires THEN THE Auth_Service SHALL reject it',
      '',
    ].join('\n');
    const junit = (failing: boolean) =>
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="jest tests" tests="2" failures="${failing ? 1 : 0}">`,
        `  <testsuite name="tokens" tests="2" failures="${failing ? 1 : 0}">`,
        '    <testcase classname="tokens user-auth#1.1 issues" name="tokens user-auth#1.1 issues" file="src/tokens.test.ts"/>',
        `    <testcase classname="tokens user-auth#1.2 rejects" name="tokens user-auth#1.2 rejects" file="src/tokens.test.ts">${failing ? '<failure message="expected 401, got 200"/>' : ''}</testcase>`,
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n');
    let root: string;
    const testFile = () => path.join(root, 'src/tokens.test.ts');
    const overview = () => request<SpecsOverview>(SpecsOverviewRequest, {});
    const passingOf = (o: SpecsOverview) => o.specs[0]!.requirements[0]!.criteria.map((c) => `${c.id} ${c.passing ? 'passing' : '-'}`);

    beforeEach(() => {
      root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-lsp-results-')));
      made.push(root);
      const files: Record<string, string> = {
        '.kiro/specs/user-auth/requirements.md': REQUIREMENTS,
        'src/tokens.ts': '// @spec user-auth#1\nexport const issue = () => 1;\n',
        'src/tokens.test.ts': "it('user-auth#1.1 issues', () => {});\nit('user-auth#1.2 rejects', () => {});\n",
        'reports/unit/junit.xml': junit(true),
      };
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
      }
    });

    it('without the setting the test results column stays empty and no test is reported', async () => {
      client = await TestClient.start({ root, capabilities: CONFIGURABLE });
      await client.waitForIndexed();
      const o = await overview();
      assert.strictEqual(o.testResults, false);
      assert.match(
        coveragePage(o, { nonce: 'n', cspSource: 'vscode-resource:', trusted: true, gapsOnly: false }),
        /<td class="none" title="[^"]*specthread\.testResults[^"]*">—<\/td>/,
      );
      assert.ok(!(client.diagnostics.get(uriOf(testFile())) ?? []).some((d) => d.code === 'coverage.test-failed'));
    });

    it('reads the reports at start: a failed test is a problem at the test, a passing one fills the column; a rewritten report is read again', async () => {
      client = await TestClient.start({ root, capabilities: CONFIGURABLE, settings: { testResults: ['reports/**/*.xml', 'reports/not-yet-written.xml'] } });
      await client.waitForIndexed();
      const failed = await client.waitForDiagnostics(testFile(), (d) => d.some((x) => x.code === 'coverage.test-failed'), 'coverage.test-failed');
      assert.deepStrictEqual(
        failed.filter((d) => d.code === 'coverage.test-failed').map((d) => `${d.range.start.line} ${d.message}`),
        ["1 Test 'tokens user-auth#1.2 rejects' naming user-auth#1.2 failed: expected 401, got 200"],
      );
      let o = await overview();
      assert.strictEqual(o.testResults, true);
      assert.deepStrictEqual(passingOf(o), ['1.1 passing', '1.2 -']);
      assert.match(coveragePage(o, { nonce: 'n', cspSource: 'vscode-resource:', trusted: true, gapsOnly: false }), /<td class="ok">1\/2<\/td>/);

      // The tests pass on the next run: the report is rewritten (atomically, as runners do) and read again.
      const report = path.join(root, 'reports/unit/junit.xml');
      fs.writeFileSync(`${report}.tmp`, junit(false));
      fs.renameSync(`${report}.tmp`, report);
      await client.waitForDiagnostics(testFile(), (d) => !d.some((x) => x.code === 'coverage.test-failed'), 'the failure cleared');
      o = await overview();
      assert.deepStrictEqual(passingOf(o), ['1.1 passing', '1.2 passing']);
    });
  });

  it('reports indexing progress with running counts before specthread/indexed, and the status item reads them', async () => {
    const root = copyToTemp(path.join(FIXTURES, 'trace-repo'));
    made.push(root);
    client = await TestClient.start({ root });
    const progress: IndexingProgressParams[] = [];
    let beforeIndexed = 0;
    client.connection.onNotification(IndexingProgressNotification, (p: IndexingProgressParams) => {
      progress.push(p);
      if (!client!.indexed) beforeIndexed++;
    });
    await client.waitForIndexed();
    assert.ok(progress.length > 0 && beforeIndexed === progress.length, `${progress.length} progress notifications, ${beforeIndexed} before indexed`);
    const last = progress[progress.length - 1]!;
    assert.ok(last.total > 0 && last.done === last.total, JSON.stringify(progress));
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.done >= progress[i - 1]!.done, 'counts only grow');
    assert.strictEqual(indexingText({ done: 120, total: 480 }), '$(sync~spin) Indexing SpecThread 120/480 files');
    assert.strictEqual(indexingText(last), `$(sync~spin) Indexing SpecThread ${last.total}/${last.total} files`);
    assert.strictEqual(indexingText(undefined), '$(sync~spin) Indexing SpecThread…');
  });
});
