// @spec specthread-core#9.1, specthread-core#19.4, specthread-core#21.1
import type { CoverageReport, CoverageState, CoverageSummary, CriterionCoverage, RequirementCoverage, SpecCoverage } from '../../../../shared/coverage';
import { TraceSettings } from '../../../../shared/traceSettings';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { compareIds } from '../checks/suggest';
import { Located, SpecModel } from '../index/specModel';
import { TaskNode } from '../model';
import { citingTasks, tasksCitingAny } from '../queries/locate';
import { TraceIndex, TraceLink } from '../trace/traceIndex';
import { Requirements, requiredStates } from './requirement';

/**
 * Coverage of every criterion along `specified → tasked → implemented → verified`:
 * tasked when a task cites it (or its requirement, or `All`), implemented when a tag in a source
 * file names it (or its requirement), verified when a test tag or test title does. A test that
 * names it but is skipped or todo (a stub from `specthread test-stubs`) verifies nothing: the
 * criterion is "test pending" until the test runs.
 */
export function computeCoverage(specs: readonly SpecModel[], index: TraceIndex, settings: TraceSettings, token: CancellationToken): CoverageReport {
  const required = requiredStates(settings);
  const out: SpecCoverage[] = [];
  for (const spec of specs) {
    throwIfCancelled(token);
    out.push(specCoverage(spec, index, required));
  }
  return coverageReport(out);
}

/** The report over specs whose coverage is known: its summary is the sum of theirs. */
export function coverageReport(specs: SpecCoverage[]): CoverageReport {
  return { version: 1, summary: combine(specs.map((s) => s.summary)), specs };
}

/**
 * One spec's coverage: it reads only the spec, the links into it and the settings, so the
 * engine keeps it until one of those changes (traceAnalysis.ts).
 */
export function specCoverage(spec: SpecModel, index: TraceIndex, required: Requirements): SpecCoverage {
  const requirements: RequirementCoverage[] = [];
  for (const r of [...spec.requirements.values()].sort((a, b) => compareIds(a.node.id, b.node.id))) {
    // A requirement without criteria (spec-kit's FR-003, or an unfinished Kiro one) is its own unit.
    const units = r.node.criteria.length ? r.node.criteria.map((c) => ({ id: c.id, text: c.text })) : [{ id: r.node.id, text: r.node.title }];
    const criteria = units.map((u): CriterionCoverage => {
      const links = u.id === r.node.id ? index.linksForRequirement(spec, u.id) : index.linksForCriterion(spec, u.id);
      const tasks = tasksFor(spec, r.node.id, u.id).length;
      const tasked = tasks > 0 || (spec.citesAll && !!spec.files.tasks);
      const { code, tests, pending } = linkCounts(links);
      const requireImplemented = required.implemented(spec.id, r.node.id, u.id);
      const requireVerified = required.verified(spec.id, r.node.id, u.id);
      const state = stateOf(tasked, code, tests, pending);
      return {
        ref: `${spec.id}#${u.id}`,
        id: u.id,
        text: u.text,
        state,
        tasked,
        implemented: code > 0,
        verified: tests > 0,
        requireImplemented,
        requireVerified,
        complete: (!requireImplemented || code > 0) && (!requireVerified || tests > 0),
        tasks,
        code,
        tests,
        ...(pending ? { pending } : {}),
      };
    });
    requirements.push({ ref: `${spec.id}#${r.node.id}`, id: r.node.id, title: r.node.title, summary: summarise(criteria), criteria });
  }
  return {
    spec: spec.id,
    dir: spec.dir,
    traced: index.isTraced(spec),
    summary: summarise(requirements.flatMap((r) => r.criteria)),
    requirements,
  };
}

/** The summary of several specs' criteria together, from their summaries: what summarise gives over all of them. */
function combine(parts: readonly CoverageSummary[]): CoverageSummary {
  let criteria = 0;
  let tasked = 0;
  let implemented = 0;
  let verified = 0;
  let pending = 0;
  let complete = 0;
  for (const p of parts) {
    criteria += p.criteria;
    tasked += p.tasked;
    implemented += p.implemented;
    verified += p.verified;
    pending += p.pending ?? 0;
    complete += p.complete;
  }
  return {
    criteria,
    tasked,
    implemented,
    verified,
    ...(pending ? { pending } : {}),
    complete,
    percent: criteria ? Math.round((complete / criteria) * 1000) / 10 : 100,
  };
}

/** Code tags, verifying test refs and pending test refs among a criterion's links. */
export function linkCounts(links: readonly TraceLink[]): { code: number; tests: number; pending: number } {
  let code = 0;
  let tests = 0;
  let pending = 0;
  for (const l of links) {
    if (l.role === 'source') code++;
    else if (l.tag.pending) pending++;
    else tests++;
  }
  return { code, tests, pending };
}

/** The furthest state: a pending test is further than code alone, and short of a test that runs. */
export function stateOf(tasked: boolean, code: number, tests: number, pending: number): CoverageState {
  return tests ? 'verified' : pending ? 'pending' : code ? 'implemented' : tasked ? 'tasked' : 'specified';
}

/** Tasks citing a criterion directly or its whole requirement (not its sibling criteria). */
export function tasksFor(spec: SpecModel, requirementId: string, id: string): Located<TaskNode>[] {
  if (id === requirementId) return citingTasks(spec, id);
  return tasksCitingAny(spec, [id, requirementId]);
}

export function summarise(criteria: readonly CriterionCoverage[]): CoverageSummary {
  const count = (f: (c: CriterionCoverage) => boolean) => criteria.filter(f).length;
  const complete = count((c) => c.complete);
  const pending = count((c) => !c.verified && !!c.pending);
  return {
    criteria: criteria.length,
    tasked: count((c) => c.tasked),
    implemented: count((c) => c.implemented),
    verified: count((c) => c.verified),
    ...(pending ? { pending } : {}),
    complete,
    percent: criteria.length ? Math.round((complete / criteria.length) * 1000) / 10 : 100,
  };
}
