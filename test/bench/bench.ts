// @spec specthread-core#21.5
/**
 * `npm run bench`: the benchmark of issue 15. For each size (S, M, L: generated deterministically,
 * specs plus code and test files) it measures in one run
 *   1. cold `specthread check` (fresh process, median of N) and ripgrep over the same tree, run
 *      alternately so that load on the machine hits both alike, plus the check's peak memory and CPU,
 *   2. warm `specthread check --cache` (when the CLI has `--cache`),
 *   3. server start-up (initialize → first diagnostics of an opened file, → indexed; again warm
 *      when the server has a cache), edit latency in the 1,000-criterion requirements.md and the
 *      server's memory when indexed and after the edits (the first start after a build, which
 *      compiles the bundle for V8's code cache, is made apart and reported in the detail),
 * then `openspec validate --all --json` beside `specthread check` on real OpenSpec repositories,
 * and prints the issue's table (every ratio with its target, met or not) and writes everything
 * to .bench/results.json. It fails (exit 1) only when the tools did not see what was generated,
 * never on a ratio. `npm run bench -- --help` lists the options.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { GeneratedWorkspace, generateWorkspace } from './generate';
import { ClientProfile } from './lspClient';
import { BurstResult, EditResult, StartupResult, Summary, SyncMode, measureBursts, measureEdits, measureStartup, openLarge, summarize } from './measure';
import { CliRun, CliRunner, CliSummary, OpenspecComparison, RG_ARGS, RgRun, compareOpenspec, findOpenspec, rg, rgMissing, summarizeCli } from './measureCli';
import { TargetRow, UNITS, formatTable, formatTargets, ratio, targetRow } from './targets';
import { bundleKey, codeCacheDir } from '../../server/src/host/v8CodeCache';

const REPO = path.resolve(__dirname, '..', '..');

/** The sizes of issue 15. Every size keeps the one large 1,000-criterion spec (100 × 10) that edits rewrite. */
export const SIZES = {
  S: { specs: 100, codeFiles: 5_000 },
  M: { specs: 500, codeFiles: 25_000 },
  L: { specs: 2_000, codeFiles: 100_000 },
} as const;
export type SizeName = keyof typeof SIZES;

const DEFAULT_OPENSPEC_REPOS = ['openspec/Fission-AI__OpenSpec', 'openspec/129s__NeoSHUSchedulingHelper'];

// ---------------------------------------------------------------------------------------------
// Options

/** A bad flag or value: reported with the usage text, without a stack. */
class UsageError extends Error {}

const USAGE = `Usage: npm run bench -- [options]
  --sizes S,M,L         sizes to generate and measure (default S,M,L; --quick: S,M)
  --quick               S and M, fewer runs and edits: the \`bench\` stage of npm test (about 3 minutes)
  --dist DIR            measure another build's dist/ (cli.js, server.js), e.g. an older commit's
  --cli-runs N          cold and warm CLI runs, ripgrep runs, per size (median reported; default 3, quick 1)
  --edits N             sequential didChange edits per size (default 200, quick 40)
  --bursts N            typing bursts of 10 didChange each, after the edits (default 0: skipped)
  --sync MODE           didChange content: incremental, full or both (default incremental)
  --openspec-runs N     runs of each tool per OpenSpec repository (default 3, quick 1; 0 skips)
  --openspec-repo DIR   an OpenSpec repository (repeatable; default ${DEFAULT_OPENSPEC_REPOS.join(', ')} under ../shared/corpus)
  --no-server           skip the language-server measurements
  --keep-env            keep NODE_EXTRA_CA_CERTS for the processes measured (unset by default: a machine's cost, not a tool's)
  --client vscode|minimal  client capabilities the server sees (default vscode)
  --seed N              PRNG seed of the generator (default 1337)
  --out DIR             output folder (workspaces and results.json), relative to the repo (default .bench)
  --timeout S           seconds to wait for any one server event before failing (default 600)
Environment: BENCH_SERVER_NODE_ARGS passes node flags to the server (e.g. '--cpu-prof --cpu-prof-dir=.bench/prof').`;

interface Options {
  readonly sizes: SizeName[];
  readonly quick: boolean;
  readonly dist: string;
  readonly cliRuns: number;
  readonly edits: number;
  readonly syncModes: SyncMode[];
  readonly bursts: number;
  readonly openspecRuns: number;
  readonly openspecRepos: string[];
  readonly server: boolean;
  /** Keep NODE_EXTRA_CA_CERTS in the environment of the processes measured (see unsetMachineStartupCost). */
  readonly keepEnv: boolean;
  readonly profile: ClientProfile;
  readonly seed: number;
  readonly outDir: string;
  readonly timeoutMs: number;
}

function readOptions(): Options {
  let values: ReturnType<typeof parse>['values'];
  const parse = () =>
    parseArgs({
      strict: true,
      options: {
        help: { type: 'boolean' },
        quick: { type: 'boolean' },
        sizes: { type: 'string' },
        dist: { type: 'string' },
        'cli-runs': { type: 'string' },
        edits: { type: 'string' },
        sync: { type: 'string' },
        bursts: { type: 'string' },
        'openspec-runs': { type: 'string' },
        'openspec-repo': { type: 'string', multiple: true },
        'no-server': { type: 'boolean' },
        'keep-env': { type: 'boolean' },
        client: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        timeout: { type: 'string' },
      },
    });
  try {
    values = parse().values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const quick = values.quick === true;
  const int = (flag: string, v: string | undefined, fallback: number, min: number) => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be an integer ≥ ${min}, not '${v}'`);
    return n;
  };
  const sizes = (values.sizes ?? (quick ? 'S,M' : 'S,M,L')).split(',').map((s) => s.trim().toUpperCase());
  for (const s of sizes) if (!(s in SIZES)) throw new UsageError(`--sizes takes S, M and L, not '${s}'`);
  const sync = values.sync ?? 'incremental';
  const syncModes: SyncMode[] = sync === 'both' ? ['incremental', 'full'] : sync === 'incremental' || sync === 'full' ? [sync] : [];
  if (!syncModes.length) throw new UsageError(`--sync must be incremental, full or both, not '${sync}'`);
  const client = values.client ?? 'vscode';
  if (client !== 'vscode' && client !== 'minimal') throw new UsageError(`--client must be vscode or minimal, not '${client}'`);
  const corpus = path.resolve(REPO, '..', 'shared', 'corpus');
  return {
    sizes: (['S', 'M', 'L'] as const).filter((s) => sizes.includes(s)),
    quick,
    dist: path.resolve(values.dist ?? path.join(REPO, 'dist')),
    cliRuns: int('cli-runs', values['cli-runs'], quick ? 1 : 3, 1),
    edits: Math.ceil(int('edits', values.edits, quick ? 40 : 200, 0) / 2) * 2,
    syncModes,
    bursts: int('bursts', values.bursts, 0, 0),
    openspecRuns: int('openspec-runs', values['openspec-runs'], quick ? 1 : 3, 0),
    openspecRepos: (values['openspec-repo'] ?? DEFAULT_OPENSPEC_REPOS.map((r) => path.join(corpus, r))).map((r) => path.resolve(r)),
    server: values['no-server'] !== true,
    keepEnv: values['keep-env'] === true,
    profile: client,
    seed: int('seed', values.seed, 1337, 0),
    outDir: path.resolve(REPO, values.out ?? '.bench'),
    timeoutMs: int('timeout', values.timeout, 600, 1) * 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const MB = (kib: number | undefined) => (kib === undefined ? undefined : (kib * 1024) / 1e6);

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function commitOf(dir: string): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: dir, encoding: 'utf8' }).trim();
    return dirty ? `${sha} (modified)` : sha;
  } catch {
    return 'unknown';
  }
}

/** True when the build's package.json contributes a server setting for the cache (`specthread.cache…`). */
function serverHasCache(dist: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as {
      contributes?: { configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[] };
    };
    const configuration = pkg.contributes?.configuration;
    const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
    return sections.some((s) => Object.keys(s.properties ?? {}).some((k) => k.startsWith('specthread.cache')));
  } catch {
    return false;
  }
}

/**
 * Is there a V8 code cache for the build's server bundle (host/v8CodeCache.ts)? Without one the
 * first start compiles the bundle, which no later start does: the bench makes that start first,
 * apart, so that every size measures the start a user has every day.
 */
function serverCodeCached(dist: string): boolean {
  const dir = codeCacheDir();
  const bundle = path.join(dist, 'serverMain.js');
  return dir === undefined || !fs.existsSync(bundle) || fs.existsSync(path.join(dir, `server-${bundleKey(bundle)}.bin`));
}

/** The cache folders a run may have left in a workspace: removed before every cold measurement. */
function clearCaches(root: string): void {
  fs.rmSync(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true });
}

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

// ---------------------------------------------------------------------------------------------
// One size

interface ServerResult {
  readonly startup: StartupResult;
  readonly edits: readonly EditResult[];
  readonly burst: BurstResult | undefined;
  readonly memoryAfterEditsKiB: { rss: number; peak: number } | undefined;
  /** Start-up of a second server over the cache the first one left; a string says why not measured. */
  readonly warm: StartupResult | string;
  /**
   * The first start after a build, when it came in this size: V8 compiled the bundle and wrote
   * its code cache, which every later start reads. Not the table's start-up: a user starts the
   * server many times per build. Undefined when the code cache was there already.
   */
  readonly compiling?: StartupResult;
}

interface SizeResult {
  readonly size: SizeName;
  readonly workspace: GeneratedWorkspace;
  readonly generateMs: number;
  readonly cold: CliSummary;
  readonly rg: { readonly ms: Summary; readonly cpuMs: Summary | undefined; readonly lines: number; readonly files: number } | string;
  readonly warm: CliSummary | string;
  readonly server: ServerResult | undefined;
  readonly checks: Check[];
}

async function measureSize(size: SizeName, o: Options, cli: CliRunner, cache: { cli: boolean; server: boolean }): Promise<SizeResult> {
  const root = path.join(o.outDir, `workspace-${size}`);
  log(`${size}: generating ${SIZES[size].specs} specs and ${SIZES[size].codeFiles.toLocaleString('en-US')} code files in ${path.relative(REPO, root)} …`);
  const t = performance.now();
  const ws = generateWorkspace(root, {
    specs: SIZES[size].specs,
    requirementsPerSpec: 5,
    criteriaPerRequirement: 4,
    largeRequirements: 100,
    largeCriteriaPerRequirement: 10,
    seed: o.seed,
    codeFiles: SIZES[size].codeFiles,
  });
  const generateMs = performance.now() - t;
  if (ws.reused) log(`${size}: reused the tree generated earlier (its stamp matches)`);

  // Cold check and ripgrep alternately, so that other load on the machine hits both alike.
  const noRg = rgMissing();
  log(`${size}: cold check${noRg ? '' : ' and rg'} × ${o.cliRuns} …`);
  const coldRuns: CliRun[] = [];
  const rgRuns: RgRun[] = [];
  for (let i = 0; i < o.cliRuns; i++) {
    clearCaches(root);
    coldRuns.push(await cli.check(root));
    if (!noRg) rgRuns.push(await rg(root));
  }
  const cold = summarizeCli(coldRuns);
  const byCode = coldRuns[0].byCode;

  let warm: CliSummary | string = 'n/a (CLI has no --cache)';
  if (cache.cli) {
    log(`${size}: warm check --cache: 1 filling run, then × ${o.cliRuns} …`);
    clearCaches(root);
    await cli.check(root, ['--cache']);
    const runs: CliRun[] = [];
    for (let i = 0; i < o.cliRuns; i++) runs.push(await cli.check(root, ['--cache']));
    warm = summarizeCli(runs);
  }

  let server: ServerResult | undefined;
  if (o.server) {
    clearCaches(root);
    log(`${size}: server start-up (${o.profile} client) …`);
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const serverJs = path.join(o.dist, 'server.js');
    let compiling: StartupResult | undefined;
    if (!serverCodeCached(o.dist)) {
      log(`${size}: a first server start, which compiles the bundle and writes V8's code cache for every later start …`);
      const first = await measureStartup(serverJs, ws, o.profile, o.timeoutMs, nodeArgs);
      await first.client.stop();
      compiling = first.result;
      clearCaches(root);
    }
    const { client, result: startup } = await measureStartup(serverJs, ws, o.profile, o.timeoutMs, nodeArgs);
    const edits: EditResult[] = [];
    let memoryAfterEditsKiB: { rss: number; peak: number } | undefined;
    let burst: BurstResult | undefined;
    try {
      const doc = await openLarge(client, ws);
      for (const sync of o.syncModes) {
        log(`${size}: ${o.edits} ${sync} edits in ${path.relative(root, ws.large.requirementsPath)} …`);
        edits.push(await measureEdits(client, ws, doc, o.edits, sync, o.seed));
      }
      // Memory is read before the bursts, so "after N edits" means exactly the N edits.
      memoryAfterEditsKiB = client.memoryKiB();
      if (o.bursts > 0) {
        log(`${size}: ${o.bursts} bursts of 10 edits …`);
        burst = await measureBursts(client, ws, doc, o.bursts, 10, o.syncModes[0], o.seed);
      }
    } finally {
      await client.stop();
    }
    let warmStartup: StartupResult | string = 'n/a (server has no cache setting)';
    if (cache.server) {
      log(`${size}: server start-up over the cache the first server left …`);
      const second = await measureStartup(serverJs, ws, o.profile, o.timeoutMs, nodeArgs, { cache: { enabled: true } });
      await second.client.stop();
      warmStartup = second.result;
    }
    server = { startup, edits, burst, memoryAfterEditsKiB, warm: warmStartup, compiling };
  }

  // The numbers only mean something if the tools saw what was generated.
  const rgResult = noRg
    ? noRg
    : {
        ms: summarize(rgRuns.map((r) => r.ms)),
        cpuMs: rgRuns.every((r) => r.cpuMs !== undefined) ? summarize(rgRuns.map((r) => r.cpuMs!)) : undefined,
        lines: rgRuns[0].lines,
        files: rgRuns[0].files,
      };
  const expectedCodes = JSON.stringify(Object.entries(ws.expected.byCode).sort());
  const checks: Check[] = [
    {
      name: 'check: findings are the planted ones (none from ignored folders)',
      ok: expectedCodes === JSON.stringify(Object.entries(byCode).sort()),
      detail: `${Object.values(byCode).reduce((a, b) => a + b, 0)} findings (${coldRuns[0].summary}); planted ${ws.expected.errors + ws.expected.warnings}`,
    },
    { name: 'check: saw every spec file', ok: cold.files === ws.files && cold.specs === ws.specs, detail: `${cold.files} files, ${cold.specs} specs` },
    {
      name: 'check: traced every tagged code and test file',
      ok: cold.tracedFiles === ws.code.tracedFiles,
      detail: `${cold.tracedFiles} traced files, generated ${ws.code.tracedFiles}`,
    },
  ];
  if (typeof rgResult !== 'string') {
    checks.push({
      name: 'rg: found every generated tag line, none ignored',
      ok: rgResult.lines === ws.code.tagLines,
      detail: `${rgResult.lines} lines in ${rgResult.files} files, generated ${ws.code.tagLines}`,
    });
  }
  if (typeof warm !== 'string') {
    const same = (r: CliRun) =>
      r.summary === coldRuns[0].summary && JSON.stringify(Object.entries(r.byCode).sort()) === JSON.stringify(Object.entries(byCode).sort());
    checks.push({ name: 'check --cache: same findings as cold', ok: warm.runs.every(same), detail: warm.runs[0].summary });
  }
  if (server) {
    const { startup } = server;
    checks.push(
      {
        name: 'server: indexed every spec file, found the planted findings',
        ok: startup.indexedFiles === ws.files && startup.indexedSpecs === ws.specs && startup.indexedFindings === ws.expected.errors + ws.expected.warnings,
        detail: `${startup.indexedFiles} files, ${startup.indexedSpecs} specs, ${startup.indexedFindings} findings`,
      },
      {
        name: 'server: opened tasks.md got its planted findings',
        ok: startup.finalDiagnosticsCount === startup.expectedDiagnosticsCount,
        detail: `${startup.finalDiagnosticsCount} diagnostics, expected ${startup.expectedDiagnosticsCount}`,
      },
      ...server.edits.map((e) => ({
        name: `server: every ${e.sync} edit's first publish reflected it`,
        ok: e.stalePublishes === 0,
        detail: `${e.stalePublishes} stale publishes in ${e.edits} edits`,
      })),
    );
    if (typeof server.warm !== 'string') {
      const w = server.warm;
      checks.push({
        name: 'server (warm): indexed the same as cold',
        ok: w.indexedFiles === startup.indexedFiles && w.indexedSpecs === startup.indexedSpecs && w.indexedFindings === startup.indexedFindings,
        detail: `${w.indexedFiles} files, ${w.indexedSpecs} specs, ${w.indexedFindings} findings`,
      });
      checks.push({
        name: 'server (warm): the requests sent at indexed (workspace symbols, hover, definition) get the cold answers',
        ok: w.answers === startup.answers && startup.answers !== '[[],null,null]',
        detail: `${startup.answers.length} characters of answers`,
      });
    }
  }
  return { size, workspace: ws, generateMs, cold, rg: rgResult, warm, server, checks };
}

// ---------------------------------------------------------------------------------------------
// The table of issue 15

function issueTable(sizes: readonly SizeResult[], openspec: readonly OpenspecComparison[] | string): TargetRow[] {
  const at = (s: SizeName) => sizes.find((r) => r.size === s);
  const notRun = (s: SizeName) => `n/a (size ${s} not run)`;
  const rows: TargetRow[] = [];
  for (const s of ['S', 'M', 'L'] as const) {
    const r = at(s);
    const rgMs = r && typeof r.rg !== 'string' ? r.rg.ms.median : undefined;
    const why = !r ? notRun(s) : typeof r.rg === 'string' ? `n/a (${r.rg})` : 'n/a';
    rows.push(targetRow(`coldOverRg${s}`, `cold check / rg, ${s}`, ratio(r?.cold.ms.median, rgMs), UNITS.ratio, s === 'L' ? 5 : undefined, why));
  }
  // The same ratio in CPU time, which other load on the machine barely moves: context, not the issue's measure.
  for (const s of ['S', 'M', 'L'] as const) {
    const r = at(s);
    const rgCpu = r && typeof r.rg !== 'string' ? r.rg.cpuMs?.median : undefined;
    if (r) rows.push(targetRow(`coldOverRgCpu${s}`, `cold check / rg in CPU time, ${s}`, ratio(r.cold.cpuMs.median, rgCpu), UNITS.ratio));
  }
  if (typeof openspec === 'string') rows.push(targetRow('checkOverOpenspec', 'check / openspec validate', undefined, UNITS.ratio, 0.33, openspec));
  else
    for (const c of openspec) {
      const name = path.basename(c.repo);
      rows.push(
        targetRow(`checkOverOpenspec:${name}`, `check / openspec validate, ${name}`, ratio(c.specthread.ms.median, c.openspec.ms.median), UNITS.ratio, 0.33),
      );
    }
  const M = at('M');
  const L = at('L');
  const S = at('S');
  rows.push(
    targetRow(
      'growthMToL',
      'cold check growth M → L (4× the work)',
      ratio(L?.cold.ms.median, M?.cold.ms.median),
      UNITS.ratio,
      4,
      !M ? notRun('M') : notRun('L'),
    ),
  );
  rows.push(
    targetRow(
      'growthMToLCpu',
      'cold check growth M → L in CPU time (context)',
      ratio(L?.cold.cpuMs.median, M?.cold.cpuMs.median),
      UNITS.ratio,
      undefined,
      !M ? notRun('M') : notRun('L'),
    ),
  );
  rows.push(targetRow('coldPeakMemoryL', 'peak memory, cold check at L', MB(L?.cold.maxRssKiB), UNITS.mb, 300, notRun('L')));
  const warmL = L && typeof L.warm !== 'string' ? L.warm.ms.median : undefined;
  rows.push(targetRow('warmCheckL', 'warm check --cache at L', warmL, UNITS.s, 1500, !L ? notRun('L') : typeof L.warm === 'string' ? L.warm : 'n/a'));
  const noServer = (r: SizeResult | undefined, s: SizeName) => (!r ? notRun(s) : 'n/a (server not measured)');
  rows.push(targetRow('serverMemoryIndexedL', 'server memory at L, indexed', MB(L?.server?.startup.memoryKiB?.rss), UNITS.mb, 300, noServer(L, 'L')));
  const edits = (r: SizeResult | undefined) => r?.server?.edits[0];
  const editsL = edits(L);
  rows.push(
    targetRow(
      'serverMemoryAfterEditsL',
      `server memory at L, after ${editsL?.edits ?? 200} edits`,
      MB(L?.server?.memoryAfterEditsKiB?.rss),
      UNITS.mb,
      400,
      noServer(L, 'L'),
    ),
  );
  for (const s of ['S', 'M', 'L'] as const) {
    const e = edits(at(s));
    const target = s === 'L';
    rows.push(targetRow(`editP50${s}`, `edit didChange → diagnostics p50, ${s}`, e?.ms.median, UNITS.ms, target ? 15 : undefined, noServer(at(s), s)));
    rows.push(targetRow(`editP99${s}`, `edit didChange → diagnostics p99, ${s}`, e?.ms.p99, UNITS.ms, target ? 50 : undefined, noServer(at(s), s)));
  }
  rows.push(
    targetRow(
      'editLOverS',
      'edit median L / edit median S',
      ratio(editsL?.ms.median, edits(S)?.ms.median),
      UNITS.ratio,
      1.5,
      !S ? notRun('S') : noServer(L, 'L'),
    ),
  );
  rows.push(
    targetRow(
      'editCpuLOverS',
      'edit server CPU per edit L / S (context)',
      ratio(editsL?.serverCpuMsPerEdit, edits(S)?.serverCpuMsPerEdit),
      UNITS.ratio,
      undefined,
      !S ? notRun('S') : noServer(L, 'L'),
    ),
  );
  rows.push(
    targetRow(
      'editMOverS',
      'edit median M / edit median S',
      ratio(edits(M)?.ms.median, edits(S)?.ms.median),
      UNITS.ratio,
      undefined,
      !S ? notRun('S') : noServer(M, 'M'),
    ),
  );
  for (const s of ['S', 'M', 'L'] as const) {
    const r = at(s);
    rows.push(
      targetRow(`indexed${s}`, `server initialize → indexed, ${s} (cold)`, r?.server?.startup.indexedMs, UNITS.s, s === 'L' ? 8000 : undefined, noServer(r, s)),
    );
  }
  const warmIndexed = L?.server && typeof L.server.warm !== 'string' ? L.server.warm.indexedMs : undefined;
  rows.push(
    targetRow(
      'indexedWarmL',
      'server initialize → indexed, L (warm)',
      warmIndexed,
      UNITS.s,
      2000,
      L?.server && typeof L.server.warm === 'string' ? L.server.warm : noServer(L, 'L'),
    ),
  );
  for (const s of ['S', 'M', 'L'] as const) {
    const r = at(s);
    rows.push(
      targetRow(`firstDiagnostics${s}`, `server initialize → first diagnostics, ${s}`, r?.server?.startup.firstDiagnosticsMs, UNITS.ms, 200, noServer(r, s)),
    );
  }
  return rows;
}

/** Per-size detail: what the table's ratios are made of. */
function detailTable(sizes: readonly SizeResult[]): string {
  const ms = UNITS.ms.format;
  const mb = (kib: number | undefined) => (kib === undefined ? 'n/a' : UNITS.mb.format(MB(kib)!));
  const rows: string[][] = [['size', 'measure', 'value', 'detail']];
  for (const r of sizes) {
    const w = r.workspace;
    rows.push([
      r.size,
      'workspace',
      `${w.specs} specs`,
      `${w.criteria.toLocaleString('en-US')} criteria, ${w.files} spec files, ${w.code.files.toLocaleString('en-US')} code files (${w.code.testFiles.toLocaleString('en-US')} tests, ` +
        `${w.code.tracedFiles} traced), ${w.code.ignoredFiles} ignored; ${((w.bytes + w.code.bytes) / 1e6).toFixed(1)} MB; ${r.workspace.reused ? 'reused' : `generated in ${ms(r.generateMs)}`}`,
    ]);
    rows.push([
      '',
      `cold check, median of ${r.cold.runs.length}`,
      ms(r.cold.ms.median),
      `CPU ${ms(r.cold.cpuMs.median)}, peak RSS ${mb(r.cold.maxRssKiB)}; min ${ms(r.cold.ms.min)}, max ${ms(r.cold.ms.max)}`,
    ]);
    rows.push([
      '',
      'rg (the floor)',
      typeof r.rg === 'string' ? r.rg : ms(r.rg.ms.median),
      typeof r.rg === 'string' ? '' : `${r.rg.lines} tag lines in ${r.rg.files} files`,
    ]);
    rows.push([
      '',
      'warm check --cache',
      typeof r.warm === 'string' ? r.warm : ms(r.warm.ms.median),
      typeof r.warm === 'string' ? '' : `CPU ${ms(r.warm.cpuMs.median)}, peak RSS ${mb(r.warm.maxRssKiB)}`,
    ]);
    const s = r.server;
    if (!s) continue;
    rows.push(['', 'server initialize → first diagnostics', ms(s.startup.firstDiagnosticsMs), `complete after ${ms(s.startup.firstCompleteDiagnosticsMs)}`]);
    if (s.compiling)
      rows.push(['', 'first start after the build', ms(s.compiling.firstDiagnosticsMs), 'to first diagnostics, compiling the bundle (no V8 code cache yet)']);
    rows.push([
      '',
      'server initialize → indexed',
      ms(s.startup.indexedMs),
      `server CPU ${s.startup.serverCpuMs === undefined ? 'n/a' : ms(s.startup.serverCpuMs)}; RSS once answering ${mb(s.startup.memoryKiB?.rss)}, peak ${mb(s.startup.memoryKiB?.peak)}` +
        (typeof s.warm === 'string' ? '' : `; warm ${ms(s.warm.indexedMs)}`),
    ]);
    rows.push([
      '',
      'server initialize → first requests answered',
      ms(s.startup.answeredMs),
      typeof s.warm === 'string'
        ? ''
        : `warm ${ms(s.warm.answeredMs)}, server CPU ${s.warm.answeredCpuMs === undefined ? 'n/a' : ms(s.warm.answeredCpuMs)}, RSS ${mb(s.warm.memoryKiB?.rss)}`,
    ]);
    for (const e of s.edits) {
      rows.push([
        '',
        `edit → diagnostics, ${e.sync} (${e.edits})`,
        `${ms(e.ms.median)} p50`,
        `p99 ${ms(e.ms.p99)}, max ${ms(e.ms.max)}` + (e.serverCpuMsPerEdit === undefined ? '' : `; server CPU ${ms(e.serverCpuMsPerEdit)}/edit`),
      ]);
    }
    if (s.burst) {
      const b = s.burst;
      rows.push([
        '',
        `burst of ${b.size} edits → diagnostics (${b.bursts})`,
        `${ms(b.ms.median)} p50`,
        `${b.publishesPerBurst.median} publishes per burst, ideal 1`,
      ]);
    }
    rows.push(['', 'server RSS after the edits', mb(s.memoryAfterEditsKiB?.rss), `peak ${mb(s.memoryAfterEditsKiB?.peak)}`]);
  }
  return formatTable(rows);
}

// ---------------------------------------------------------------------------------------------
// The run

/**
 * Some machines (this one's sandbox, corporate proxies) set NODE_EXTRA_CA_CERTS for every
 * process. Node then reads and parses the whole CA bundle before any script runs: `node -e 0`
 * takes ~60 ms instead of ~20 ms here. Neither `specthread check`, `openspec validate` nor the
 * language server opens a TLS connection, so that cost belongs to the machine, not to either
 * tool, and it differs from machine to machine. Every process the bench starts inherits this
 * process's environment, so removing it here removes it from all of them alike.
 */
function unsetMachineStartupCost(): string[] {
  const unset = ['NODE_EXTRA_CA_CERTS'].filter((name) => process.env[name] !== undefined);
  for (const name of unset) delete process.env[name];
  return unset;
}

async function main(): Promise<number> {
  const o = readOptions();
  const loadBefore = os.loadavg().map((l) => Number(l.toFixed(2)));
  const started = performance.now();
  const unsetEnv = o.keepEnv ? [] : unsetMachineStartupCost();
  // The package's bin (dist/specthread.js, with the code cache) where the build has one: what `specthread check` runs.
  const bin = ['specthread.js', 'cli.js'].map((f) => path.join(o.dist, f)).find((f) => fs.existsSync(f)) ?? path.join(o.dist, 'cli.js');
  const cli = new CliRunner(bin, o.outDir);
  const cache = { cli: cli.supportsCache(), server: serverHasCache(o.dist) };
  log(
    `measuring ${o.dist} (${commitOf(path.dirname(o.dist))}); sizes ${o.sizes.join(', ')}; CLI --cache: ${cache.cli ? 'yes' : 'no'}; server cache: ${cache.server ? 'yes' : 'no'}`,
  );

  const sizes: SizeResult[] = [];
  for (const size of o.sizes) sizes.push(await measureSize(size, o, cli, cache));

  let openspec: OpenspecComparison[] | string = [];
  const checks: Check[] = sizes.flatMap((r) => r.checks.map((c) => ({ ...c, name: `${r.size} ${c.name}` })));
  if (o.openspecRuns === 0) openspec = 'n/a (--openspec-runs 0)';
  else {
    const bin = findOpenspec(REPO);
    const missingRepo = o.openspecRepos.find((r) => !fs.existsSync(path.join(r, 'openspec')));
    if ('missing' in bin) openspec = `n/a (${bin.missing})`;
    else if (missingRepo) openspec = `n/a (${missingRepo} has no openspec/ folder: is ../shared/corpus there?)`;
    else {
      for (const repo of o.openspecRepos) {
        log(`openspec validate vs check × ${o.openspecRuns} in ${repo} …`);
        const c = await compareOpenspec(bin.bin, cli, repo, o.openspecRuns);
        openspec.push(c);
        checks.push({
          name: `openspec and check both read ${path.basename(repo)}`,
          ok: c.openspec.items > 0 && c.specthread.specs > 0,
          detail: `openspec: ${c.openspec.items} items (${c.openspec.failed} invalid); check: ${c.specthread.specs} specs, ${c.specthread.files} files`,
        });
      }
    }
  }

  const table = issueTable(sizes, openspec);
  const m = machine();
  const out: string[] = ['', 'SpecThread benchmark (issue 15)', ''];
  out.push(`machine    ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, node ${m.node}`);
  out.push(`load       ${loadBefore.join(' ')} before, ${m.loadAverage.join(' ')} after (1/5/15-min averages; above ${m.cpus} means other work competed)`);
  out.push(`build      ${o.dist} (its checkout is at ${commitOf(path.dirname(o.dist))}); bench commit ${commitOf(REPO)}`);
  out.push(
    `runs       ${o.cliRuns} cold/warm/rg per size, ${o.edits} edits, ${o.openspecRuns} per OpenSpec repo; rg ${RG_ARGS.join(' ')}${o.quick ? '; --quick' : ''}`,
  );
  if (unsetEnv.length)
    out.push(
      `env        ${unsetEnv.join(', ')} unset for every process measured (Node parses that CA bundle at every start, ~40 ms here, for TLS neither tool uses; --keep-env keeps it)`,
    );
  out.push('', formatTargets(table), '', detailTable(sizes), '');
  if (typeof openspec !== 'string' && openspec.length) {
    out.push(
      formatTable([
        ['OpenSpec repository', 'openspec validate', 'specthread check', 'detail'],
        ...openspec.map((c) => [
          path.basename(c.repo),
          UNITS.ms.format(c.openspec.ms.median),
          UNITS.ms.format(c.specthread.ms.median),
          `check CPU ${UNITS.ms.format(c.specthread.cpuMs.median)}; ${c.openspec.items} openspec items, ${c.specthread.specs} specthread specs`,
        ]),
      ]),
      '',
    );
  }
  out.push(formatTable([['check', 'result', 'detail'], ...checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail])]), '');

  fs.mkdirSync(o.outDir, { recursive: true });
  const resultsPath = path.join(o.outDir, 'results.json');
  const results = {
    version: 2,
    date: new Date().toISOString(),
    commit: commitOf(REPO),
    build: { dist: o.dist, commit: commitOf(path.dirname(o.dist)), cache },
    machine: { ...m, loadAverageBefore: loadBefore },
    config: { ...o, sizes: o.sizes.map((s) => ({ name: s, ...SIZES[s] })), unsetEnv },
    totalMs: performance.now() - started,
    table,
    sizes: sizes.map((r) => {
      const { root, options, specs, files, bytes, code, reused, requirements, criteria, tasks, citations, expected, fingerprint } = r.workspace;
      return {
        ...r,
        workspace: {
          root,
          options,
          specs,
          files,
          bytes,
          code,
          reused,
          requirements,
          criteria,
          tasks,
          citations,
          expected,
          fingerprint,
          generateMs: r.generateMs,
        },
      };
    }),
    openspec,
    checks,
  };
  fs.writeFileSync(resultsPath + '.tmp', JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(resultsPath + '.tmp', resultsPath);
  out.push(`results    ${path.relative(REPO, resultsPath)} (${((performance.now() - started) / 1000).toFixed(0)} s)`, '');
  process.stdout.write(out.join('\n'));
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`bench: ${err.message}\n\n${USAGE}\n`);
    else process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
