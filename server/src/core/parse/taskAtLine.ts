// @spec specthread-core#14.3
import { TaskNode } from '../model';
import { comparePositions } from '../text/range';

/** Finds the innermost task whose list item holds a line. */
export type TaskAtLine = (line: number) => TaskNode | undefined;

/**
 * Builds a line → innermost task table in one sweep over the lines, so that finding the task of
 * each ref, file mention or line costs O(1) instead of a scan of every task (which made a 40k-task
 * tasks.md quadratic). "Innermost" means the task with the latest start among those whose item
 * spans the line, which for nested list items is the deepest one.
 *
 * The sweep keeps the open tasks on a stack in start order; a task whose item ended is popped when
 * it reaches the top. The top is then always the latest-started task still open, so the table is
 * right even if items were not properly nested.
 */
export function taskAtLine(tasks: readonly TaskNode[]): TaskAtLine {
  if (tasks.length === 0) return () => undefined;
  const order = tasks.map((_, i) => i).sort((a, b) => comparePositions(tasks[a]!.itemRange.start, tasks[b]!.itemRange.start) || a - b);
  const first = tasks[order[0]!]!.itemRange.start.line;
  let last = first;
  for (const t of tasks) last = Math.max(last, t.itemRange.end.line);
  const owner: (TaskNode | undefined)[] = new Array(last - first + 1);
  const open: TaskNode[] = [];
  let next = 0;
  for (let line = first; line <= last; line++) {
    while (open.length && open[open.length - 1]!.itemRange.end.line < line) open.pop();
    while (next < order.length && tasks[order[next]!]!.itemRange.start.line <= line) {
      const t = tasks[order[next++]!]!;
      // An item that ends before its own start line (never produced by the parser) holds no line.
      if (t.itemRange.end.line >= line) open.push(t);
    }
    owner[line - first] = open[open.length - 1];
  }
  return (line) => (line >= first && line <= last ? owner[line - first] : undefined);
}
