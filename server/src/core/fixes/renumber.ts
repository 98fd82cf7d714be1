import { FileEdit, Fix } from '../findings';
import { SpecModel } from '../index/specModel';
import { Range } from '../text/range';

/**
 * Renumbers a spec in one workspace edit: requirements 1..n in file order, criteria 1..m within
 * each requirement, tasks 1..n and sub-tasks within their parent, and every citation in tasks.md
 * and design.md moved to the new numbers. A duplicated id is cited as its first definition (the
 * one citations resolve to today). Bugfix sections keep their numbers (1, 2, 3 are fixed by the
 * format). Citations that resolve to nothing are left for `link.unknown-ref`.
 */
export function renumberFix(spec: SpecModel, textOf: (path: string) => string | undefined): Fix | undefined {
  const edits: FileEdit[] = [];
  const ids = new Map<string, string>();
  const textAt = (path: string, r: Range): string | undefined => {
    if (r.start.line !== r.end.line) return undefined;
    const line = textOf(path)?.split(/\r\n|\r|\n/)[r.start.line];
    return line?.slice(r.start.character, r.end.character);
  };
  const change = (path: string, range: Range, newText: string) => {
    if (textAt(path, range) !== newText) edits.push({ path, range, newText });
  };

  let requirementNumber = 0;
  for (const { node: r, path } of spec.requirementList) {
    const isBugfix = path === spec.files.bugfix?.path;
    const newId = isBugfix ? r.id : String(++requirementNumber);
    if (!ids.has(r.id)) ids.set(r.id, newId);
    if (!isBugfix) change(path, r.idRange, newId);
    r.criteria.forEach((c, i) => {
      const newCriterion = `${newId}.${i + 1}`;
      if (!ids.has(c.id)) ids.set(c.id, newCriterion);
      const written = textAt(path, c.idRange);
      if (written === undefined) return;
      const list = /^(\d+)([.)])$/.exec(written);
      if (list) change(path, c.idRange, `${i + 1}${list[2]}`);
      else if (/^\d+\.\d+$/.test(written)) change(path, c.idRange, newCriterion);
    });
  }

  for (const ref of spec.refs) {
    if (ref.unresolved.length) continue;
    const t = ref.occurrence.target;
    const raw = ref.occurrence.raw;
    if (t.kind === 'id') {
      const to = ids.get(t.id);
      if (to && raw === t.id) change(ref.path, ref.occurrence.range, to);
    } else if (t.kind === 'range' && raw.startsWith(t.from) && raw.endsWith(t.to)) {
      const from = ids.get(t.from);
      const to = ids.get(t.to);
      if (from && to) change(ref.path, ref.occurrence.range, from + raw.slice(t.from.length, raw.length - t.to.length) + to);
    }
  }

  const taskIds = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const { node: task, path } of spec.taskList) {
    if (!task.id || !task.idRange || !/^\d+(\.\d+)*$/.test(task.id)) continue;
    const dot = task.id.lastIndexOf('.');
    const parent = dot < 0 ? '' : taskIds.get(task.id.slice(0, dot));
    if (parent === undefined) continue;
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    const newId = parent ? `${parent}.${n}` : String(n);
    if (!taskIds.has(task.id)) taskIds.set(task.id, newId);
    change(path, task.idRange, newId);
  }

  if (edits.length === 0) return undefined;
  const files = new Set(edits.map((e) => e.path)).size;
  return {
    title: `Renumber requirements, criteria and tasks of '${spec.id}' (${edits.length} change${edits.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'})`,
    edits,
  };
}
