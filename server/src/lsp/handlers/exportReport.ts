// @spec specthread-core#20.1
import { CancellationToken } from '../../core/cancellation';
import { Finding, Severity, compareFindings } from '../../core/findings';
import { formatCheckHtml } from '../../cli/formatters/check/html';
import { CheckReport } from '../../cli/formatters/types';
import { Snapshot } from '../snapshot';

/**
 * "Export Report": the CLI's HTML report (`specthread check --format html`) of what the editor
 * shows now, with links relative to the folder the user saves it in. The same formatter as CI,
 * fed from the server's snapshot instead of a fresh run.
 */
export function exportReportHtml(snapshot: Snapshot, outputDir: string, token: CancellationToken): string {
  const findings: Finding[] = snapshot.allFindings().sort(compareFindings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const specDirs = snapshot.specDirs();
  const lines = new Map<string, readonly string[]>();
  for (const f of findings) {
    const text = lines.has(f.path) ? undefined : snapshot.textOf(f.path);
    if (text !== undefined) lines.set(f.path, text.split(/\r\n|\r|\n/));
  }
  const requirementLocations = new Map<string, { path: string; line: number }>();
  for (const spec of snapshot.allSpecs()) {
    for (const r of spec.requirementList) {
      const ref = `${spec.id}#${r.node.id}`;
      if (!requirementLocations.has(ref)) requirementLocations.set(ref, { path: r.path, line: r.node.range.start.line + 1 });
    }
  }
  const report: CheckReport = {
    findings,
    summary: { specs: specDirs.length, files: specDirs.reduce((n, d) => n + snapshot.filesOfSpec(d).length, 0), counts },
    specDirs,
    lines,
    coverage: snapshot.traceAnalysis(token).coverage(token),
    requirementLocations,
  };
  return formatCheckHtml(report, { cwd: snapshot.roots[0] ?? outputDir, outputDir });
}
