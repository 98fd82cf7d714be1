// @spec specthread-core#20.2
import type { CoverageReport, CriterionCoverage, SpecCoverage } from '../../../../shared/coverage';
import type {
  OverviewCriterion,
  OverviewLink,
  OverviewPlace,
  OverviewProblems,
  OverviewRequirement,
  OverviewSpec,
  OverviewTask,
  SpecsOverview,
} from '../../../../shared/specsViewProtocol';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { summarise } from '../coverage/coverage';
import { withTestResults } from '../coverage/passing';
import { Finding } from '../findings';
import { SpecModel } from '../index/specModel';
import { Range } from '../text/range';
import { TraceAnalysis } from '../trace/traceAnalysis';
import { TraceLink } from '../trace/traceIndex';
import { citingTasks } from './locate';

/**
 * The Specs view and the Coverage view in one answer: the coverage report of the trace analysis
 * joined with where each requirement, criterion and task is, which tasks, code and tests cover a
 * requirement, and how many errors and warnings lie inside each node (for the "problems only"
 * filter). `findingsOf` gives a spec's published findings, so the views count what Problems shows.
 * `passing` (from test reports, `<spec dir>#<id>` keys) fills the test results column.
 */
export function specsOverview(
  analysis: TraceAnalysis,
  findingsOf: (spec: SpecModel) => readonly Finding[],
  token: CancellationToken,
  passing?: ReadonlySet<string>,
): SpecsOverview {
  throwIfCancelled(token);
  const report = passing ? withTestResults(analysis.coverage(token), passing) : analysis.coverage(token);
  const coverage = coverageBySpec(report);
  const specs = analysis.specs.specs.map((spec) => {
    throwIfCancelled(token);
    return overviewOf(analysis, spec, coverage.get(spec.id), findingsOf(spec).filter(counts));
  });
  return { version: 1, summary: report.summary, testResults: report.summary.passing !== undefined, specs };
}

/** Hints and infos are not problems a filter should surface; errors and warnings are. */
const counts = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

function coverageBySpec(report: CoverageReport): Map<string, { spec: SpecCoverage; criteria: Map<string, CriterionCoverage> }> {
  const out = new Map<string, { spec: SpecCoverage; criteria: Map<string, CriterionCoverage> }>();
  for (const spec of report.specs) {
    const criteria = new Map<string, CriterionCoverage>();
    for (const r of spec.requirements) for (const c of r.criteria) criteria.set(c.id, c);
    out.set(spec.spec, { spec, criteria });
  }
  return out;
}

function overviewOf(
  analysis: TraceAnalysis,
  spec: SpecModel,
  coverage: { spec: SpecCoverage; criteria: Map<string, CriterionCoverage> } | undefined,
  findings: readonly Finding[],
): OverviewSpec {
  const requirementCoverage = new Map(coverage?.spec.requirements.map((r) => [r.id, r]) ?? []);
  const requirements = spec.requirementList.map((r): OverviewRequirement => {
    const node = r.node;
    const inSection = findings.filter((f) => f.path === r.path && within(f.range.start.line, node.sectionRange));
    const criteria = node.criteria.map((c, i): OverviewCriterion => {
      const cov = coverage?.criteria.get(c.id);
      // A criterion runs from its first line to the next criterion (or the end of its requirement).
      const end = node.criteria[i + 1]?.range.start.line ?? node.sectionRange.end.line + 1;
      return {
        ref: `${spec.id}#${c.id}`,
        id: c.id,
        text: c.text,
        state: cov?.state ?? 'specified',
        complete: cov?.complete ?? false,
        tasks: cov?.tasks ?? 0,
        code: cov?.code ?? 0,
        tests: cov?.tests ?? 0,
        ...(cov?.passing !== undefined ? { passing: cov.passing } : {}),
        place: placeOf(r.path, c.range),
        problems: problemsOf(inSection.filter((f) => f.range.start.line >= c.range.start.line && f.range.start.line < end)),
      };
    });
    const links = analysis.index.linksForRequirement(spec, node.id);
    return {
      ref: `${spec.id}#${node.id}`,
      id: node.id,
      title: node.title,
      place: placeOf(r.path, node.range),
      summary: requirementCoverage.get(node.id)?.summary ?? summarise([]),
      problems: problemsOf(inSection),
      criteria,
      taskLinks: citingTasks(spec, node.id).map((t) => ({ label: t.node.id ?? t.node.title, ...placeOf(t.path, t.node.range) })),
      codeLinks: tagLinks(links, 'source'),
      testLinks: tagLinks(links, 'test'),
    };
  });
  const tasks = spec.taskList.map((t): OverviewTask => ({
    ...(t.node.id ? { id: t.node.id } : {}),
    title: t.node.title,
    status: t.node.status,
    optional: t.node.optional,
    depth: t.node.depth,
    place: placeOf(t.path, t.node.range),
    problems: problemsOf(findings.filter((f) => f.path === t.path && within(f.range.start.line, t.node.itemRange))),
  }));
  return {
    spec: spec.id,
    format: spec.format,
    dir: spec.dir,
    traced: coverage?.spec.traced ?? false,
    summary: coverage?.spec.summary ?? summarise([]),
    problems: problemsOf(findings),
    requirements,
    tasks,
  };
}

const placeOf = (path: string, range: Range): OverviewPlace => ({ path, line: range.start.line });

const within = (line: number, range: Range) => line >= range.start.line && line <= range.end.line;

function problemsOf(findings: readonly Finding[]): OverviewProblems {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/** Each tagging place once, in path and line order (a requirement tag and a criterion tag may share a line). */
function tagLinks(links: readonly TraceLink[], role: TraceLink['role']): OverviewLink[] {
  const seen = new Set<string>();
  const out: OverviewLink[] = [];
  for (const l of links) {
    const key = `${l.path}:${l.tag.range.start.line}`;
    if (l.role !== role || seen.has(key)) continue;
    seen.add(key);
    out.push({ label: `${l.tag.spec}#${l.tag.id}`, path: l.path, line: l.tag.range.start.line });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}
