// @spec specthread-core#5.1, specthread-core#12.2, specthread-core#14.2
import { promises as fs } from 'fs';
import * as path from 'path';
import { normalizeSettings, mergeSettings } from '../../../shared/settings';
import { createBaseline, serializeBaseline } from '../core/baseline/baseline';
import { baselinePath, loadBaselines } from '../core/baseline/load';
import { LoadedConfig, loadWorkspaceConfig } from '../core/config/configFile';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine, EngineOptions } from '../core/engine';
import { isInternalError } from '../core/faults';
import { Finding, Severity, compareFindings, severityRank } from '../core/findings';
import { writeFileAtomic } from '../host/atomicWrite';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { projectRootOf } from '../host/projectRoot';
import { toPosixPath } from '../host/paths';
import { CheckOptions, UsageError } from './args';
import { Summary, formatInternalErrors, formatJson, formatSummary, formatText } from './format';
import { fileNotesSummary } from './fileNotesSummary';

export interface CheckResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const NO_SPECS =
  'No specs found (looked for .kiro/specs/<name>/, specs/<NNN-name>/ with spec.md, openspec/specs/ and openspec/changes/, and the roots in specthread.json).';

/** An indexed engine over the project roots of the requested paths, with the project's settings. */
export interface OpenedWorkspace {
  readonly engine: Engine;
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
 * printed.
 */
export async function openWorkspace(
  paths: readonly string[],
  exclude: readonly string[],
  cwd: string,
  useBaseline: boolean,
  engineOptions: EngineOptions = {},
): Promise<OpenedWorkspace> {
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
  const workspace = new NodeWorkspace([...roots]);
  const config = await loadWorkspaceConfig(workspace, NEVER_CANCELLED);
  const settings = exclude.length ? mergeSettings(config.settings, normalizeSettings({ exclude })) : config.settings;
  // Stacks of internal errors go to stderr as they happen; the findings name them in the report.
  const engine = new Engine(workspace, settings, { log: (message) => process.stderr.write(`${message}\n`), ...engineOptions });
  if (useBaseline) engine.setBaselines(await loadBaselines(workspace, settings, NEVER_CANCELLED));
  await engine.indexWorkspace(NEVER_CANCELLED);
  const under = (p: string) => requested.some((r) => p === r || p.startsWith(r.endsWith('/') ? r : r + '/'));
  return { engine, config, roots: [...roots], requested, onlyFiles, under };
}

/**
 * `specthread check`: the same engine the language server runs, over the file system. Folder
 * arguments are analysed whole; file arguments are analysed with their spec folder and only
 * their own findings are printed. When a parser or rule failed (internal.error), every other
 * finding is still printed and the exit code is 2. `engineOptions` is a seam for tests (a rule
 * that throws); the command line never passes it, so no file content can reach it.
 */
export async function runCheck(options: CheckOptions, cwd: string, engineOptions: EngineOptions = {}): Promise<CheckResult> {
  const useBaseline = !options.noBaseline && !options.writeBaseline;
  const { engine, config, roots, requested, onlyFiles, under } = await openWorkspace(options.paths, options.exclude, cwd, useBaseline, engineOptions);
  // An internal error is printed wherever it landed: a rule that failed on another file may have
  // lost results for the requested ones too.
  let findings: Finding[] = [...engine.configFindings(), ...engine.allFindings(NEVER_CANCELLED)].filter((f) => under(f.path) || engine.isConfigFile(f.path) || isInternalError(f));
  if (onlyFiles.size && options.paths.every((p) => onlyFiles.has(toPosixPath(path.resolve(cwd, p))))) {
    findings = findings.filter((f) => onlyFiles.has(f.path) || isInternalError(f));
  }
  // The same file can be reached from two overlapping roots; report it once.
  const seen = new Set<string>();
  findings = findings
    .filter((f) => {
      const key = `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort(compareFindings);
  const configNotes = config.errors.map((e) => `specthread: ${e}\n`).join('');

  if (options.writeBaseline) {
    const written: string[] = [];
    for (const root of roots) {
      const target = baselinePath(root, config.settings);
      if (!target) throw new UsageError('baselines are turned off ("baseline": "" in specthread.json)');
      // An internal error is not a finding a team can accept; it stays visible on every run.
      const all = engine.allFindings(NEVER_CANCELLED).filter((f) => !isInternalError(f));
      const baseline = createBaseline(all, root, (p) => engine.textOf(p));
      await writeFileAtomic(target, serializeBaseline(baseline));
      const count = baseline.findings.reduce((n, e) => n + e.count, 0);
      written.push(`Wrote ${count} accepted finding${count === 1 ? '' : 's'} to ${path.relative(cwd, target) || target}; later runs report only new findings.`);
    }
    // A rule that failed recorded nothing, so the baseline is incomplete: say so and exit 2.
    const internal = findings.filter(isInternalError);
    return { exitCode: internal.length ? 2 : 0, stdout: '', stderr: configNotes + formatInternalErrors(internal, cwd) + written.join('\n') };
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const specs = engine.specDirs().filter((d) => under(d) || requested.some((r) => r.startsWith(d + '/')));
  const internal = findings.filter(isInternalError);
  const summary: Summary = {
    specs: specs.length,
    files: specs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0),
    counts,
    ...(internal.length ? { internalErrors: internal.length } : {}),
  };
  const failing = options.failOn !== 'none' && findings.some((f) => severityRank(f.severity) <= severityRank(options.failOn as Severity));
  const stdout = options.format === 'json' ? formatJson(findings, summary, cwd) : formatText(findings, cwd);
  const note = specs.length === 0 ? `${NO_SPECS}\n` : '';
  const tagged = engine.code.taggedCount ? `; ${engine.code.taggedCount} code and test file${engine.code.taggedCount === 1 ? '' : 's'} with trace tags` : '';
  // Exit 2 says the report is incomplete, which outranks "findings at or above --fail-on".
  const exitCode = internal.length ? 2 : failing ? 1 : 0;
  return { exitCode, stdout, stderr: configNotes + note + skippedNote(engine) + fileNotesSummary(engine.fileNotes().filter((n) => under(n.path)), cwd) + formatInternalErrors(internal, cwd) + formatSummary(summary) + tagged };
}

/** Files too large or binary to scan for tags: one line, not one per file. */
export function skippedNote(engine: Engine): string {
  const skipped = engine.code.skippedFiles();
  if (skipped.size === 0) return '';
  const large = [...skipped.values()].filter((r) => r === 'too-large').length;
  return `Not scanned for trace tags: ${large} file(s) over ${engine.code.settings.maxFileSize} bytes, ${skipped.size - large} binary.\n`;
}
