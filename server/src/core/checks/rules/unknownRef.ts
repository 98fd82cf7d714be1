// @spec specthread-core#2.1, specthread-core#16.3
import { roleUnderstood } from '../../index/reading';
import { RefTarget } from '../../model';
import { SpecRule } from '../rule';
import { suggestIds } from '../suggest';
import { checkSpeckitRefs } from './speckit/unknownIds';

/** A `_Requirements:` or `Validates:` citation that names no requirement or criterion. */
export const unknownRef: SpecRule = {
  crossFile: true,
  meta: {
    code: 'link.unknown-ref',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'A task or design cites a requirement or criterion that does not exist.',
    description:
      'Tasks and design properties cite acceptance criteria by number. When requirements are renumbered or removed, ' +
      'the citation silently points at nothing, and whoever picks up the task implements the wrong thing. ' +
      'The finding names the closest existing ids, and the quick fix replaces the citation with the first of them.',
    bad: '- [ ] 3. Add retry\n  - _Requirements: 2.7_   (requirement 2 has criteria 2.1–2.6)',
    good: '- [ ] 3. Add retry\n  - _Requirements: 2.6_',
  },
  check(spec, report) {
    if (spec.format === 'speckit') return checkSpeckitRefs(spec, report);
    // Understood or silent: only requirements read with confidence prove a citation wrong.
    if (!roleUnderstood(spec, 'requirements')) return;
    // Without a requirements file every citation would be "unknown": that is one missing file,
    // not a wall of errors, and the missing-file check is the place to say it.
    if (!spec.files.requirements && !spec.files.bugfix) return;
    // Understood or silent: a requirements file the reader got nothing from (a heading scheme it
    // does not know) proves nothing about the citations, so none of them is reported.
    if (spec.requirements.size === 0) return;
    const criteria = [...spec.criteria.keys()];
    const requirements = [...spec.requirements.keys()];
    const allOnLine = new Set(spec.refs.filter((r) => r.occurrence.target.kind === 'all').map((r) => `${r.path}\u0000${r.occurrence.range.start.line}`));
    for (const ref of spec.refs) {
      for (const missing of ref.unresolved) {
        // Likewise a requirement whose criteria could not be read: its `2.3` may well exist.
        const owner = missing.includes('.') ? spec.requirements.get(missing.split('.')[0]!) : undefined;
        if (owner && owner.node.criteria.length === 0) continue;
        // `_Requirements: All, 6.1-6.7_` already cites everything: a range on that line running past
        // the last criterion (6.6) loosely means "the rest of 6", an odd range, not a certain break.
        if (
          owner &&
          allOnLine.has(`${ref.path}\u0000${ref.occurrence.range.start.line}`) &&
          overshootsRequirement(ref.occurrence.target, missing, spec.criteria)
        )
          continue;
        // A mistyped criterion is another criterion; a wrong requirement number has no
        // meaningful look-alike (every single digit is one edit away), so list the range instead.
        const suggestions = missing.includes('.') ? suggestIds(missing, criteria) : [];
        const hint = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
        const what = missing.includes('.') ? 'Criterion' : 'Requirement';
        const parent = spec.requirements.get(missing.split('.')[0]!);
        // When the criterion's requirement is missing too, the requirement range is what tells the reader why.
        const span = parent
          ? missing.includes('.') && parent.node.criteria.length
            ? ` Requirement ${parent.node.id} has ${describeSpan(parent.node.criteria.map((c) => c.id))}.`
            : ''
          : requirements.length === 1
            ? ` The spec has only requirement ${requirements[0]}.`
            : requirements.length
              ? ` The spec has requirements ${describeSpan(requirements)}.`
              : '';
        const single = ref.occurrence.target.kind === 'id';
        report({
          path: ref.path,
          range: ref.occurrence.range,
          message: `${what} ${missing} does not exist in spec '${spec.id}'.${span}${hint}`,
          fixes: single
            ? suggestions.map((s, i) => ({
                title: `Replace ${missing} with ${s}`,
                preferred: i === 0,
                edits: [{ path: ref.path, range: ref.occurrence.range, newText: s }],
              }))
            : undefined,
        });
      }
    }
  },
};

function overshootsRequirement(target: RefTarget, missing: string, criteria: ReadonlyMap<string, unknown>): boolean {
  if (target.kind !== 'range' || target.to !== missing || !criteria.has(target.from)) return false;
  const [fromReq] = target.from.split('.');
  const [toReq, toNum] = missing.split('.');
  return fromReq === toReq && toNum !== undefined && /^\d+$/.test(toNum);
}

function describeSpan(ids: string[]): string {
  return ids.length === 1 ? `only ${ids[0]}` : `${ids[0]}–${ids[ids.length - 1]}`;
}
