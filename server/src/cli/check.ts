import { promises as fs } from 'fs';
import * as path from 'path';
import { createBaseline, serializeBaseline } from '../core/baseline/baseline';
import { baselinePath, loadBaselines } from '../core/baseline/load';
import { loadWorkspaceConfig } from '../core/config/configFile';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding, Severity, compareFindings, severityRank } from '../core/findings';
import { writeFileAtomic } from '../host/atomicWrite';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { projectRootOf } from '../host/projectRoot';
import { toPosixPath } from '../host/paths';
import { CheckOptions, UsageError } from './args';
import { Summary, formatJson, formatSummary, formatText } from './format';

export interface CheckResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `specthread check`: the same engine the language server runs, over the file system. Folder
 * arguments are analysed whole; file arguments are analysed with their spec folder and only
 * their own findings are printed.
 */
export async function runCheck(options: CheckOptions, cwd: string): Promise<CheckResult> {
  const targets = options.paths.length ? options.paths : ['.'];
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
    // Analyse from the project root so specthread.json, overrides and the baseline apply as in
    // the editor; only findings under the requested paths are printed.
    roots.add(toPosixPath(projectRootOf(dir)));
  }
  const workspace = new NodeWorkspace([...roots]);
  const config = await loadWorkspaceConfig(workspace, NEVER_CANCELLED);
  const engine = new Engine(workspace, config.settings);
  if (!options.noBaseline && !options.writeBaseline) engine.setBaselines(await loadBaselines(workspace, config.settings, NEVER_CANCELLED));
  await engine.indexWorkspace(NEVER_CANCELLED);
  const under = (p: string) => requested.some((r) => p === r || p.startsWith(r.endsWith('/') ? r : r + '/'));
  let findings: Finding[] = engine.allFindings(NEVER_CANCELLED).filter((f) => under(f.path));
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
  const configNotes = config.errors.map((e) => `specthread: ${e}\n`).join('');

  if (options.writeBaseline) {
    const written: string[] = [];
    for (const root of roots) {
      const target = baselinePath(root, config.settings);
      if (!target) throw new UsageError('baselines are turned off ("baseline": "" in specthread.json)');
      const all = engine.allFindings(NEVER_CANCELLED);
      const baseline = createBaseline(all, root, (p) => engine.textOf(p));
      await writeFileAtomic(target, serializeBaseline(baseline));
      const count = baseline.findings.reduce((n, e) => n + e.count, 0);
      written.push(`Wrote ${count} accepted finding${count === 1 ? '' : 's'} to ${path.relative(cwd, target) || target}; later runs report only new findings.`);
    }
    return { exitCode: 0, stdout: '', stderr: configNotes + written.join('\n') };
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const specs = engine.specDirs().filter((d) => under(d) || requested.some((r) => r.startsWith(d + '/')));
  const summary: Summary = { specs: specs.length, files: specs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0), counts };
  const failing = options.failOn !== 'none' && findings.some((f) => severityRank(f.severity) <= severityRank(options.failOn as Severity));
  const stdout = options.format === 'json' ? formatJson(findings, summary, cwd) : formatText(findings, cwd);
  const note = specs.length === 0 ? 'No spec folders found (looked for .kiro/specs/<name>/requirements.md, design.md, tasks.md).\n' : '';
  return { exitCode: failing ? 1 : 0, stdout, stderr: configNotes + note + formatSummary(summary) };
}
