// @spec specthread-core#11.6
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

/** Counts for one criterion, for hovers in the spec. */
export function criterionCounts(analysis: TraceAnalysis, spec: SpecModel, requirementId: string, id: string): string {
  const { code, tests, pending } = linkCounts(analysis.index.linksForCriterion(spec, id));
  return threadCounts(tasksFor(spec, requirementId, id).length, code, tests, pending);
}
