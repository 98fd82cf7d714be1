// @spec specthread-core#13.1
// @spec specthread-core#16.1
import { SpecKitExtras } from '../extras';
import { Heading, RefOccurrence, TaskNode, TaskStatus } from '../../../model';
import { Range } from '../../../text/range';
import { Block, MarkdownDoc, blockRange, collectHeadings, listItemColumns } from '../../../parse/markdown';
import { headingAtOrAbove } from '../../../parse/headingAt';
import { taskAtLine } from '../../../parse/taskAtLine';
import { dropHistoryMentions } from './history';
import { isTaskIdText, normalizeId, scanDocIds } from './ids';
import { plainTasks } from './plainTasks';
import { settleTaskMentions } from './taskMentions';

/**
 * spec-kit `tasks.md`: `- [ ] T001 [P] [US1] Description with a path`, `[X]` / `[x]` done,
 * `[-]` / `[~]` as Kiro uses them, suffixed ids (`T020a`), grouped under `## Phase N: …` headings with `**Checkpoint**:` lines.
 * Story labels become refs to the story; other ids in the text (`FR-003`, `depends on T012`)
 * become refs too, so an unknown one is reported and a requirement counts as reached.
 * Real task lists also write bold ids (`- [X] **T001** …`), sub-task ids (`T007.1`), and ids of
 * their own making (`T-79`, `T-HF02`, `TASK-001`, `T026-REMEDIAL`). A checkbox whose "id" is a
 * range or list (`T030.2~T030.6: …`) summarises tasks defined elsewhere and defines none;
 * a struck-through id (`~~T051~~ 已移除`) is a task retired on purpose.
 */

const TASK =
  /^\[([ xX\-~])\]\s+(?:\*\*|__)?(T\d+[a-z]?(?:\.\d+)*(?:-[A-Z]{2,}(?![a-z]))?|T-[A-Z]{0,3}\d+[a-z]?|TASK-\d+[a-z]?)(?:\*\*|__)?(?=[\s:：]|$):?\s*((?:\[[^\]]*\]\s*)*)(.*)$/;
const DEFERRED = /^\s*~~|\bDEFERRED\b|\b(?:Deferred|Postponed|Skipped)\s*[:：—–(]|延后|延期|推迟|暂缓|見送り/;
const POINTER = /\b(?:see|as) above\b|見上方|见上方|上記参照|参见上方|參見上方/i;
const LABEL = /\[([^\]]*)\]/g;
// `[-]` and `[~]` are not in the spec-kit template, but teams mark deferred and queued tasks that way.
const STATUS: Record<string, TaskStatus> = { ' ': 'open', x: 'done', X: 'done', '-': 'in-progress', '~': 'queued' };

export interface SpeckitTasksFacts {
  readonly tasks: TaskNode[];
  readonly refs: RefOccurrence[];
  readonly headings: Heading[];
  readonly extras: SpecKitExtras;
}

/** `feature` is the spec's folder name (`001-auth`), to tell its own ids from other features'. */
export function parseSpeckitTasks(doc: MarkdownDoc, feature?: string): SpeckitTasksFacts {
  const headings = collectHeadings(doc);
  const tasks: TaskNode[] = [];
  const labelRefs: RefOccurrence[] = [];
  const walk = (block: Block, depth: number) => {
    for (const child of block.children) {
      if (child.type === 'listItem') {
        const found = taskFromItem(doc, child, depth, headings);
        if (found) {
          tasks.push(found.task);
          labelRefs.push(...found.refs);
        }
        for (const grand of child.children) walk(grand, depth + 1);
      } else if (child.type === 'list' || child.type === 'blockquote') {
        walk(child, depth);
      } else if (child.type === 'code' && !/^\s*(?:```|~~~)/.test(doc.lines.lineText(child.startLine))) {
        // A checklist indented four spaces under a heading renders as code, but its author wrote tasks.
        for (let line = child.startLine; line <= child.endLine; line++) {
          const found = taskFromLine(doc, line, depth, headings);
          if (found) {
            tasks.push(found.task);
            labelRefs.push(...found.refs);
          }
        }
      }
    }
  };
  walk(doc.root, 0);
  const ownIds = new Set(tasks.map((t) => `${t.idRange!.start.line}:${t.idRange!.start.character}`));
  const labelled = new Set(labelRefs.map((r) => `${r.range.start.line}:${r.range.start.character}`));
  const mentions = scanDocIds(doc, 'inline-id', (line, start) => ownIds.has(`${line}:${start}`) || labelled.has(`${line}:${start}`)).map((r): RefOccurrence =>
    isTaskId(r) ? { ...r, source: 'task-dependency' } : r,
  );
  // "T001 folded into T005", "~~T051~~ 已移除", "US1 was descoped": history, not citations.
  const inline = settleTaskMentions(doc, dropHistoryMentions(doc, mentions, headings, feature), tasks);
  const owner = taskAtLine(tasks);
  const refs = [...labelRefs, ...inline].map((r) => ({ ...r, taskId: owner(r.range.start.line)?.id }));
  let checkpoints = 0;
  for (let line = 0; line < doc.lines.lineCount; line++) if (/^\s*(?:[-*+]\s+)?\*\*Checkpoint\b/i.test(doc.lines.lineText(line))) checkpoints++;
  return {
    // Only a list with no task id at all is read as unnumbered tasks; beside ids, bare checkboxes are notes.
    tasks: tasks.length > 0 ? tasks : plainTasks(doc, headings),
    refs,
    headings,
    extras: { type: 'speckit', clarifications: [], clarificationSessions: 0, clarificationAnswers: 0, placeholders: [], checkpoints },
  };
}

function isTaskId(ref: RefOccurrence): boolean {
  const t = ref.target;
  return (t.kind === 'id' && isTaskIdText(t.id)) || (t.kind === 'range' && isTaskIdText(t.from));
}

function taskFromItem(doc: MarkdownDoc, item: Block, depth: number, headings: Heading[]): { task: TaskNode; refs: RefOccurrence[] } | undefined {
  return taskAt(doc, item.startLine, listItemColumns(doc, item), blockRange(doc, item), depth, headings);
}

function taskFromLine(doc: MarkdownDoc, line: number, depth: number, headings: Heading[]): { task: TaskNode; refs: RefOccurrence[] } | undefined {
  const text = doc.lines.lineText(line);
  const m = /^(\s*)([-*+])(\s+)/.exec(text);
  if (!m) return undefined;
  const cols = { marker: m[1]!.length, content: m[0].length };
  return taskAt(doc, line, cols, { start: { line, character: cols.marker }, end: { line, character: text.length } }, depth, headings);
}

function taskAt(
  doc: MarkdownDoc,
  line: number,
  cols: { marker: number; content: number },
  itemRange: Range,
  depth: number,
  headings: Heading[],
): { task: TaskNode; refs: RefOccurrence[] } | undefined {
  const lineText = doc.lines.lineText(line);
  const rest = lineText.slice(cols.content);
  const m = TASK.exec(rest);
  // "T028.1: … (見上方 Agent Runtime 區)" points at a task listed above; it defines nothing.
  if (!m || POINTER.test(m[4]!)) return undefined;
  const id = m[2]!;
  const labels = m[3]!;
  const idCol = cols.content + rest.indexOf(id, 3);
  const labelsCol = cols.content + rest.indexOf(labels, rest.indexOf(id) + id.length);
  let parallel = false;
  let story: string | undefined;
  const refs: RefOccurrence[] = [];
  for (const label of labels.matchAll(LABEL)) {
    const value = label[1]!.trim();
    if (value === 'P') parallel = true;
    const storyLabel = /^(US-?\d+[a-z]?(?:\.\d+)?)$/.exec(value);
    if (!storyLabel) continue;
    const storyRaw = storyLabel[1]!;
    story = normalizeId(storyRaw);
    const start = labelsCol + label.index! + 1 + (label[1]!.length - label[1]!.trimStart().length);
    refs.push({
      target: { kind: 'id', id: story },
      raw: storyRaw,
      source: 'story-label',
      range: { start: { line, character: start }, end: { line, character: start + storyRaw.length } },
    });
  }
  // TASK admits only the marks STATUS maps.
  const status = STATUS[m[1]!]!;
  const phase = headingAtOrAbove(headings, line - 1)?.text;
  return {
    task: {
      id,
      title: m[4]!.trim(),
      status,
      // A struck-through or DEFERRED task is not required work any more: its parent may be done without it.
      optional: DEFERRED.test(m[4]!),
      range: { start: { line, character: cols.marker }, end: { line, character: lineText.length } },
      markerRange: { start: { line, character: cols.content }, end: { line, character: cols.content + 3 } },
      idRange: { start: { line, character: idCol }, end: { line, character: idCol + id.length } },
      itemRange,
      depth,
      parallel,
      story,
      phase,
    },
    refs,
  };
}
