// @spec specthread-core#18.1, specthread-core#18.2
import * as assert from 'assert';
import * as path from 'path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describeCorpus } from '../helpers/corpus';
import { callError, callOk, connectMcp } from '../helpers/mcpClient';

/**
 * `specthread mcp` on a real repository of the shared corpus (Kiro, Japanese specs, steering
 * files, 16 specs): every tool answers for every spec, and every task has a context pack.
 */
const REPOSITORY = 'kiro/j5ik2o__takt-sdd';

describeCorpus('mcp: tools over stdio on a corpus repository', (corpus) => {
  let client: Client;
  let close: () => Promise<void>;
  before(async function () {
    this.timeout(120000);
    ({ client, close } = await connectMcp(path.join(corpus, REPOSITORY)));
  });
  after(() => close?.());

  type Specs = { specs: { spec: string; kind: string; requirements: number; tasks: Record<string, number> }[] };

  it('specthread-core#18.1 every tool answers for every spec of the repository', async function () {
    this.timeout(120000);
    const { specs } = await callOk<Specs>(client, 'list_specs');
    const features = specs.filter((s) => s.kind === 'feature');
    assert.ok(features.length >= 12, `${features.length} feature specs`);
    let contexts = 0;
    for (const s of features) {
      const cov = await callOk<{ summary: { criteria: number } }>(client, 'coverage', { spec: s.spec });
      assert.ok(cov.summary.criteria > 0, s.spec);
      const req = await callOk<{ criteria: { ref: string; text: string }[] }>(client, 'get_requirement', { ref: `${s.spec}#1` });
      assert.ok(req.criteria.length > 0 && req.criteria.every((c) => c.text.length > 0), s.spec);
      const next = await callOk<{ id: string }>(client, 'next_id', { spec: s.spec });
      assert.strictEqual(next.id, String(s.requirements + 1), `${s.spec}: next requirement id`);
      const renamed = await callOk<{ diff: string }>(client, 'rename_id', { ref: `${s.spec}#1`, newId: next.id });
      assert.match(renamed.diff, /^@@ -\d+,\d+ \+\d+,\d+ @@$/m, s.spec);
      const task = await callOk<{ task: { id: string }; criteria: { ref: string }[] }>(client, 'task_context', { spec: s.spec, task: '1' });
      assert.strictEqual(task.task.id, '1');
      contexts += task.criteria.length ? 1 : 0;
    }
    // Most first tasks cite criteria; a context pack with none would be a regression of the ref reading.
    assert.ok(contexts >= features.length - 2, `${contexts} of ${features.length} first tasks have cited criteria`);
  });

  it('task_context packs the steering files that always apply', async () => {
    const ctx = await callOk<{ steering: { path: string; inclusion: string }[]; criteria: { ref: string }[] }>(client, 'task_context', {
      spec: 'takt-sdd-global-cli',
      task: '2',
    });
    assert.ok(
      ctx.steering.some((s) => s.path === '.kiro/steering/tech.md' && s.inclusion === 'always'),
      JSON.stringify(ctx.steering.map((s) => s.path)),
    );
    assert.ok(ctx.criteria.length > 0);
  });

  it('validate and impact answer over the whole repository', async function () {
    this.timeout(60000);
    const v = await callOk<{ findings: unknown[] }>(client, 'validate', { paths: ['.kiro/specs/takt-sdd-global-cli'] });
    assert.ok(Array.isArray(v.findings));
    const impact = await callOk<{ tasks: unknown[]; criteria: string[] }>(client, 'impact', { files: ['.kiro/specs/takt-sdd-global-cli/requirements.md'] });
    assert.ok(impact.criteria.length >= 40, `${impact.criteria.length} criteria`);
    assert.match(await callError(client, 'task_context', { spec: 'takt-sdd-global-cli', task: '99' }), /no task '99'/);
  });
});
