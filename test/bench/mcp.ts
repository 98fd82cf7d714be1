/**
 * `npm run bench:mcp [repository]`: the latency of every MCP tool as an agent sees it (request
 * out, answer in, over stdio) on the largest corpus repository by default, once indexed. Not a
 * test. The server runs on a temporary copy with `--allow-writes`, so the writing tools are
 * measured too (each write is undone by the next call). Prints start-up time, then per tool the
 * first call (which may build the trace analysis and coverage) and the median, p90 and max of the
 * calls after it; the issue asks every tool to answer within 200 ms.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { percentile } from './measure';

const REPO = path.resolve(__dirname, '..', '..');
const source = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared', 'corpus', 'kiro', 'FouadABT__kiroween-dashtact'));
const RUNS = Number(process.env.BENCH_MCP_RUNS ?? 20);

type Specs = { specs: { spec: string; kind: string; requirements: number; tasks: Record<string, number>; files: string[] }[] };

async function main(): Promise<void> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-bench-mcp-'));
  fs.cpSync(source, copy, { recursive: true });
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(REPO, 'dist', 'cli.js'), 'mcp', copy, '--allow-writes'] });
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(transport);
  const startup = performance.now() - started;

  const call = async (name: string, args: Record<string, unknown>): Promise<{ ms: number; data: unknown }> => {
    const t = performance.now();
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    const ms = performance.now() - t;
    if (result.isError) throw new Error(`${name} ${JSON.stringify(args)}: ${JSON.stringify(result.content)}`);
    return { ms, data: result.structuredContent };
  };

  const { data } = await call('list_specs', {});
  const features = (data as Specs).specs.filter((s) => s.kind === 'feature' && s.requirements > 0);
  const withTasks = features.filter((s) => Object.values(s.tasks).some((n) => n > 0));
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const tasksFile = (i: number) => pick(withTasks, i).files.find((f) => f.endsWith('tasks.md'))!;
  const cases: [string, (i: number) => Record<string, unknown>][] = [
    ['list_specs', () => ({})],
    ['get_requirement', (i) => ({ ref: `${pick(features, i).spec}#1` })],
    ['task_context', (i) => ({ spec: pick(withTasks, i).spec, task: '1' })],
    ['validate', () => ({})],
    ['validate (one spec)', (i) => ({ paths: [path.posix.dirname(tasksFile(i))] })],
    ['coverage', () => ({})],
    ['impact', (i) => ({ files: [tasksFile(i)] })],
    ['next_id', (i) => ({ spec: pick(features, i).spec, kind: 'criterion', parent: '1' })],
    ['rename_id', (i) => ({ ref: `${pick(features, i).spec}#1`, newId: String(pick(features, i).requirements + 1) })],
    // Back and forth on one spec, so that every call has something to write.
    ['set_task_state', (i) => ({ spec: withTasks[0]!.spec, task: '1', state: i % 2 ? 'open' : 'done' })],
    [
      'apply_rename',
      (i) => ({ ref: `${withTasks[0]!.spec}#${i % 2 ? withTasks[0]!.requirements + 1 : 1}`, newId: String(i % 2 ? 1 : withTasks[0]!.requirements + 1) }),
    ],
  ];
  const rows: string[] = [];
  let worst = 0;
  for (const [label, args] of cases) {
    const name = label.split(' ')[0]!;
    const first = (await call(name, args(0))).ms;
    const times: number[] = [];
    for (let i = 1; i <= RUNS; i++) times.push((await call(name, args(i))).ms);
    times.sort((a, b) => a - b);
    worst = Math.max(worst, times[times.length - 1]!);
    rows.push(
      `${label.padEnd(20)} ${first.toFixed(1).padStart(8)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 90).toFixed(1).padStart(8)} ${times[times.length - 1]!.toFixed(1).padStart(8)}`,
    );
  }
  await client.close();
  fs.rmSync(copy, { recursive: true, force: true });
  console.log(`repository: ${path.relative(path.join(REPO, '..'), source)} (${features.length} feature specs), ${RUNS} calls per tool after the first`);
  console.log(`start-up (spawn, index, initialize): ${startup.toFixed(0)} ms`);
  console.log(`${'tool'.padEnd(20)} ${'first'.padStart(8)} ${'median'.padStart(8)} ${'p90'.padStart(8)} ${'max'.padStart(8)}  (ms)`);
  for (const r of rows) console.log(r);
  console.log(`slowest call after the first: ${worst.toFixed(1)} ms (target: < 200 ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
