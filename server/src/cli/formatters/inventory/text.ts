// @spec specthread-core#13.6, specthread-core#15.6
import { relativeDir } from '../paths';
import { Formatter, InventoryReport } from '../types';

/** One line per spec: folder, format/kind, requirements, criteria, stories, tasks done/total, refs (and OpenSpec deltas). */
export const formatInventoryText: Formatter<InventoryReport> = (entries, { cwd }) =>
  entries
    .map((e) => {
      const total = e.tasks.open + e.tasks.done + e.tasks['in-progress'] + e.tasks.queued;
      const deltas = e.deltas ? ` deltas +${e.deltas.ADDED} ~${e.deltas.MODIFIED} -${e.deltas.REMOVED} →${e.deltas.RENAMED}` : '';
      return `${relativeDir(e.dir, cwd)}  ${e.format}/${e.kind}${e.archived ? ' (archived)' : ''}  req ${e.requirements}  crit ${e.criteria}  stories ${e.stories}  tasks ${e.tasks.done}/${total}  refs ${e.refs}${deltas}  read ${e.confidence}`;
    })
    .join('\n');
