// @spec specthread-core#5.1, specthread-core#12.2, specthread-core#14.2, specthread-core#17.1, specthread-core#21.4
import { withTestResults } from '../core/coverage/passing';
import * as path from 'path';
import { NEVER_CANCELLED, yieldToEventLoop } from '../core/cancellation';
import { EngineOptions } from '../core/engine';
import { isInternalError } from '../core/faults';
import { Finding, Severity, compareFindings, severityRank } from '../core/findings';
import { toPosixPath } from '../host/paths';
import { CheckOptions } from './args';
import { writeStdio } from './stdio';
import { CommandResult } from './commandResult';
import { formatterFor } from './formatters';
import { CheckReport, CheckSummary } from './formatters/types';
import { RenderedReport, writeCheckOutputs } from './checkOutputs';
import { configErrorsNote } from './notes/configErrors';
import { fileNotesSummary } from './notes/fileNotes';
import { internalErrorsNote } from './notes/internalErrors';
import { skippedFilesNote } from './notes/skippedFiles';
import { checkSummaryLine } from './notes/summaries';
import { NO_SPECS, OpenedWorkspace, PreparedWorkspace, openWorkspace } from './openWorkspace';
import { lookUpResult, replayResult, resultCacheable } from './checkResultCache';
import { writeBaselines } from './writeBaseline';
import { changedFilesArgument, findingsOfChangeRun } from './changedOnly';
import { testResultsOf } from './testResults';
import { StatementThread } from '../host/statementThread';

/**
 * `specthread check`: the same engine the language server runs, over the file system. Folder
 * arguments are analysed whole; file arguments are analysed with their spec folder and only
 * their own findings are printed. When a parser or rule failed (internal.error), every other
 * finding is still printed and the exit code is 2. `engineOptions` is a seam for tests (a rule
 * that throws); the command line never passes it, so no file content can reach it.
 */
export async function runCheck(
  options: CheckOptions,
  cwd: string,
  engineOptions: EngineOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<CommandResult> {
  if (!resultCacheable(options, engineOptions, env)) return analyse(options, cwd, engineOptions, env);
  // With --cache, an unchanged workspace prints the stored output of the last such run (checkResultCache.ts).
  const cached = await lookUpResult(options, cwd);
  if (cached.hit) return replayResult(cached.hit, cwd);
  let logged = false;
  const log = (message: string) => {
    logged = true;
    writeStdio(2, `${message}\n`);
  };
  let reports: readonly RenderedReport[] = [];
  const result = await analyse(options, cwd, { log }, env, cached.prepared, (r) => (reports = r));
  await cached.store(result, logged, reports);
  return result;
}

/** One analysis of the workspace and its report. */
async function analyse(
  options: CheckOptions,
  cwd: string,
  engineOptions: EngineOptions,
  env: NodeJS.ProcessEnv,
  prepared?: PreparedWorkspace,
  rendered?: (reports: readonly RenderedReport[]) => void,
): Promise<CommandResult> {
  const useBaseline = !options.noBaseline && !options.writeBaseline;
  const formats = [options.format, ...(options.outputs ?? []).map((o) => o.format)];
  // SARIF lists the findings a suppression comment or the baseline accepted, marked as suppressed.
  const keepAccepted = !options.writeBaseline && formats.includes('sarif');
  // Archived specs are read only when a ref or tag may name one, unless the run reads every spec:
  // the HTML report's coverage matrix, test reports mapped by name, or a second (base) analysis.
  const everySpec = formats.includes('html') || !!options.testResults?.length || options.changedSince !== undefined || !!options.changedFiles;
  // Statements are checked on a thread of their own once the code files are read (host/statementThread.ts); tests may pass their own.
  const statementPrecheck = engineOptions.statementPrecheck ?? new StatementThread();
  const opened = await openWorkspace(
    options.paths,
    options.exclude,
    cwd,
    useBaseline,
    { ...engineOptions, statementPrecheck, ...(keepAccepted ? { keepAccepted } : {}), ...(everySpec ? {} : { lazyArchives: true }) },
    options.preset,
    options.cache,
    prepared,
  );
  const { engine, config, requested, under } = opened;
  if (statementPrecheck instanceof StatementThread) {
    // The thread answers the specs in the order they were parsed; while it works, the spec
    // rules run here from the last spec back, with a turn of the event loop now and then for its
    // answers, so the two meet in the middle and no statement waits. A spec whose statements the
    // thread has not answered yet has them checked here; a thread that fails answers nothing
    // more, and the rest are checked here too. The findings are kept per spec for the report.
    engine.traceAnalysis(NEVER_CANCELLED);
    const dirs = engine.specDirs();
    for (let i = dirs.length - 1; i >= 0 && statementPrecheck.busy; i--) {
      engine.findingsForSpec(dirs[i]!, NEVER_CANCELLED);
      if (i % 8 === 0) await yieldToEventLoop();
    }
  }
  const tested = await testResultsOf(engine, options.testResults, cwd);
  const collect = () => reportedFindings(opened, options.paths, cwd);
  const changes = options.changedFiles
    ? { changedFiles: options.changedFiles.flatMap((v) => changedFilesArgument(v, cwd)) }
    : { changedSince: options.changedSince };
  const scoped = options.changedSince !== undefined || options.changedFiles ? await findingsOfChangeRun(opened, changes, cwd, collect) : collect();
  // Failed tests are facts of this run, whatever changed: they are reported in every mode.
  const all = tested ? [...scoped, ...tested.findings].sort(compareFindings) : scoped;
  const findings = keepAccepted ? all.filter((f) => !f.accepted) : all;
  const internal = findings.filter(isInternalError);
  if (options.writeBaseline) return writeBaselines(opened, internal, cwd);

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const specDirs = engine.specDirs().filter((d) => under(d) || requested.some((r) => r.startsWith(d + '/')));
  const summary: CheckSummary = {
    specs: specDirs.length,
    files: specDirs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0),
    counts,
    ...(internal.length ? { internalErrors: internal.length } : {}),
  };
  const failOn = options.failOn !== 'none' && findings.some((f) => severityRank(f.severity) <= severityRank(options.failOn as Severity));
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  const failing = failOn || tooManyWarnings;
  const report: CheckReport = {
    findings,
    summary,
    specDirs,
    ...(keepAccepted ? { suppressed: all.filter((f) => f.accepted) } : {}),
    ...reportExtras(opened, all, formats, tested?.passing),
  };
  const context = { cwd, ...(options.sourceUrl !== undefined ? { sourceUrl: options.sourceUrl } : {}) };
  const stdout = formatterFor('check', options.format)(report, context);
  const written = await writeCheckOutputs(report, options, context, env, rendered);
  const note =
    (specDirs.length === 0 ? `${NO_SPECS}\n` : '') +
    (tooManyWarnings ? `Too many warnings: ${counts.warning}, more than --max-warnings ${options.maxWarnings}.\n` : '');
  const stderr =
    configErrorsNote(config.errors) +
    note +
    skippedFilesNote(engine) +
    fileNotesSummary(
      engine.fileNotes().filter((n) => under(n.path)),
      cwd,
    ) +
    internalErrorsNote(internal, cwd) +
    written.notes +
    checkSummaryLine(summary, engine.code.taggedCount);
  // Exit 2 says the report is incomplete (or a report could not be written), which outranks "findings at or above --fail-on".
  return { exitCode: internal.length || written.failed ? 2 : failing ? 1 : 0, stdout, stderr };
}

/**
 * What only some formats read, gathered only when one of them was asked for: the analysed lines
 * of each reported file (excerpts, fingerprints), and coverage with where each requirement is
 * written (the HTML report's matrix).
 */
function reportExtras(
  { engine, under }: OpenedWorkspace,
  findings: readonly Finding[],
  formats: readonly string[],
  passing: ReadonlySet<string> | undefined,
): Partial<CheckReport> {
  const extras: { -readonly [K in keyof CheckReport]?: CheckReport[K] } = {};
  if (formats.some((f) => f === 'sarif' || f === 'gitlab' || f === 'html')) {
    const lines = new Map<string, readonly string[]>();
    for (const f of findings) {
      const text = lines.has(f.path) ? undefined : engine.textOf(f.path);
      if (text !== undefined) lines.set(f.path, text.split(/\r\n|\r|\n/));
    }
    extras.lines = lines;
  }
  if (formats.includes('html')) {
    const coverage = engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
    // With --test-results the matrix's last column counts the criteria a passing test names.
    extras.coverage = passing ? withTestResults(coverage, passing) : coverage;
    const at = new Map<string, { path: string; line: number }>();
    for (const spec of engine.allSpecs().filter((s) => under(s.dir))) {
      for (const r of spec.requirementList)
        if (!at.has(`${spec.id}#${r.node.id}`)) at.set(`${spec.id}#${r.node.id}`, { path: r.path, line: r.node.range.start.line + 1 });
    }
    extras.requirementLocations = at;
  }
  return extras;
}

/**
 * The findings to print, sorted: those under the requested paths and of specthread.json, only
 * the requested files' when every path is a file, and every internal error wherever it landed
 * (a rule that failed on another file may have lost results for the requested ones too).
 */
export function reportedFindings({ engine, onlyFiles, under }: OpenedWorkspace, paths: readonly string[], cwd: string): Finding[] {
  let findings: Finding[] = [...engine.configFindings(), ...engine.allFindings(NEVER_CANCELLED)].filter(
    (f) => under(f.path) || engine.isConfigFile(f.path) || isInternalError(f),
  );
  if (onlyFiles.size && paths.every((p) => onlyFiles.has(toPosixPath(path.resolve(cwd, p))))) {
    findings = findings.filter((f) => onlyFiles.has(f.path) || isInternalError(f));
  }
  // The same file can be reached from two overlapping roots; report it once.
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort(compareFindings);
}
