// @spec specthread-core#20.2
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisChangedNotification, SpecsOverview, SpecsOverviewRequest } from '../../shared/specsViewProtocol';
import { coveragePage } from '../../client/src/views/coverageHtml';
import { SpecsNode, specsTree } from '../../client/src/views/specsTreeModel';
import { FIXTURES } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

/**
 * The Specs view and the Coverage view over a real server: the overview request answers what the
 * views draw (places, coverage, problems), the server says when it changed, and the client's
 * pure tree model and coverage page turn that answer into what a user sees.
 */
describe('Specs and Coverage views (specthread/specsOverview)', function () {
  let root: string;
  let client: TestClient;
  let changes = 0;
  const file = (rel: string) => path.join(root, rel);
  const spec = (name: string) => file(`.kiro/specs/user-auth/${name}`);
  const overview = () => client.connection.sendRequest(SpecsOverviewRequest, {}) as Promise<SpecsOverview>;
  const lineOf = (p: string, text: string) =>
    fs
      .readFileSync(p, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text));
  const find = (nodes: readonly SpecsNode[], label: RegExp): SpecsNode | undefined => {
    for (const n of nodes) {
      const found = label.test(n.label) ? n : find(n.children, label);
      if (found) return found;
    }
    return undefined;
  };

  beforeEach(async () => {
    root = copyToTemp(path.join(FIXTURES, 'trace-repo'));
    changes = 0;
    client = await TestClient.start({ root });
    client.connection.onNotification(AnalysisChangedNotification, () => void changes++);
    await client.waitForIndexed();
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers every spec with requirements, criteria, tasks, their places and what covers them', async () => {
    const o = await overview();
    const s = o.specs.find((x) => x.spec === 'user-auth');
    assert.ok(s, `user-auth listed; got ${o.specs.map((x) => x.spec).join(', ')}`);
    assert.strictEqual(s.format, 'kiro');
    const r1 = s.requirements.find((r) => r.id === '1')!;
    assert.deepStrictEqual(r1.place, { path: spec('requirements.md'), line: lineOf(spec('requirements.md'), '### Requirement 1') });
    assert.deepStrictEqual(
      r1.criteria.map((c) => c.ref),
      ['user-auth#1.1', 'user-auth#1.2', 'user-auth#1.3'],
    );
    const c11 = r1.criteria[0]!;
    assert.strictEqual(c11.place.line, lineOf(spec('requirements.md'), '1. WHEN a user submits a valid'));
    assert.ok(c11.code >= 1 && c11.tests >= 1, `1.1 has code and a test; got ${JSON.stringify(c11)}`);
    // Cells open the tag itself: the code link of requirement 1 is the tag line just above signIn in login.ts.
    assert.ok(
      r1.codeLinks.some((l) => l.path === file('src/auth/login.ts') && l.line === lineOf(file('src/auth/login.ts'), 'export function signIn') - 1),
      JSON.stringify(r1.codeLinks),
    );
    assert.ok(
      r1.testLinks.some((l) => l.path === file('test/login.test.ts')),
      JSON.stringify(r1.testLinks),
    );
    assert.deepStrictEqual(
      r1.taskLinks.map((t) => t.label),
      ['1', '4'],
    );
    assert.deepStrictEqual(
      s.tasks.map((t) => `${t.id}:${t.status}`),
      ['1:done', '2:done', '3:done', '4:open'],
    );
    assert.strictEqual(s.tasks[3]!.place.line, lineOf(spec('tasks.md'), '- [ ] 4.'));
  });

  it('counts the problems Problems shows inside each node, and the filter keeps only those rows and their parents', async () => {
    const o = await overview();
    const published = [...client.diagnostics.entries()]
      .filter(([uri]) => uri.startsWith(uriOf(file('.kiro/specs/user-auth'))))
      .flatMap(([, d]) => d)
      .filter((d) => d.severity === 1 || d.severity === 2).length;
    const s = o.specs.find((x) => x.spec === 'user-auth')!;
    assert.strictEqual(s.problems.errors + s.problems.warnings, published, 'the spec counts what was published for its files');
    assert.ok(published > 0, 'the fixture has problems to filter on');

    const all = specsTree(o, false);
    const filtered = specsTree(o, true);
    const rows = (nodes: readonly SpecsNode[]): SpecsNode[] => nodes.flatMap((n) => [n, ...rows(n.children)]);
    assert.ok(rows(filtered).length < rows(all).length, 'the filter hides rows');
    for (const n of rows(filtered)) {
      assert.ok(n.problems || rows(n.children).some((c) => c.problems), `${n.label} has problems or leads to some`);
    }
    const withProblems = rows(all).filter((n) => n.problems && n.kind !== 'group');
    for (const n of withProblems) assert.ok(find(filtered, new RegExp(`^${n.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), `${n.label} stays`);
  });

  it('builds the Specs view: coverage icons, counts, context values and the task argument the task commands take', async () => {
    const tree = specsTree(await overview(), false);
    const c11 = find(tree, /^1\.1$/)!;
    assert.strictEqual(c11.kind, 'criterion');
    assert.strictEqual(c11.ref, 'user-auth#1.1');
    assert.strictEqual(c11.contextValue, 'criterion');
    assert.notStrictEqual(c11.icon.id, 'circle-outline', 'a criterion with code and tests is not drawn as merely specified');
    const r3 = find(tree, /^3 Audit log$/)!;
    assert.match(r3.description ?? '', /\d+\/1 · 1 tasks · 0 code · 0 tests/);
    const task4 = find(tree, /^4 Lockout/)!;
    assert.strictEqual(task4.contextValue, 'task.open');
    assert.deepStrictEqual(
      { spec: task4.spec, task: task4.task, uri: task4.uri, line: task4.line },
      { spec: 'user-auth', task: '4', uri: uriOf(spec('tasks.md')), line: lineOf(spec('tasks.md'), '- [ ] 4.') },
    );
  });

  it('tells the client when the analysis changed, and the next answer has the change', async () => {
    const tasks = spec('tasks.md');
    const text = fs.readFileSync(tasks, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(tasks), languageId: 'markdown', version: 1, text } });
    const before = changes;
    const line = lineOf(tasks, '- [ ] 4.');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(tasks), version: 2 },
      contentChanges: [{ range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: 'x' }],
    });
    await client.waitFor('specthread/analysisChanged after the edit', () => changes > before);
    const s = (await overview()).specs.find((x) => x.spec === 'user-auth')!;
    assert.strictEqual(s.tasks.find((t) => t.id === '4')!.status, 'done');
  });

  it('draws the coverage page: a nonce CSP, nothing remote, cells that open files, escaping, and Restricted Mode', async () => {
    const o = await overview();
    const page = coveragePage(o, { nonce: 'N0nce', cspSource: 'vscode-webview://x', trusted: true, gapsOnly: false });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce'/);
    assert.match(csp, /style-src 'nonce-N0nce'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
    assert.ok(!/\b(src|href)="https?:/i.test(page) && !/https?:\/\//.test(csp), 'no remote resources');
    assert.ok(!/ style="/.test(page), 'no inline style attributes (the CSP would refuse them)');
    for (const tag of page.match(/<(script|style)\b[^>]*>/g) ?? []) assert.match(tag, /nonce="N0nce"/, `${tag} carries the nonce`);
    assert.match(page, /<tr data-ref="user-auth#1">/);
    assert.match(page, /data-ref="user-auth#1" data-column="code"/);
    assert.match(page, /data-ref="user-auth#1" data-column="tests"/);
    assert.ok(!page.includes('Restricted Mode'), 'no banner when trusted');
    // No code tags requirement 3: its code cell is plain text, not a button.
    assert.ok(!page.includes('data-ref="user-auth#3" data-column="code"'));

    const untrusted = coveragePage(o, { nonce: 'N0nce', cspSource: 'x', trusted: false, gapsOnly: false });
    assert.match(untrusted, /Restricted Mode: this view is read-only/);
    const hostile = {
      ...o,
      specs: o.specs.map((s) => ({ ...s, requirements: s.requirements.map((r) => ({ ...r, title: '<img src=x onerror=alert(1)>' })) })),
    };
    const escaped = coveragePage(hostile, { nonce: 'N0nce', cspSource: 'x', trusted: true, gapsOnly: false });
    assert.ok(!escaped.includes('<img src=x'), 'titles are escaped');
    assert.ok(escaped.includes('&lt;img src=x'), 'and still shown');
    assert.match(coveragePage(undefined, { nonce: 'n', cspSource: 'x', trusted: true, gapsOnly: false }), /SpecThread is starting/);
  });

  it('filters the coverage matrix to requirements with gaps or problems', async () => {
    const o = await overview();
    const complete = o.specs
      .flatMap((s) => s.requirements)
      .filter((r) => r.summary.complete === r.summary.criteria && !r.problems.errors && !r.problems.warnings);
    const gaps = o.specs.flatMap((s) => s.requirements).filter((r) => !complete.includes(r));
    assert.ok(gaps.length > 0, 'the fixture has a requirement with gaps');
    const page = coveragePage(o, { nonce: 'n', cspSource: 'x', trusted: true, gapsOnly: true });
    for (const r of gaps) assert.ok(page.includes(`<tr data-ref="${r.ref}">`), `${r.ref} shown`);
    for (const r of complete) assert.ok(!page.includes(`<tr data-ref="${r.ref}">`), `${r.ref} hidden`);
    assert.match(page, /id="gapsOnly" checked/);
  });
});
