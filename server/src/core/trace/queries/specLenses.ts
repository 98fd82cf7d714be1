// @spec specthread-core#11.6, specthread-core#20.3
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { linkCounts, tasksFor } from '../../coverage/coverage';
import { SpecModel } from '../../index/specModel';
import { citingTasks } from '../../queries/locate';
import { Range } from '../../text/range';
import { TraceAnalysis } from '../traceAnalysis';
import { threadCounts } from './tagAt';

export interface SpecLens {
  readonly range: Range;
  readonly title: string;
  /** The requirement or criterion id the lens counts for. */
  readonly id: string;
}

/** Code lenses on the requirements of a requirements file: `2 tasks · 3 code · 1 test`. */
export function specLenses(analysis: TraceAnalysis, spec: SpecModel, path: string, token: CancellationToken): SpecLens[] {
  throwIfCancelled(token);
  const out: SpecLens[] = [];
  for (const r of spec.requirementList) {
    if (r.path !== path) continue;
    const links = analysis.index.linksForRequirement(spec, r.node.id);
    const code = new Set(links.filter((l) => l.role === 'source').map((l) => `${l.path}:${l.tag.range.start.line}`)).size;
    const lineKeys = (pending: boolean) =>
      new Set(links.filter((l) => l.role === 'test' && !!l.tag.pending === pending).map((l) => `${l.path}:${l.tag.range.start.line}`)).size;
    out.push({ range: r.node.range, id: r.node.id, title: threadCounts(citingTasks(spec, r.node.id).length, code, lineKeys(false), lineKeys(true)) });
  }
  return out;
}

/**
 * A lens on one acceptance criterion (the `specthread.lenses.criteria` setting): what traces it,
 * or that nothing implements it yet and which open task (if any) would. The transport turns
 * `traced` lenses into a peek of the references and the others into Start Task or the coverage.
 */
export interface CriterionLens {
  readonly range: Range;
  readonly id: string;
  readonly title: string;
  /** True when code or tests trace the criterion: the lens peeks them. */
  readonly traced: boolean;
  /** The first task citing the criterion that is not done, for a criterion nothing implements. */
  readonly openTask?: string;
}

/** Lenses on the criteria of a requirements file: `2 code · 1 test`, or `not implemented`. */
export function criterionLenses(analysis: TraceAnalysis, spec: SpecModel, path: string, token: CancellationToken): CriterionLens[] {
  throwIfCancelled(token);
  const out: CriterionLens[] = [];
  for (const r of spec.requirementList) {
    if (r.path !== path) continue;
    for (const c of r.node.criteria) {
      const { code, tests, pending } = linkCounts(analysis.index.linksForCriterion(spec, c.id));
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      if (code || tests || pending) {
        const title = `${n(code, 'code', 'code')} · ${n(tests, 'test', 'tests')}${pending ? ` · ${pending} pending` : ''}`;
        out.push({ range: c.range, id: c.id, title, traced: true });
        continue;
      }
      // Only a numbered task can be started; a task already done points at a gap in the tags instead.
      const open = tasksFor(spec, r.node.id, c.id).find((t) => t.node.status !== 'done' && t.node.id !== undefined);
      out.push({ range: c.range, id: c.id, title: 'not implemented', traced: false, ...(open?.node.id ? { openTask: open.node.id } : {}) });
    }
  }
  return out;
}

/** Counts for one criterion, for hovers in the spec. */
export function criterionCounts(analysis: TraceAnalysis, spec: SpecModel, requirementId: string, id: string): string {
  const { code, tests, pending } = linkCounts(analysis.index.linksForCriterion(spec, id));
  return threadCounts(tasksFor(spec, requirementId, id).length, code, tests, pending);
}
