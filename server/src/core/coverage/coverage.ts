// @spec specthread-core#9.1
import type { CoverageReport, CoverageState, CoverageSummary, CriterionCoverage, RequirementCoverage, SpecCoverage } from '../../../../shared/coverage';
import { TraceSettings } from '../../../../shared/traceSettings';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { compareIds } from '../checks/suggest';
import { Located, SpecModel } from '../index/specModel';
import { TaskNode } from '../model';
import { citingTasks, tasksCitingAny } from '../queries/locate';
import { TraceIndex } from '../trace/traceIndex';
import { requiredStates } from './requirement';

/**
 * Coverage of every criterion along `specified → tasked → implemented → verified`:
 * tasked when a task cites it (or its requirement, or `All`), implemented when a tag in a source
 * file names it (or its requirement), verified when a test tag or test title does.
 */
export function computeCoverage(specs: readonly SpecModel[], index: TraceIndex, settings: TraceSettings, token: CancellationToken): CoverageReport {
  const required = requiredStates(settings);
  const out: SpecCoverage[] = [];
  for (const spec of specs) {
    throwIfCancelled(token);
    const requirements: RequirementCoverage[] = [];
    for (const r of [...spec.requirements.values()].sort((a, b) => compareIds(a.node.id, b.node.id))) {
      // A requirement without criteria (spec-kit's FR-003, or an unfinished Kiro one) is its own unit.
      const units = r.node.criteria.length ? r.node.criteria.map((c) => ({ id: c.id, text: c.text })) : [{ id: r.node.id, text: r.node.title }];
      const criteria = units.map((u): CriterionCoverage => {
        const links = u.id === r.node.id ? index.linksForRequirement(spec, u.id) : index.linksForCriterion(spec, u.id);
        const tasks = tasksFor(spec, r.node.id, u.id).length;
        const tasked = tasks > 0 || (spec.citesAll && !!spec.files.tasks);
        const code = links.filter((l) => l.role === 'source').length;
        const tests = links.filter((l) => l.role === 'test').length;
        const requireImplemented = required.implemented(spec.id, r.node.id, u.id);
        const requireVerified = required.verified(spec.id, r.node.id, u.id);
        const state: CoverageState = tests ? 'verified' : code ? 'implemented' : tasked ? 'tasked' : 'specified';
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
        };
      });
      requirements.push({ ref: `${spec.id}#${r.node.id}`, id: r.node.id, title: r.node.title, summary: summarise(criteria), criteria });
    }
    out.push({
      spec: spec.id,
      dir: spec.dir,
      traced: index.isTraced(spec),
      summary: summarise(requirements.flatMap((r) => r.criteria)),
      requirements,
    });
  }
  return { version: 1, summary: summarise(out.flatMap((s) => s.requirements.flatMap((r) => r.criteria))), specs: out };
}

/** Tasks citing a criterion directly or its whole requirement (not its sibling criteria). */
export function tasksFor(spec: SpecModel, requirementId: string, id: string): Located<TaskNode>[] {
  if (id === requirementId) return citingTasks(spec, id);
  return tasksCitingAny(spec, [id, requirementId]);
}

export function summarise(criteria: readonly CriterionCoverage[]): CoverageSummary {
  const count = (f: (c: CriterionCoverage) => boolean) => criteria.filter(f).length;
  const complete = count((c) => c.complete);
  return {
    criteria: criteria.length,
    tasked: count((c) => c.tasked),
    implemented: count((c) => c.implemented),
    verified: count((c) => c.verified),
    complete,
    percent: criteria.length ? Math.round((complete / criteria.length) * 1000) / 10 : 100,
  };
}
