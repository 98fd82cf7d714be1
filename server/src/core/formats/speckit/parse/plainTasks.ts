// @spec specthread-core#16.1
import { Heading, TaskNode, TaskStatus } from '../../../model';
import { headingAtOrAbove } from '../../../parse/headingAt';
import { Block, MarkdownDoc, blockRange, listItemColumns } from '../../../parse/markdown';

/**
 * A tasks.md with no task ids at all (`- [ ] Audit the web app for responsive readiness` under
 * `## Phase 1: …`) is still a task list: its checkboxes are read as unnumbered tasks, so the
 * folder is understood instead of yielding nothing. Lines that only report a phase's progress
 * (`- [x] Phase 2: Foundation (20/20 tasks complete)`) are not tasks.
 */

const CHECKBOX = /^\[([ xX\-~])\]\s+(\S.*)$/;
const STATUS: Record<string, TaskStatus> = { ' ': 'open', x: 'done', X: 'done', '-': 'in-progress', '~': 'queued' };
const PHASE_STATUS = /^(?:\*\*)?(?:Phase|Stage|阶段|階段|フェーズ)\s*\d/i;

export function plainTasks(doc: MarkdownDoc, headings: readonly Heading[]): TaskNode[] {
  const out: TaskNode[] = [];
  const walk = (block: Block, depth: number) => {
    for (const child of block.children) {
      if (child.type === 'listItem') {
        const task = plainTask(doc, child, depth, headings);
        if (task) out.push(task);
        for (const grand of child.children) walk(grand, depth + 1);
      } else if (child.type === 'list' || child.type === 'blockquote') {
        walk(child, depth);
      }
    }
  };
  walk(doc.root, 0);
  return out;
}

function plainTask(doc: MarkdownDoc, item: Block, depth: number, headings: readonly Heading[]): TaskNode | undefined {
  const line = item.startLine;
  const text = doc.lines.lineText(line);
  const cols = listItemColumns(doc, item);
  const m = CHECKBOX.exec(text.slice(cols.content));
  if (!m || PHASE_STATUS.test(m[2]!)) return undefined;
  return {
    title: m[2]!.trim(),
    status: STATUS[m[1]!]!,
    optional: false,
    range: { start: { line, character: cols.marker }, end: { line, character: text.length } },
    markerRange: { start: { line, character: cols.content }, end: { line, character: cols.content + 3 } },
    itemRange: blockRange(doc, item),
    depth,
    parallel: false,
    phase: headingAtOrAbove(headings, line - 1)?.text,
  };
}
