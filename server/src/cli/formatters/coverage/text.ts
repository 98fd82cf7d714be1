// @spec specthread-core#12.1, specthread-core#15.6
import type { CriterionCoverage } from '../../../../../shared/coverage';
import { relativePath } from '../paths';
import { CoverageReport, Formatter } from '../types';
import { coverageSummaryLine } from './summaryLine';

/** Long criteria are cut so that each missing criterion stays on one terminal line. */
const MAX_CRITERION_TEXT = 90;

/**
 * Per spec and per requirement, one summary line each; then the criteria that the project
 * requires to be implemented or verified and that are not, and the workspace's summary last.
 */
export const formatCoverageText: Formatter<CoverageReport> = (report, { cwd }) => {
  const out: string[] = [];
  const missing: { implemented: CriterionCoverage[]; verified: CriterionCoverage[] } = { implemented: [], verified: [] };
  for (const spec of report.specs) {
    out.push(
      `${spec.spec} (${relativePath(spec.dir, cwd)})${spec.traced ? '' : ' — no code or test points into this spec'}`,
      `  ${coverageSummaryLine(spec.summary)}`,
    );
    for (const r of spec.requirements) {
      out.push(`  ${r.id}${r.title ? ` ${r.title}` : ''}: ${coverageSummaryLine(r.summary)}`);
      for (const c of r.criteria) {
        if (c.requireImplemented && !c.implemented) missing.implemented.push(c);
        // With test results, a criterion verified only by tags still lacks a passing test.
        if (c.requireVerified && !(c.passing ?? c.verified)) missing.verified.push(c);
      }
    }
  }
  const list = (title: string, items: CriterionCoverage[]) => {
    if (!items.length) return;
    out.push('', `${title} (${items.length}):`);
    for (const c of items)
      out.push(
        `  ${c.ref}  ${c.text.length > MAX_CRITERION_TEXT ? c.text.slice(0, MAX_CRITERION_TEXT - 1) + '…' : c.text}${c.state === 'pending' ? '  (test pending)' : ''}`,
      );
  };
  list('Not implemented', missing.implemented);
  list(report.summary.passing !== undefined ? 'No passing test' : 'Not verified', missing.verified);
  out.push('', `Workspace: ${coverageSummaryLine(report.summary)}`);
  return out.join('\n');
};
