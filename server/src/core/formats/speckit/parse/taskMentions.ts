// @spec specthread-core#16.1
import { RefOccurrence, TaskNode } from '../../../model';
import { MarkdownDoc } from '../../../parse/markdown';
import { TASK_ID } from './ids';

/**
 * Task mentions in tasks.md read as their author meant them. A task struck through where it
 * stood (`- [ ] ~~T012~~ **Deleted**`) is retired: a later "T010–T012 are sequential" records
 * history, not a broken citation. And `T048a` names part (a) of task T048 when T048 spells out
 * its parts as `(a) …` and `(b) …`.
 */
export function settleTaskMentions(doc: MarkdownDoc, refs: RefOccurrence[], tasks: readonly TaskNode[]): RefOccurrence[] {
  const retired = struckIds(doc);
  const byId = new Map(tasks.map((t) => [t.id, t] as const));
  const out: RefOccurrence[] = [];
  for (const ref of refs) {
    const ends = ref.target.kind === 'id' ? [ref.target.id] : ref.target.kind === 'range' ? [ref.target.from, ref.target.to] : [];
    if (ends.some((id) => retired.has(id))) continue;
    if (ref.target.kind === 'id') out.push({ ...ref, target: { kind: 'id', id: partOf(doc, ref.target.id, byId) } });
    else if (ref.target.kind === 'range') out.push({ ...ref, target: { kind: 'range', from: ref.target.from, to: partOf(doc, ref.target.to, byId) } });
    else out.push(ref);
  }
  return out;
}

function struckIds(doc: MarkdownDoc): Set<string> {
  const out = new Set<string>();
  const struck = new RegExp(String.raw`~~\s*(?:\*\*)?(${TASK_ID})(?:\*\*)?\s*~~`, 'g');
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    for (const m of doc.lines.lineText(line).matchAll(struck)) out.add(m[1]!);
  }
  return out;
}

function partOf(doc: MarkdownDoc, id: string, byId: ReadonlyMap<string | undefined, TaskNode>): string {
  const m = /^(.*\d)([a-z])$/.exec(id);
  if (!m || byId.has(id)) return id;
  const base = byId.get(m[1]);
  if (!base) return id;
  for (let line = base.itemRange.start.line; line <= base.itemRange.end.line; line++) {
    if (doc.lines.lineText(line).includes(`(${m[2]})`)) return m[1]!;
  }
  return id;
}
