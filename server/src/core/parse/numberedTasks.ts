// @spec specthread-core#1.2
import { TaskNode, TaskStatus } from '../model';
import { Block, MarkdownDoc, blockRange, listItemColumns } from './markdown';

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
  const walk = (block: Block, depth: number) => {
    for (const child of block.children) {
      if (child.type === 'listItem') {
        const task = taskFromItem(doc, child, depth);
        if (task) tasks.push(task);
        for (const grand of child.children) walk(grand, depth + 1);
      } else if (child.type === 'list' || child.type === 'blockquote') {
        walk(child, depth);
      }
    }
  };
  walk(doc.root, 0);
  return tasks;
}

function taskFromItem(doc: MarkdownDoc, item: Block, depth: number): TaskNode | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || first.startLine !== item.startLine) return undefined;
  const line = item.startLine;
  const lineText = doc.lines.lineText(line);
  const cols = listItemColumns(doc, item);
  const rest = lineText.slice(cols.content);
  const m = TASK_LINE.exec(rest);
  if (!m) return undefined;
  const id = m[3];
  const idCol = id ? cols.content + rest.indexOf(id, 3 + (m[2]?.length ?? 0)) : -1;
  return {
    id,
    title: withoutComments(m[4]!.replace(/^\\?\*\s*/, '')).trim(),
    // TASK_LINE admits only the marks STATUS maps.
    status: STATUS[m[1]!]!,
    // The star may also follow the number (`- [ ] 2.2* Title`) in hand-edited files.
    optional: Boolean(m[2]) || /^\\?\*/.test(m[4]!),
    range: doc.lines.span(line, cols.marker, line, lineText.length),
    markerRange: doc.lines.span(line, cols.content, line, cols.content + 3),
    idRange: id ? doc.lines.span(line, idCol, line, idCol + id.length) : undefined,
    itemRange: blockRange(doc, item),
    depth,
  };
}

/**
 * Drops `<!-- … -->` comments and the blanks before each. Plain string code: the regex
 * `\s*<!--[\s\S]*?-->` rescanned the rest of the line for every unclosed `<!--`, quadratic.
 */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open).trimEnd();
    from = close + 3;
  }
  return out + text.slice(from);
}
