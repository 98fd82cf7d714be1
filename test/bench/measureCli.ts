// @spec specthread-core#21.5
/**
 * The command-line measurements: cold and warm `specthread check`, ripgrep over the same tree
 * (the floor: the least work that finds the same tags), and `openspec validate` beside
 * `specthread check` on real OpenSpec repositories. Each run is a fresh process; the CLI runs
 * under a preloaded script that records its peak memory and CPU time at exit, so the figures
 * come from the process itself, not from sampling.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Summary, summarize } from './measure';

interface ProcessRun {
  readonly ms: number;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (exitCode) =>
      resolve({ ms: performance.now() - started, exitCode, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The CLI, with its own account of memory and CPU

/**
 * Preloaded into the CLI (`node --require`): at exit it writes the process's peak resident set
 * and CPU time (every thread's, so worker threads count) to the file BENCH_RUSAGE_FILE names.
 */
const RUSAGE_SCRIPT = `'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.BENCH_RUSAGE_FILE, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
`;

export interface CliRun {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssKiB: number;
  readonly exitCode: number | null;
  readonly summary: string;
  /** Findings per rule code, from the run's JSON report. */
  readonly byCode: Readonly<Record<string, number>>;
}

export interface CliSummary {
  readonly runs: readonly CliRun[];
  readonly ms: Summary;
  readonly cpuMs: Summary;
  /** The largest peak RSS of the runs. */
  readonly maxRssKiB: number;
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
  readonly specs: number;
  /** `N code and test files with trace tags` from the summary line (0 when it has none). */
  readonly tracedFiles: number;
}

const SUMMARY = /(\d+) errors?, (\d+) warnings?, (\d+) info, (\d+) hints? in (\d+) files? \((\d+) specs?\)(?:; (\d+) code and test files? with trace tags)?/;

export class CliRunner {
  private readonly rusageScript: string;

  constructor(
    readonly cliJs: string,
    private readonly scratch: string,
  ) {
    if (!fs.existsSync(cliJs)) throw new Error(`${cliJs} not found; run \`npm run build\` (or build the --dist folder) first`);
    fs.mkdirSync(scratch, { recursive: true });
    this.rusageScript = path.join(scratch, 'rusage.cjs');
    fs.writeFileSync(this.rusageScript, RUSAGE_SCRIPT);
  }

  /** True when `specthread check --help` documents `--cache` (the warm cache of issue 15). */
  supportsCache(): boolean {
    const help = spawnSync(process.execPath, [this.cliJs, 'check', '--help'], { encoding: 'utf8' });
    return `${help.stdout}${help.stderr}`.includes('--cache');
  }

  /**
   * One `specthread check <root> [extra…] --format json --output <file>` with cwd at the root; exit
   * 0 or 1 (findings) is success. The JSON report (written by the timed run itself, so no extra
   * run is needed) gives the findings per rule code that the correctness checks compare.
   */
  async check(root: string, extra: readonly string[] = []): Promise<CliRun> {
    const rusageFile = path.join(this.scratch, 'rusage.json');
    const reportFile = path.join(this.scratch, 'findings.json');
    fs.rmSync(rusageFile, { force: true });
    fs.rmSync(reportFile, { force: true });
    const args = ['--require', this.rusageScript, this.cliJs, 'check', root, ...extra, '--format', 'json', '--output', reportFile];
    const r = await run(process.execPath, args, root, { ...process.env, BENCH_RUSAGE_FILE: rusageFile });
    const parsed = SUMMARY.exec(r.stderr);
    if (!parsed || (r.exitCode !== 0 && r.exitCode !== 1))
      throw new Error(`specthread check ${extra.join(' ')} failed (exit ${r.exitCode}) in ${root}:\n${r.stderr.slice(-4000)}`);
    const usage = JSON.parse(fs.readFileSync(rusageFile, 'utf8')) as { maxRssKiB: number; cpuMs: number };
    const byCode: Record<string, number> = {};
    for (const f of (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { findings: { code: string }[] }).findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    return { ms: r.ms, cpuMs: usage.cpuMs, maxRssKiB: usage.maxRssKiB, exitCode: r.exitCode, summary: parsed[0], byCode };
  }
}

export function summarizeCli(runs: readonly CliRun[]): CliSummary {
  const last = SUMMARY.exec(runs[runs.length - 1].summary)!;
  return {
    runs,
    ms: summarize(runs.map((r) => r.ms)),
    cpuMs: summarize(runs.map((r) => r.cpuMs)),
    maxRssKiB: Math.max(...runs.map((r) => r.maxRssKiB)),
    errors: Number(last[1]),
    warnings: Number(last[2]),
    files: Number(last[5]),
    specs: Number(last[6]),
    tracedFiles: Number(last[7] ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// ripgrep

export const RG_ARGS = ['-n', '--no-heading', '--hidden', '--no-require-git', '@spec'];

export interface RgRun {
  readonly ms: number;
  /** User + system CPU time of rg (from bash's `times`), undefined where bash is not at hand. */
  readonly cpuMs: number | undefined;
  readonly lines: number;
  readonly files: number;
}

/** Why ripgrep cannot run here, or undefined when it can. */
export function rgMissing(): string | undefined {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return probe.error ? `rg not found (${probe.error.message}); install ripgrep` : undefined;
}

/**
 * `rg -n --no-heading --hidden --no-require-git '@spec' <root>`: every line holding a tag,
 * honouring `.gitignore` (without needing a git repository) and searching hidden folders such as
 * `.kiro`, so it reads what the checker reads.
 */
export async function rg(root: string): Promise<RgRun> {
  // Under bash, whose `times` prints the CPU time its children used: rg's own, however loaded the machine.
  const viaBash = process.platform !== 'win32';
  const r = viaBash
    ? await run('bash', ['-c', 'rg "$@"; code=$?; times >&2; exit $code', 'bash', ...RG_ARGS, root], root)
    : await run('rg', [...RG_ARGS, root], root);
  // Exit 1 means no match: the correctness checks report that; anything above is a failure.
  if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`rg failed (exit ${r.exitCode}): ${r.stderr.slice(-2000)}`);
  const lines = r.stdout.split('\n').filter(Boolean);
  const files = new Set(lines.map((l) => l.slice(0, l.search(/:\d+:/)))).size;
  return { ms: r.ms, cpuMs: viaBash ? childCpuMs(r.stderr) : undefined, lines: lines.length, files };
}

/** The second line of bash's `times` (children's user and system time, e.g. `0m0.120s 0m0.052s`) in ms. */
export function childCpuMs(timesOutput: string): number | undefined {
  const lines = timesOutput.trim().split('\n');
  const m = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(lines[lines.length - 1]?.trim() ?? '');
  return m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : undefined;
}

// ---------------------------------------------------------------------------------------------
// openspec validate

export interface OpenspecComparison {
  readonly repo: string;
  readonly openspec: { readonly ms: Summary; readonly items: number; readonly failed: number };
  readonly specthread: { readonly ms: Summary; readonly cpuMs: Summary; readonly specs: number; readonly files: number };
}

/** `openspec` from node_modules/.bin, or why it cannot run. */
export function findOpenspec(repo: string): { bin: string } | { missing: string } {
  const bin = path.join(repo, 'node_modules', '.bin', process.platform === 'win32' ? 'openspec.cmd' : 'openspec');
  return fs.existsSync(bin) ? { bin } : { missing: `${bin} not found (the @fission-ai/openspec dev dependency is not installed)` };
}

/**
 * `openspec validate --all --json` and `specthread check .` alternately in `repo` (cwd at its
 * root), `runs` times each. openspec runs with its telemetry off (OPENSPEC_TELEMETRY=0,
 * DO_NOT_TRACK=1): a network request is no part of validating, and CI may have no network.
 */
export async function compareOpenspec(openspecBin: string, cli: CliRunner, repo: string, runs: number): Promise<OpenspecComparison> {
  const env = { ...process.env, OPENSPEC_TELEMETRY: '0', DO_NOT_TRACK: '1' };
  const os: ProcessRun[] = [];
  const st: CliRun[] = [];
  let items = 0;
  let failed = 0;
  for (let i = 0; i < runs; i++) {
    const o = await run(openspecBin, ['validate', '--all', '--json'], repo, env);
    let report: { summary?: { totals?: { items?: number; failed?: number } } };
    try {
      report = JSON.parse(o.stdout) as typeof report;
    } catch {
      throw new Error(`openspec validate --all --json printed no JSON in ${repo} (exit ${o.exitCode}):\n${o.stderr.slice(-2000)}`);
    }
    items = report.summary?.totals?.items ?? 0;
    failed = report.summary?.totals?.failed ?? 0;
    os.push(o);
    st.push(await cli.check(repo));
  }
  const s = summarizeCli(st);
  return {
    repo,
    openspec: { ms: summarize(os.map((r) => r.ms)), items, failed },
    specthread: { ms: s.ms, cpuMs: s.cpuMs, specs: s.specs, files: s.files },
  };
}
