// @spec specthread-core#20.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { TaskStatus } from '../../model';

/** A task of some spec as the editor's pick lists show it; `line` counts from 0. */
export interface TaskEntry {
  readonly spec: string;
  readonly id?: string;
  readonly title: string;
  readonly status: TaskStatus;
  readonly optional: boolean;
  readonly path: string;
  readonly line: number;
}

/** Every task of every spec, in spec order and then file order ("Start Task", "Next Open Task"). */
export function taskEntries(specs: readonly SpecModel[], token: CancellationToken): TaskEntry[] {
  throwIfCancelled(token);
  return specs.flatMap((spec) =>
    spec.taskList.map(({ node, path }) => ({
      spec: spec.id,
      ...(node.id !== undefined ? { id: node.id } : {}),
      title: node.title,
      status: node.status,
      optional: node.optional,
      path,
      line: node.range.start.line,
    })),
  );
}

/** A requirement or criterion for "Go to Requirement…": its ref, its text and where it is written. */
export interface RequirementEntry {
  readonly ref: string;
  readonly kind: 'requirement' | 'criterion';
  readonly text: string;
  readonly path: string;
  readonly line: number;
}

/** Every requirement followed by its criteria, for every spec; the text is what the quick pick searches. */
export function requirementEntries(specs: readonly SpecModel[], token: CancellationToken): RequirementEntry[] {
  throwIfCancelled(token);
  const out: RequirementEntry[] = [];
  for (const spec of specs) {
    for (const { node, path } of spec.requirementList) {
      out.push({
        ref: `${spec.id}#${node.id}`,
        kind: 'requirement',
        text: node.text ? `${node.title}: ${node.text}` : node.title,
        path,
        line: node.range.start.line,
      });
      for (const c of node.criteria) out.push({ ref: `${spec.id}#${c.id}`, kind: 'criterion', text: c.text, path, line: c.range.start.line });
    }
  }
  return out;
}

/** The toggle of "Toggle Task Done": a done task reopens, any other state becomes done. */
export function toggledState(status: TaskStatus): TaskStatus {
  return status === 'done' ? 'open' : 'done';
}
