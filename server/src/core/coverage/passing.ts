// @spec specthread-core#17.3
import type { CoverageReport, CriterionCoverage, SpecCoverage } from '../../../../shared/coverage';
import { summarise } from './coverage';

/**
 * Coverage with test results: a criterion is `passing` when a passing test names it or its whole
 * requirement, and one that must be verified is complete only then, so `--fail-under` requires
 * passing tests, not just tagged ones. `passing` holds `<spec dir>#<id>` keys (testResults.ts).
 */
export function withTestResults(report: CoverageReport, passing: ReadonlySet<string>): CoverageReport {
  const all: CriterionCoverage[] = [];
  const specs = report.specs.map((spec): SpecCoverage => {
    const inSpec: CriterionCoverage[] = [];
    const requirements = spec.requirements.map((r) => {
      const criteria = r.criteria.map((c): CriterionCoverage => {
        const passed = passing.has(`${spec.dir}#${c.id}`) || passing.has(`${spec.dir}#${r.id}`);
        return {
          ...c,
          state: passed ? 'passing' : c.state,
          passing: passed,
          complete: (!c.requireImplemented || c.implemented) && (!c.requireVerified || passed),
        };
      });
      inSpec.push(...criteria);
      return { ...r, criteria, summary: summaryOf(criteria) };
    });
    all.push(...inSpec);
    return { ...spec, requirements, summary: summaryOf(inSpec) };
  });
  return { ...report, summary: summaryOf(all), specs };
}

function summaryOf(criteria: readonly CriterionCoverage[]) {
  return { ...summarise(criteria), passing: criteria.filter((c) => c.passing).length };
}
