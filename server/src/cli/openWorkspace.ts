// @spec specthread-core#5.1, specthread-core#12.3, specthread-core#13.6, specthread-core#21.3
import { promises as fs } from 'fs';
import * as path from 'path';
import { PresetName, normalizeSettings, mergeSettings } from '../../../shared/settings';
import { loadBaselines } from '../core/baseline/load';
import { LoadedConfig, loadWorkspaceConfig } from '../core/config/configFile';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine, EngineOptions } from '../core/engine';
import { Workspace } from '../core/workspace';
import { FactCacheFile, defaultCacheDir } from '../host/factCacheFile';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { projectRootOf } from '../host/projectRoot';
import { StatementThread } from '../host/statementThread';
import { toPosixPath } from '../host/paths';
import { CacheRequest, UsageError } from './args';
import { writeStdio } from './stdio';

export const NO_SPECS =
  'No specs found (looked for .kiro/specs/<name>/, specs/<NNN-name>/ with spec.md, openspec/specs/ and openspec/changes/, and the roots in specthread.json).';

/** An indexed engine over the project roots of the requested paths, with the project's settings. */
export interface OpenedWorkspace {
  readonly engine: Engine;
  /** What the engine reads through, for commands that read more than it indexes (test-stubs). */
  readonly workspace: NodeWorkspace;
  readonly config: LoadedConfig;
  readonly roots: readonly string[];
  /** The requested paths, absolute; only findings under them are printed. */
  readonly requested: readonly string[];
  /** Requested paths that are files, for callers that print only their findings. */
  readonly onlyFiles: ReadonlySet<string>;
  readonly under: (path: string) => boolean;
}

/**
 * Opens the workspace for `check`, `coverage` and `inventory`. Analysis starts from the project root (the
 * nearest folder above with specthread.json, .git or .kiro) so that specthread.json, overrides
 * and the baseline apply exactly as in the editor; only results under the requested paths are
 * printed. With `cache` (`--cache`), files unchanged since the last such run are taken from the
 * warm cache (host/factCacheFile.ts), which is written again once indexing is done.
 */
export async function openWorkspace(
  paths: readonly string[],
  exclude: readonly string[],
  cwd: string,
  useBaseline: boolean,
  engineOptions: EngineOptions = {},
  preset?: PresetName,
  cache?: CacheRequest,
  prepared?: PreparedWorkspace,
): Promise<OpenedWorkspace> {
  const { roots, requested, onlyFiles } = prepared?.targets ?? (await resolveTargets(paths, cwd));
  const workspace = prepared?.workspace ?? new NodeWorkspace([...roots]);
  const reader: Workspace = prepared?.reader ?? workspace;
  // The statement thread sends its work once the code files are read (host/statementThread.ts says why).
  const statementThread = engineOptions.statementPrecheck instanceof StatementThread ? engineOptions.statementPrecheck : undefined;
  statementThread?.holdUntil(() => workspace.codeReadsSettled());
  // Code files are read while the workspace is listed, and both threads boot then, on the core the listing leaves idle.
  workspace.listForReading(() => statementThread?.prestart());
  const config = await loadWorkspaceConfig(reader, NEVER_CANCELLED);
  // Flags layer over specthread.json as the editor's settings do: a `--preset` replaces its preset, its rules still apply.
  const settings = exclude.length || preset ? mergeSettings(config.settings, normalizeSettings({ exclude, preset })) : config.settings;
  // Stacks of internal errors go to stderr as they happen; the findings name them in the report.
  const engine = new Engine(reader, settings, { log: (message) => writeStdio(2, `${message}\n`), ...engineOptions });
  if (useBaseline) engine.setBaselines(await loadBaselines(reader, settings, NEVER_CANCELLED));
  const factCache = cache && (await openCache(cache, roots[0]!, cwd, workspace));
  await engine.indexWorkspace(NEVER_CANCELLED, undefined, [], factCache);
  await factCache?.save(NEVER_CANCELLED);
  const under = (p: string) => requested.some((r) => p === r || p.startsWith(r.endsWith('/') ? r : r + '/'));
  return { engine, workspace, config, roots, requested, onlyFiles, under };
}

/** The requested paths, absolute, and the project roots they lie in (see openWorkspace). */
export interface Targets {
  readonly roots: readonly string[];
  readonly requested: readonly string[];
  readonly onlyFiles: ReadonlySet<string>;
}

/** A workspace set up before opening: `check --cache` looks at the listing through `reader` before it decides to analyse. */
export interface PreparedWorkspace {
  readonly targets: Targets;
  readonly workspace: NodeWorkspace;
  /** What the engine reads through (a recording of `workspace`). */
  readonly reader: Workspace;
}

/** Resolves the paths of a command line; a path that does not exist is a usage error. */
export async function resolveTargets(paths: readonly string[], cwd: string): Promise<Targets> {
  const targets = paths.length ? paths : ['.'];
  const roots = new Set<string>();
  const requested: string[] = [];
  const onlyFiles = new Set<string>();
  for (const target of targets) {
    const abs = path.resolve(cwd, target);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${target}`);
    const dir = stat.isDirectory() ? abs : path.dirname(abs);
    if (!stat.isDirectory()) onlyFiles.add(toPosixPath(abs));
    requested.push(toPosixPath(abs));
    roots.add(toPosixPath(projectRootOf(dir)));
  }
  return { roots: [...roots], requested, onlyFiles };
}

/** The cache folder `--cache-location` named (relative to the working folder), or the project's node_modules/.cache/specthread. */
export function cacheDirOf(cache: CacheRequest, projectRoot: string, cwd: string): string {
  return cache.location !== undefined ? path.resolve(cwd, cache.location) : defaultCacheDir(projectRoot);
}

function openCache(cache: CacheRequest, projectRoot: string, cwd: string, workspace: NodeWorkspace): Promise<FactCacheFile> {
  return FactCacheFile.open(cacheDirOf(cache, projectRoot, cwd), {
    warn: (message) => writeStdio(2, `${message}\n`),
    read: (file) => workspace.readFile(file, NEVER_CANCELLED),
  });
}
