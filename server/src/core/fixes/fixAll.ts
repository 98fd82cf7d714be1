// @spec specthread-core#20.1
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { FileEdit, Finding, Fix } from '../findings';
import { comparePositions } from '../text/range';

/**
 * "Fix All in File" (and `source.fixAll.specthread` on save): for each finding of the file, its
 * one safe fix — the preferred one, or the only one — and only those whose edits stay inside the
 * file and overlap no edit already taken, so applying them together never corrupts the text.
 * Suppression comments and "show" actions are never taken: they hide problems instead of fixing them.
 */
export function fixAllEdits(path: string, findings: readonly Finding[], token: CancellationToken): { edits: FileEdit[]; fixed: number } {
  throwIfCancelled(token);
  const taken: FileEdit[] = [];
  let fixed = 0;
  for (const finding of findings) {
    if (finding.path !== path) continue;
    const fix = safeFix(finding.fixes ?? []);
    if (!fix || !fix.edits.every((e) => e.path === path && !taken.some((t) => overlap(t, e)))) continue;
    taken.push(...fix.edits);
    fixed++;
  }
  return { edits: taken, fixed };
}

function safeFix(fixes: readonly Fix[]): Fix | undefined {
  const editing = fixes.filter((f) => f.edits.length > 0 && !f.action);
  return editing.find((f) => f.preferred) ?? (editing.length === 1 ? editing[0] : undefined);
}

/** Two edits overlap when their ranges share a character, or both insert at the same place. */
function overlap(a: FileEdit, b: FileEdit): boolean {
  if (comparePositions(a.range.start, b.range.start) === 0) return true;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}
