// @spec specthread-core#2.3, specthread-core#16.4
import { SpecRule } from '../rule';

/** A ticked parent task whose required (non-optional) sub-task is not done. */
export const parentDoneOpenSubtask: SpecRule = {
  meta: {
    code: 'task.parent-done-open-subtask',
    defaultSeverity: 'warning',
    summary: 'A task is ticked while one of its required sub-tasks is still open.',
    description:
      'A parent task is done when all its required sub-tasks are. Ticking the parent early hides open work from ' +
      'whoever reads the plan. Optional sub-tasks (marked `*`) do not count, nor do unnumbered check items under a ' +
      'numbered task: they are the steps of one task (a manual test script), which teams tick the task for, not each step.',
    bad: '- [x] 2. Data models\n  - [x] 2.1 Create models\n  - [ ] 2.2 Validate input',
    good: '- [ ] 2. Data models\n  - [x] 2.1 Create models\n  - [ ] 2.2 Validate input',
  },
  check(spec, report) {
    for (const parent of spec.taskList) {
      if (parent.node.status !== 'done' || !parent.node.id) continue;
      const open = (spec.subtasks.get(parent.node.id) ?? []).filter((t) => t.node.status !== 'done' && !t.node.optional && t.node.id !== undefined);
      if (open.length === 0) continue;
      const names =
        open
          .map((t) => t.node.id ?? t.node.title)
          .slice(0, 3)
          .join(', ') + (open.length > 3 ? ', …' : '');
      report({
        path: parent.path,
        range: parent.node.markerRange,
        message: `Task ${parent.node.id} is ticked but required sub-task${open.length > 1 ? 's' : ''} ${names} ${open.length > 1 ? 'are' : 'is'} not done.`,
        related: open.map((t) => ({ path: t.path, range: t.node.markerRange, message: `Open sub-task ${t.node.id ?? t.node.title}` })),
      });
    }
  },
};
