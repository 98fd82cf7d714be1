// @spec specthread-core#18.1, specthread-core#18.2, specthread-core#18.4
import * as assert from 'assert';
import * as path from 'path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { FIXTURES } from '../helpers/fixtures';
import { callError, callOk, connectMcp } from '../helpers/mcpClient';

/**
 * Every read tool, resource and prompt of `specthread mcp`, driven through the SDK's client over
 * stdio against the built CLI on the trace-repo fixture (run `npm run build` first).
 */
const REPO_DIR = path.join(FIXTURES, 'trace-repo');

describe('mcp: read tools over stdio (trace-repo fixture)', function () {
  this.timeout(60000);
  let client: Client;
  let close: () => Promise<void>;

  before(async () => {
    ({ client, close } = await connectMcp(REPO_DIR));
  });
  after(() => close());

  it('specthread-core#18.1 lists the eight read tools, each with an input and an output schema, and no write tool', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    assert.deepStrictEqual(names, ['coverage', 'get_requirement', 'impact', 'list_specs', 'next_id', 'rename_id', 'task_context', 'validate']);
    for (const t of tools) {
      assert.strictEqual(t.inputSchema.type, 'object', t.name);
      assert.strictEqual(t.outputSchema?.type, 'object', `${t.name} has an output schema`);
    }
  });

  it('list_specs names the spec with its files and counts', async () => {
    const { specs } = await callOk<{ specs: { spec: string; format: string; files: string[]; criteria: number }[] }>(client, 'list_specs');
    const auth = specs.find((s) => s.spec === 'user-auth');
    assert.ok(auth);
    assert.strictEqual(auth.format, 'kiro');
    assert.strictEqual(auth.criteria, 6);
    assert.ok(auth.files.includes('.kiro/specs/user-auth/tasks.md'), auth.files.join());
  });

  it('get_requirement gives the criteria with their state, the citing tasks, code and tests', async () => {
    const r = await callOk<{
      kind: string;
      story: string;
      criteria: { id: string; state: string }[];
      tasks: { id: string }[];
      code: { path: string; line: number }[];
      tests: { path: string }[];
    }>(client, 'get_requirement', { ref: 'user-auth#1' });
    assert.strictEqual(r.kind, 'requirement');
    assert.match(r.story, /registered user/);
    assert.deepStrictEqual(
      r.criteria.map((c) => c.id),
      ['1.1', '1.2', '1.3'],
    );
    assert.strictEqual(r.criteria[0]!.state, 'verified');
    assert.deepStrictEqual(r.tasks.map((t) => t.id).sort(), ['1', '4']);
    assert.ok(
      r.code.some((c) => c.path === 'src/auth/login.ts' && c.line === 3),
      JSON.stringify(r.code),
    );
    assert.ok(
      r.tests.some((t) => t.path === 'test/login.test.ts'),
      JSON.stringify(r.tests),
    );
    const c = await callOk<{ kind: string; text: string; tasks: { id: string }[] }>(client, 'get_requirement', { ref: 'user-auth#1.3' });
    assert.strictEqual(c.kind, 'criterion');
    assert.match(c.text, /five failed attempts/);
    assert.deepStrictEqual(
      c.tasks.map((t) => t.id),
      ['4'],
    );
  });

  it('specthread-core#18.2 answers an unknown spec, a malformed ref and an unknown id with a tool error naming the problem', async () => {
    assert.match(await callError(client, 'get_requirement', { ref: 'no-such-spec#1' }), /Unknown spec 'no-such-spec'/);
    assert.match(await callError(client, 'get_requirement', { ref: 'user-auth 1.2' }), /Malformed reference 'user-auth 1.2'/);
    assert.match(await callError(client, 'get_requirement', { ref: 'user-auth#1.9' }), /no requirement or criterion '1.9'.*Did you mean/);
    assert.match(await callError(client, 'task_context', { spec: 'user-auth', task: '9' }), /no task '9'/);
    assert.match(await callError(client, 'coverage', { spec: 'nope' }), /Unknown spec 'nope'/);
    // The server is still serving after every error.
    await callOk(client, 'list_specs');
  });

  it('specthread-core#18.2 refuses paths outside the workspace: ../ and absolute', async () => {
    assert.match(await callError(client, 'validate', { paths: ['../checks'] }), /outside the workspace/);
    assert.match(await callError(client, 'validate', { paths: ['/etc/passwd'] }), /absolute path/);
    assert.match(await callError(client, 'impact', { files: ['src/../../x.ts'] }), /outside the workspace/);
    assert.match(await callError(client, 'impact', { diff: '--- a/../../etc/passwd\n+++ b/../../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n' }), /outside the workspace/);
    assert.match(await callError(client, 'impact', {}), /Give 'files'/);
  });

  it('rejects arguments of the wrong type with a tool error, and keeps serving', async () => {
    const result = await client.callTool({ name: 'get_requirement', arguments: { ref: 42 } });
    assert.strictEqual(result.isError, true);
    await callOk(client, 'list_specs');
  });

  it('task_context packs the task, its cited criteria in full, the files it names, code, tests and design', async () => {
    const ctx = await callOk<{
      task: { id: string; text: string; status: string };
      criteria: { ref: string; text: string; state: string }[];
      files: { mentioned: string; path?: string }[];
      code: { path: string }[];
      tests: { path: string }[];
      design: { heading: string; text: string }[];
    }>(client, 'task_context', { spec: 'user-auth', task: '1' });
    assert.strictEqual(ctx.task.id, '1');
    assert.match(ctx.task.text, /Sign-in endpoint/);
    assert.deepStrictEqual(
      ctx.criteria.map((c) => c.ref),
      ['user-auth#1.1', 'user-auth#1.2'],
    );
    assert.match(ctx.criteria[0]!.text, /valid email and password/);
    assert.deepStrictEqual(ctx.files, [
      { mentioned: 'src/auth/login.ts', path: 'src/auth/login.ts' },
      { mentioned: 'src/db/schema.sql', path: 'src/db/schema.sql' },
    ]);
    assert.ok(ctx.code.some((c) => c.path === 'src/auth/login.ts'));
    assert.ok(ctx.tests.some((c) => c.path === 'test/login.test.ts'));
    const missing = await callOk<{ files: { mentioned: string; path?: string }[] }>(client, 'task_context', { spec: 'user-auth', task: '4' });
    assert.deepStrictEqual(missing.files, [{ mentioned: 'src/auth/lockout.ts' }]);
    // Task 2 cites 2.1 and 2.2, which design.md's "Sessions" section validates.
    const sessions = await callOk<{ design: { heading: string; text: string; line: number }[] }>(client, 'task_context', { spec: 'user-auth', task: '2' });
    assert.deepStrictEqual(
      sessions.design.map((d) => [d.heading, d.line]),
      [['Sessions', 3]],
    );
    assert.match(sessions.design[0]!.text, /Session_Store/);
  });

  it('validate reports findings with codes and 1-based positions, narrowed to the given paths', async () => {
    const all = await callOk<{ findings: { path: string; code: string; line: number; column: number }[] }>(client, 'validate');
    assert.ok(all.findings.length > 0);
    assert.ok(all.findings.every((f) => f.line >= 1 && f.column >= 1 && /^[a-z]+\.[a-z-]+/.test(f.code)));
    const tasks = await callOk<{ findings: { path: string }[] }>(client, 'validate', { paths: ['.kiro/specs/user-auth/tasks.md'] });
    assert.ok(tasks.findings.every((f) => f.path === '.kiro/specs/user-auth/tasks.md'));
    // Task 3 names src/audit/log.py, which does not exist: a finding in tasks.md.
    assert.ok(tasks.findings.length > 0);
    const one = await callOk<{ findings: unknown[]; total: number }>(client, 'validate', { limit: 1 });
    assert.strictEqual(one.findings.length, 1);
    assert.strictEqual(one.total, all.findings.length);
  });

  it('coverage gives the summary and the gaps', async () => {
    const cov = await callOk<{ summary: { criteria: number }; totalGaps: number; gaps: { ref: string; missing: string[] }[] }>(client, 'coverage', {
      spec: 'user-auth',
    });
    assert.strictEqual(cov.totalGaps, cov.gaps.length);
    assert.strictEqual(cov.summary.criteria, 6);
    const lockout = cov.gaps.find((g) => g.ref === 'user-auth#1.3');
    assert.ok(lockout, JSON.stringify(cov.gaps));
    assert.ok(lockout.missing.includes('implemented'));
  });

  it('impact of a code file: the criteria its tags name, the tasks naming it, the tests to re-run', async () => {
    const impact = await callOk<{ files: { role: string }[]; criteria: string[]; tasks: { id: string }[]; tests: { path: string }[] }>(client, 'impact', {
      files: ['src/auth/login.ts'],
    });
    assert.strictEqual(impact.files[0]!.role, 'source');
    assert.deepStrictEqual(impact.criteria, ['user-auth#1.1', 'user-auth#1.2']);
    assert.ok(impact.tasks.some((t) => t.id === '1'));
    assert.ok(impact.tests.some((t) => t.path === 'test/login.test.ts'));
  });

  it('impact of a diff of requirements.md narrows to the changed criterion', async () => {
    // Line 17 of requirements.md is criterion 1.3.
    const diff = '--- a/.kiro/specs/user-auth/requirements.md\n+++ b/.kiro/specs/user-auth/requirements.md\n@@ -17,1 +17,1 @@\n-3. old\n+3. new\n';
    const impact = await callOk<{ criteria: string[]; requirements: string[]; tasks: { id: string }[] }>(client, 'impact', { diff });
    assert.deepStrictEqual(impact.criteria, ['user-auth#1.3']);
    assert.deepStrictEqual(impact.requirements, ['user-auth#1']);
    assert.deepStrictEqual(
      impact.tasks.map((t) => t.id),
      ['4'],
    );
  });

  it('next_id gives the next requirement, criterion and task ids', async () => {
    assert.strictEqual((await callOk<{ id: string }>(client, 'next_id', { spec: 'user-auth' })).id, '4');
    assert.strictEqual((await callOk<{ id: string }>(client, 'next_id', { spec: 'user-auth', kind: 'criterion', parent: '2' })).id, '2.3');
    assert.strictEqual((await callOk<{ id: string }>(client, 'next_id', { spec: 'user-auth', kind: 'task' })).id, '5');
    assert.match(await callError(client, 'next_id', { spec: 'user-auth', kind: 'criterion' }), /give 'parent'/);
  });

  it('rename_id answers a unified diff across specs, code and tests, writing nothing', async () => {
    const r = await callOk<{ files: string[]; diff: string; edits: number }>(client, 'rename_id', { ref: 'user-auth#1', newId: '7' });
    assert.deepStrictEqual(r.files, [
      '.kiro/specs/user-auth/requirements.md',
      '.kiro/specs/user-auth/tasks.md',
      'src/auth/login.ts',
      'src/db/schema.sql',
      'test/login.test.ts',
    ]);
    assert.match(r.diff, /^--- a\/\.kiro\/specs\/user-auth\/requirements\.md\n\+\+\+ b\/\.kiro\/specs\/user-auth\/requirements\.md\n@@ /m);
    assert.match(r.diff, /^-### Requirement 1: Sign in\n\+### Requirement 7: Sign in$/m);
    assert.match(r.diff, /^-\/\/ @spec user-auth#1\.1\n\+\/\/ @spec user-auth#7\.1$/m);
    assert.match(r.diff, /^- {2}- _Requirements: 1\.1, 1\.2_\n\+ {2}- _Requirements: 7\.1, 7\.2_$/m);
    // Still named 1 afterwards: nothing was written.
    await callOk(client, 'get_requirement', { ref: 'user-auth#1' });
    assert.match(await callError(client, 'rename_id', { ref: 'user-auth#1', newId: '2' }), /already exists/);
  });

  it('specthread-core#18.4 offers each spec file and specthread://coverage as resources', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    assert.ok(uris.includes('specthread://spec/.kiro/specs/user-auth/requirements.md'), uris.join('\n'));
    assert.ok(uris.includes('specthread://coverage'));
    const file = await client.readResource({ uri: 'specthread://spec/.kiro/specs/user-auth/tasks.md' });
    assert.match(String((file.contents[0] as { text: string }).text), /Implementation Plan/);
    const cov = await client.readResource({ uri: 'specthread://coverage' });
    assert.ok(JSON.parse(String((cov.contents[0] as { text: string }).text)).summary.criteria >= 6);
    await assert.rejects(client.readResource({ uri: 'specthread://spec/src/auth/login.ts' }), /not a spec file/);
    await assert.rejects(client.readResource({ uri: 'specthread://spec/..%2F..%2Fpackage.json' }), /outside the workspace/);
  });

  it('specthread-core#18.4 offers the prompts implement-task and review-change with the context packed in', async () => {
    const { prompts } = await client.listPrompts();
    assert.deepStrictEqual(prompts.map((p) => p.name).sort(), ['implement-task', 'review-change']);
    const impl = await client.getPrompt({ name: 'implement-task', arguments: { spec: 'user-auth', task: '4' } });
    const text = (impl.messages[0]!.content as { text: string }).text;
    assert.match(text, /# Task 4 of spec user-auth/);
    assert.match(text, /user-auth#1\.3.*five failed attempts/);
    const review = await client.getPrompt({ name: 'review-change', arguments: { files: 'src/auth/login.ts' } });
    const reviewText = (review.messages[0]!.content as { text: string }).text;
    assert.match(reviewText, /"user-auth#1\.1"/);
    assert.match(reviewText, /## Findings in the changed files/);
  });
});
