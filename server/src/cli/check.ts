import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding, Severity, compareFindings, severityRank } from '../core/findings';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { toPosixPath } from '../host/paths';
import { CheckOptions, UsageError } from './args';
import { Summary, formatJson, formatSummary, formatText } from './format';

export interface CheckResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const NO_SPECS =
  'No specs found (looked for .kiro/specs/<name>/, specs/<NNN-name>/ with spec.md, openspec/specs/ and openspec/changes/, and the roots in specthread.json).';

/**
 * `specthread check`: the same engine the language server runs, over the file system. Folder
 * arguments are analysed whole; file arguments are analysed with their spec folder and only
 * their own findings are printed.
 */
export async function runCheck(options: CheckOptions, cwd: string): Promise<CheckResult> {
  const { engine, onlyFiles } = await openEngine(options.paths, cwd);
  let findings: Finding[] = [...engine.configFindings(), ...engine.allFindings(NEVER_CANCELLED)];
  if (onlyFiles.size && options.paths.every((p) => onlyFiles.has(toPosixPath(path.resolve(cwd, p))))) {
    findings = findings.filter((f) => onlyFiles.has(f.path));
  }
  // The same file can be reached from two overlapping roots; report it once.
  const seen = new Set<string>();
  findings = findings
    .filter((f) => {
      const key = `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort(compareFindings);

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const specs = engine.specDirs();
  const summary: Summary = { specs: specs.length, files: specs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0), counts };
  const failing = options.failOn !== 'none' && findings.some((f) => severityRank(f.severity) <= severityRank(options.failOn as Severity));
  const stdout = options.format === 'json' ? formatJson(findings, summary, cwd) : formatText(findings, cwd);
  const note = specs.length === 0 ? `${NO_SPECS}\n` : '';
  return { exitCode: failing ? 1 : 0, stdout, stderr: note + formatSummary(summary) };
}

/** Folder arguments become workspace roots; a file argument roots its folder and narrows the output. */
export async function openEngine(paths: readonly string[], cwd: string): Promise<{ engine: Engine; onlyFiles: Set<string> }> {
  const targets = paths.length ? paths : ['.'];
  const roots = new Set<string>();
  const onlyFiles = new Set<string>();
  for (const target of targets) {
    const abs = path.resolve(cwd, target);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${target}`);
    if (stat.isDirectory()) roots.add(toPosixPath(abs));
    else {
      onlyFiles.add(toPosixPath(abs));
      roots.add(toPosixPath(path.dirname(abs)));
    }
  }
  const engine = new Engine(new NodeWorkspace([...roots]), DEFAULT_SETTINGS);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return { engine, onlyFiles };
}
