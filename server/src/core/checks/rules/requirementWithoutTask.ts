// @spec specthread-core#2.3, specthread-core#16.3
import { roleUnderstood } from '../../index/reading';
import { SpecRule } from '../rule';
import { checkSpeckitCoverage } from './speckit/requirementCoverage';

/** A requirement that no task cites, directly or through one of its criteria. */
export const requirementWithoutTask: SpecRule = {
  crossFile: true,
  meta: {
    code: 'coverage.requirement-without-task',
    defaultSeverity: 'warning',
    fixable: true,
    summary: 'No task cites a requirement or any of its criteria.',
    description:
      'Every requirement should be reached by at least one task, or it will not be built. The check runs only when ' +
      'the spec has a tasks.md that cites requirements at all; a task citing `All` covers every requirement. ' +
      'spec-kit: an FR, SC or NFR is reached when a task names it or carries the label of a story it belongs to; ' +
      'each family is checked only when tasks.md reaches at least two thirds of it, the sign of a team that traces.',
    bad: '### Requirement 4: Audit log\n…\n(tasks.md cites 1.1–3.2 only)',
    good: '- [ ] 5. Write the audit log\n  - _Requirements: 4.1, 4.2_',
  },
  check(spec, report) {
    // Understood or silent: a tasks.md that was not read (a prose plan, an unknown layout) proves no gap.
    if (!roleUnderstood(spec, 'tasks')) return;
    if (spec.format === 'speckit') return checkSpeckitCoverage(spec, report);
    if (spec.format !== 'kiro') return;
    const tasksFile = spec.files.tasks;
    const requirementsFile = spec.files.requirements ?? spec.files.bugfix;
    if (!tasksFile || !requirementsFile || spec.citesAll) return;
    const citedByTask = (id: string) => (spec.citedBy.get(id) ?? []).some((ref) => ref.path === tasksFile.path);
    // A tasks.md without any citation is a team that does not cite; flagging every requirement would be noise.
    if (!spec.refs.some((ref) => ref.path === tasksFile.path && ref.resolved.length > 0)) return;
    for (const r of requirementsFile.requirements) {
      // A bugfix spec's defect section says what must stop happening; nothing builds it.
      if (r.kind === 'defect') continue;
      if (citedByTask(r.id) || r.criteria.some((c) => citedByTask(c.id))) continue;
      report({
        path: requirementsFile.path,
        range: r.range,
        message: `Requirement ${r.id}${r.title ? ` (${r.title})` : ''} is not cited by any task in tasks.md.`,
      });
    }
  },
};
