/**
 * `npm run bench`: generates a synthetic Kiro workspace and measures, in one run,
 *   1. a cold `specthread check` of it (fresh process, median of N),
 *   2. server start-up: initialize → first diagnostics of a document opened at once, and → indexed,
 *   3. edit latency in one large requirements.md: didChange → the publishDiagnostics that reflects it,
 * then prints a table with ratios and writes everything to .bench/results.json.
 *
 * Sizes and counts come from flags (`npm run bench -- --specs 100`) or BENCH_* variables;
 * `npm run bench -- --help` lists them. BENCH_SERVER_NODE_ARGS passes node flags to the server,
 * e.g. `BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=.bench/prof'` to profile it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { GeneratedWorkspace, generateWorkspace } from './generate';
import { ClientProfile } from './lspClient';
import { BurstResult, CliResult, EditResult, SyncMode, measureBursts, measureCli, measureEdits, measureStartup, openLarge } from './measure';

const REPO = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// Options

interface Option {
  readonly flag: string;
  readonly env: string;
  readonly fallback: string;
  readonly help: string;
}

const OPTIONS = {
  specs: { flag: 'specs', env: 'BENCH_SPECS', fallback: '500', help: 'ordinary specs' },
  requirements: { flag: 'requirements', env: 'BENCH_REQUIREMENTS', fallback: '5', help: 'requirements per ordinary spec' },
  criteria: { flag: 'criteria', env: 'BENCH_CRITERIA', fallback: '4', help: 'criteria per requirement (ordinary specs)' },
  largeRequirements: { flag: 'large-requirements', env: 'BENCH_LARGE_REQUIREMENTS', fallback: '300', help: 'requirements in the large spec' },
  largeCriteria: { flag: 'large-criteria', env: 'BENCH_LARGE_CRITERIA', fallback: '10', help: 'criteria per requirement in the large spec' },
  edits: { flag: 'edits', env: 'BENCH_EDITS', fallback: '200', help: 'sequential didChange edits per sync mode (rounded up to even)' },
  sync: { flag: 'sync', env: 'BENCH_SYNC', fallback: 'both', help: 'didChange content: incremental, full or both' },
  bursts: { flag: 'bursts', env: 'BENCH_BURSTS', fallback: '10', help: 'typing bursts (0 to skip)' },
  burstSize: { flag: 'burst-size', env: 'BENCH_BURST_SIZE', fallback: '10', help: 'didChange notifications per burst' },
  cliRuns: { flag: 'cli-runs', env: 'BENCH_CLI_RUNS', fallback: '3', help: 'cold CLI runs (median reported)' },
  client: { flag: 'client', env: 'BENCH_CLIENT', fallback: 'vscode', help: 'client capabilities: vscode or minimal' },
  seed: { flag: 'seed', env: 'BENCH_SEED', fallback: '1337', help: 'PRNG seed of the generator' },
  out: { flag: 'out', env: 'BENCH_OUT', fallback: '.bench', help: 'output folder (workspace/ and results.json), relative to the repo' },
  timeout: { flag: 'timeout', env: 'BENCH_TIMEOUT', fallback: '300', help: 'seconds to wait for any one server event before failing' },
} satisfies Record<string, Option>;

type Options = Record<keyof typeof OPTIONS, string>;

/** A bad flag or value: reported with the usage text, without a stack. */
class UsageError extends Error {}

function usage(): string {
  const lines = Object.values(OPTIONS).map((o) => `  --${o.flag.padEnd(20)} ${o.help} (default ${o.fallback}; env ${o.env})`);
  return `Usage: npm run bench -- [options]\n${lines.join('\n')}`;
}

function readOptions(): Options {
  const flags: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const o of Object.values(OPTIONS)) flags[o.flag] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ options: flags, strict: true }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(usage() + '\n');
    process.exit(0);
  }
  const out = {} as Options;
  for (const [key, o] of Object.entries(OPTIONS) as [keyof typeof OPTIONS, Option][]) {
    const v = values[o.flag];
    out[key] = typeof v === 'string' ? v : (process.env[o.env] ?? o.fallback);
  }
  return out;
}

function int(options: Options, key: keyof typeof OPTIONS, min: number): number {
  const n = Number(options[key]);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${OPTIONS[key].flag} must be an integer ≥ ${min}, not '${options[key]}'`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';
}

function ms(n: number): string {
  return `${fmt(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
}

function ratioText(r: number): string {
  if (!Number.isFinite(r)) return 'n/a';
  return r >= 0.1 ? `${fmt(r, 2)}×` : `${fmt(r * 100, 2)} %`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuMHz: cpus[0]?.speed ?? 0,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim();
    return dirty ? `${sha} (modified)` : sha;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// The run

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

async function main(): Promise<number> {
  const options = readOptions();
  const sizes = {
    specs: int(options, 'specs', 1),
    requirementsPerSpec: int(options, 'requirements', 1),
    criteriaPerRequirement: int(options, 'criteria', 1),
    largeRequirements: int(options, 'largeRequirements', 1),
    largeCriteriaPerRequirement: int(options, 'largeCriteria', 1),
    seed: int(options, 'seed', 0),
  };
  const edits = Math.ceil(int(options, 'edits', 0) / 2) * 2;
  const bursts = int(options, 'bursts', 0);
  const burstSize = int(options, 'burstSize', 1);
  const cliRuns = int(options, 'cliRuns', 1);
  const timeoutMs = int(options, 'timeout', 1) * 1000;
  const syncModes: SyncMode[] =
    options.sync === 'both' ? ['incremental', 'full'] : options.sync === 'incremental' || options.sync === 'full' ? [options.sync] : [];
  if (!syncModes.length) throw new UsageError(`--sync must be incremental, full or both, not '${options.sync}'`);
  if (options.client !== 'vscode' && options.client !== 'minimal') throw new UsageError(`--client must be vscode or minimal, not '${options.client}'`);
  const profile: ClientProfile = options.client;

  const outDir = path.resolve(REPO, options.out);
  const serverJs = path.join(REPO, 'dist', 'server.js');
  const cliJs = path.join(REPO, 'dist', 'cli.js');
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const loadBefore = os.loadavg().map((l) => Number(l.toFixed(2)));

  log(`generating the workspace in ${path.relative(REPO, outDir) || '.'}/workspace …`);
  const genStart = performance.now();
  const ws: GeneratedWorkspace = generateWorkspace(path.join(outDir, 'workspace'), sizes);
  const generateMs = performance.now() - genStart;

  log(`cold CLI check × ${cliRuns} …`);
  const cli: CliResult = await measureCli(cliJs, ws.root, cliRuns);

  log(`server start-up (${profile} client) …`);
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const { client, result: startup } = await measureStartup(serverJs, ws, profile, timeoutMs, nodeArgs);
  const editResults: EditResult[] = [];
  let burst: BurstResult | undefined;
  let memoryAfterEdits: { rss: number; peak: number } | undefined;
  try {
    const doc = await openLarge(client, ws);
    for (const sync of syncModes) {
      log(`${edits} ${sync} edits in ${path.relative(ws.root, ws.large.requirementsPath)} …`);
      editResults.push(await measureEdits(client, ws, doc, edits, sync, sizes.seed));
    }
    if (bursts > 0) {
      log(`${bursts} bursts of ${burstSize} edits …`);
      burst = await measureBursts(client, ws, doc, bursts, burstSize, syncModes[0], sizes.seed);
    }
    memoryAfterEdits = client.memoryKiB();
  } finally {
    await client.stop();
  }

  // Checks: the numbers only mean something if the tools saw what was generated.
  const expectedCodes = JSON.stringify(Object.entries(ws.expected.byCode).sort());
  const checks: Check[] = [
    {
      name: 'CLI findings match the planted problems',
      ok: expectedCodes === JSON.stringify(Object.entries(cli.byCode).sort()),
      detail: `${cli.errors} errors, ${cli.warnings} warnings; planted ${ws.expected.errors} errors, ${ws.expected.warnings} warnings`,
    },
    { name: 'CLI saw every file', ok: cli.files === ws.files && cli.specs === ws.specs, detail: `${cli.files} files, ${cli.specs} specs` },
    {
      name: 'server indexed every file',
      ok: startup.indexedFiles === ws.files && startup.indexedSpecs === ws.specs && startup.indexedFindings === ws.expected.errors + ws.expected.warnings,
      detail: `${startup.indexedFiles} files, ${startup.indexedSpecs} specs, ${startup.indexedFindings} findings`,
    },
    {
      name: 'opened tasks.md got its planted findings',
      ok: startup.finalDiagnosticsCount === startup.expectedDiagnosticsCount,
      detail: `${startup.finalDiagnosticsCount} diagnostics, expected ${startup.expectedDiagnosticsCount}`,
    },
    ...editResults.map((e) => ({
      name: `every ${e.sync} edit's first publish reflected it`,
      ok: e.stalePublishes === 0,
      detail: `${e.stalePublishes} stale publishes in ${e.edits} edits`,
    })),
  ];

  const incremental = editResults.find((e) => e.sync === 'incremental') ?? editResults[0];
  const full = editResults.find((e) => e.sync === 'full');

  // Behaviour the numbers reveal, stated once here rather than left for the reader to infer.
  const observations: string[] = [];
  if (startup.incompletePublishes > 0) {
    observations.push(
      `the tasks.md opened right after 'initialized' was first published with ${startup.firstDiagnosticsCount} of its ` +
        `${startup.finalDiagnosticsCount} diagnostics (${ms(startup.firstDiagnosticsMs)}); the complete set came ${ms(startup.firstCompleteDiagnosticsMs)} after initialize` +
        (startup.firstCompleteDiagnosticsMs > 0.8 * startup.indexedMs ? ', i.e. only with the end of indexing' : ''),
    );
  }
  if (burst && burst.publishesPerBurst.median > 1) {
    observations.push(
      `a burst of ${burst.size} didChange notifications caused ${fmt(burst.publishesPerBurst.median, 1)} re-analyses and publishes (median), ` +
        `not 1: the burst costs ${ratioText(burst.ms.median / incremental.ms.median)} a single edit`,
    );
  }

  // The table ------------------------------------------------------------------------------
  const m = machine();
  const mb = ws.bytes / 1e6;
  const rows: string[][] = [['#', 'Measurement', 'Value', 'Detail']];
  rows.push([
    '1',
    `CLI cold check, median of ${cli.runs.length}`,
    ms(cli.ms.median),
    `min ${ms(cli.ms.min)}, max ${ms(cli.ms.max)}; ${fmt(cli.filesPerSecond)} files/s, ${fmt(mb / (cli.ms.median / 1000), 2)} MB/s`,
  ]);
  rows.push(['2', 'initialize → initialize result', ms(startup.initializeMs), 'request sent right after spawn: includes process boot']);
  rows.push([
    '',
    'initialize → first diagnostics of opened tasks.md',
    ms(startup.firstDiagnosticsMs),
    `${startup.firstDiagnosticsCount} diagnostics (complete: ${startup.firstDiagnosticsCount === startup.finalDiagnosticsCount && startup.incompletePublishes === 0 ? 'yes' : 'no'})`,
  ]);
  rows.push([
    '',
    'initialize → first complete diagnostics of it',
    ms(startup.firstCompleteDiagnosticsMs),
    `${startup.finalDiagnosticsCount} diagnostics, after ${startup.incompletePublishes} incomplete publish(es)`,
  ]);
  rows.push([
    '',
    'initialize → specthread/indexed',
    ms(startup.indexedMs),
    `server-reported ${ms(startup.serverIndexMillis)}; ${fmt(startup.indexedFiles / (startup.indexedMs / 1000))} files/s; ${fmt(startup.publishes)} publishes` +
      (startup.serverCpuMs !== undefined ? `; server CPU ${ms(startup.serverCpuMs)}` : ''),
  ]);
  const mib = (kib: number) => `${fmt(kib / 1024)} MiB`;
  const mem = startup.memoryKiB;
  rows.push([
    '',
    'server RSS at indexed',
    mem ? mib(mem.rss) : 'n/a',
    mem ? `peak ${mib(mem.peak)}` + (memoryAfterEdits ? `; after the edits ${mib(memoryAfterEdits.rss)}, peak ${mib(memoryAfterEdits.peak)}` : '') : '',
  ]);
  for (const e of editResults) {
    rows.push([
      e === editResults[0] ? '3' : '',
      `didChange → diagnostics, ${e.sync} (${e.edits} edits)`,
      `${ms(e.ms.median)} median`,
      `p99 ${ms(e.ms.p99)}, p90 ${ms(e.ms.p90)}, min ${ms(e.ms.min)}, max ${ms(e.ms.max)}` +
        (e.serverCpuMsPerEdit !== undefined ? `; server CPU ${ms(e.serverCpuMsPerEdit)}/edit` : ''),
    ]);
  }
  if (burst) {
    rows.push([
      '',
      `burst of ${burst.size} didChange → diagnostics (${burst.bursts}×)`,
      `${ms(burst.ms.median)} median`,
      `p99 ${ms(burst.ms.p99)}; ${fmt(burst.publishesPerBurst.median, 1)} publishes (analyses) per burst, ideal 1` +
        (burst.serverCpuMsPerBurst !== undefined ? `; server CPU ${ms(burst.serverCpuMsPerBurst)}/burst` : ''),
    ]);
  }

  // Ratios: `key` is stable for tools reading results.json, `label` is for people.
  const ratios: { key: string; label: string; value: number }[] = [];
  const addRatio = (key: string, label: string, a: number | undefined, b: number | undefined) => {
    if (a !== undefined && b !== undefined) ratios.push({ key, label, value: a / b });
  };
  const inc = incremental.sync;
  addRatio('indexOverCli', 'server index (initialize → indexed) / CLI cold check', startup.indexedMs, cli.ms.median);
  addRatio('firstDiagnosticsOverIndex', 'first diagnostics / index', startup.firstDiagnosticsMs, startup.indexedMs);
  addRatio('firstCompleteDiagnosticsOverIndex', 'first complete diagnostics / index', startup.firstCompleteDiagnosticsMs, startup.indexedMs);
  addRatio('editMedianOverIndex', `edit median (${inc}) / index`, incremental.ms.median, startup.indexedMs);
  addRatio('editP99OverIndex', `edit p99 (${inc}) / index`, incremental.ms.p99, startup.indexedMs);
  addRatio('editP99OverCli', `edit p99 (${inc}) / CLI cold check`, incremental.ms.p99, cli.ms.median);
  // An edit re-analyses the whole edited file (and its spec); compare it with what the CLI spends on as many bytes.
  addRatio(
    'editMedianOverCliProrated',
    `edit median / CLI cold check prorated to the edited file's ${fmt(ws.large.requirementsBytes / 1e3)} kB`,
    incremental.ms.median,
    (cli.ms.median * ws.large.requirementsBytes) / ws.bytes,
  );
  if (full) addRatio('fullOverIncremental', 'edit median, full sync / incremental', full.ms.median, incremental.ms.median);
  if (burst) addRatio('burstOverEdit', `burst of ${burst.size} / single edit (median)`, burst.ms.median, incremental.ms.median);
  // The same comparisons in server CPU time, which other load on the machine barely disturbs.
  addRatio('cpuEditOverIndex', `server CPU: edit (${inc}) / start-up to indexed`, incremental.serverCpuMsPerEdit, startup.serverCpuMs);
  if (burst) addRatio('cpuBurstOverEdit', `server CPU: burst of ${burst.size} / single edit`, burst.serverCpuMsPerBurst, incremental.serverCpuMsPerEdit);

  const o = ws.options;
  const out: string[] = [];
  out.push('', 'SpecThread benchmark', '');
  out.push(`machine    ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, node ${m.node}`);
  out.push(`load       ${loadBefore.join(' ')} before, ${m.loadAverage.join(' ')} after (1/5/15-min averages; above ${m.cpus} means other work competed)`);
  out.push(`commit     ${commit()}`);
  out.push(
    `workspace  ${path.relative(REPO, ws.root)}: ${fmt(ws.specs)} specs, ${fmt(ws.files)} files, ${fmt(mb, 2)} MB; ` +
      `${fmt(ws.requirements)} requirements, ${fmt(ws.criteria)} criteria, ${fmt(ws.tasks)} tasks, ${fmt(ws.citations)} citations`,
  );
  out.push(
    `           ${fmt(o.specs)} specs × ${o.requirementsPerSpec} requirements × ${o.criteriaPerRequirement} criteria = ${fmt(o.specs * o.requirementsPerSpec * o.criteriaPerRequirement)} criteria, ` +
      `+ large spec ${o.largeRequirements} × ${o.largeCriteriaPerRequirement} = ${fmt(ws.large.criteria)} criteria ` +
      `(requirements.md ${fmt(ws.large.requirementsLines)} lines, ${fmt(ws.large.requirementsBytes / 1e3)} kB)`,
  );
  out.push(`           seed ${o.seed}, fingerprint ${ws.fingerprint.slice(0, 16)}, generated in ${ms(generateMs)}; client profile '${profile}'`);
  out.push('', table(rows), '', table([['Ratio', 'Value'], ...ratios.map((r) => [r.label, ratioText(r.value)])]), '');
  out.push(table([['Check', 'Result', 'Detail'], ...checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail])]), '');
  if (observations.length) out.push('Server behaviour worth a look:', ...observations.map((o) => `  - ${o}`), '');

  const resultsPath = path.join(outDir, 'results.json');
  const results = {
    version: 1,
    date: new Date().toISOString(),
    commit: commit(),
    machine: { ...m, loadAverageBefore: loadBefore },
    config: { ...sizes, edits, syncModes, bursts, burstSize, cliRuns, profile },
    workspace: {
      root: ws.root,
      specs: ws.specs,
      files: ws.files,
      bytes: ws.bytes,
      requirements: ws.requirements,
      criteria: ws.criteria,
      tasks: ws.tasks,
      citations: ws.citations,
      expected: ws.expected,
      large: {
        requirements: ws.large.requirements,
        criteria: ws.large.criteria,
        requirementsLines: ws.large.requirementsLines,
        requirementsBytes: ws.large.requirementsBytes,
      },
      fingerprint: ws.fingerprint,
      generateMs,
    },
    cli,
    startup,
    edits: editResults,
    burst,
    memoryAfterEditsKiB: memoryAfterEdits,
    ratios: Object.fromEntries(ratios.map((r) => [r.key, r.value])),
    checks,
    observations,
  };
  fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  out.push(`results    ${path.relative(REPO, resultsPath)}`, '');
  process.stdout.write(out.join('\n'));
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`bench: ${err.message}\n\n${usage()}\n`);
    else process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
