// @spec specthread-core#16.3
import { roleUnderstood } from '../../../index/reading';
import { SpecModel } from '../../../index/specModel';
import { ReportedProblem } from '../../rule';
import { suggestIds } from '../../suggest';
import { prefixOf } from '../../../formats/speckit/parse/ids';

/**
 * spec-kit ids named in tasks, spec.md and checklists that the feature does not define. Only
 * families the feature uses are checked: a spec without success criteria that mentions `SC-001`
 * is talking about another document, and saying "unknown" there would be a false alarm. Story
 * labels have their own rule (link.unknown-story); cross-spec refs are checked workspace-wide.
 */
export function checkSpeckitRefs(spec: SpecModel, report: (p: ReportedProblem) => void): void {
  if (!spec.files.spec && !spec.files.tasks) return;
  const known = [...spec.requirements.keys(), ...spec.criteria.keys(), ...spec.tasks.keys()];
  const families = new Set(known.map(familyOf));
  for (const ref of spec.refs) {
    if (ref.external || ref.occurrence.source === 'story-label') continue;
    for (const missing of ref.unresolved) {
      const family = familyOf(missing);
      if (!families.has(family)) continue;
      // Understood or silent: a task id is missing only from a tasks.md read with confidence, any other from a spec.md.
      if (!roleUnderstood(spec, family === 'T' ? 'tasks' : 'requirements')) continue;
      // A story's scenario (`US1.4`) is only checked when the story itself exists.
      if (family === 'US.' && !spec.requirements.has(missing.split('.')[0]!)) continue;
      // A task that was split (`T105` → `T105a`, `T105b`) is still known by its old id.
      if (family === 'T' && known.some((k) => k.startsWith(missing) && /^[a-z]$/.test(k.slice(missing.length)))) continue;
      const suggestions =
        family === 'US'
          ? []
          : nearest(
              missing,
              known.filter((k) => familyOf(k) === family),
            );
      report({
        path: ref.path,
        range: ref.occurrence.range,
        message: `${missing} does not exist in spec '${spec.id}'.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        fixes:
          ref.occurrence.target.kind === 'id'
            ? suggestions.map((s, i) => ({
                title: `Replace ${missing} with ${s}`,
                preferred: i === 0,
                edits: [{ path: ref.path, range: ref.occurrence.range, newText: s }],
              }))
            : undefined,
      });
    }
  }
}

/** Ids one or two edits away, numerically nearest first: FR-005 is likelier FR-004 than FR-001. */
function nearest(missing: string, candidates: string[]): string[] {
  const num = (id: string) => Number(/(?<!\d)(\d+)[a-z]?(?:\.\d+)?$/.exec(id)?.[1] ?? 0);
  return suggestIds(missing, candidates, candidates.length)
    .sort((a, b) => Math.abs(num(a) - num(missing)) - Math.abs(num(b) - num(missing)))
    .slice(0, 2);
}

function familyOf(id: string): string {
  if (/^US\d+[a-z]?\.\d+$/.test(id)) return 'US.';
  return prefixOf(id);
}
