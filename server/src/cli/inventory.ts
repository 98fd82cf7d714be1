// @spec specthread-core#13.6
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { InventoryEntry, inventory } from '../core/inventory';
import { InventoryOptions } from './args';
import { CheckResult, NO_SPECS, openWorkspace } from './check';

/**
 * `specthread inventory`: one line (or JSON object) per spec with its format and counts, so
 * users and tests can see what was understood. Text columns: spec, format/kind, requirements,
 * criteria, stories, tasks done/total, refs.
 */
export async function runInventory(options: InventoryOptions, cwd: string): Promise<CheckResult> {
  const { engine, under } = await openWorkspace(options.paths, [], cwd, false);
  const entries = inventory(engine.allSpecs().filter((s) => under(s.dir)), NEVER_CANCELLED).map((e) => ({ ...e, dir: relative(e.dir, cwd) }));
  const stdout = options.format === 'json' ? JSON.stringify({ version: 1, specs: entries }, null, 2) : formatTable(entries);
  const totals = summarize(entries);
  return { exitCode: 0, stdout, stderr: entries.length ? totals : NO_SPECS };
}

function relative(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (path.isAbsolute(rel) ? p : rel || '.').split(path.sep).join('/');
}

function formatTable(entries: readonly InventoryEntry[]): string {
  const rows = entries.map((e) => {
    const total = e.tasks.open + e.tasks.done + e.tasks['in-progress'] + e.tasks.queued;
    const deltas = e.deltas ? ` deltas +${e.deltas.ADDED} ~${e.deltas.MODIFIED} -${e.deltas.REMOVED} →${e.deltas.RENAMED}` : '';
    return `${e.dir}  ${e.format}/${e.kind}${e.archived ? ' (archived)' : ''}  req ${e.requirements}  crit ${e.criteria}  stories ${e.stories}  tasks ${e.tasks.done}/${total}  refs ${e.refs}${deltas}`;
  });
  return rows.join('\n');
}

function summarize(entries: readonly InventoryEntry[]): string {
  const byFormat = new Map<string, number>();
  for (const e of entries) byFormat.set(e.format, (byFormat.get(e.format) ?? 0) + 1);
  return `${entries.length} spec${entries.length === 1 ? '' : 's'} (${[...byFormat].map(([f, n]) => `${n} ${f}`).join(', ')})`;
}
