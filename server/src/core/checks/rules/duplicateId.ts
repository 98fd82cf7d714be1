// @spec specthread-core#2.2
import { Located } from '../../index/specModel';
import { Range } from '../../text/range';
import { ReportedProblem, SpecRule } from '../rule';

/** The same requirement, criterion or task number defined twice in one spec. */
export const duplicateId: SpecRule = {
  meta: {
    code: 'structure.duplicate-id',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'A requirement, criterion or task number is used twice in one spec.',
    description:
      'Citations name requirements, criteria and tasks by number, so a number used twice makes every citation of it ' +
      'ambiguous. This usually happens when two branches add a requirement at the same time or a section is copied.',
    bad: '### Requirement 3: Export\n…\n### Requirement 3: Import',
    good: '### Requirement 3: Export\n…\n### Requirement 4: Import',
  },
  check(spec, report) {
    const duplicatedRequirements = new Set<string>();
    reportDuplicates(
      spec.requirementList.map((r) => ({ id: r.node.id, path: r.path, range: r.node.idRange })),
      'Requirement',
      report,
      duplicatedRequirements,
    );
    // Criteria of a duplicated requirement all repeat; the requirement finding already says it.
    const criteria = spec.criterionList.filter((c) => !duplicatedRequirements.has(c.node.requirementId));
    reportDuplicates(
      criteria.map((c) => ({ id: c.node.id, path: c.path, range: c.node.idRange })),
      'Criterion',
      report,
    );
    const tasks = spec.taskList.filter((t): t is Located<typeof t.node> & { node: { id: string; idRange: Range } } => !!t.node.id && !!t.node.idRange);
    reportDuplicates(
      tasks.map((t) => ({ id: t.node.id, path: t.path, range: t.node.idRange })),
      'Task',
      report,
    );
  },
};

function reportDuplicates(
  items: { id: string; path: string; range: Range }[],
  what: string,
  report: (p: ReportedProblem) => void,
  seenDuplicates?: Set<string>,
): void {
  const first = new Map<string, { path: string; range: Range }>();
  for (const item of items) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    seenDuplicates?.add(item.id);
    report({
      path: item.path,
      range: item.range,
      message: `${what} ${item.id} is defined more than once; citations of it are ambiguous.`,
      related: [{ path: earlier.path, range: earlier.range, message: `First definition of ${what.toLowerCase()} ${item.id}` }],
    });
  }
}
