// @spec specthread-core#18.3
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { TaskStatus } from '../../model';
import { AgentView } from './agentView';
import { specNamed } from './specRef';
import { findTask } from './taskContext';
import { FileChange, applyEdits } from './textEdits';

/** The checkbox of each state, as Kiro and spec-kit write it. */
const MARKERS: Record<TaskStatus, string> = { open: '[ ]', done: '[x]', 'in-progress': '[-]', queued: '[~]' };

export const TASK_STATES = Object.keys(MARKERS) as TaskStatus[];

export interface TaskStateChange {
  readonly spec: string;
  readonly task: string;
  readonly from: TaskStatus;
  readonly to: TaskStatus;
  readonly path: string;
  readonly line: number;
  /** The file's new text; undefined when the task already has the state. */
  readonly change?: FileChange;
}

/** The edit that gives a task a new state: its checkbox rewritten, nothing else. */
export function setTaskState(view: AgentView, specName: string, taskId: string, state: TaskStatus, token: CancellationToken): TaskStateChange {
  throwIfCancelled(token);
  const spec = specNamed(view.analysis.specs, specName);
  const task = findTask(spec, taskId);
  const before = view.textOf(task.path);
  const base = { spec: spec.id, task: taskId, from: task.node.status, to: state, path: view.show(task.path), line: task.node.range.start.line + 1 };
  if (before === undefined || task.node.status === state) return base;
  const after = applyEdits(before, [{ range: task.node.markerRange, newText: MARKERS[state] }]);
  return { ...base, change: { path: task.path, before, after } };
}
