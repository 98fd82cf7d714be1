// @spec specthread-core#21.3
import { NEVER_CANCELLED } from '../core/cancellation';
import { EngineOptions } from '../core/engine';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { RecordingWorkspace } from '../host/recordingWorkspace';
import { CachedOutput, ResultCacheFile } from '../host/resultCacheFile';
import { CheckOptions } from './args';
import { writeStdio } from './stdio';
import { RenderedReport, writeReports } from './checkOutputs';
import { CommandResult } from './commandResult';
import { PreparedWorkspace, cacheDirOf, resolveTargets } from './openWorkspace';

/**
 * Whether a `check` run may be answered from, and stored in, the result cache: only when its
 * report is a function of the files below the roots, its options and the engine build. Runs
 * that read git (`--changed-since`, `--changed-files`) or test reports, write files besides
 * stdout and the `--output` reports (`--write-baseline`, the GitHub job summary), or get rules
 * from a test seam are analysed every time (their code files still come from the fact cache).
 * The `--output` reports are kept with the output and written again on a hit.
 */
export function resultCacheable(options: CheckOptions, engineOptions: EngineOptions, env: NodeJS.ProcessEnv): boolean {
  if (!options.cache || Object.keys(engineOptions).length > 0) return false;
  if (options.writeBaseline || options.changedSince !== undefined || options.changedFiles || options.testResults?.length) return false;
  return !(options.format === 'github' && env.GITHUB_STEP_SUMMARY);
}

/** One `check --cache` run's use of the result cache: the stored output, or how to record this run's. */
export type ResultCacheRun =
  | { readonly hit: CachedOutput }
  | {
      readonly hit?: undefined;
      readonly prepared: PreparedWorkspace;
      readonly store: (result: CommandResult, logged: boolean, reports: readonly RenderedReport[]) => Promise<void>;
    };

/**
 * Looks the run up in the result cache (host/resultCacheFile.ts), keyed by its options (all but
 * the cache's own), working folder and project roots. On a miss, the engine is to read through
 * the returned recording workspace, and `store` keeps the output unless the run failed (exit 2:
 * an internal error or a report not written), logged a stack, or walked the roots twice.
 */
export async function lookUpResult(options: CheckOptions, cwd: string): Promise<ResultCacheRun> {
  const targets = await resolveTargets(options.paths, cwd);
  const file = await ResultCacheFile.open(cacheDirOf(options.cache ?? {}, targets.roots[0]!, cwd), {
    warn: (message) => writeStdio(2, `${message}\n`),
  });
  const workspace = new NodeWorkspace([...targets.roots]);
  const reader = new RecordingWorkspace(workspace);
  const key = JSON.stringify({ options: { ...options, cache: undefined }, cwd, ...targets, onlyFiles: [...targets.onlyFiles] });
  const hit = await file.lookup(key, () => reader.list(NEVER_CANCELLED), NEVER_CANCELLED);
  if (hit) return { hit };
  const store = async (result: CommandResult, logged: boolean, reports: readonly RenderedReport[]) => {
    if (result.exitCode === 2 || logged || reader.relisted) return;
    const output = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, ...(reports.length ? { reports } : {}) };
    await file.save(key, await reader.list(NEVER_CANCELLED), reader.readPaths, output, NEVER_CANCELLED);
  };
  return { prepared: { targets, workspace, reader }, store };
}

/**
 * A hit's result: its `--output` reports written again (a report that cannot be written is the
 * same note and exit 2 as in an analysed run, placed before the summary line).
 */
export async function replayResult(hit: CachedOutput, cwd: string): Promise<CommandResult> {
  const result = { exitCode: hit.exitCode, stdout: hit.stdout, stderr: hit.stderr };
  if (!hit.reports?.length) return result;
  const written = await writeReports(hit.reports, cwd);
  if (!written.failed) return result;
  const cut = hit.stderr.lastIndexOf('\n', hit.stderr.length - 2) + 1;
  return { exitCode: 2, stdout: hit.stdout, stderr: hit.stderr.slice(0, cut) + written.notes + hit.stderr.slice(cut) };
}
