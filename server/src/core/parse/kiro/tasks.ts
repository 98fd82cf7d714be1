import type { ListItem, Nodes } from 'mdast';
import { TaskNode, TaskStatus } from '../../model';
import { MarkdownDoc, endOffset, startOffset, visit } from '../markdown';

/**
 * Kiro `tasks.md`: checkbox list items `- [ ] 1. Title`, sub-tasks `- [ ] 1.1 Title` indented
 * or flat, markers `[ ] [x] [X] [-] [~]`, an optional-task star before or after the number
 * (`- [ ]* 2.2`, `- [ ]\* 2.2`), and a trailing dot on the number or not. GFM task-list
 * parsing is not used because it only knows `[ ]` and `[x]`; the checkbox is read from the
 * item's first line instead.
 */

const TASK_LINE = /^\[([ xX\-~])\](\s*\\?\*)?\s*(?:(\d+(?:\.\d+)*[a-z]?)\.?(?=\s|$))?\s*(.*)$/;

const STATUS: Record<string, TaskStatus> = { ' ': 'open', x: 'done', X: 'done', '-': 'in-progress', '~': 'queued' };

export function parseTasks(doc: MarkdownDoc): TaskNode[] {
  const tasks: TaskNode[] = [];
  const walk = (node: Nodes, depth: number) => {
    visit(node, (child) => {
      if (child === node) return;
      if (child.type === 'listItem') {
        const task = taskFromItem(doc, child, depth);
        if (task) tasks.push(task);
        for (const grand of child.children) walk(grand, depth + 1);
        return false;
      }
      if (child.type === 'code' || child.type === 'html') return false;
    });
  };
  walk(doc.root, 0);
  return tasks;
}

function taskFromItem(doc: MarkdownDoc, item: ListItem, depth: number): TaskNode | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const start = startOffset(first);
  const pos = doc.lines.positionAt(start);
  const lineText = doc.lines.lineText(pos.line);
  const rest = lineText.slice(pos.character);
  const m = TASK_LINE.exec(rest);
  if (!m) return undefined;
  const col = pos.character;
  const id = m[3];
  const idCol = id ? col + rest.indexOf(id, 3 + (m[2]?.length ?? 0)) : -1;
  const itemStart = doc.lines.positionAt(startOffset(item));
  return {
    id,
    title: m[4].replace(/^\\?\*\s*/, '').trim(),
    status: STATUS[m[1]],
    // The star may also follow the number (`- [ ] 2.2* Title`) in hand-edited files.
    optional: Boolean(m[2]) || /^\\?\*/.test(m[4]),
    range: { start: itemStart, end: { line: pos.line, character: lineText.length } },
    markerRange: { start: { line: pos.line, character: col }, end: { line: pos.line, character: col + 3 } },
    idRange: id ? { start: { line: pos.line, character: idCol }, end: { line: pos.line, character: idCol + id.length } } : undefined,
    itemRange: doc.lines.rangeOf(startOffset(item), endOffset(item)),
    depth,
  };
}
