// @spec specthread-core#13.1
import { SpecKitExtras } from '../extras';
import { Heading, RefOccurrence, TaskNode, TaskStatus } from '../../../model';
import { Block, MarkdownDoc, blockRange, collectHeadings, listItemColumns } from '../../../parse/markdown';
import { headingAtOrAbove } from '../../../parse/headingAt';
import { taskAtLine } from '../../../parse/taskAtLine';
import { normalizeId, scanDocIds } from './ids';

/**
 * spec-kit `tasks.md`: `- [ ] T001 [P] [US1] Description with a path`, `[X]` / `[x]` done,
 * `[-]` / `[~]` as Kiro uses them, suffixed ids (`T020a`), grouped under `## Phase N: …` headings with `**Checkpoint**:` lines.
 * Story labels become refs to the story; other ids in the text (`FR-003`, `depends on T012`)
 * become refs too, so an unknown one is reported and a requirement counts as reached.
 */

const TASK = /^\[([ xX\-~])\]\s+(T\d+[a-z]?)\b:?\s*((?:\[[^\]]*\]\s*)*)(.*)$/;
const RETIRED = /\b(?:folded|merged|split|removed|deleted|dropped|renumbered|replaced|superseded|obsolete|retired)\b/i;
const LABEL = /\[([^\]]*)\]/g;
// `[-]` and `[~]` are not in the spec-kit template, but teams mark deferred and queued tasks that way.
const STATUS: Record<string, TaskStatus> = { ' ': 'open', x: 'done', X: 'done', '-': 'in-progress', '~': 'queued' };

export interface SpeckitTasksFacts {
  readonly tasks: TaskNode[];
  readonly refs: RefOccurrence[];
  readonly headings: Heading[];
  readonly extras: SpecKitExtras;
}

export function parseSpeckitTasks(doc: MarkdownDoc): SpeckitTasksFacts {
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
      }
    }
  };
  walk(doc.root, 0);
  const ownIds = new Set(tasks.map((t) => `${t.idRange!.start.line}:${t.idRange!.start.character}`));
  const labelled = new Set(labelRefs.map((r) => `${r.range.start.line}:${r.range.start.character}`));
  const inline = scanDocIds(doc, 'inline-id', (line, start) => ownIds.has(`${line}:${start}`) || labelled.has(`${line}:${start}`))
    .map((r): RefOccurrence => (isTaskId(r) ? { ...r, source: 'task-dependency' } : r))
    // "T001 folded into T005", "split from T105": history of a task that is gone on purpose.
    .filter((r) => r.source !== 'task-dependency' || !RETIRED.test(doc.lines.lineText(r.range.start.line)));
  const owner = taskAtLine(tasks);
  const refs = [...labelRefs, ...inline].map((r) => ({ ...r, taskId: owner(r.range.start.line)?.id }));
  let checkpoints = 0;
  for (let line = 0; line < doc.lines.lineCount; line++) if (/^\s*(?:[-*+]\s+)?\*\*Checkpoint\b/i.test(doc.lines.lineText(line))) checkpoints++;
  return {
    tasks,
    refs,
    headings,
    extras: { type: 'speckit', clarifications: [], clarificationSessions: 0, clarificationAnswers: 0, placeholders: [], checkpoints },
  };
}

function isTaskId(ref: RefOccurrence): boolean {
  const t = ref.target;
  return (t.kind === 'id' && /^T\d/.test(t.id)) || (t.kind === 'range' && /^T\d/.test(t.from));
}

function taskFromItem(doc: MarkdownDoc, item: Block, depth: number, headings: Heading[]): { task: TaskNode; refs: RefOccurrence[] } | undefined {
  const line = item.startLine;
  const lineText = doc.lines.lineText(line);
  const cols = listItemColumns(doc, item);
  const rest = lineText.slice(cols.content);
  const m = TASK.exec(rest);
  if (!m) return undefined;
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
    const storyLabel = /^(US-?\d+[a-z]?)$/.exec(value);
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
      optional: false,
      range: { start: { line, character: cols.marker }, end: { line, character: lineText.length } },
      markerRange: { start: { line, character: cols.content }, end: { line, character: cols.content + 3 } },
      idRange: { start: { line, character: idCol }, end: { line, character: idCol + id.length } },
      itemRange: blockRange(doc, item),
      depth,
      parallel,
      story,
      phase,
    },
    refs,
  };
}
