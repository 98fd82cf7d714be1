// @spec specthread-core#20.3
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { TaskStatus } from '../../model';
import { Range } from '../../text/range';

/** The lenses above one task: `Start task` and `Mark done` (or `Reopen` when it is done). */
export interface TaskLens {
  readonly range: Range;
  readonly spec: string;
  readonly task: string;
  readonly status: TaskStatus;
}

/** One entry per numbered task of `path`; unnumbered checkboxes cannot be addressed, so they get none. */
export function taskLenses(spec: SpecModel, path: string, token: CancellationToken): TaskLens[] {
  throwIfCancelled(token);
  const out: TaskLens[] = [];
  for (const { node, path: at } of spec.taskList) {
    if (at !== path || node.id === undefined) continue;
    out.push({ range: node.range, spec: spec.id, task: node.id, status: node.status });
  }
  return out;
}
