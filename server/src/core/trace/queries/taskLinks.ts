// @spec specthread-core#10.5
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { Range } from '../../text/range';
import { TraceAnalysis } from '../traceAnalysis';

export interface TaskFileLink {
  readonly range: Range;
  /** Absolute path of the file (or folder) the task names. */
  readonly target: string;
}

/** Document links for the file paths named in tasks.md that exist. */
export function taskFileLinks(analysis: TraceAnalysis, spec: SpecModel, path: string, token: CancellationToken): TaskFileLink[] {
  throwIfCancelled(token);
  if (spec.files.tasks?.path !== path) return [];
  const out: TaskFileLink[] = [];
  for (const m of analysis.mentions(spec)) {
    const target = analysis.resolveMention(spec, m.path);
    if (target) out.push({ range: m.range, target });
  }
  return out;
}
