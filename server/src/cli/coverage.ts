// @spec specthread-core#12.1, specthread-core#12.3
import * as path from 'path';
import type { CoverageReport, CoverageSummary, CriterionCoverage } from '../../../shared/coverage';
import { NEVER_CANCELLED } from '../core/cancellation';
import { CoverageOptions } from './args';
import { CheckResult, openWorkspace, skippedNote } from './check';

/**
 * `specthread coverage`: per-spec and per-requirement coverage along
 * specified → tasked → implemented → verified, and the criteria still missing what the project
 * requires of them. The numbers are the core's (the same the `specthread/coverage` request serves).
 */
export async function runCoverage(options: CoverageOptions, cwd: string): Promise<CheckResult> {
  const { engine, config } = await openWorkspace(options.paths, options.exclude, cwd, false);
  const report = engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
  const relative = (p: string) => {
    const rel = path.relative(cwd, p);
    return (path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
  };
  const withRelativeDirs: CoverageReport = { ...report, specs: report.specs.map((s) => ({ ...s, dir: relative(s.dir) })) };
  const stdout = options.format === 'json' ? JSON.stringify(withRelativeDirs, null, 2) : formatCoverageText(withRelativeDirs);
  const failing = options.failUnder !== undefined && report.summary.percent < options.failUnder;
  const note = failing ? `Coverage ${report.summary.percent}% is below --fail-under ${options.failUnder}%.\n` : '';
  return { exitCode: failing ? 1 : 0, stdout, stderr: config.errors.map((e) => `specthread: ${e}\n`).join('') + skippedNote(engine) + note + `${summaryLine(report.summary)} (${report.specs.length} spec${report.specs.length === 1 ? '' : 's'})` };
}

function summaryLine(s: CoverageSummary): string {
  return `${s.percent}% complete: ${s.complete}/${s.criteria} criteria · tasked ${s.tasked} · implemented ${s.implemented} · verified ${s.verified}`;
}

export function formatCoverageText(report: CoverageReport): string {
  const out: string[] = [];
  const missing: { implemented: CriterionCoverage[]; verified: CriterionCoverage[] } = { implemented: [], verified: [] };
  for (const spec of report.specs) {
    out.push(`${spec.spec} (${spec.dir})${spec.traced ? '' : ' — no code or test points into this spec'}`, `  ${summaryLine(spec.summary)}`);
    for (const r of spec.requirements) {
      out.push(`  ${r.id}${r.title ? ` ${r.title}` : ''}: ${summaryLine(r.summary)}`);
      for (const c of r.criteria) {
        if (c.requireImplemented && !c.implemented) missing.implemented.push(c);
        if (c.requireVerified && !c.verified) missing.verified.push(c);
      }
    }
  }
  const list = (title: string, items: CriterionCoverage[]) => {
    if (!items.length) return;
    out.push('', `${title} (${items.length}):`);
    for (const c of items) out.push(`  ${c.ref}  ${c.text.length > 90 ? c.text.slice(0, 89) + '…' : c.text}`);
  };
  list('Not implemented', missing.implemented);
  list('Not verified', missing.verified);
  out.push('', `Workspace: ${summaryLine(report.summary)}`);
  return out.join('\n');
}
