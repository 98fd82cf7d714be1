// @spec specthread-core#2.2
import { Range } from '../../text/range';
import { ReportedProblem, SpecRule } from '../rule';

/** Numbers that skip or go backwards: requirements, criteria within a requirement, tasks within a parent. */
export const numberingGap: SpecRule = {
  meta: {
    code: 'structure.numbering-gap',
    defaultSeverity: 'hint',
    fixable: true,
    summary: 'Requirement, criterion or task numbers skip a value or go backwards.',
    description:
      'Kiro numbers requirements, criteria and tasks consecutively. A gap usually means something was deleted and ' +
      'the citations that pointed at it, or at the numbers after it, may now be wrong; going backwards usually means ' +
      'a section was moved or copied without renumbering.',
    bad: '### Requirement 1\n…\n### Requirement 3',
    good: '### Requirement 1\n…\n### Requirement 2',
  },
  formats: ['kiro'],
  check(spec, report) {
    checkSequence(
      spec.requirementList.map((r) => ({ id: r.node.id, path: r.path, range: r.node.idRange })),
      'Requirement',
      report,
    );
    // Bugfix sections are 1, 2, 3 by definition of the format; only their criteria are sequences.
    for (const r of spec.requirementList) {
      checkSequence(
        r.node.criteria.map((c) => ({ id: c.id, path: r.path, range: c.idRange })),
        'Criterion',
        report,
      );
    }
    const topLevel = spec.taskList.filter((t) => t.node.id && !t.node.id.includes('.') && /^\d+$/.test(t.node.id));
    checkSequence(
      topLevel.map((t) => ({ id: t.node.id!, path: t.path, range: t.node.idRange! })),
      'Task',
      report,
    );
    for (const [, children] of spec.subtasks) {
      const numbered = children.filter((t) => t.node.id && /^[\d.]+$/.test(t.node.id));
      checkSequence(
        numbered.map((t) => ({ id: t.node.id!, path: t.path, range: t.node.idRange! })),
        'Task',
        report,
      );
    }
  },
};

function lastNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('.') + 1));
}

function checkSequence(items: { id: string; path: string; range: Range }[], what: string, report: (p: ReportedProblem) => void): void {
  for (let i = 1; i < items.length; i++) {
    const before = items[i - 1]!;
    const item = items[i]!;
    const prev = lastNumber(before.id);
    const cur = lastNumber(item.id);
    // Equal numbers are duplicates, which structure.duplicate-id reports.
    if (cur === prev + 1 || cur === prev) continue;
    const message =
      cur > prev
        ? `${what} ${item.id} follows ${before.id}: numbering skips ${missingList(item.id, prev, cur)}.`
        : `${what} ${item.id} follows ${before.id}: numbering goes backwards.`;
    report({ path: item.path, range: item.range, message });
  }
}

function missingList(id: string, prev: number, cur: number): string {
  const prefix = id.includes('.') ? id.slice(0, id.lastIndexOf('.') + 1) : '';
  const missing = [];
  for (let n = prev + 1; n < cur && missing.length < 3; n++) missing.push(prefix + n);
  return missing.join(', ') + (cur - prev - 1 > 3 ? ', …' : '');
}
