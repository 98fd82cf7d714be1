// @spec specthread-core#20.1, specthread-core#20.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeLens, Location, TextEdit } from 'vscode-languageserver-protocol/node';
import * as P from '../../shared/actionsProtocol';
import { FIXTURES } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

/**
 * The requests behind the VS Code palette commands, lenses and status item, over a real LSP
 * connection: what the client shows and applies is exactly what these answers hold.
 */
describe('palette commands, lenses and status over LSP', function () {
  let root: string;
  let client: TestClient;
  const file = (rel: string) => path.join(root, rel);
  const spec = (name: string) => file(`.kiro/specs/user-auth/${name}`);
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
  /** The text of a file after an edit of the `changes` form, as VS Code would leave it. */
  const applied = (edit: P.EditChanges, p: string) => {
    const doc = TextDocument.create(uriOf(p), 'markdown', 1, fs.readFileSync(p, 'utf8'));
    return TextDocument.applyEdits(doc, (edit.changes[uriOf(p)] ?? []) as TextEdit[]);
  };

  describe('on the trace fixture', () => {
    beforeEach(async () => {
      root = copyToTemp(path.join(FIXTURES, 'trace-repo'));
      client = await TestClient.start({ root });
      await client.waitForIndexed();
    });
    afterEach(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('puts a command on every lens: counts peek the thread, tasks start or change state', async () => {
      const reqLenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(spec('requirements.md')) } });
      assert.ok(reqLenses.length > 0);
      for (const l of reqLenses) {
        assert.strictEqual(l.command?.command, P.ActionCommands.peekThread);
        assert.deepStrictEqual(l.command?.arguments, [uriOf(spec('requirements.md')), l.range.start.line, l.range.start.character]);
        // What the peek shows: the references at the lens's position are the thread it counts.
        const refs = await request<Location[]>('textDocument/references', {
          textDocument: { uri: uriOf(spec('requirements.md')) },
          position: l.range.start,
          context: { includeDeclaration: false },
        });
        assert.ok(refs.length > 0, `references at line ${l.range.start.line}`);
      }
      const taskLenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(spec('tasks.md')) } });
      assert.deepStrictEqual(
        taskLenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, JSON.stringify(l.command?.arguments)]),
        [
          [2, 'Start task', P.ActionCommands.startTask, '[{"spec":"user-auth","task":"1"}]'],
          [2, 'Reopen', P.ActionCommands.toggleTaskDone, '[{"spec":"user-auth","task":"1"}]'],
          [6, 'Start task', P.ActionCommands.startTask, '[{"spec":"user-auth","task":"2"}]'],
          [6, 'Reopen', P.ActionCommands.toggleTaskDone, '[{"spec":"user-auth","task":"2"}]'],
          [9, 'Start task', P.ActionCommands.startTask, '[{"spec":"user-auth","task":"3"}]'],
          [9, 'Reopen', P.ActionCommands.toggleTaskDone, '[{"spec":"user-auth","task":"3"}]'],
          [12, 'Start task', P.ActionCommands.startTask, '[{"spec":"user-auth","task":"4"}]'],
          [12, 'Mark done', P.ActionCommands.toggleTaskDone, '[{"spec":"user-auth","task":"4"}]'],
        ],
      );
    });

    it('lists tasks, builds the Start Task prompt and toggles a task by its checkbox only', async () => {
      const { tasks } = await request<P.TasksResult>(P.TasksRequest, {});
      assert.deepStrictEqual(
        tasks.map((t) => `${t.id} ${t.status} ${t.line}`),
        ['1 done 2', '2 done 6', '3 done 9', '4 open 12'],
      );
      assert.strictEqual(tasks[3]!.uri, uriOf(spec('tasks.md')));

      const prompt = await request<P.TaskPromptResult>(P.TaskPromptRequest, { spec: 'user-auth', task: '4' });
      assert.strictEqual(prompt.line, 12);
      assert.match(prompt.markdown, /Lockout after repeated failures/);
      // The cited criterion in full, not just its id.
      assert.match(prompt.markdown, /SHALL lock sign-in for fifteen minutes/);

      const toggle = await request<P.TaskToggleResult>(P.TaskToggleRequest, { spec: 'user-auth', task: '4' });
      assert.deepStrictEqual([toggle.from, toggle.to], ['open', 'done']);
      const before = fs.readFileSync(spec('tasks.md'), 'utf8').split('\n');
      const after = applied(toggle.edit!, spec('tasks.md')).split('\n');
      assert.strictEqual(after[12], before[12]!.replace('- [ ]', '- [x]'));
      assert.deepStrictEqual(
        after.filter((_, i) => i !== 12),
        before.filter((_, i) => i !== 12),
      );
      const reopen = await request<P.TaskToggleResult>(P.TaskToggleRequest, { spec: 'user-auth', task: '1' });
      assert.deepStrictEqual([reopen.from, reopen.to], ['done', 'open']);

      await assert.rejects(request(P.TaskPromptRequest, { spec: 'user-auth', task: '9' }), /user-auth has no task '9'/);
    });

    it('lists every requirement and criterion with its text for Go to Requirement', async () => {
      const { items } = await request<P.RequirementsResult>(P.RequirementsRequest, {});
      const c13 = items.find((i) => i.ref === 'user-auth#1.3');
      assert.ok(c13 && c13.kind === 'criterion' && /lock sign-in/.test(c13.text) && c13.line === 16, JSON.stringify(c13));
      const r1 = items.find((i) => i.ref === 'user-auth#1');
      assert.ok(r1 && r1.kind === 'requirement' && /Sign in/.test(r1.text) && r1.line === 8, JSON.stringify(r1));
    });

    it('renames a criterion across specs and code, and re-confirms every suspect pin with the pin store', async () => {
      const rename = await request<P.EditChanges>(P.RenameRequirementRequest, { ref: 'user-auth#1.3', newId: '1.9' });
      assert.ok(rename.changes[uriOf(spec('tasks.md'))], 'tasks.md cites 1.3');
      assert.match(applied(rename, spec('tasks.md')), /_Requirements: 1\.9_/);
      await assert.rejects(request(P.RenameRequirementRequest, { ref: 'user-auth#7.7', newId: '1.9' }), /7\.7/);

      const re = await request<P.ReconfirmResult>(P.ReconfirmRequest, {});
      assert.strictEqual(re.tags, 1);
      const login = applied(re.edit!, file('src/auth/login.ts'));
      assert.doesNotMatch(login, /@4b4b72/);
      const store = JSON.parse(applied(re.edit!, file('.specthread/pins.json'))) as { pins: Record<string, string> };
      assert.ok(
        Object.values(store.pins).some((t) => /reject the attempt with status 401/.test(t)),
        JSON.stringify(store),
      );
    });

    it('answers the status counts from the same findings it publishes, and exports the HTML report', async () => {
      await client.waitForDiagnostics(spec('requirements.md'), (d) => d.length > 0);
      const status = await request<P.StatusResult>(P.StatusRequest, {});
      const all = [...client.diagnostics.values()].flat();
      assert.strictEqual(status.specs, 1);
      assert.strictEqual(status.errors, all.filter((d) => d.severity === 1).length);
      assert.strictEqual(status.warnings, all.filter((d) => d.severity === 2).length);
      assert.ok(status.coverage >= 0 && status.coverage <= 100);

      const out = path.join(root, 'reports', 'r.html');
      const { html } = await request<P.ExportReportResult>(P.ExportReportRequest, { outputUri: uriOf(out) });
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /SpecThread report/);
      // Links are relative to the folder the report is saved in.
      assert.match(html, /href="\.\.\/\.kiro\/specs\/user-auth\/requirements\.md/);
      const rules = await request<P.RulesResult>(P.RulesRequest, {});
      assert.ok(rules.rules.some((r) => r.code === 'link.unknown-ref' && r.summary.length > 0));
    });
  });

  describe('on a small Kiro workspace', () => {
    beforeEach(async () => {
      root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-actions-')));
      fs.mkdirSync(path.join(root, '.kiro/specs/orders'), { recursive: true });
      fs.writeFileSync(
        path.join(root, '.kiro/specs/orders/requirements.md'),
        '# Requirements Document\n\n## Requirements\n\n### Requirement 1: Orders\n\n#### Acceptance Criteria\n\n1. WHEN a user orders, THE Shop should confirm the order\n2. WHEN a user cancels, THE Shop might refund the order\n',
      );
      fs.mkdirSync(path.join(root, 'specs/004-old'), { recursive: true });
      fs.writeFileSync(
        path.join(root, 'specs/004-old/spec.md'),
        '# Feature Specification: Old\n\n### Functional Requirements\n\n- **FR-001**: System MUST work.\n',
      );
      client = await TestClient.start({ root, settings: { preset: 'strict' } });
      await client.waitForIndexed();
    });
    afterEach(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('offers source.fixAll.specthread only to source requests, with every safe fix of the file', async () => {
      const uri = uriOf(spec2('requirements.md'));
      await client.waitForDiagnostics(spec2('requirements.md'), (d) => d.filter((x) => x.code === 'quality.weak-modal').length === 2);
      const range = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
      const quick = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['quickfix'] } });
      assert.ok(!quick.some((a) => a.kind === P.FIX_ALL_KIND), 'no fix-all in the light bulb');
      const source = await request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepStrictEqual(
        source.map((a) => a.kind),
        [P.FIX_ALL_KIND],
      );
      const text = applied(source[0]!.edit as P.EditChanges, spec2('requirements.md'));
      assert.match(text, /THE Shop SHALL confirm the order/);
      assert.match(text, /THE Shop SHALL refund the order/);
    });

    it('scaffolds a spec per format without writing anything, numbering spec-kit features', async () => {
      const kiro = await request<P.NewSpecResult>(P.NewSpecRequest, { format: 'kiro', name: 'Payment Flow', folderUri: uriOf(root) });
      assert.deepStrictEqual(
        kiro.files.map((f) => path.relative(root, new URL(f.uri).pathname)),
        ['.kiro/specs/payment-flow/requirements.md', '.kiro/specs/payment-flow/design.md', '.kiro/specs/payment-flow/tasks.md'],
      );
      assert.ok(!fs.existsSync(path.join(root, '.kiro/specs/payment-flow')), 'the server writes nothing');
      const kit = await request<P.NewSpecResult>(P.NewSpecRequest, { format: 'speckit', name: 'Payment Flow', folderUri: uriOf(root) });
      assert.strictEqual(path.relative(root, new URL(kit.files[0]!.uri).pathname), 'specs/005-payment-flow/spec.md');
      const open = await request<P.NewSpecResult>(P.NewSpecRequest, { format: 'openspec', name: 'Payment Flow', folderUri: uriOf(root) });
      assert.ok(open.files.some((f) => f.uri.endsWith('openspec/changes/add-payment-flow/specs/payment-flow/spec.md')));
      await assert.rejects(request(P.NewSpecRequest, { format: 'kiro', name: 'orders', folderUri: uriOf(root) }), /already exists/);
      await assert.rejects(request(P.NewSpecRequest, { format: 'kiro', name: '!!!', folderUri: uriOf(root) }), /no letters or digits/);
    });
  });

  const spec2 = (name: string) => path.join(root, '.kiro/specs/orders', name);
});
